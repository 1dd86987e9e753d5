import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { AuditRecord } from '../../../shared/models/audit'
import { LineSplitter } from './line-splitter'
import { completeAuditRecord, QUALIFIED_EXCEPTION } from './audit-record'
import { connectorNameFromText } from './connector-names'
import { RecordParser, type ParserOptions, type ParserStats } from './record-parser'
import { logbackTimeToIso, timeZone } from './java-time'
import { extractMessageIds } from '../../../shared/knowledge/message-ids'
import { readsTraceLineAt, TRACE_LINES_READ } from './stack-trace'

const fixture = (name: string): string => readFileSync(new URL(`../../../../tests/fixtures/audit/${name}`, import.meta.url), 'utf8')

function parse(text: string, options?: ParserOptions): { records: AuditRecord[]; stats: ParserStats } {
  const records: AuditRecord[] = []
  const parser = new RecordParser(0, (record) => records.push(record), options)
  const splitter = new LineSplitter((text, start, end, truncated) => parser.lineIn(text, start, end, truncated))
  splitter.push(Buffer.from(text))
  splitter.end()
  parser.end()
  return { records, stats: parser.stats }
}

/** Every line is in exactly one record, or counted as blank or unparsed. */
function accountedLines(records: AuditRecord[], stats: ParserStats): number {
  return records.reduce((total, record) => total + record.lastLine - record.firstLine + 1, 0) + stats.blankLines + stats.unparsedLines
}

