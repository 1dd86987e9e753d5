/**
 * What the log viewer asks of the stored records: filtered views, search hits with context and the
 * severity histogram. Filters decide once per record kind (record-kinds.ts) and the histogram reads
 * the time column, so neither builds a record object.
 */
import { setImmediate } from 'node:timers/promises'
import type { RecordQuery, SearchHit, SearchResult, SeverityHistogram } from '../../../shared/models/audit'
import type { RecordKind } from './record-kinds'
import type { RecordStore } from './record-store'

/** Identifies a filter for a cache of views; undefined when the query filters nothing. */
export function filterKey(query: RecordQuery): string | undefined {
  const severities = query.severities && query.severities.length > 0 ? [...query.severities].sort() : undefined
  if (!query.auditOnly && !severities && !query.server && !query.connector && !query.messageId) return undefined
  return JSON.stringify([query.auditOnly ?? false, severities, query.server, query.connector, query.messageId])
}

/** Positions of the stored records that pass the query's filters. */
export function matchingPositions(store: RecordStore, query: RecordQuery): Int32Array {
  const passes = kindFilter(query)
  const kindPasses = Uint8Array.from(store.kindList, (kind) => (passes(kind) ? 1 : 0))
  const positions = new Int32Array(store.size)
  let matches = 0
  for (let position = 0; position < store.size; position++) if (kindPasses[store.kindNumberAt(position)]) positions[matches++] = position
  return positions.slice(0, matches)
}

function kindFilter(query: RecordQuery): (kind: RecordKind) => boolean {
  const severities = query.severities && query.severities.length > 0 ? new Set(query.severities) : undefined
  return (kind) =>
    (!query.auditOnly || kind.audit) &&
    (!severities || severities.has(kind.severity ?? kind.level ?? '')) &&
    (!query.server || kind.server === query.server) &&
    (!query.connector || kind.connector === query.connector) &&
    (!query.messageId || kind.messageIds.includes(query.messageId))
}

/** How a search shares its process: its time limit, and how it learns it is no longer wanted. */
export interface SearchBudget {
  /** The search stops here and answers with the hits found so far. */
  limitMs: number
  /** Throws when the search is no longer wanted (a newer one replaced it, the log was closed). */
  check: () => void
}

/** Work between two turns of the event loop: the host keeps answering clicks and pages meanwhile. */
const SEARCH_SLICE_MS = 12
/** Records tested between two looks at the clock. */
const RECORDS_PER_CLOCK_LOOK = 1024

/**
 * The first `limit` stored records the pattern finds in their searchable text, each with `context` records
 * either side. The search works in slices, handing back the event loop between them, and stops at its time
 * limit: however slow a pattern or large a log, the process that searches never freezes.
 */
export async function searchRecords(
  store: RecordStore,
  pattern: { test: (text: string) => boolean },
  context: number,
  limit: number,
  budget: SearchBudget
): Promise<SearchResult> {
  const started = performance.now()
  let hits: SearchHit[] = []
  let dropped = store.dropped
  let sliceStart = started
  for (let index = 0; index < store.size && hits.length < limit; index++) {
    if (index % RECORDS_PER_CLOCK_LOOK === 0 && performance.now() - sliceStart > SEARCH_SLICE_MS) {
      if (performance.now() - started > budget.limitMs) {
        return { hits, searched: index, total: store.size, stoppedAfterSeconds: Math.round((performance.now() - started) / 100) / 10 }
      }
      await setImmediate()
      budget.check()
      // A followed log past the cap dropped its oldest records meanwhile: positions moved down by as many.
      const moved = store.dropped - dropped
      dropped = store.dropped
      if (moved > 0) {
        hits = hits.flatMap((hit) => (hit.index >= moved ? [{ ...hit, index: hit.index - moved }] : []))
        index = Math.max(0, index - moved)
      }
      sliceStart = performance.now()
    }
    if (!pattern.test(store.searchableText(index))) continue
    hits.push({ index, record: store.record(index), before: store.range(index - context, index), after: store.range(index + 1, index + 1 + context) })
  }
  return { hits, searched: store.size, total: store.size }
}

export function severityHistogram(store: RecordStore, bucketSeconds?: number): SeverityHistogram {
  let first = Infinity
  let last = -Infinity
  for (let position = 0; position < store.size; position++) {
    const time = store.timeAt(position)
    if (time < first) first = time
    if (time > last) last = time
  }
  if (first === Infinity) return { bucketSeconds: bucketSeconds ?? 60, buckets: [] }
  // About 100 buckets over the span unless the caller asks otherwise.
  const size = Math.max(1, Math.round(bucketSeconds ?? Math.max(1, Math.ceil((last - first) / 1000 / 100))))
  const buckets = new Map<number, Record<string, number>>()
  for (let position = 0; position < store.size; position++) {
    const time = store.timeAt(position)
    if (Number.isNaN(time)) continue
    const start = first + Math.floor((time - first) / (size * 1000)) * size * 1000
    let counts = buckets.get(start)
    if (!counts) buckets.set(start, (counts = {}))
    const kind = store.kindAt(position)
    const key = kind.severity ?? kind.level ?? 'Other'
    counts[key] = (counts[key] ?? 0) + 1
  }
  return {
    bucketSeconds: size,
    buckets: [...buckets.entries()].sort((a, b) => a[0] - b[0]).map(([start, counts]) => ({ start: new Date(start).toISOString(), counts }))
  }
}
