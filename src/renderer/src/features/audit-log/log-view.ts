/** Pure view logic of the audit log step: severity styles, timeline layout, search rows, time labels. */
import { type AuditRecord, type SearchHit, type SeverityHistogram } from '../../../../shared/models/audit'
import { compileSearchPattern, matchRanges } from '../../../../shared/search-pattern'

/** Severity groups drawn and filtered together; each has an icon so colour is never the only cue. */
export type SeverityTone = 'problem' | 'warning' | 'lifecycle' | 'info'

export const TONES: readonly { tone: SeverityTone; label: string; icon: string }[] = [
  { tone: 'problem', label: 'Errors', icon: '✖' },
  { tone: 'warning', label: 'Warnings and actions', icon: '⚠' },
  { tone: 'lifecycle', label: 'Start-up and shutdown', icon: '▸' },
  { tone: 'info', label: 'Information', icon: 'ℹ' }
]

const TONE_OF: Record<string, SeverityTone> = {
  Error: 'problem', Exception: 'problem', Security: 'problem', ERROR: 'problem', FATAL: 'problem',
  Action: 'warning', Decision: 'warning', WARN: 'warning',
  Startup: 'lifecycle', Shutdown: 'lifecycle', Cohort: 'lifecycle'
}

export function severityOf(record: Pick<AuditRecord, 'severity' | 'level'>): string {
  return record.severity ?? record.level ?? 'Other'
}

export function toneOf(severity: string): SeverityTone {
  return TONE_OF[severity] ?? 'info'
}

export function toneIcon(tone: SeverityTone): string {
  return TONES.find((entry) => entry.tone === tone)!.icon
}

/** Severity filter choices for the severities a log actually contains, problems first. */
export function severityChoices(counts: Record<string, number>): { severity: string; count: number; tone: SeverityTone }[] {
  const order = TONES.map((entry) => entry.tone)
  return Object.entries(counts)
    .map(([severity, count]) => ({ severity, count, tone: toneOf(severity) }))
    .sort((a, b) => order.indexOf(a.tone) - order.indexOf(b.tone) || b.count - a.count)
}


export interface TimelineStack {
  tone: SeverityTone
  count: number
  y: number
  height: number
}

export interface TimelineBar {
  start: string
  end: string
  x: number
  width: number
  total: number
  stacks: TimelineStack[]
  /** Spoken label: the bucket's time span and counts per group. */
  label: string
}

export interface TimelineLayout {
  bars: TimelineBar[]
  maxTotal: number
  /** Horizontal axis labels at a few bucket starts. */
  ticks: { x: number; label: string }[]
}

/**
 * Lays a severity histogram out as stacked bars (problems at the bottom, where the eye starts) in a
 * `width` × `height` plot. Empty buckets are left out by the service; bars sit at their time.
 */
export function timelineLayout(histogram: SeverityHistogram, width: number, height: number): TimelineLayout {
  const buckets = histogram.buckets
  if (buckets.length === 0) return { bars: [], maxTotal: 0, ticks: [] }
  const size = histogram.bucketSeconds * 1000
  const first = Date.parse(buckets[0]!.start)
  // At least 20 buckets wide: a log written within one bucket shows one bar, not a wall.
  const span = Math.max(20 * size, Date.parse(buckets[buckets.length - 1]!.start) + size - first)
  const scale = width / span
  const totals = buckets.map((bucket) => Object.values(bucket.counts).reduce((sum, count) => sum + count, 0))
  const maxTotal = Math.max(...totals)
  const bars = buckets.map((bucket, index): TimelineBar => {
    const start = Date.parse(bucket.start)
    const byTone = new Map<SeverityTone, number>()
    for (const [severity, count] of Object.entries(bucket.counts)) byTone.set(toneOf(severity), (byTone.get(toneOf(severity)) ?? 0) + count)
    let y = height
    const stacks: TimelineStack[] = []
    for (const { tone } of TONES) {
      const count = byTone.get(tone) ?? 0
      if (count === 0) continue
      // At least a pixel, so one error among thousands of lines is still visible.
      const barHeight = Math.max(1, (count / maxTotal) * height)
      y -= barHeight
      stacks.push({ tone, count, y, height: barHeight })
    }
    const end = new Date(start + size).toISOString()
    const counts = TONES.filter(({ tone }) => byTone.has(tone)).map(({ tone, label }) => `${byTone.get(tone)!.toLocaleString()} ${label.toLowerCase()}`)
    return {
      start: bucket.start,
      end,
      x: (start - first) * scale,
      width: Math.max(1, size * scale - 1),
      total: totals[index]!,
      stacks,
      label: `${axisTimeLabel(bucket.start, span)} to ${axisTimeLabel(end, span)}: ${counts.join(', ')}`
    }
  })
  const tickCount = 5
  const ticks = Array.from({ length: tickCount }, (_, index) => {
    const time = first + (span * index) / Math.max(1, tickCount - 1)
    return { x: (time - first) * scale, label: axisTimeLabel(new Date(time).toISOString(), span) }
  })
  return { bars, maxTotal, ticks }
}