describe('RecordParser: console destination', () => {
  it('parses the 2021 start-up of the troubleshooting guide', () => {
    const { records, stats } = parse(fixture('seed-2021-startup.console.txt'))
    expect(stats).toMatchObject({ lines: 28, records: 28, auditRecords: 28, unparsedLines: 0 })
    const failure = records[10]!
    expect(failure).toMatchObject({
      format: 'console',
      time: '2021-02-02T20:57:50Z',
      server: 'exchangeDL01',
      severity: 'Exception',
      messageId: 'INTEGRATION-DAEMON-SERVICES-0031',
      connector: 'OakDeneLandingAreaFilesMonitor',
      exceptionClass: 'org.odpi.openmetadata.frameworks.connectors.ffdc.InvalidParameterException',
      messageIds: ['INTEGRATION-DAEMON-SERVICES-0031', 'OMAG-MULTI-TENANT-404-001'],
      firstLine: 11,
      lastLine: 11
    })
    expect(records.filter((record) => record.messageId === 'INTEGRATION-DAEMON-SERVICES-0041').map((record) => record.connector)).toEqual([
      'OakDeneLandingAreaFilesMonitor', 'OldMarketLandingAreaFilesMonitor', 'DropFootClinicalTrialResultsFilesMonitor', 'OakDeneLandingAreaDatabaseMonitor'
    ])
  })

  it('folds the Further-reading line, the Exception supplement and its stack trace into one record (2025 set)', () => {
    const { records, stats } = parse(fixture('egeria6-startup.console.txt'))
    const jdbc = records.find((record) => record.messageId === 'INTEGRATION-DAEMON-SERVICES-0065')!
    expect(jdbc).toMatchObject({
      firstLine: 12,
      lastLine: 21,
      furtherReading: 'https://egeria-project.org/services/integration-daemon-services/',
      guid: '3f2c9a10-5b7e-4c1d-9e8f-0a1b2c3d4e5f',
      exceptionClass: 'org.odpi.openmetadata.frameworks.connectors.ffdc.ConnectorCheckedException',
      connector: 'PostgresTrialsCataloguer',
      messageIds: ['INTEGRATION-DAEMON-SERVICES-0065', 'JDBC-INTEGRATION-CONNECTOR-0002']
    })
    expect(jdbc.exceptionMessage).toContain('clinical-db:5432/trials')
    expect(jdbc.stackTrace).toHaveLength(6)
    expect(jdbc.stackTrace![3]).toContain('Caused by: org.postgresql.util.PSQLException')
    const files = records.find((record) => record.messageId === 'BASIC-FILES-INTEGRATION-CONNECTORS-0023')!
    expect([files.firstLine, files.lastLine, files.furtherReading]).toEqual([7, 8, 'https://egeria-project.org/concepts/basic-file-connectors/'])
    expect(stats.blankLines).toBe(0)
    expect(accountedLines(records, stats)).toBe(stats.lines)
  })

  it('trims IDs defined with a trailing space and keeps platform, Spring Boot and stray lines apart', () => {
    const { records, stats } = parse(fixture('platform-interleaved-kafka.console.txt'))
    const kafka = records.find((record) => record.messageId === 'OCF-KAFKA-TOPIC-CONNECTOR-0014')!
    expect(kafka.text.startsWith('Unable to contact Kafka')).toBe(true)
    expect(records.filter((record) => !record.audit).map((record) => record.format)).toEqual(['logback', 'logback', 'platform', 'logback'])
    const platform = records.find((record) => record.format === 'platform')!
    expect(platform).toMatchObject({ text: 'OMAG server platform ready for more configuration', time: '2021-05-12T08:14:05Z' })
    const springError = records.at(-1)!
    expect(springError).toMatchObject({ format: 'logback', level: 'ERROR', logger: 'o.o.o.c.ffdc.RESTExceptionHandler' })
    expect(springError.stackTrace).toEqual(['java.lang.IllegalStateException: boom', '\tat org.example.Thing.run(Thing.java:1) ~[thing-1.0.jar:1.0]', '\t... 3 common frames omitted'])
    // Banner (3 lines), JAVA_TOOL_OPTIONS and the stray shell line are unparsed; one blank line.
    expect(stats.unparsedLines).toBe(5)
    expect(stats.blankLines).toBe(1)
    expect(accountedLines(records, stats)).toBe(stats.lines)
  })

  it('reads SLF4J destination lines as audit records, with the server split from the GUID', () => {
    const { records } = parse(fixture('platform-interleaved-kafka.console.txt'))
    const slf4j = records.find((record) => record.format === 'slf4j')!
    expect(slf4j).toMatchObject({
      server: 'cocoMDS1',
      guid: '8ee5673f-7b82-4a1c-9d3e-2f4b5c6d7e8f',
      messageId: 'OMRS-AUDIT-0006',
      severity: 'Error',
      // Spring Boot 2 prints local time: the console lines of the same JVM say BST.
      time: '2021-05-12T08:16:06.100Z'
    })
  })

  it('strips docker logs -t prefixes and a BOM', () => {
    const { records, stats } = parse(fixture('docker-timestamps.console.txt'))
    expect(stats).toMatchObject({ lines: 9, auditRecords: 9, unparsedLines: 0 })
    expect(records[0]).toMatchObject({ messageId: 'OMRS-AUDIT-0064', server: 'exchangeDL01' })
    expect(records[8]).toMatchObject({ messageId: 'INTEGRATION-DAEMON-SERVICES-0031', connector: 'OakDeneLandingAreaFilesMonitor' })
  })

  it('resolves zones and lets an override win', () => {
    const line = 'Wed May 12 09:14:06 CET 2021 s1 Startup OMRS-AUDIT-0064 text'
    expect(parse(line).records[0]!.time).toBe('2021-05-12T08:14:06Z')
    expect(parse(line.replace('CET', 'GMT+05:30')).records[0]!.time).toBe('2021-05-12T03:44:06Z')
    expect(parse(line, { zone: timeZone('-05:00') }).records[0]!.time).toBe('2021-05-12T14:14:06Z')
    expect(parse(line.replace('CET', 'ICT')).records[0]!.time).toBe('2021-05-12T02:14:06Z')
    // An abbreviation the table lacks still makes an audit line: its clock is read as UTC.
    expect(parse(line.replace('CET', 'XYZT')).records[0]).toMatchObject({ audit: true, messageId: 'OMRS-AUDIT-0064', time: '2021-05-12T09:14:06Z' })
    expect(timeZone('XYZT')).toBeUndefined()
    // Any zone name, one that is neither known nor an abbreviation too, is read when an override gives the offset.
    expect(parse(line.replace('CET', 'Local')).records[0]!.audit).toBe(false)
    expect(parse(line.replace('CET', 'Local'), { zone: timeZone('+10:00') }).records[0]).toMatchObject({ audit: true, time: '2021-05-11T23:14:06Z' })
  })

  it('gives a header cut before its year no time, rather than the year 1900', () => {
    const { records } = parse('Sat Nov 22 18:00:00 GMT 2025 intserv Information OMRS-AUDIT-0064 text\nSat Nov 22 18:54:00 GMT \nSat Nov 22 18:54:00 GMT 20\n')
    expect(records[0]!.time).toBe('2025-11-22T18:00:00Z')
    expect(records.slice(1).map((record) => record.time)).toEqual(records.slice(1).map(() => undefined))
  })

  it('reads the parts of a split line that no part follows as a line of their own', () => {
    const header = 'Tue Feb 02 20:57:50 GMT 2021 s1 Startup OMRS-AUDIT-0064 initialized'
    const { records, stats } = parse(`2021-02-02T20:57:50.1Z stdout P ${header.slice(0, 40)}\n2021-02-02T20:57:50.2Z stdout P ${header.slice(40)}\n${header}\n`)
    expect(records.map((record) => [record.messageId, record.firstLine, record.lastLine])).toEqual([
      ['OMRS-AUDIT-0064', 1, 2],
      ['OMRS-AUDIT-0064', 3, 3]
    ])
    expect(accountedLines(records, stats)).toBe(3)
  })

  it('follows daylight saving time in an IANA zone given as the override', () => {
    const paris = timeZone('Europe/Paris')
    const at = (date: string): string => parse(`${date} s1 Startup OMRS-AUDIT-0064 text`, { zone: paris }).records[0]!.time!
    expect(at('Wed Jan 13 09:14:06 GMT 2021')).toBe('2021-01-13T08:14:06Z') // CET, +01:00
    expect(at('Wed May 12 09:14:06 GMT 2021')).toBe('2021-05-12T07:14:06Z') // CEST, +02:00
    expect(at('Sun Mar 28 03:30:00 GMT 2021')).toBe('2021-03-28T01:30:00Z') // just after the spring change
    expect(at('Sun Oct 31 01:59:59 GMT 2021')).toBe('2021-10-30T23:59:59Z') // just before the autumn change
    expect(timeZone('Mars/Olympus_Mons')).toBeUndefined()
    expect(timeZone('nonsense')).toBeUndefined()
  })

  it('accepts the 2020 <Unknown> severity and Spring Boot 3 ISO lines', () => {
    const { records } = parse([
      'Wed Jan 08 10:00:00 CET 2020 myserver <Unknown> OMRS-AUDIT-0001 text',
      '2023-06-11T20:48:53.256+01:00  INFO 4805 --- [           main] o.o.o.s.springboot.OMAGServerPlatform    : Starting OMAGServerPlatform',
      '2024-03-15 11:49:06.463 -ERROR 19568 --- [nio-8443-exec-1] o.o.o.c.ffdc.RESTExceptionHandler : failed'
    ].join('\n'))
    expect(records.map((record) => [record.format, record.severity ?? record.level, record.time])).toEqual([
      ['console', 'Unknown', '2020-01-08T09:00:00Z'],
      ['logback', 'INFO', '2023-06-11T19:48:53.256Z'],
      // No zone printed: the JVM's zone from the console lines before it (CET) applies.
      ['logback', 'ERROR', '2024-03-15T10:49:06.463Z']
    ])
  })

  it('reads JSON-lines audit records', () => {
    const json = JSON.stringify({ timeStamp: 1583442856062, originator: { serverName: 'findItDL01' }, severity: 'Error', messageId: 'DISCOVERY-ENGINE-SERVICES-0028', messageText: 'failed', exceptionClassName: 'java.lang.NullPointerException', exceptionStackTrace: 'java.lang.NullPointerException\n\tat x.y(Z.java:1)' })
    const { records, stats } = parse(`${json}\n{"not":"audit"}\n`)
    expect(records[0]).toMatchObject({ format: 'json', server: 'findItDL01', time: '2020-03-05T21:14:16.062Z', stackTrace: ['java.lang.NullPointerException', '\tat x.y(Z.java:1)'] })
    expect(stats.unparsedLines).toBe(1)
  })

  it('strips the wrappers of every line, however many chunk pieces repeat the same text', () => {
    for (const wrap of [(line: string) => `egeria-core-1  | ${line}`, (line: string) => `\u001b[36m${line}\u001b[0m`]) {
      const line = wrap('Tue Feb 02 20:57:50 GMT 2021 s1 Information OMRS-AUDIT-0001 x')
      const count = Math.ceil((300 * 1024) / (line.length + 1))
      const { records, stats } = parse(`${line}\n`.repeat(count))
      expect(stats).toMatchObject({ lines: count, records: count, unparsedLines: 0 })
      expect(records.every((record) => record.format === 'console' && record.server === 's1')).toBe(true)
    }
  })

  it('flags records built from truncated lines', () => {
    const records: AuditRecord[] = []
    const parser = new RecordParser(0, (record) => records.push(record))
    parser.line('Tue Feb 02 20:57:50 GMT 2021 s1 Error OMRS-AUDIT-0006 xxx', true)
    parser.end()
    expect(records[0]!.truncated).toBe(true)
    expect(parser.stats.truncatedLines).toBe(1)
  })
})

