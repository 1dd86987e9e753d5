import { readdirSync, readFileSync } from 'node:fs'
import { writeFile, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { AnalysisReport, AuditRecord } from '../../../shared/models/audit'
import { analyzeSources } from './analyze'
import { startsRecord } from './record-parser'
import { openInput } from './log-reader'

const shape = (name: string): string => new URL(`../../../../tests/fixtures/audit/shapes/${name}`, import.meta.url).pathname

async function analyze(path: string): Promise<{ report: AnalysisReport; records: AuditRecord[] }> {
  const records: AuditRecord[] = []
  const report = await analyzeSources([await openInput(path, 0)], { onRecord: (record) => records.push(record) })
  return { report, records }
}

/** Every line is in a record, or counted blank or unparsed. */
function expectAllLinesAccounted(report: AnalysisReport, records: AuditRecord[]): void {
  const input = report.inputs[0]!
  const inRecords = records.reduce((total, record) => total + record.lastLine - record.firstLine + 1, 0)
  expect(inRecords + input.unparsedLines + input.blankLines).toBe(input.lines)
}

describe('input shapes, detected and mixed', () => {
  it('reads a pasted status answer and a Python-printed FFDC envelope between shell prompts, as the Status step would', async () => {
    const { report, records } = await analyze(shape('status-pasted.txt'))
    const responses = records.filter((record) => record.format === 'rest')
    expect(responses).toHaveLength(2)
    expect(responses[0]!.daemonStatus?.counts).toMatchObject({ total: 2, failed: 1 })
    expect(responses[1]).toMatchObject({ messageId: 'OMAG-MULTI-TENANT-404-001', exceptionClass: 'org.odpi.openmetadata.frameworks.connectors.ffdc.InvalidParameterException' })
    expect(report.causes).toHaveLength(1)
    expect(report.causes[0]).toMatchObject({ source: 'metadata-server', subject: 'cocoMDS1', connectors: ['LandingMonitor'] })
    expect(report.causes[0]!.action).toContain('Then restart the failed connector LandingMonitor: it does not recover by itself.')
    expect(report.inputs[0]!.unparsedLines).toBe(3) // the three shell prompts
    expectAllLinesAccounted(report, records)
  })

  it('reads Spring Boot 3 lines with the exception, Caused by and "... N more" that follow, and finds the innermost cause', async () => {
    const { report, records } = await analyze(shape('spring3-kafka.txt'))
    const error = records.find((record) => record.level === 'ERROR')!
    expect(error).toMatchObject({ format: 'logback', firstLine: 6, lastLine: 12 })
    expect(error.stackTrace?.some((line) => line.startsWith('Caused by: org.apache.kafka.common.config.ConfigException'))).toBe(true)
    expect(report.causes[0]).toMatchObject({ source: 'third-party', subject: 'Kafka' })
    expectAllLinesAccounted(report, records)
  })

  it('strips docker compose, WebSphere SystemOut, kubectl timestamps and kubectl prefixes', async () => {
    const { report, records } = await analyze(shape('wrapped.txt'))
    expect(records.filter((record) => record.audit).map((record) => record.server)).toEqual(['cocoMDS1', 'cocoMDS1', 'cocoMDS2', 'cocoMDS3', 'cocoMDS4'])
    expect(report.causes.map((cause) => cause.subject).sort()).toEqual(['kafka-0.kafka:9092', 'kafka-1.kafka:9092', 'kafka-2.kafka:9092', 'kafka-3.kafka:9092'])
    expect(report.inputs[0]!.unparsedLines).toBe(0)
  })

  it('reads every real log as container runtimes, their tools and systemd keep it (CRI, Docker json-file, compose and kubectl with times, journalctl) exactly as the log itself', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dd-wrapped-'))
    const realLogs = new URL('../../../../tests/fixtures/real-logs/', import.meta.url).pathname
    const time = (index: number): string => `2025-03-01T10:00:${String(index % 60).padStart(2, '0')}.123456789Z`
    const wrappers: Record<string, (line: string, index: number) => string> = {
      cri: (line, index) => `${time(index)} ${index % 2 ? 'stderr' : 'stdout'} F ${line}`,
      docker: (line, index) => JSON.stringify({ log: `${line}\n`, stream: 'stdout', time: time(index) }),
      composeTimestamps: (line, index) => `egeria-platform-1  | ${time(index)} ${line}`,
      kubectlPrefixTimestamps: (line, index) => `[pod/egeria-platform-0/platform] ${time(index)} ${line}`,
      journal: (line) => `Mar  1 10:00:00 egeria-host java[4242]: ${line}`,
      journalIso: (line) => `2025-03-01T10:00:00+0000 egeria-host java[4242]: ${line}`
    }
    const causesOf = (report: AnalysisReport): unknown => report.causes.map((cause) => [cause.source, cause.subject, cause.connectors, cause.verdict])
    for (const name of readdirSync(realLogs).filter((file) => file.endsWith('.txt'))) {
      const lines = readFileSync(join(realLogs, name), 'utf8').split('\n')
      const plain = (await analyze(join(realLogs, name))).report
      for (const [wrapper, wrap] of Object.entries(wrappers)) {
        const path = join(dir, `${wrapper}-${name}`)
        await writeFile(path, lines.map(wrap).join('\n'))
        const { report, records } = await analyze(path)
        expect(causesOf(report), `${wrapper} ${name}`).toEqual(causesOf(plain))
        expect(report.findings.map((finding) => finding.evidence), `${wrapper} ${name}`).toEqual(plain.findings.map((finding) => finding.evidence))
        expectAllLinesAccounted(report, records)
      }
    }
  })

  it('reads every real log as a person passes it on (quoted, indented, grep -n, cat -n, grep over files, stern) exactly as the log itself', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dd-passed-on-'))
    const realLogs = new URL('../../../../tests/fixtures/real-logs/', import.meta.url).pathname
    // What shows the wrapping: a quote or a path always, line numbers from three lines on, an indent or a pod's name where a line starts a record.
    const wrappers: Record<string, { wrap: (line: string, index: number) => string; shows: (lines: string[]) => boolean }> = {
      quote: { wrap: (line) => `> ${line}`, shows: () => true },
      grep: { wrap: (line) => `logs/egeria.log:${line}`, shows: () => true },
      grepNumbered: { wrap: (line, index) => `${index + 1}:${line}`, shows: (lines) => lines.length >= 3 },
      catNumbered: { wrap: (line, index) => `${String(index + 1).padStart(6)}\t${line}`, shows: (lines) => lines.length >= 3 },
      markdown: { wrap: (line) => `    ${line}`, shows: (lines) => lines.some(startsRecord) },
      stern: { wrap: (line) => `egeria-platform-0 platform ${line}`, shows: (lines) => lines.some(startsRecord) }
    }
    const causesOf = (report: AnalysisReport): unknown => report.causes.map((cause) => [cause.source, cause.subject, cause.connectors, cause.verdict])
    let compared = 0
    for (const name of readdirSync(realLogs).filter((file) => file.endsWith('.txt'))) {
      const lines = readFileSync(join(realLogs, name), 'utf8').split('\n')
      const plain = (await analyze(join(realLogs, name))).report
      for (const [wrapper, { wrap, shows }] of Object.entries(wrappers)) {
        if (!shows(lines.filter((line) => line.trim()))) continue
        const path = join(dir, `${wrapper}-${name}`)
        await writeFile(path, lines.map(wrap).join('\n'))
        const { report } = await analyze(path)
        expect(causesOf(report), `${wrapper} ${name}`).toEqual(causesOf(plain))
        expect(report.findings.map((finding) => finding.evidence), `${wrapper} ${name}`).toEqual(plain.findings.map((finding) => finding.evidence))
        compared++
      }
    }
    expect(compared).toBeGreaterThan(150) // most logs show every wrapping: the comparison is not vacuous
  })

  it('joins the parts of a line a CRI log split (P, then F), numbered as its first part', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dd-cri-'))
    const path = join(dir, 'parts.log')
    const failure = 'Tue Feb 02 20:57:51 GMT 2021 cocoMDS1 Error OCF-KAFKA-TOPIC-CONNECTOR-0014  Connecting to bootstrap Apache Kafka Broker kafka-0.kafka:9092'
    const cri = (tag: string, text: string): string => `2021-02-02T20:57:51.000000001Z stdout ${tag} ${text}`
    await writeFile(path, [cri('F', 'Tue Feb 02 20:57:50 GMT 2021 cocoMDS1 Startup OMRS-AUDIT-0064 The Open Metadata Repository Services (OMRS) has initialized'), cri('P', failure.slice(0, 50)), cri('P', failure.slice(50, 90)), cri('F', failure.slice(90)), cri('P', '  ')].join('\n'))
    const { report, records } = await analyze(path)
    expect(records.map((record) => [record.messageId, record.firstLine, record.lastLine])).toEqual([
      ['OMRS-AUDIT-0064', 1, 1],
      ['OCF-KAFKA-TOPIC-CONNECTOR-0014', 2, 4]
    ])
    expect(records[1]!.text).toBe('Connecting to bootstrap Apache Kafka Broker kafka-0.kafka:9092')
    expect(report.causes[0]).toMatchObject({ source: 'third-party', subject: 'kafka-0.kafka:9092' })
    // The log ends within a split line: its part so far is the line (blank here).
    expect(report.inputs[0]!.blankLines).toBe(1)
    expectAllLinesAccounted(report, records)
  })

  it('joins the entries a Docker json-file log split a long line into (no newline until its last)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dd-docker-'))
    const path = join(dir, 'parts.log')
    const failure = 'Tue Feb 02 20:57:51 GMT 2021 cocoMDS1 Error OCF-KAFKA-TOPIC-CONNECTOR-0014  Connecting to bootstrap Apache Kafka Broker kafka-0.kafka:9092'
    const entry = (log: string): string => JSON.stringify({ log, stream: 'stderr', time: '2021-02-02T20:57:51.000000001Z' })
    await writeFile(path, [entry(failure.slice(0, 70)), entry(`${failure.slice(70)}\r\n`), entry('\n')].join('\n'))
    const { report, records } = await analyze(path)
    expect(records.map((record) => [record.messageId, record.firstLine, record.lastLine, record.text])).toEqual([
      ['OCF-KAFKA-TOPIC-CONNECTOR-0014', 1, 2, 'Connecting to bootstrap Apache Kafka Broker kafka-0.kafka:9092']
    ])
    expect(report.causes[0]).toMatchObject({ source: 'third-party', subject: 'kafka-0.kafka:9092' })
    expectAllLinesAccounted(report, records)
  })

  it('does not let a response cut short swallow the records after it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dd-shapes-'))
    const path = join(dir, 'cut.log')
    const console = 'Tue Feb 02 20:57:51 GMT 2021 cocoMDS1 Error OCF-KAFKA-TOPIC-CONNECTOR-0014  Connecting to bootstrap Apache Kafka Broker kafka-0.kafka:9092'
    await writeFile(path, ['{', '  "class": "VoidResponse",', '  "relatedHTTPCode": 404,', console, '{"class":"VoidResponse", "relatedHTTPCode": 500', console, ''].join('\n'))
    const { report, records } = await analyze(path)
    expect(records.filter((record) => record.format === 'console')).toHaveLength(2)
    expect(report.causes.map((cause) => cause.subject)).toEqual(['kafka-0.kafka:9092'])
    expectAllLinesAccounted(report, records)
  })

  it('drops terminal colour codes (coloured compose prefixes and Spring Boot levels)', async () => {
    const { records } = await analyze(shape('ansi-colours.txt'))
    expect(records.map((record) => [record.format, record.server ?? record.level])).toEqual([
      ['console', 'cocoMDS1'],
      ['logback', 'ERROR']
    ])
  })

  it('reads JSON audit records with older field names (severity object or ordinal, logRecordId, ISO time)', async () => {
    const { records } = await analyze(shape('old-json-records.txt'))
    expect(records.map((record) => [record.server, record.severity, record.time, record.guid])).toEqual([
      ['cocoMDS1', 'Error', '2020-03-05T21:14:16.062Z', '5c4a3e5e-8f61-4a1d-9d1f-3f1f3b7a2a10'],
      ['cocoMDS2', 'Error', '2020-03-05T21:14:16.062Z', '8d0e4c1e-0bd5-4d5b-a3fd-5b8f8b5f5c11']
    ])
  })

  it('reads structured JSON log lines (logstash/ECS) with their level, logger and stack trace', async () => {
    const { report, records } = await analyze(shape('structured-json.txt'))
    expect(records.map((record) => [record.format, record.level, record.time])).toEqual([
      ['logback', 'INFO', '2024-05-02T10:15:30.101Z'],
      ['logback', 'ERROR', '2024-05-02T10:15:41.552Z']
    ])
    expect(records[1]!.stackTrace).toHaveLength(3)
    expect(report.causes[0]).toMatchObject({ source: 'third-party', subject: 'Kafka' })
  })

  it('groups failures against 90 databases into one cause per host:port, not one per connector', async () => {
    const lines: string[] = []
    for (let index = 0; index < 400; index++) {
      const db = `db${index % 90}.example.internal:${5400 + (index % 90)}`
      lines.push(
        `Tue Feb 02 20:57:50 GMT 2021 daemon${index % 3} Exception INTEGRATION-DAEMON-SERVICES-0031 The integration connector Conn${index} method refresh has returned with a org.odpi.openmetadata.frameworks.connectors.ffdc.ConnectorCheckedException exception containing message Connection to ${db} refused. Check that the hostname and port are correct`
      )
    }
    const dir = await mkdtemp(join(tmpdir(), 'dd-shapes-'))
    const path = join(dir, 'ninety.log')
    await writeFile(path, `${lines.join('\n')}\n`)
    const { report } = await analyze(path)
    expect(report.findings).toHaveLength(400)
    expect(report.causes).toHaveLength(90)
    expect(new Set(report.causes.map((cause) => cause.subject)).size).toBe(90)
    expect(report.causes.every((cause) => cause.source === 'third-party' && /^db\d+\.example\.internal:\d+$/.test(cause.subject))).toBe(true)
    expect(report.causes.find((cause) => cause.subject === 'db7.example.internal:5407')!.connectors).toHaveLength(5)
  })
})
