/**
 * What the log viewer asks of the stored records: filtered views, search hits with context and the
 * severity histogram. Filters decide once per record kind (record-kinds.ts) and the histogram reads
 * the time column, so neither builds a record object.
 */
import type { RecordQuery, SearchHit, SeverityHistogram } from '../../../shared/models/audit'
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

/** The first `limit` stored records the pattern finds in their searchable text, each with `context` records either side. */
export function searchRecords(store: RecordStore, pattern: { test: (text: string) => boolean }, context: number, limit: number): SearchHit[] {
  const hits: SearchHit[] = []
  for (let index = 0; index < store.size && hits.length < limit; index++) {
    if (!pattern.test(store.searchableText(index))) continue
    hits.push({ index, record: store.record(index), before: store.range(index - context, index), after: store.range(index + 1, index + 1 + context) })
  }
  return hits
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