describe('Spring Boot times', () => {
  it('gives each line the time its stamp gives on its own, a new millisecond or not (property)', () => {
    const two = (values: string[]): fc.Arbitrary<string> => fc.constantFrom(...values)
    const stampArb = fc
      .tuple(two(['2021', '1969', '0999']), two(['01', '02', '12', '13']), two(['00', '12', '29', '30', '31']), two([' ', 'T']), two(['00', '01', '23', '24']), two(['00', '59', '60']), two(['00', '59', '60']), two(['.', ',']), two(['000', '001', '463', '999']), two(['', 'Z', '+01:00', '+0100', '-05:30']))
      .map(([year, month, day, t, hour, minute, second, separator, millis, zone]) => `${year}-${month}-${day}${t}${hour}:${minute}:${second}${separator}${millis}${zone}`)
    fc.assert(
      fc.property(fc.array(stampArb, { minLength: 1, maxLength: 12 }), fc.constantFrom(undefined, 'Europe/Paris', '+05:30'), (stamps, zoneName) => {
        const zone = zoneName === undefined ? undefined : timeZone(zoneName)
        const { records } = parse(stamps.map((stamp) => `${stamp}  INFO 1 --- [main] o.s.Logger : started\n`).join(''), { zone })
        expect(records.map((record) => record.time)).toEqual(stamps.map((stamp) => logbackTimeToIso(stamp, zone)))
      }),
      { numRuns: 400 }
    )
  })
})

