/** Pure helpers behind the status table: ordering, filtering, and making failure messages readable. */
import { isFailedStatus, isHealthyStatus, type ConnectorState } from '../../../../shared/models/daemon'
import { extractMessageIds } from '../../../../shared/knowledge'
import type { StatusFilter, StatusGrouping } from '../../store/status-slice'

export type StatusCategory = Exclude<StatusFilter, 'all'>

export function categoryOf(status: string): StatusCategory {
  if (isFailedStatus(status)) return 'failed'
  if (isHealthyStatus(status)) return 'healthy'
  return 'other'
}

const ORDER: Record<StatusCategory, number> = { failed: 0, other: 1, healthy: 2 }

/** Needing attention first (failed, then anything unusual or overdue), then by name. */
export function needingAttentionFirst(connectors: readonly ConnectorState[]): ConnectorState[] {
  const rank = (c: ConnectorState): number => ORDER[categoryOf(c.status)] * 2 + (c.refreshOverdue ? 0 : 1)
  return [...connectors].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name))
}

export function visibleConnectors(connectors: readonly ConnectorState[], filter: StatusFilter, query: string): ConnectorState[] {
  const needle = query.trim().toLowerCase()
  return needingAttentionFirst(connectors).filter(
    (c) =>
      (filter === 'all' || categoryOf(c.status) === filter) &&
      (!needle ||
        [c.name, c.status, c.service ?? '', c.group ?? '', c.failingMessage ?? '', c.classification?.subject ?? ''].some((field) =>
          field.toLowerCase().includes(needle)
        ))
  )
}

export function groupConnectors(connectors: ConnectorState[], grouping: StatusGrouping): { key: string; connectors: ConnectorState[] }[] {
  if (grouping === 'none') return [{ key: '', connectors }]
  const groups = new Map<string, ConnectorState[]>()
  for (const connector of connectors) {
    const key = (grouping === 'service' ? connector.service : connector.group) ?? '(none)'
    groups.set(key, [...(groups.get(key) ?? []), connector])
  }
  return [...groups].map(([key, members]) => ({ key, connectors: members }))
}

export interface MessagePart {
  text: string
  messageId?: boolean
  /** A folded `Connection{…}` (or similar) object dump. */
  dump?: boolean
}

/**
 * Splits a failing message into text, message IDs and object dumps: Egeria pastes whole
 * `Connection{…}` toString() dumps into messages, which drown the sentence around them.
 */
export function readableMessage(message: string): MessagePart[] {
  const parts: MessagePart[] = []
  let index = 0
  const dump = /\b[A-Z][A-Za-z]*\{/g
  while (index < message.length) {
    dump.lastIndex = index
    const match = dump.exec(message)
    if (!match) {
      parts.push(...withIds(message.slice(index)))
      break
    }
    const end = closingBrace(message, match.index + match[0].length - 1)
    if (end - match.index < 120) {
      parts.push(...withIds(message.slice(index, end)))
    } else {
      parts.push(...withIds(message.slice(index, match.index)))
      parts.push({ text: message.slice(match.index, end), dump: true })
    }
    index = end
  }
  return parts.filter((part) => part.text.length > 0)
}

function closingBrace(text: string, open: number): number {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++
    else if (text[i] === '}' && --depth === 0) return i + 1
  }
  return text.length
}

function withIds(text: string): MessagePart[] {
  const ids = extractMessageIds(text)
  if (ids.length === 0) return [{ text }]
  const parts: MessagePart[] = []
  let rest = text
  for (const id of ids) {
    const at = rest.indexOf(id)
    if (at < 0) continue
    parts.push({ text: rest.slice(0, at) }, { text: id, messageId: true })
    rest = rest.slice(at + id.length)
  }
  parts.push({ text: rest })
  return parts
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' })
const clockTime = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false })
const dateAndTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium', hour12: false })

/**
 * A daemon timestamp as the operator reads it: its clock time (with the date when not today) and,
 * when it lies in the past, its age. The daemon's clock need not agree with ours (a simulator
 * running faster, a skewed server), so a time "in the future" shows no age at all.
 */
export function timeLabel(iso: string | undefined, now: number): { absolute: string; age?: string } {
  if (!iso) return { absolute: '—' }
  const at = Date.parse(iso)
  if (Number.isNaN(at)) return { absolute: iso }
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString()
  return { absolute: (sameDay ? clockTime : dateAndTime).format(at), age: at <= now ? ageOf(iso, now) : undefined }
}

/** "12 seconds ago", "3 minutes ago": the age of a value, for the operator's eyes. */
export function ageOf(iso: string | undefined, now: number): string {
  if (!iso) return '—'
  const seconds = Math.round((Date.parse(iso) - now) / 1000)
  const abs = Math.abs(seconds)
  if (abs < 60) return relative.format(seconds, 'second')
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute')
  if (abs < 86_400) return relative.format(Math.round(seconds / 3600), 'hour')
  return relative.format(Math.round(seconds / 86_400), 'day')
}