/** A time label precise enough for the span shown: dates for days, seconds for minutes. */
export function axisTimeLabel(iso: string, spanMs: number): string {
  const date = new Date(iso)
  const time = date.toISOString()
  if (spanMs > 2 * 86_400_000) return `${time.slice(5, 10)} ${time.slice(11, 16)}`
  if (spanMs > 600_000) return time.slice(11, 16)
  return time.slice(11, 19)
}

/** A bucket size in the largest unit that keeps it readable: 30 s, 5 min, 2 h, 3 d. */
export function durationLabel(seconds: number): string {
  if (seconds < 120) return `${seconds} s`
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`
  if (seconds < 172_800) return `${Math.round(seconds / 3600)} h`
  return `${Math.round(seconds / 86_400)} d`
}

/** The viewer's time column: UTC, to the second, with the date when it differs from the first record's. */
export function recordTime(iso: string | undefined): string {
  if (!iso) return ''
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`
}

export type SearchRow =
  | { kind: 'hit'; index: number; record: AuditRecord; hit: number }
  | { kind: 'context'; index: number; record: AuditRecord }
  | { kind: 'gap'; skipped: number }

/**
 * Search hits with their context as rows, as `grep -C` prints them: overlapping context is shown
 * once and a gap row marks skipped records.
 */
export function searchRows(hits: SearchHit[]): SearchRow[] {
  const rows: SearchRow[] = []
  let last = -1
  const push = (row: Extract<SearchRow, { index: number }>): void => {
    if (row.index <= last) {
      // Already shown as context of the previous hit: promote it to a hit.
      if (row.kind === 'hit') {
        const existing = rows.findIndex((candidate) => candidate.kind !== 'gap' && candidate.index === row.index)
        if (existing >= 0) rows[existing] = row
      }
      return
    }
    if (last >= 0 && row.index > last + 1) rows.push({ kind: 'gap', skipped: row.index - last - 1 })
    rows.push(row)
    last = row.index
  }
  hits.forEach((hit, hitNumber) => {
    hit.before.forEach((record, offset) => push({ kind: 'context', index: hit.index - hit.before.length + offset, record }))
    push({ kind: 'hit', index: hit.index, record: hit.record, hit: hitNumber })
    hit.after.forEach((record, offset) => push({ kind: 'context', index: hit.index + 1 + offset, record }))
  })
  return rows
}

/** Splits text into plain and matching parts for highlighting; a bad pattern highlights nothing. */
export function highlightParts(text: string, pattern: string, ignoreCase: boolean): { text: string; match: boolean }[] {
  const compiled = pattern ? compileSearchPattern(pattern, ignoreCase) : undefined
  if (!compiled?.ok) return [{ text, match: false }]
  const parts: { text: string; match: boolean }[] = []
  let at = 0
  for (const [start, end] of matchRanges(compiled.value, text)) {
    if (start > at) parts.push({ text: text.slice(at, start), match: false })
    parts.push({ text: text.slice(start, end), match: true })
    at = end
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false })
  return parts
}

/** The text as a sentence: ends with a full stop unless it already ends with punctuation. */
export function sentence(text: string): string {
  return /[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`
}

/** Why a search pattern is not a valid regular expression, or undefined when it is. */
export function patternError(pattern: string): string | undefined {
  const compiled = compileSearchPattern(pattern, false)
  return compiled.ok ? undefined : compiled.error
}