describe('completeAuditRecord', () => {
  it('gives each record the ID chain of its own texts, however often a text repeats (property)', () => {
    const partArb = fc.constantFrom('', 'A-B-0001', 'OCF-KAFKA-TOPIC-CONNECTOR-400-001', 'x-1234', ' caused by ', 'JDBC-INTEGRATION-CONNECTOR-0005', 'UTF-8', 'id')
    const textArb = fc.array(partArb, { maxLength: 4 }).map((parts) => parts.join(' '))
    const recordArb = fc.record({ text: textArb, exceptionMessage: fc.option(textArb, { nil: undefined }), head: fc.option(textArb, { nil: undefined }) })
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 12 }), (records) => {
        for (const { text, exceptionMessage, head } of records) {
          const record: AuditRecord = { input: 0, firstLine: 1, lastLine: 1, format: 'console', audit: true, messageId: 'OMRS-AUDIT-0001', text: `${text} -123`, messageIds: ['OMRS-AUDIT-0001'] }
          if (exceptionMessage !== undefined) record.exceptionMessage = exceptionMessage
          if (head !== undefined) record.stackTrace = [head]
          completeAuditRecord(record)
          expect(record.messageIds).toEqual(extractMessageIds('OMRS-AUDIT-0001', record.text, exceptionMessage, head))
        }
      }),
      { numRuns: 500 }
    )
  })

  it('finds the qualified exception class QUALIFIED_EXCEPTION finds, in prose or code (property)', () => {
    const textArb = fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('org.', 'example.', 'a$b.', '_x.', 'Foo', 'Exception', 'Error', 'Throwable', ' ', '.', '$', 'Z', '9', 'connect. ', 'E')), { maxLength: 14 }).map((parts) => parts.join(''))
    fc.assert(
      fc.property(textArb, (text) => {
        const record: AuditRecord = { input: 0, firstLine: 1, lastLine: 1, format: 'console', audit: true, severity: 'Exception', messageId: 'OMRS-AUDIT-0001', text, messageIds: ['OMRS-AUDIT-0001'] }
        completeAuditRecord(record)
        expect(record.exceptionClass).toBe(QUALIFIED_EXCEPTION.exec(text)?.[1])
      }),
      { numRuns: 3000 }
    )
  })
})

