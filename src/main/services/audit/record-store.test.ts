import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { AuditRecord, RecordFormat } from '../../../shared/models/audit'
import { analyzeSources } from './analyze'
import { openInput, streamSource } from './log-reader'
import { RecordStore } from './record-store'

const fixtures = fileURLToPath(new URL('../../../../tests/fixtures/audit', import.meta.url))

/** Every record of every log fixture, as the parser makes them (inputs numbered by file). */
async function fixtureRecords(): Promise<AuditRecord[]> {
  const paths = [fixtures, join(fixtures, 'shapes')].flatMap((dir) => readdirSync(dir).filter((name) => /\.(txt|jsonl)$/.test(name)).map((name) => join(dir, name)))
  const records: AuditRecord[] = []
  for (const [input, path] of paths.entries()) await analyzeSources([await openInput(path, input)], { onRecord: (record) => records.push(record) })
  // Free text naming IDs (the one format the fixtures lack).
  const loose = 'Something failed: OMAG-MULTI-TENANT-404-001 and INTEGRATION-DAEMON-SERVICES-0031 while refreshing\n'
  await analyzeSources([streamSource('loose', Readable.from([Buffer.from(loose)]), paths.length)], { onRecord: (record) => records.push(record) })
  return records
}

/** A record with every field a record can have, non-ASCII text and a time the parser would not write. */
const everyField: AuditRecord = {
  input: 3, firstLine: 70_000, lastLine: 70_012, file: '0f1e2d3c-übersicht.omalrecord', format: 'json', audit: true, time: '2021-02-02T20:57:50.000+01:00',
  server: 'cocoMDS1', severity: 'Exception', messageId: 'OMAG-MULTI-TENANT-404-001', text: 'Le serveur « cocoMDS1 » est indisponible: 東京 🚀',
  messageIds: ['INTEGRATION-DAEMON-SERVICES-0031', 'OMAG-MULTI-TENANT-404-001'], connector: 'Größe-Monitor', exceptionClass: 'org.odpi.ffdc.InvalidParameterException',
  exceptionMessage: 'Server « cocoMDS1 » not available', stackTrace: ['org.odpi.ffdc.InvalidParameterException: …', '\tat org.odpi.Frame.call(Frame.java:1)'],
  guid: '3f2c9a10-5b7e-4c1d-9e8f-0a1b2c3d4e5f', furtherReading: 'https://egeria-project.org/ — ü', level: 'ERROR', logger: 'o.o.o.Logger', truncated: true
}

function filled(records: AuditRecord[], max = 1_000_000): RecordStore {
  const store = new RecordStore(max)
  for (const record of records) store.add(record)
  return store
}

describe('RecordStore', () => {
  it('gives back every field of every record format as the parser made it', async () => {
    const records = [...(await fixtureRecords()), everyField]
    const formats: RecordFormat[] = ['console', 'slf4j', 'json', 'platform', 'logback', 'rest', 'text']
    expect(new Set(records.map((record) => record.format))).toEqual(new Set(formats))
    expect(records.some((record) => record.daemonStatus !== undefined)).toBe(true)
    const store = filled(records)
    expect(store.size).toBe(records.length)
    // As the renderer receives them: a field the parser left undefined is no field.
    expect(records.map((_, position) => store.record(position))).toStrictEqual(records.map((record) => JSON.parse(JSON.stringify(record)) as AuditRecord))
  })

  it('keeps repeated heartbeats right when they share their text, whatever comes between', () => {
    const heartbeat = (connector: string, line: number, text = `The integration daemon thread is refreshing integration connector ${connector}`): AuditRecord => ({
      input: 0, firstLine: line, lastLine: line, format: 'console', audit: true, time: `2025-11-22T18:00:${String(line % 60).padStart(2, '0')}Z`,
      server: 'integration-daemon', severity: 'Information', messageId: 'INTEGRATION-DAEMON-SERVICES-0042', text, messageIds: ['INTEGRATION-DAEMON-SERVICES-0042'], connector
    })
    const records = Array.from({ length: 20_000 }, (_, index) =>
      heartbeat(`Monitor${index % 7}`, index + 1, index % 5 === 0 ? `A different text ${index}` : index % 11 === 0 ? 'ß'.repeat(index % 13) : undefined))
    const store = filled(records)
    for (const [position, record] of records.entries()) expect(store.record(position)).toEqual(record)
  })

  it('drops the oldest records past the cap, in batches, and keeps the rest whole', () => {
    const records = Array.from({ length: 5_000 }, (_, index): AuditRecord => ({
      input: 0, firstLine: index + 1, lastLine: index + 1, format: 'console', audit: true, server: 's', severity: 'Information',
      // Every record a new connector and a long text: kinds and text slabs of dropped records must go too.
      connector: `Connector${index}`, text: `${'x'.repeat(20_000)} ${index}`, messageIds: []
    }))
    const store = filled(records, 100)
    expect(store.size).toBeLessThanOrEqual(110)
    expect(store.size + store.dropped).toBe(5_000)
    expect(store.kindList.length).toBe(store.size)
    const kept = records.slice(store.dropped)
    for (const [position, record] of kept.entries()) expect(store.record(position)).toEqual(record)
    expect(store.range(store.size - 2, store.size + 5)).toEqual(records.slice(-2))
  })
})
