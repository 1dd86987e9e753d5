/**
 * What a message ID means in the knowledge base, by release and by the form of its text: pure lookups
 * for the log diagnosis, the classification of a failure (classify.ts) and the renderer beside a log line.
 */
import { MESSAGES } from './messages'
import type { MessageEntry } from './types'

const BY_ID = new Map<string, MessageEntry[]>()
const WILDCARDS: { pattern: RegExp; entry: MessageEntry }[] = []
for (const entry of MESSAGES) {
  if (entry.id.includes('*')) {
    WILDCARDS.push({ pattern: new RegExp(`^${entry.id.replace(/[-]/g, '\\-').replace('*', '[A-Z0-9-]+')}$`), entry })
    continue
  }
  const list = BY_ID.get(entry.id)
  if (list) list.push(entry)
  else BY_ID.set(entry.id, [entry])
}

/** The compiled forms of the meanings of IDs that Egeria reused with another text. */
const FORMS = new Map<MessageEntry, RegExp>()
for (const entry of MESSAGES) if (entry.form !== undefined) FORMS.set(entry, new RegExp(entry.form, 'i'))

/** Whether the ID has meanings told apart by their text (`form`): its text must be read to know which. */
export function hasReusedForms(id: string): boolean {
  return BY_ID.get(id.trim())?.some((entry) => FORMS.has(entry)) === true
}

/** Every entry a message ID may resolve to, whatever the release and text (lookupMessage picks one of them). */
export function messageMeanings(id: string): readonly MessageEntry[] {
  const trimmed = id.trim()
  const entries = BY_ID.get(trimmed)
  if (entries) return entries
  const wildcard = WILDCARDS.find(({ pattern }) => pattern.test(trimmed))?.entry
  return wildcard ? [wildcard] : []
}

/**
 * The entry for a message ID. With `text`, a reused ID's meaning whose form the text matches wins;
 * then, with `egeriaMajor`, the meaning that version used; without either, the newest meaning
 * (reused IDs list their older meaning first).
 */
export function lookupMessage(id: string, egeriaMajor?: number, text?: string): MessageEntry | undefined {
  const trimmed = id.trim()
  const entries = BY_ID.get(trimmed)
  if (entries) {
    const byForm = text === undefined || entries.length === 1 ? undefined : entries.find((entry) => FORMS.get(entry)?.test(text) === true)
    if (byForm) return byForm
    if (egeriaMajor === undefined) return entries[entries.length - 1]
    return (
      entries.find((entry) => (entry.fromMajor ?? 0) <= egeriaMajor && egeriaMajor <= (entry.untilMajor ?? Infinity)) ??
      entries[entries.length - 1]
    )
  }
  return WILDCARDS.find(({ pattern }) => pattern.test(trimmed))?.entry
}