describe('connectorNameFromText', () => {
  it('skips the phrases that follow `connector ` and finds the name the text gives later', () => {
    // The 5.x+ wrong-type failure names the provider first; the demo's cause card said "At fault: provider".
    expect(connectorNameFromText('INTEGRATION-DAEMON-SERVICES-0037', 'The integration service DbMonitor method initialize has returned with a ConnectionCheckedException exception containing message INTEGRATION-DAEMON-SERVICES-400-017 The connector provider org.example.FilesProvider for integration connector DbMonitor did not create an integration connector')).toBe('DbMonitor')
    expect(connectorNameFromText('INTEGRATION-DAEMON-SERVICES-0060', 'The integration connector refresh thread for integration connector FilesMonitor has started in integration daemon exchangeDL01')).toBe('FilesMonitor')
    expect(connectorNameFromText('OIF-CONNECTOR-0001', 'The integration connector context manager is being initialized for calls to server cocoMDS1')).toBeUndefined()
    expect(connectorNameFromText('INTEGRATION-DAEMON-SERVICES-0031', "The integration connector 'FilesMonitor' method start has returned")).toBe('FilesMonitor')
  })

  it('reads the connector from `integration service NAME method`, where Egeria 4.x+ puts the connector name in 0036 and 0037', () => {
    expect(connectorNameFromText('INTEGRATION-DAEMON-SERVICES-0036', 'The integration service OakDeneLandingAreaFilesMonitor method setContext has returned with a InvalidParameterException exception containing message OMAG-MULTI-TENANT-404-001 The OMAG Server cocoMDS1 is not available to service a request from user exchangeDL01npa when attempting to connect to the associated metadata access server')).toBe('OakDeneLandingAreaFilesMonitor')
    // The service's own start-up text names the OMIS service, not a connector.
    expect(connectorNameFromText('INTEGRATION-DAEMON-SERVICES-0001', 'The integration service Files Integrator OMIS has started')).toBeUndefined()
  })
})

