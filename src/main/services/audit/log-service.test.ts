import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'

import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import type { LogAppended, LogOpenProgress } from '../../../shared/models/audit'
import { AppError } from '../../../shared/result'
import { LogService } from './log-service'
import { tempDir } from '../../../../tests/temp-dir'

const seedPath = fileURLToPath(new URL('../../../../tests/fixtures/audit/seed-2021-startup.console.txt', import.meta.url))
const kafkaPath = fileURLToPath(new URL('../../../../tests/fixtures/audit/platform-interleaved-kafka.console.txt', import.meta.url))
const tmp = tempDir('dd-logsvc-')
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

function service(maxStoredRecords?: number, searchLimitMs?: number): { logs: LogService; events: LogAppended[] } {
  const events: LogAppended[] = []
  const logs = new LogService({ emit: (_ns, _event, payload) => events.push(payload as LogAppended), pollMs: 60_000, maxStoredRecords, searchLimitMs })
  return { logs, events }
}

describe('LogService', () => {
  it('opens files and pages through records with filters', async () => {
    const { logs } = service()
    const session = await logs.open([seedPath])
    expect(session).toMatchObject({ storedRecords: 28, droppedRecords: 0, following: false })
    expect(session.report.findings).toHaveLength(4)
    expect(logs.records(session.id, { severities: ['Exception'] }).total).toBe(4)
    expect(logs.records(session.id, { connector: 'OakDeneLandingAreaDatabaseMonitor' }).records.map((r) => r.messageId)).toEqual([
      'INTEGRATION-DAEMON-SERVICES-0008', 'INTEGRATION-DAEMON-SERVICES-0031', 'INTEGRATION-DAEMON-SERVICES-0041'
    ])
    expect(logs.records(session.id, { messageId: 'OMAG-MULTI-TENANT-404-001' }).total).toBe(3)
    const page = logs.records(session.id, { offset: 25, limit: 10 })
    expect([page.total, page.offset, page.records.length]).toEqual([28, 25, 3])
  })

  it('says a quiet log that ends without shutdown may be a killed process, but not while the log is followed', async () => {
    const { logs } = service()
    const path = join(tmp, 'quiet.log')
    writeFileSync(path, ['Tue Aug 16 12:02:43 GMT 2022 mds1 Event OMRS-AUDIT-8009 The Open Metadata Repository Services (OMRS) has sent event of type Instance Event', ''].join('\n'))
    const session = await logs.open([path])
    expect(session.report.causes).toMatchObject([{ source: 'metadata-server', subject: 'mds1', verdict: expect.stringMatching(/may have been killed/) }])
    expect(logs.follow(session.id).report.causes).toEqual([])
    expect(logs.unfollow(session.id).report.causes).toHaveLength(1)
    appendFileSync(path, 'Tue Aug 16 12:02:50 GMT 2022 mds1 Shutdown OMAG-ADMIN-0005 The mds1 server has begun the shutdown process\n')
    expect((await logs.open([path])).report.causes).toEqual([])
  })

  it.each([
    ['UTF-16LE with a byte-order mark (PowerShell >)', (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16LE without a mark', (text: string) => Buffer.from(text, 'utf16le')],
    ['UTF-16BE with a byte-order mark', (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])]
  ])('reads a log saved as %s like its UTF-8 original', async (_case, encode) => {
    const { logs } = service()
    const path = join(tmp, `utf16-${Math.random().toString(36).slice(2)}.log`)
    writeFileSync(path, encode(readFileSync(seedPath, 'utf8')))
    const session = await logs.open([path])
    expect(session).toMatchObject({ storedRecords: 28 })
    expect(session.report.findings).toHaveLength(4)
    expect(logs.records(session.id, { messageId: 'OMAG-MULTI-TENANT-404-001' }).total).toBe(3)
  })

  it('searches with a regex and context, and rejects a bad pattern clearly', async () => {
    const { logs } = service()
    const session = await logs.openText(readFileSync(kafkaPath, 'utf8'), 'paste')
    const { hits, searched, total, stoppedAfterSeconds } = await logs.search(session.id, { pattern: 'listNodes', context: 1 })
    expect({ searched, total, stoppedAfterSeconds }).toEqual({ searched: session.storedRecords, total: session.storedRecords, stoppedAfterSeconds: undefined })
    expect(hits).toHaveLength(1)
    expect(hits[0]!.record.messageId).toBe('OMRS-AUDIT-0006')
    expect(hits[0]!.before).toHaveLength(1)
    expect((await logs.search(session.id, { pattern: 'kafka at LOCALHOST', ignoreCase: true })).hits.length).toBeGreaterThan(0)
    await expect(logs.search(session.id, { pattern: '(' })).rejects.toThrow(AppError)
    expect(logs.records(session.id, { auditOnly: true }).total).toBe(6)
  })

  /** A log of 200,000 one-line records: more than one slice of searching on any machine. */
  const manyRecords = (): string =>
    Array.from({ length: 200_000 }, (_, index) => `Tue Feb 02 20:57:${String(index % 60).padStart(2, '0')} GMT 2021 exchangeDL01 Information OMRS-AUDIT-0301 Type ${index} registered`).join('\n')

  it('searches in slices, so the host answers other calls while a search runs', async () => {
    const { logs } = service()
    const session = await logs.openText(manyRecords(), 'many')
    const order: string[] = []
    setTimeout(() => order.push('another call answered'), 1)
    const result = await logs.search(session.id, { pattern: 'Type 199999 ' })
    order.push('search answered')
    expect(order).toEqual(['another call answered', 'search answered'])
    expect(result).toMatchObject({ searched: 200_000, total: 200_000 })
    expect(result.hits.map((hit) => hit.index)).toEqual([199_999])
    expect(result.stoppedAfterSeconds).toBeUndefined()
    logs.dispose()
  })

  it('stops a search at its time limit and says how far it got', async () => {
    const { logs } = service(undefined, 0)
    const session = await logs.openText(manyRecords(), 'many')
    const result = await logs.search(session.id, { pattern: 'Type 199999 ' })
    expect(result.stoppedAfterSeconds).toBeGreaterThanOrEqual(0)
    expect(result.searched).toBeGreaterThan(0)
    expect(result.searched).toBeLessThan(200_000)
    expect(result.total).toBe(200_000)
    expect(result.hits).toEqual([])
    logs.dispose()
  })

  it('ends a search that a newer one of the same log replaced, and one of a log closed meanwhile', async () => {
    const { logs } = service()
    const session = await logs.openText(manyRecords(), 'many')
    const replaced = logs.search(session.id, { pattern: 'Type 199999 ' })
    const newer = logs.search(session.id, { pattern: 'Type 199998 ' })
    await expect(replaced).rejects.toMatchObject({ code: 'cancelled' })
    expect((await newer).hits.map((hit) => hit.index)).toEqual([199_998])
    const closing = logs.search(session.id, { pattern: 'Type 199999 ' })
    logs.close(session.id)
    await expect(closing).rejects.toMatchObject({ code: 'not-found' })
    logs.dispose()
  })

  it('reads a pasted text of many pieces like the same log opened from its file, characters cut by no piece', async () => {
    const { logs } = service()
    const line = (index: number): string => `Tue Feb 02 20:57:${String(index % 60).padStart(2, '0')} GMT 2021 exchangeDL01 Information OMRS-AUDIT-0301 Type « Größe ${index} » 東京 🚀 registered`
    let text = ''
    for (let index = 0; text.length < 2_500_000; index++) text += `${line(index)}\n`
    // A surrogate pair (the rocket) across the first piece's end: 1 MiB code units in.
    const rocket = text.indexOf('🚀', (1 << 20) - 200)
    text = `${text.slice(0, rocket)}${' '.repeat((1 << 20) - 1 - rocket)}${text.slice(rocket)}`
    expect(text.codePointAt((1 << 20) - 1)).toBe(0x1f680)
    const path = join(tmp, 'pasted.log')
    writeFileSync(path, text)
    const pasted = await logs.openText(text, 'pasted.log')
    const opened = await logs.open([path])
    expect(pasted.storedRecords).toBe(opened.storedRecords)
    expect(pasted.storedRecords).toBeGreaterThan(20_000)
    for (let offset = 0; offset < pasted.storedRecords; offset += 1000) {
      expect(logs.records(pasted.id, { offset, limit: 1000 }).records).toEqual(logs.records(opened.id, { offset, limit: 1000 }).records)
    }
    expect((await logs.search(pasted.id, { pattern: '🚀 registered', limit: 5 })).hits.map((hit) => hit.record.text)).toEqual(Array.from({ length: 5 }, (_, index) => line(index).slice(line(index).indexOf('Type'))))
    logs.dispose()
  })

  it('locates evidence lines, times and the next or previous problem within the filtered records', async () => {
    const { logs } = service()
    const session = await logs.open([seedPath])
    expect(logs.locate(session.id, { kind: 'line', input: 0, line: 14 })).toEqual({ position: 13, total: 28 })
    // Within a filter, positions count the filtered records only.
    expect(logs.locate(session.id, { kind: 'line', input: 0, line: 14 }, { severities: ['Exception'] })).toEqual({ position: 1, total: 4 })
    expect(logs.locate(session.id, { kind: 'line', input: 0, line: 9 }, { severities: ['Exception'] })).toEqual({ total: 4 })
    expect(logs.locate(session.id, { kind: 'line', input: 1, line: 9 }).position).toBeUndefined()
    expect(logs.locate(session.id, { kind: 'problem', from: -1, direction: 'next' }).position).toBe(10)
    expect(logs.locate(session.id, { kind: 'problem', from: 10, direction: 'next' }).position).toBe(13)
    expect(logs.locate(session.id, { kind: 'problem', from: 13, direction: 'previous' }).position).toBe(10)
    expect(logs.locate(session.id, { kind: 'problem', from: 10, direction: 'previous' }).position).toBeUndefined()
    expect(logs.locate(session.id, { kind: 'problem', from: 19, direction: 'next' }).position).toBeUndefined()
    const kafka = await logs.open([kafkaPath])
    const timed = logs.records(kafka.id).records
    const target = timed.findIndex((record) => record.time !== undefined && record.time > timed[0]!.time!)
    expect(logs.locate(kafka.id, { kind: 'time', time: timed[target]!.time! }).position).toBe(target)
    expect(logs.locate(kafka.id, { kind: 'time', time: '2099-01-01T00:00:00Z' })).toEqual({ total: 10 })
  })

  it('keeps filtered views true as followed records arrive', async () => {
    const { logs } = service()
    const path = join(tmp, 'views.log')
    const lines = readFileSync(seedPath, 'utf8').split('\n')
    writeFileSync(path, `${lines.slice(0, 12).join('\n')}\n`)
    const session = await logs.open([path])
    expect(logs.records(session.id, { severities: ['Exception'] }).total).toBe(1)
    logs.follow(session.id)
    appendFileSync(path, `${lines.slice(12, 20).join('\n')}\n`)
    const internal = (logs as unknown as { sessions: Map<string, Parameters<LogService['poll']>[0]> }).sessions.get(session.id)!
    await logs.poll(internal)
    const page = logs.records(session.id, { severities: ['Exception'] })
    expect(page.total).toBe(4)
    expect(page.records.map((record) => record.firstLine)).toEqual([11, 14, 17, 20])
    expect(logs.histogram(session.id).buckets[0]!.counts.Exception).toBe(4)
    logs.close(session.id)
  })

  it('locates the evidence of a folder of .omalrecord files by file, and pages records with their file', async () => {
    const { logs } = service()
    const dir = join(tmp, 'omalrecords')
    mkdirSync(dir)
    const events = readFileSync(fileURLToPath(new URL('../../../../tests/fixtures/audit/seed-2021-startup.events.jsonl', import.meta.url)), 'utf8').trim().split('\n')
    events.forEach((event, index) => writeFileSync(join(dir, `record-${String(index).padStart(3, '0')}.omalrecord`), event))
    const session = await logs.open([dir])
    const evidence = session.report.findings[0]!.evidence[0]!
    expect(evidence.file).toMatch(/\.omalrecord$/)
    const { position } = logs.locate(session.id, { kind: 'line', input: 0, line: evidence.line, file: evidence.file })
    expect(logs.records(session.id, { offset: position, limit: 1 }).records[0]).toMatchObject({ file: evidence.file, firstLine: evidence.line })
    expect(logs.locate(session.id, { kind: 'line', input: 0, line: evidence.line, file: 'no-such.omalrecord' }).position).toBeUndefined()
  })

  it('merges several texts by time, each with its own line numbers', async () => {
    const { logs } = service()
    const seed = readFileSync(seedPath, 'utf8')
    const kafka = readFileSync(kafkaPath, 'utf8')
    const session = await logs.openTexts([{ name: 'daemon.log', text: seed }, { name: 'platform.log', text: kafka }])
    expect(session.name).toBe('daemon.log, platform.log')
    expect(session.report.inputs.map((input) => input.path)).toEqual(['daemon.log', 'platform.log'])
    expect(session.storedRecords).toBe(38)
    const records = logs.records(session.id, { limit: 1000 }).records
    // The 2021-05 platform log sorts after the 2021-02 daemon log, whatever order the texts came in.
    expect(records.findIndex((record) => record.input === 1)).toBe(28)
    expect(logs.locate(session.id, { kind: 'line', input: 1, line: records[28]!.firstLine }).position).toBe(28)
  })

  it('builds a severity histogram over time', async () => {
    const { logs } = service()
    const session = await logs.open([kafkaPath])
    const histogram = logs.histogram(session.id, 60)
    expect(histogram.bucketSeconds).toBe(60)
    // The platform line is the earliest (Spring Boot lines before any console line are read as UTC).
    expect(histogram.buckets[0]).toEqual({ start: '2021-05-12T08:14:05.000Z', counts: { Other: 1, Startup: 2 } })
    const severities = new Set(histogram.buckets.flatMap((bucket) => Object.keys(bucket.counts)))
    expect([...severities].sort()).toEqual(['ERROR', 'Error', 'Exception', 'INFO', 'Other', 'Startup', 'WARN'])
    const total = histogram.buckets.reduce((sum, bucket) => sum + Object.values(bucket.counts).reduce((a, b) => a + b, 0), 0)
    expect(total).toBe(10)
  })

  it('reports the progress of an opening, lets other work run while it reads, and can cancel it', async () => {
    const progress: LogOpenProgress[] = []
    let cancelOnFirst = false
    const logs: LogService = new LogService({
      emit: (_ns, event, payload) => {
        if (event !== 'progress') return
        progress.push(payload as LogOpenProgress)
        if (cancelOnFirst) expect(logs.cancel((payload as LogOpenProgress).openId)).toBe(true)
      }
    })
    const big = join(tmp, 'big.log')
    writeFileSync(big, readFileSync(seedPath, 'utf8').repeat(2500))
    const size = readFileSync(big).length
    let timerRan = false
    setTimeout(() => (timerRan = true), 0)
    const session = await logs.open([big], undefined, 'open-1')
    expect(timerRan).toBe(true)
    expect(session.report.inputs[0]!.records).toBe(28 * 2500)
    expect(progress[0]).toEqual({ openId: 'open-1', bytesRead: 0, totalBytes: size })
    expect(progress.at(-1)).toEqual({ openId: 'open-1', bytesRead: size, totalBytes: size })
    const reads = progress.map((event) => event.bytesRead)
    expect(reads).toEqual([...reads].sort((a, b) => a - b))
    expect(logs.cancel('open-1')).toBe(false)

    cancelOnFirst = true
    progress.length = 0
    const cancelled = await logs.open([big], undefined, 'open-2').catch((error: unknown) => error)
    expect(cancelled).toBeInstanceOf(AppError)
    expect(cancelled).toMatchObject({ code: 'cancelled', message: 'Opening the log was cancelled' })
    expect(progress.every((event) => event.bytesRead < size)).toBe(true)
    expect(logs.cancel('open-2')).toBe(false)
  })

  it('follows a growing file and pushes the appended records with the updated report', async () => {
    const { logs, events } = service()
    const path = join(tmp, 'live.log')
    const lines = readFileSync(seedPath, 'utf8').split('\n')
    writeFileSync(path, `${lines.slice(0, 9).join('\n')}\n`)
    const session = await logs.open([path])
    expect(session.report.findings).toHaveLength(0)
    expect(logs.follow(session.id).following).toBe(true)
    appendFileSync(path, `${lines[9]}\n${lines[10]}\n`)
    const internal = (logs as unknown as { sessions: Map<string, Parameters<LogService['poll']>[0]> }).sessions.get(session.id)!
    expect(await logs.poll(internal)).toBe(2)
    expect(events).toHaveLength(1)
    expect(events[0]!.report.findings.map((f) => [f.connector, f.subject, f.evidence[0]!.line])).toEqual([['OakDeneLandingAreaFilesMonitor', 'cocoMDS1', 11]])
    expect(events[0]!.report.inputs[0]!.lines).toBe(11)
    expect(await logs.poll(internal)).toBe(0)
    expect(logs.unfollow(session.id).following).toBe(false)
    logs.close(session.id)
    expect(() => logs.records(session.id)).toThrow(/no longer open/)
  })

  it('keeps a trace written across two polls in one record, and releases it once the file stops growing', async () => {
    const { logs } = service()
    const path = join(tmp, 'live-trace.log')
    const lines = readFileSync(seedPath, 'utf8').split('\n')
    writeFileSync(path, `${lines.slice(0, 9).join('\n')}\n`)
    const session = await logs.open([path])
    logs.follow(session.id)
    const internal = (logs as unknown as { sessions: Map<string, Parameters<LogService['poll']>[0]> }).sessions.get(session.id)!
    const stamp = 'Tue Feb 02 20:57:50 GMT 2021 exchangeDL01 Exception INTEGRATION-DAEMON-SERVICES-0031'
    const exception = 'org.odpi.openmetadata.frameworks.connectors.ffdc.InvalidParameterException'
    const frames = (from: number, count: number): string => Array.from({ length: count }, (_, index) => `\tat org.odpi.Frame.call${from + index}(Frame.java:${from + index})\n`).join('')
    appendFileSync(path, `${stamp} The integration connector OakDeneLandingAreaFilesMonitor method refresh has returned with a ${exception} exception containing message OMAG-MULTI-TENANT-404-001 The OMAG Server cocoMDS1 is not available to service a request from user garygeeke\n` +
      `${stamp} Supplementary information: log record id 3f2c9a10-5b7e-4c1d-9e8f-0a1b2c3d4e5f ${exception} returned message of OMAG-MULTI-TENANT-404-001 The OMAG Server cocoMDS1 is not available and stacktrace of \n` +
      `${exception}{reportedHTTPCode=404}\n${frames(1, 2)}`)
    expect(await logs.poll(internal)).toBe(0) // the trace may go on: held back
    appendFileSync(path, `${frames(3, 3)}${lines[11]}\n`)
    expect(await logs.poll(internal)).toBe(2) // the whole exception record, and the plain line after it
    const exceptionRecord = logs.records(session.id).records.find((record) => record.messageId === 'INTEGRATION-DAEMON-SERVICES-0031')!
    expect(exceptionRecord).toMatchObject({ firstLine: 10, lastLine: 17, exceptionClass: exception })
    expect(exceptionRecord.stackTrace).toHaveLength(6)
    expect(internal.report.inputs[0]).toMatchObject({ lines: 18, records: 11, unparsedLines: 0 })

    appendFileSync(path, `${stamp} The integration connector X method refresh has returned with a ${exception} exception\n` +
      `${stamp} Supplementary information: log record id 0b1c2d3e-5b7e-4c1d-9e8f-0a1b2c3d4e5f ${exception} returned message of X and stacktrace of \n${frames(1, 1)}`)
    expect(await logs.poll(internal)).toBe(0) // a new open record: held back
    expect(await logs.poll(internal)).toBe(1) // the file stopped growing: released
    expect(internal.report.inputs[0]).toMatchObject({ lines: 21, records: 12, unparsedLines: 0 })

    // A plain line flushed by a held record's first line is counted now, not lost with the held lines.
    appendFileSync(path, `${lines[11]}\n${stamp} The integration connector Y method refresh has returned with a ${exception} exception\n` +
      `${stamp} Supplementary information: log record id 1c2d3e4f-5b7e-4c1d-9e8f-0a1b2c3d4e5f ${exception} returned message of Y and stacktrace of \n${frames(1, 1)}`)
    expect(await logs.poll(internal)).toBe(1)
    expect(internal.report.inputs[0]).toMatchObject({ lines: 22, records: 13, unparsedLines: 0 })
    expect(await logs.poll(internal)).toBe(1)
    expect(internal.report.inputs[0]).toMatchObject({ lines: 25, records: 14, unparsedLines: 0 })
    logs.close(session.id)
  })

  it('drops the oldest records of a followed file past the cap and keeps the newest whole', async () => {
    const { logs } = service(10)
    const path = join(tmp, 'capped-live.log')
    const lines = readFileSync(seedPath, 'utf8').split('\n').filter(Boolean)
    writeFileSync(path, `${lines.slice(0, 5).join('\n')}\n`)
    const session = await logs.open([path])
    logs.follow(session.id)
    const internal = (logs as unknown as { sessions: Map<string, Parameters<LogService['poll']>[0]> }).sessions.get(session.id)!
    for (let round = 0; round < 6; round++) {
      appendFileSync(path, `${lines.join('\n')}\n`)
      await logs.poll(internal)
    }
    const { storedRecords, droppedRecords } = logs.unfollow(session.id)
    expect(storedRecords).toBeLessThanOrEqual(11)
    expect(storedRecords + droppedRecords).toBe(internal.report.records)
    // The newest records are the seed's last ones, numbered by their line in the grown file.
    const kept = logs.records(session.id, { limit: 1000 }).records
    const total = internal.report.inputs[0]!.lines
    expect(kept).toHaveLength(storedRecords)
    expect(kept.at(-1)!.lastLine).toBe(total)
    expect(lines.at(-1)!.endsWith(kept.at(-1)!.text)).toBe(true)
    kept.forEach((record, index) => expect(record.firstLine).toBe(total - kept.length + 1 + index))
    logs.close(session.id)
  })

  it('caps stored records, reports unreadable paths, bad zones and unfollowable inputs', async () => {
    const { logs } = service(10)
    const session = await logs.open([seedPath])
    expect(session.storedRecords).toBeLessThanOrEqual(11)
    expect(session.storedRecords + session.droppedRecords).toBe(28)
    await expect(logs.open([join(tmp, 'nope.log')])).rejects.toMatchObject({ code: 'not-found', message: `Cannot read ${join(tmp, 'nope.log')}: there is no such file or folder (ENOENT)` })
    await expect(logs.open([seedPath], 'XYZ')).rejects.toMatchObject({ code: 'invalid-input' })
    const pasted = await logs.openText('hello')
    expect(() => logs.follow(pasted.id)).toThrow(/Only plain log files/)
    logs.dispose()
  })
})
