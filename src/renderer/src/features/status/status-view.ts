/** Pure helpers behind the status table: ordering, filtering, and making failure messages readable. */
import { isFailedStatus, isHealthyStatus, type ConnectorState } from '../../../../shared/models/daemon'
import type { StatusFilter, StatusGrouping } from '../../store/status-slice'
import { clockTime, dateTime } from '../../lib/time'

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

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' })

/** How far ahead of our clock a daemon time may be and still count as "now". */
const JUST_AHEAD_MS = 60_000

/**
 * A daemon timestamp as the operator reads it: its clock time (with the date when not today) and,
 * when it lies in the past, its age. The daemon's clock need not agree with ours (a simulator
 * running faster, a skewed server), so a time well "in the future" shows no age at all.
 */
export function timeLabel(iso: string | undefined, now: number): { absolute: string; age?: string } {
  if (!iso) return { absolute: '—' }
  const at = Date.parse(iso)
  if (Number.isNaN(at)) return { absolute: iso }
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString()
  // A time just ahead of `now` is a fresh change seen before the next 5-second tick, or a second of
  // skew: it is "now". Showing no age until the tick would add the age line later and move the rows.
  const age = at <= now ? ageOf(iso, now) : at - now <= JUST_AHEAD_MS ? relative.format(0, 'second') : undefined
  return { absolute: sameDay ? clockTime(at) : dateTime(at), age }
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

/**
 * A connector name cut where its words meet ("DropFoot", "Clinical", "Trial"…), so a narrow column
 * wraps "DropFootClinicalTrialResults­FilesMonitor" between words rather than mid-word.
 */
export function nameWords(name: string): string[] {
  return name.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[-_.])/)
}