describe('RecordParser properties', () => {
  it('gives the chatter sink the connector each message names, however names cycle, repeat or change the words before them (property)', () => {
    const wordArb = fc.constantFrom('The refresh of integration connector ', 'connector ', 'named ', 'called ', "'", 'is ', 'provider ', 'Name1', 'Name12', 'Name2', 'Name1.', 'Name1-', ' ', 'x', 'integration service ', ' method ', 'completed in 5 ms', 'é')
    const beforeArb = fc.constantFrom('The refresh of integration connector ', 'The integration connector named ', "connector '", 'connector is connector ', 'x ', 'The integration service ')
    const nameArb = fc.constantFrom('Name1', 'Name12', 'Name1.', 'Name1-x', 'Name2', 'is', 'provider', '')
    const afterArb = fc.constantFrom('', ' completed in 5 ms', ' method refresh', '.x', '-', 'é', ' connector Name2')
    const messageArb = fc.oneof(
      fc.tuple(beforeArb, nameArb, afterArb).map((parts) => parts.join('')),
      fc.array(wordArb, { maxLength: 8 }).map((words) => words.join(''))
    )
    const lineArb = fc.tuple(fc.constantFrom('INTEGRATION-DAEMON-SERVICES-0042', 'INTEGRATION-DAEMON-SERVICES-0043', 'OMRS-AUDIT-0064'), messageArb)
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 40 }), fc.integer({ min: 40, max: 200 }), (lines, maxLineChars) => {
        const given: [string, string, string | undefined][] = []
        const parser = new RecordParser(0, () => undefined, {}, {
          auditLine: (_input, _line, _time, _server, _severity, id, text, connector) => {
            given.push([id, text, connector])
            return true
          },
          logLine: () => true
        })
        const splitter = new LineSplitter((text, start, end, truncated) => parser.lineIn(text, start, end, truncated), maxLineChars)
        splitter.push(Buffer.from(lines.map(([id, message]) => `Tue Feb 02 20:57:50 GMT 2021 daemon Information ${id} ${message}\n`).join('')))
        parser.end()
        for (const [id, text, connector] of given) expect(connector).toBe(connectorNameFromText(id, text))
      }),
      { numRuns: 1000 }
    )
  })

  /** Lines made of the pieces the parser looks for, cut anywhere: a line read in place must never see past its end. */
  const pieceArb = fc.oneof(
    fc.string({ maxLength: 6 }).map((text) => text.replace(/[\r\n\uFEFF]/g, '')),
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        'Tue Feb 02 20:57:50 GMT 2021', 'Tue Feb 02 20:57:51 CET 20', 'Sat Nov 22 18:00:00 GMT 2025 ', ' ', '  ', 'daemon', 'Information ', 'Error ', '<Unknown> ',
        'INTEGRATION-DAEMON-SERVICES-0042', 'INTEGRATION-DAEMON-SERVICES-004', 'OMRS-AUDIT-0064 ', 'The refresh of integration connector ', 'connector ', 'named ', "'",
        'Name1', 'integration service ', ' method ', 'Further reading: ', 'Supplementary information: log record id ', 'egeria-core-1  | ', '| ',
        '2021-02-02T20:57:50.123456789Z ', '2021-02-12 20:16:37.243  INFO 53787 --- [main] o.s.Web : ', '\u001b[32m', '\u001b[0m', '[pod/x] ', '\t', 'at ', 'é', '{', '}',
        'Tue Feb 02 20:57:50 GMT 2021 daemon Information INTEGRATION-DAEMON-SERVICES-0042 The refresh of integration connector Name1 completed',
        'Tue Feb 02 20:57:50 GMT 2021 daemon Exception INTEGRATION-DAEMON-SERVICES-0031 ', 'a-compose-service-name-long-enough-to-pass-the-sixty-four-character-limit  | '
      )
    }
  )
  const linesArb = fc.array(fc.array(pieceArb, { maxLength: 12 }).map((pieces) => pieces.join('')), { maxLength: 30 })

  it('reads a line in place within its chunk exactly as on its own, cut short or not (property)', () => {
    fc.assert(
      fc.property(linesArb, fc.integer({ min: 4, max: 160 }), (lines, maxLineChars) => {
        const read = (feed: (parser: RecordParser) => void): unknown => {
          const records: AuditRecord[] = []
          const taken: unknown[] = []
          const parser = new RecordParser(0, (record) => records.push(record), {}, {
            auditLine: (...line) => {
              taken.push(line)
              return line[1] % 2 === 0
            },
            logLine: (level, logger) => {
              taken.push([level, logger])
              return level === 'INFO'
            }
          })
          feed(parser)
          parser.end()
          return { records, taken, stats: parser.stats }
        }
        const inPlace = read((parser) => {
          const splitter = new LineSplitter((text, start, end, truncated) => parser.lineIn(text, start, end, truncated), maxLineChars)
          splitter.push(Buffer.from(lines.map((line) => `${line}\n`).join('')))
        })
        const alone = read((parser) => {
          for (const line of lines) parser.line(line.slice(0, maxLineChars), line.length > maxLineChars)
        })
        expect(inPlace).toEqual(alone)
      }),
      { numRuns: 500 }
    )
  })

  const lineArb = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.constantFrom(
      'Tue Feb 02 20:57:50 GMT 2021 exchangeDL01 Exception INTEGRATION-DAEMON-SERVICES-0031 The integration connector X method initialize has returned',
      'Tue Feb 02 20:57:50 GMT 2021 exchangeDL01 Exception INTEGRATION-DAEMON-SERVICES-0031 Supplementary information: log record id 3f2c9a10-5b7e-4c1d-9e8f-0a1b2c3d4e5f a.B returned message of m and stacktrace of ',
      'Tue Feb 02 20:57:50 GMT 2021 exchangeDL01 Exception INTEGRATION-DAEMON-SERVICES-0031 Further reading: https://x',
      '\tat a.b.C.d(C.java:1)', 'Caused by: java.io.IOException: x', '\t... 3 more', '', '   ',
      'Tue Feb 02 20:57:50 GMT 2021 No OMAG servers listed in startup configuration',
      '2021-02-12 20:16:37.243  INFO 53787 --- [           main] o.s.b.w.e.TomcatWebServer  : Tomcat',
      '2021-02-02T20:57:50.123456789Z Tue Feb 02 20:57:50 GMT 2021 s Startup OMRS-AUDIT-0064 x',
      '{"messageId":"A-B-0001","timeStamp":1}', '{broken', 'Tue Feb 99 99:99:99 ZZZ 2021 s Error X-Y-0001 t'
    )
  )

  it('counts a line blank exactly when it starts with an ASCII space or control and trims to nothing (property)', () => {
    const lineArb = fc.array(fc.constantFrom(' ', '\t', '\v', '\f', '\u0001', '\u00a0', '\u2028', '\u3000', '\ufeff', 'a'), { maxLength: 6 }).map((chars) => chars.join(''))
    fc.assert(
      fc.property(lineArb, (line) => {
        const parser = new RecordParser(0, () => undefined)
        parser.line(line)
        parser.end()
        expect(parser.stats.blankLines).toBe(line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim().length === 0) ? 1 : 0)
      }),
      { numRuns: 2000 }
    )
  })

  it('keeps of a trace only the lines a diagnosis reads when it feeds one, every other field the same (property)', () => {
    const traceArb = fc.constantFrom('\tat a.b.C.d(C.java:1)', '    at x.Y.z(Y.java:2)', 'Caused by: java.io.IOException: x', '\t... 3 more', '\tSuppressed: a.B: c', 'at a.b.C.d(C.java:1)', '\t A-B-0001 named')
    const supplement = 'Tue Feb 02 20:57:50 GMT 2021 s Exception INTEGRATION-DAEMON-SERVICES-0031 Supplementary information: log record id 3f2c9a10-5b7e-4c1d-9e8f-0a1b2c3d4e5f a.B returned message of m and stacktrace of '
    const logArb = fc.array(fc.oneof(lineArb, { weight: 3, arbitrary: fc.array(traceArb, { maxLength: 60 }).map((trace) => [supplement, 'a.B: m', ...trace].join('\n')) }), { maxLength: 12 })
    fc.assert(
      fc.property(logArb, fc.integer({ min: 1, max: 80 }), (log, maxStackLines) => {
        const read = (diagnosisOnly: boolean): AuditRecord[] => {
          const records: AuditRecord[] = []
          const parser = new RecordParser(0, (record) => records.push(record), { maxStackLines }, diagnosisOnly ? { auditLine: () => false, logLine: () => false } : undefined)
          for (const line of log.join('\n').split('\n')) parser.line(line)
          parser.end()
          return records
        }
        const whole = read(false)
        const expected = whole.map((record) =>
          record.stackTrace ? { ...record, stackTrace: record.stackTrace.filter((line, index) => readsTraceLineAt(index, line, 0, line.length)).slice(0, TRACE_LINES_READ) } : record
        )
        expect(read(true)).toEqual(expected)
      }),
      { numRuns: 300 }
    )
  })

  it('never throws and accounts for every line', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 40 }), (lines) => {
        const records: AuditRecord[] = []
        const parser = new RecordParser(0, (record) => records.push(record))
        for (const line of lines) parser.line(line)
        parser.end()
        expect(parser.stats.lines).toBe(lines.length)
        expect(accountedLines(records, parser.stats)).toBe(lines.length)
        for (let index = 1; index < records.length; index++) expect(records[index]!.firstLine).toBeGreaterThan(records[index - 1]!.lastLine)
      }),
      { numRuns: 300 }
    )
  })
})
