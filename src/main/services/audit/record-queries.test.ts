import { readFileSync } from 'node:fs'
import { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import type { RE2JS } from 're2js'
import { describe, expect, it } from 'vitest'
import type { AuditRecord, RecordQuery } from '../../../shared/models/audit'
import { compileSearchPattern } from '../../../shared/search-pattern'
import { analyzeSources } from './analyze'
import { streamSource } from './log-reader'
import { filterKey, matchingPositions, searchRecords, severityHistogram, type SearchBudget } from './record-queries'
import { RecordStore } from './record-store'

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../../../../tests/fixtures/audit/${name}`, import.meta.url)), 'utf8')

async function stored(): Promise<{ records: AuditRecord[]; store: RecordStore }> {
  const records: AuditRecord[] = []
  const texts = [fixture('seed-2021-startup.console.txt'), fixture('platform-interleaved-kafka.console.txt'), fixture('shapes/spring3-kafka.txt')]
  await analyzeSources(texts.map((text, input) => streamSource(`log${input}`, Readable.from([Buffer.from(text)]), input)), { onRecord: (record) => records.push(record) })
  const store = new RecordStore(1_000_000)
  for (const record of records) store.add(record)
  return { records, store }
}

/** The filters as the viewer defines them, record by record. */
function passes(record: AuditRecord, query: RecordQuery): boolean {
  return (!query.auditOnly || record.audit) &&
    (!query.severities?.length || query.severities.includes(record.severity ?? record.level ?? '')) &&
    (!query.server || record.server === query.server) &&
    (!query.connector || record.connector === query.connector) &&
    (!query.messageId || record.messageIds.includes(query.messageId))
}

function regex(pattern: string): RE2JS {
  const compiled = compileSearchPattern(pattern, false)
  if (!compiled.ok) throw new Error(compiled.error)
  return compiled.value
}

const unlimited: SearchBudget = { limitMs: Infinity, check: () => undefined }
const search = async (store: RecordStore, pattern: string): Promise<number[]> => (await searchRecords(store, regex(pattern), 0, 100, unlimited)).hits.map((hit) => hit.index)

describe('record queries over stored records', () => {
  it('filter as they did record by record', async () => {
    const { records, store } = await stored()
    const queries: RecordQuery[] = [
      { auditOnly: true }, { severities: ['Exception', 'ERROR'] }, { server: 'cocoMDS1' }, { connector: 'OakDeneLandingAreaDatabaseMonitor' },
      { messageId: 'OMAG-MULTI-TENANT-404-001' }, { auditOnly: true, severities: ['Information'], server: 'exchangeDL01' }
    ]
    for (const query of queries) {
      const expected = records.flatMap((record, position) => (passes(record, query) ? [position] : []))
      expect(expected.length).toBeGreaterThan(0)
      expect([...matchingPositions(store, query)]).toEqual(expected)
    }
    expect(filterKey({ offset: 5, limit: 10 })).toBeUndefined()
    expect(filterKey({ severities: ['Error', 'Action'] })).toBe(filterKey({ severities: ['Action', 'Error'] }))
  })

  it('search server, severity, message ID, text, exception message and stack trace, with context', async () => {
    const { records, store } = await stored()
    const first = (test: (record: AuditRecord) => boolean): number => records.findIndex(test)
    const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    expect((await search(store, 'exchangeDL01'))[0]).toBe(first((record) => record.server === 'exchangeDL01'))
    // Server, severity and message ID are read in that order before the text.
    expect((await search(store, 'exchangeDL01 Exception INTEGRATION-DAEMON-SERVICES-0031 The'))[0]).toBe(
      first((record) => record.server === 'exchangeDL01' && record.severity === 'Exception' && record.messageId === 'INTEGRATION-DAEMON-SERVICES-0031'))
    const withMessage = first((record) => record.exceptionMessage !== undefined && !record.text.includes(record.exceptionMessage.slice(0, 40)))
    expect(withMessage).toBeGreaterThanOrEqual(0)
    expect(await search(store, escaped(records[withMessage]!.exceptionMessage!.slice(0, 40)))).toEqual([withMessage])
    const traced = first((record) => (record.stackTrace?.length ?? 0) > 1)
    expect(await search(store, escaped(records[traced]!.stackTrace![1]!.trim()))).toContain(traced)
    const { hits: [hit] } = await searchRecords(store, regex('exchangeDL01'), 2, 1, unlimited)
    expect(hit!.record).toEqual(records[hit!.index])
    expect(hit!.before).toEqual(records.slice(Math.max(0, hit!.index - 2), hit!.index))
    expect(hit!.after).toEqual(records.slice(hit!.index + 1, hit!.index + 3))
  })

  it('count severities over time from the time column', async () => {
    const { records, store } = await stored()
    const histogram = severityHistogram(store, 3600)
    const counted = histogram.buckets.reduce((sum, bucket) => sum + Object.values(bucket.counts).reduce((a, b) => a + b, 0), 0)
    expect(counted).toBe(records.filter((record) => record.time !== undefined).length)
    const exceptions = histogram.buckets.reduce((sum, bucket) => sum + (bucket.counts.Exception ?? 0), 0)
    expect(exceptions).toBe(records.filter((record) => record.time !== undefined && record.severity === 'Exception').length)
  })
})
