/**
 * Pure lookups over the knowledge base: what a message ID means (version-aware) and where a failure
 * comes from. Used by the log diagnosis, the renderer beside a log line, and the REST client on a
 * connector's `failingExceptionMessage`.
 */
import type { FailureSource } from '../models/audit'
import { extractMessageIds } from './message-ids'
import { MESSAGES } from './messages'
import { FALLBACK_RULES } from './rules'
import { extractSubject, isRealSubject, SUBJECT_KINDS_BY_SOURCE } from './subjects'
import type { FallbackRule, MessageEntry } from './types'

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
const RULES = FALLBACK_RULES.map((rule) => ({ rule, test: new RegExp(rule.pattern, 'i'), subject: rule.subject ? new RegExp(rule.subject, 'i') : undefined }))
const SUBJECTS = new Map<string, RegExp>()

/** Chains whose call went to the metadata server: a network or TLS failure below them is the server's path. */
const METADATA_CALL_IDS = /^(?:OMAG-COMMON-503-|OMAG-COMMON-0002|CLIENT-SIDE-REST-API-CONNECTOR-|OMAG-ADMIN-503-)/

/**
 * The entry for a message ID. With `egeriaMajor`, picks the meaning that version used; without it,
 * the newest meaning (reused IDs list their older meaning first).
 */
export function lookupMessage(id: string, egeriaMajor?: number): MessageEntry | undefined {
  const trimmed = id.trim()
  const entries = BY_ID.get(trimmed)
  if (entries) {
    if (egeriaMajor === undefined) return entries[entries.length - 1]
    return (
      entries.find((entry) => (entry.fromMajor ?? 0) <= egeriaMajor && egeriaMajor <= (entry.untilMajor ?? Infinity)) ??
      entries[entries.length - 1]
    )
  }
  return WILDCARDS.find(({ pattern }) => pattern.test(trimmed))?.entry
}

export interface FailureClassification {
  messageIds: string[]
  rootMessageId?: string
  source: FailureSource
  /** The metadata server, third-party resource or connector at fault; undefined when the text does not say. */
  subject?: string
  summary: string
  action: string
  /** The fallback rule that decided, when the catalogue could not. */
  rule?: string
  /** Set when the knowledge base says whether a restart can help, against the source's default. */
  restartHelps?: boolean
}

export interface ClassifyContext {
  /** Extra text searched for the subject and rules (exception message, stack trace head). */
  detail?: string
}

/** Classifies a failure text (an audit message, or a connector's failingExceptionMessage) by its innermost ID. */
export function classifyFailure(text: string, egeriaMajor?: number, context: ClassifyContext = {}): FailureClassification {
  const fullText = context.detail ? `${text}\n${context.detail}` : text
  const messageIds = extractMessageIds(fullText)
  const entries = messageIds.map((id) => lookupMessage(id, egeriaMajor))
  const rootMessageId = messageIds[messageIds.length - 1]
  const innermost = entries[entries.length - 1]
  const matched = RULES.find(({ test }) => test.test(fullText))

  let decided: MessageEntry | undefined
  for (let index = entries.length - 1; index >= 0; index--) {
    const entry = entries[index]
    if (entry && isFailureSource(entry.source)) {
      decided = entry
      break
    }
    if (entry === undefined && index === entries.length - 1 && matched) break // unknown innermost ID: trust the rule
  }
  const innermostDecides = innermost !== undefined && isFailureSource(innermost.source)
  if (matched && !innermostDecides) {
    const viaMetadataCall = messageIds.some((id) => METADATA_CALL_IDS.test(id))
    const source: FailureSource = viaMetadataCall && matched.rule.source === 'third-party' ? 'metadata-server' : matched.rule.source
    return {
      messageIds,
      rootMessageId,
      source,
      subject: subjectFrom(fullText, [...entries].reverse(), matched, source),
      summary: matched.rule.summary,
      action: matched.rule.action,
      rule: matched.rule.name
    }
  }
  if (decided) {
    return {
      messageIds,
      rootMessageId,
      source: decided.source as FailureSource,
      subject: subjectFrom(fullText, [decided, ...[...entries].reverse()], matched, decided.source as FailureSource),
      summary: decided.meaning,
      action: decided.action,
      ...(decided.restartHelps === undefined ? {} : { restartHelps: decided.restartHelps })
    }
  }
  return {
    messageIds,
    rootMessageId,
    source: 'connector',
    summary: innermost?.meaning ?? 'The connector reported an error the knowledge base does not know.',
    action: innermost?.action ?? 'Read the exception and stack trace; check the connector configuration, then restart the connector.'
  }
}

function isFailureSource(source: string): source is FailureSource {
  return source === 'metadata-server' || source === 'third-party' || source === 'connector' || source === 'platform'
}

function subjectFrom(
  text: string,
  entries: (MessageEntry | undefined)[],
  matched: { rule: FallbackRule; subject?: RegExp } | undefined,
  source: FailureSource
): string | undefined {
  for (const entry of entries) {
    if (!entry?.subject) continue
    let pattern = SUBJECTS.get(entry.subject)
    if (!pattern) SUBJECTS.set(entry.subject, (pattern = new RegExp(entry.subject)))
    const found = pattern.exec(text)?.[1]
    if (isRealSubject(found)) return found
  }
  const byRule = matched?.subject?.exec(text)?.[1]
  if (isRealSubject(byRule)) return byRule
  return extractSubject(text, SUBJECT_KINDS_BY_SOURCE[source])?.value ?? entries.find((entry) => entry?.subjectDefault)?.subjectDefault
}
