import { readFileSync, readdirSync, rmSync, writeFileSync, appendFileSync, mkdirSync } from 'node:fs'

import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { Readable } from 'node:stream'
import type { AnalysisReport } from '../../../shared/models/audit'
import { analyzeSources } from './analyze'
import { Diagnoser } from './diagnosis'
import { openInput, readIncrement, streamBatches, streamSource, utf16Decoder } from './log-reader'
import { tempDir } from '../../../../tests/temp-dir'
import { writeConsoleShape } from '../../../../bench/log-shapes'

const fixturePath = (name: string): string => new URL(`../../../../tests/fixtures/audit/${name}`, import.meta.url).pathname
const tmp = tempDir('dd-audit-')
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

async function analyze(...paths: string[]) {
  return analyzeSources(await Promise.all(paths.map((path, index) => openInput(path, index))))
}

describe('a 4.x+ daemon whose connectors cannot reach their metadata server', () => {
  it('names the blocked connectors from INTEGRATION-DAEMON-SERVICES-0036, whose text calls each an integration service', async () => {
    const path = join(tmp, 'setcontext-0036.log')
    const line = (connector: string, second: number): string =>
      `Fri Dec 04 19:01:${second} GMT 2026 exchangeDL01 Error INTEGRATION-DAEMON-SERVICES-0036 The integration service ${connector} method setContext has returned with a org.odpi.openmetadata.frameworks.openmetadata.ffdc.InvalidParameterException exception containing message OMAG-MULTI-TENANT-404-001 The OMAG Server cocoMDS1 is not available to service a request from user exchangeDL01npa when attempting to connect to the associated metadata access server`
    writeFileSync(path, ['Files1', 'Files2', 'Files3'].map((name, index) => line(name, 11 + index)).join('\n') + '\n')
    const report = await analyze(path)
    expect(report.causes).toHaveLength(1)
    expect(report.causes[0]).toMatchObject({ source: 'metadata-server', subject: 'cocoMDS1', connectors: ['Files1', 'Files2', 'Files3'] })
    expect(report.causes[0]!.verdict).toBe('metadata server cocoMDS1 unavailable: 3 connectors')
  })
})

describe('connectors failing the same way', () => {
  it('are one cause listing them all, while a connector with another fault keeps a cause of its own', async () => {
    const path = join(tmp, 'same-fault.log')
    const failure = (connector: string, id: string, text: string): string =>
      `Sat Nov 22 18:00:00 GMT 2025 intserv Exception INTEGRATION-DAEMON-SERVICES-0031 The integration connector ${connector} method refresh has returned with a org.odpi.openmetadata.frameworks.connectors.ffdc.InvalidParameterException exception containing message ${id} ${text}`
    const unknownGuid = (guid: string): string => `The entity identified with guid ${guid} passed on the getEntityDetail call is not known to the open metadata repository cocoMDS1`
    const guids = ['1d62bacb-6f1f-9298-f8dc-e15d129abbd9', '2e73cbdc-7a2a-4309-a9ed-f26e23abcce0', '3f84dced-8b3b-4410-b0fe-037f34bcddf1', '4a95edfe-9c4c-4521-81af-148a45cdeea2']
    const lines = ['Sync1', 'Sync2', 'Sync3', 'Sync4'].map((name, index) => failure(name, 'OMRS-REPOSITORY-404-002', unknownGuid(guids[index]!)))
    const noUser = 'The user identifier (user id) passed on the getEntityDetail operation is null'
    // Sync4 also fails another way: its faults are no longer the others', nor Odd's, which only fails that other way.
    lines.push(failure('Sync4', 'OMAG-COMMON-400-004', noUser), failure('Odd', 'OMAG-COMMON-400-004', noUser))
    writeFileSync(path, lines.join('\n') + '\n')
    const report = await analyze(path)
    const connectorCauses = report.causes.filter((cause) => cause.source === 'connector')
    expect(connectorCauses.map((cause) => [cause.subject, cause.connectors, cause.findings.length])).toEqual([
      ['Sync1, Sync2 and Sync3', ['Sync1', 'Sync2', 'Sync3'], 3],
      ['Sync4', ['Sync4'], 2],
      ['Odd', ['Odd'], 1]
    ])
    expect(connectorCauses[0]!.verdict).toMatch(/^3 connectors misconfigured or faulty the same way \(Sync1, Sync2 and Sync3\): the caller asked for an entity by a GUID/)
    expect(connectorCauses[1]!.verdict).toMatch(/^connector Sync4 misconfigured or faulty: /)
  })
})

describe('failures that name another element each time', () => {
  it('are one finding per connector and fault, while subjects that are GUIDs stay apart', async () => {
    const path = join(tmp, 'elements.log')
    const guid = (index: number): string => `${(0x1d62bacb + index).toString(16)}-6f1f-9298-f8dc-e15d129abbd9`
    // A second each: the same text in the same second would be one record written twice.
    const failure = (second: number, connector: string, text: string): string =>
      `Sat Nov 22 18:${String(Math.floor(second / 60)).padStart(2, '0')}:${String(second % 60).padStart(2, '0')} GMT 2025 intserv Exception INTEGRATION-DAEMON-SERVICES-0031 The integration connector ${connector} method refresh has returned with a org.odpi.openmetadata.frameworks.connectors.ffdc.InvalidParameterException exception containing message ${text}`
    const lines: string[] = []
    for (let index = 0; index < 40; index++) {
      lines.push(failure(index, 'Sync', `OMRS-REPOSITORY-404-002 The entity identified with guid ${guid(index)} passed on the getEntityDetail call is not known to the open metadata repository cocoMDS1`))
      lines.push(failure(index, 'Remote', `OMAG-MULTI-TENANT-404-001 The OMAG Server ${guid(index % 2)} is not available to service a request from user garygeeke`))
    }
    writeFileSync(path, lines.join('\n') + '\n')
    const report = await analyze(path)
    const byConnector = (name: string) => report.findings.filter((finding) => finding.connector === name).map((finding) => [finding.subject, finding.occurrences])
    expect(byConnector('Sync')).toEqual([['Sync', 40]])
    expect(byConnector('Remote')).toEqual([
      [guid(0), 20],
      [guid(1), 20]
    ])
  })
})

describe('hostile lines', () => {
  it('analyses long runs of name characters in every format in one pass each, and still finds the failure among them', async () => {
    // Runs where a pattern would try every character again (a host before a port after a trailing dot, a jar, a
    // trust store, a class name): at 30 000 characters a quadratic search takes minutes, and this test hangs.
    const runs = ['org.odpi-openmetadata.', '1d62bacb-6f1f-9298-', 'abcdefghij', '1.', '-'].map((seed) => seed.repeat(Math.ceil(30_000 / seed.length)))
    const heads = [
      'Sat Nov 22 18:00:00 GMT 2025 intserv Exception INTEGRATION-DAEMON-SERVICES-0031 The integration connector A method refresh has returned with a ',
      'Sat Nov 22 18:00:00 GMT 2025 intserv Exception JDBC-INTEGRATION-CONNECTOR-0005 Connection to ',
      '2024-05-01 10:00:00,123 [main] ERROR org.example.Thing - ',
      '2024-05-01 10:00:00.123 ERROR 53787 --- [main] o.o.o.s.springboot.OMAGServerPlatform : ',
      'Caused by: ',
      '\tat '
    ]
    const tails = [':5432 refused', '.jar not loaded', 'truststore.p12 not found', 'Exception: x', '(X.java:1)', '']
    const lines = heads.flatMap((head) => runs.flatMap((run) => tails.map((tail) => `${head}${run}${tail}`)))
    lines.push('Sat Nov 22 18:00:01 GMT 2025 intserv Exception JDBC-INTEGRATION-CONNECTOR-0005 An SQL exception was received by method connect. Exception message is: Connection to db7.example.internal:5442 refused.')
    const path = join(tmp, 'hostile.log')
    writeFileSync(path, `${lines.join('\n')}\n`)
    const report = await analyze(path)
    expect(report.inputs[0]!.lines).toBe(lines.length)
    expect(report.findings.map((finding) => finding.subject)).toContain('db7.example.internal:5442')
  })
})

describe('analysis of the guide\'s 2021 start-up', () => {
  it('finds exactly three connectors blocked by cocoMDS1 and one of the wrong type', async () => {
    const report = await analyze(fixturePath('seed-2021-startup.console.txt'))
    expect(report).toMatchObject({ records: 28, unparsedLines: 0, servers: ['exchangeDL01'] })
    expect(report.inputs).toEqual([expect.objectContaining({ format: 'console', lines: 28, records: 28 })])
    expect(report.findings.map((f) => [f.connector, f.source, f.subject, f.rootMessageId, f.evidence, f.occurrences])).toEqual([
      ['OakDeneLandingAreaFilesMonitor', 'metadata-server', 'cocoMDS1', 'OMAG-MULTI-TENANT-404-001', [{ input: 0, line: 11 }], 1],
      ['OldMarketLandingAreaFilesMonitor', 'metadata-server', 'cocoMDS1', 'OMAG-MULTI-TENANT-404-001', [{ input: 0, line: 14 }], 1],
      ['DropFootClinicalTrialResultsFilesMonitor', 'metadata-server', 'cocoMDS1', 'OMAG-MULTI-TENANT-404-001', [{ input: 0, line: 17 }], 1],
      ['OakDeneLandingAreaDatabaseMonitor', 'connector', 'OakDeneLandingAreaDatabaseMonitor', 'OMIS-DATABASE-INTEGRATOR-400-001', [{ input: 0, line: 20 }], 1]
    ])
    expect(report.findings[0]!.messageIds).toEqual(['INTEGRATION-DAEMON-SERVICES-0031', 'OMAG-MULTI-TENANT-404-001'])
    expect(report.findings[0]!.firstSeen).toBe('2021-02-02T20:57:50Z')
    expect(report.causes).toHaveLength(2)
    const [down, wrongType] = report.causes
    expect(down).toMatchObject({ source: 'metadata-server', subject: 'cocoMDS1', verdict: 'metadata server cocoMDS1 unavailable: 3 connectors' })
    expect(down!.connectors).toEqual(['OakDeneLandingAreaFilesMonitor', 'OldMarketLandingAreaFilesMonitor', 'DropFootClinicalTrialResultsFilesMonitor'])
    expect(down!.action).toMatch(/^Bring metadata server cocoMDS1 back.*Then restart the failed connectors .*do not recover by themselves.*refresh the daemon/)
    expect(wrongType).toMatchObject({ source: 'connector', subject: 'OakDeneLandingAreaDatabaseMonitor' })
    expect(wrongType!.action).toMatch(/restart the daemon\. Restarting the connector cannot help\./)
    expect(report.connectors.map((c) => [c.name, c.service, c.state])).toEqual([
      ['OakDeneLandingAreaFilesMonitor', 'files-integrator', 'failed'],
      ['OldMarketLandingAreaFilesMonitor', 'files-integrator', 'failed'],
      ['DropFootClinicalTrialResultsFilesMonitor', 'files-integrator', 'failed'],
      ['OakDeneLandingAreaDatabaseMonitor', 'database-integrator', 'failed']
    ])
  })
})

describe('analysis of logs it has never seen', () => {
  it('names connector, source and subject in a 2025 log', async () => {
    const report = await analyze(fixturePath('egeria6-startup.console.txt'))
    expect(report.findings.map((f) => [f.connector, f.source, f.subject, f.rootMessageId])).toEqual([
      [undefined, 'third-party', '/deployments/landing/weekly-measurements', 'BASIC-FILES-INTEGRATION-CONNECTORS-0023'],
      ['PostgresTrialsCataloguer', 'third-party', 'clinical-db:5432/trials', 'JDBC-INTEGRATION-CONNECTOR-0002'],
      ['KafkaTopicsMonitor', 'metadata-server', 'active-metadata-store', 'CLIENT-SIDE-REST-API-CONNECTOR-503-002']
    ])
    expect(report.connectors.map((c) => [c.name, c.state])).toEqual([
      ['ClinicalTrialsFilesMonitor', 'running'],
      ['PostgresTrialsCataloguer', 'failed'],
      ['KafkaTopicsMonitor', 'failed']
    ])
  })

  it('lists the null connection that a failed local connector leaves after the failure that may explain it', async () => {
    const log = join(tmp, 'null-connection.log')
    writeFileSync(
      log,
      [
        'Wed Jan 08 11:09:28 GMT 2020 proxy1 Exception OMRS-AUDIT-0034 The connector to the local repository failed with a org.odpi.openmetadata.frameworks.connectors.ffdc.ConnectionCheckedException exception and the following error message: OCF-CONNECTION-500-010 Invalid Connector class com.acme.AcmeRepositoryConnector',
        '{"class":"SuccessMessageResponse","relatedHTTPCode":500,"exceptionErrorMessage":"OMAG-ADMIN-500-001 Method activateWithSuppliedConfig for OMAG server proxy1 returned an unexpected exception of org.odpi.openmetadata.repositoryservices.ffdc.exception.OMRSConfigErrorException with message OMRS-CONNECTOR-400-004 The connection null passed to the EnterpriseOMRSRepositoryConnector is invalid."}'
      ].join('\n')
    )
    const report = await analyze(log)
    expect(report.causes.map((cause) => cause.source)).toEqual(['undetermined', 'platform'])
    expect(report.causes[0]!.subject).toBe('com.acme.AcmeRepositoryConnector')
  })

  it('takes a server\'s release from the newest family its IDs show, not the first', async () => {
    const log = join(tmp, 'release-evidence.log')
    writeFileSync(
      log,
      [
        'Tue Mar 03 10:00:00 GMT 2026 daemon1 Information OMIS-CATALOG-INTEGRATOR-0001 The Catalog Integrator OMIS is initializing',
        'Tue Mar 03 10:00:00 GMT 2026 daemon1 Startup SERVER-OPS-0001 The daemon1 server is configured with a max page size of 1000',
        'Tue Mar 03 10:00:01 GMT 2026 daemon1 Error POSTGRES-CONNECTOR-0002 The survey of database clinical found 12 schemas'
      ].join('\n')
    )
    // Read as 4.x (the first family), 0002 would be the connector's nested failure; from 5.0 it is a survey message.
    expect((await analyze(log)).findings).toEqual([])
  })

  it('reads a reused ID by its text, whatever release the IDs before it suggest', async () => {
    const log = (adminText: string): string =>
      [
        'Tue Mar 03 10:00:00 GMT 2026 vs1 Startup OMRS-AUDIT-0064 The Open Metadata Repository Services (OMRS) has initialized the audit log for the View Server called vs1',
        `Tue Mar 03 10:00:00 GMT 2026 vs1 Startup OMAG-ADMIN-0001 ${adminText}`,
        'Tue Mar 03 10:00:01 GMT 2026 vs1 Startup OMRS-AUDIT-0001 The Open Metadata Repository Services (OMRS) is initializing the subsystems to support a new server'
      ].join('\n')
    const ignored = join(tmp, 'service-ignored.log')
    writeFileSync(ignored, log('The Asset Catalog service is being ignored in the startup of server vs1 because it is not registered to this platform'))
    const ignoredReport = await analyze(ignored)
    expect(ignoredReport.causes.map((cause) => [cause.source, cause.subject])).toEqual([['platform', 'vs1']])
    const pageSize = join(tmp, 'page-size.log')
    writeFileSync(pageSize, log('The vs1 server is configured with a max page size of 1000'))
    expect((await analyze(pageSize)).findings).toEqual([])
  })

  it('finds Kafka down in noisy platform output and counts the console/SLF4J copy once', async () => {
    const report = await analyze(fixturePath('platform-interleaved-kafka.console.txt'))
    expect(report.causes.every((cause) => cause.source === 'third-party')).toBe(true)
    expect(report.findings.filter((f) => f.messageIds[0] === 'OMRS-AUDIT-0006')).toHaveLength(1)
    // The retry messages do not name the broker; the same server's other Kafka messages do, so they share one cause.
    expect(report.findings.find((f) => f.rootMessageId === 'OCF-KAFKA-TOPIC-CONNECTOR-0015')).toMatchObject({ occurrences: 2, subject: 'localhost:9092' })
    expect(report.causes.map((cause) => cause.subject)).toEqual(['localhost:9092'])
    expect(report.findings.find((f) => f.rootMessageId === 'OCF-KAFKA-TOPIC-CONNECTOR-0014')).toMatchObject({ subject: 'localhost:9092' })
  })

  it('classifies a repeated failure text afresh when its trace names another cause, and counts true repeats', async () => {
    const path = join(tmp, 'repeated-failure.log')
    const failure = (second: number, cause: string): string[] => {
      const stamp = `Mon Mar 03 10:00:0${second} UTC 2025 d1 Exception JDBC-INTEGRATION-CONNECTOR-0005`
      return [
        `${stamp} An SQL exception was received by method connect.`,
        `${stamp} Supplementary information: log record id 00000000-0000-4000-8000-00000000000${second} java.sql.SQLException returned message of connect failed and stacktrace of `,
        'java.sql.SQLException: connect failed',
        '\tat org.example.Jdbc.connect(Jdbc.java:10)',
        `Caused by: ${cause}`,
        '\t... 3 more'
      ]
    }
    const refused = 'java.net.ConnectException: Connection refused: db1.example.com:5432'
    writeFileSync(path, [...failure(1, refused), ...failure(2, 'java.net.UnknownHostException: db2.example.com'), ...failure(3, refused)].join('\n'))
    const report = await analyze(path)
    expect(report.findings.map((finding) => [finding.source, finding.subject, finding.occurrences])).toEqual([
      ['third-party', 'db1.example.com:5432', 2],
      ['third-party', 'db2.example.com', 1]
    ])
  })

  it('reads traces whose lines start beyond ASCII: a Unicode-space indent or a non-ASCII name', async () => {
    const path = join(tmp, 'unicode-trace.log')
    const stamp = 'Mon Mar 03 10:00:01 UTC 2025 d1 Exception JDBC-INTEGRATION-CONNECTOR-0005'
    writeFileSync(path, [
      `${stamp} An SQL exception was received by method connect.`,
      `${stamp} Supplementary information: log record id 00000000-0000-4000-8000-000000000001 java.sql.SQLException returned message of connect failed and stacktrace of `,
      'java.sql.SQLException: connect failed',
      '\t\u00a0at org.example.Jdbc.connect(Jdbc.java:10)',
      '\tÜberwachung: java.net.UnknownHostException: db2.example.com'
    ].join('\n'))
    expect((await analyze(path)).findings.map((finding) => [finding.source, finding.subject])).toEqual([['third-party', 'db2.example.com']])
  })

  it('sees a connector recover after a retried failure, and connectors stop at daemon shutdown', async () => {
    const path = join(tmp, 'lifecycle.log')
    const line = (time: string, sev: string, id: string, text: string): string => `Mon Mar 03 10:00:${time} UTC 2025 d1 ${sev} INTEGRATION-DAEMON-SERVICES-${id} ${text}`
    writeFileSync(path, [
      line('00', 'Startup', '0008', 'A new integration connector named A is initializing in integration group G running in integration daemon d1'),
      line('01', 'Exception', '0065', 'The integration connector A refresh thread caught exception java.net.SocketTimeoutException with message Read timed out from db:5432'),
      line('02', 'Information', '0043', 'The refresh of integration connector A completed in 12 ms'),
      line('03', 'Startup', '0008', 'A new integration connector named B is initializing in integration group G running in integration daemon d1'),
      line('04', 'Error', '0037', 'The integration connector B could not be created: java.lang.ClassNotFoundException com.acme.B'),
      line('05', 'Shutdown', '0020', 'The integration daemon d1 is shutting down')
    ].join('\n'))
    const report = await analyze(path)
    expect(report.connectors.map((c) => [c.name, c.state, c.events.map((e) => e.kind)])).toEqual([
      ['A', 'stopped', ['initializing', 'failure', 'refreshed']],
      ['B', 'stopped', ['initializing', 'failure']]
    ])
    expect(report.findings.map((f) => [f.connector, f.source, f.subject])).toEqual([
      ['A', 'third-party', 'db:5432'],
      ['B', 'connector', 'B']
    ])
  })
})

describe('restarts', () => {
  it('tracks a restart after a failure, and the cause then lists no connector left to restart', async () => {
    const path = join(tmp, 'restart.log')
    const line = (time: string, sev: string, id: string, text: string): string => `Mon Mar 03 10:00:${time} UTC 2025 d1 ${sev} INTEGRATION-DAEMON-SERVICES-${id} ${text}`
    writeFileSync(path, [
      line('00', 'Startup', '0008', 'A new integration connector named Watcher is initializing in integration group G running in integration daemon d1'),
      line('01', 'Exception', '0031', 'The integration connector Watcher method start has returned with a org.odpi.ConnectorCheckedException exception containing message BASIC-FILES-INTEGRATION-CONNECTORS-0023 The directory named /data/in does not exist'),
      line('02', 'Startup', '0008', 'A new integration connector named Watcher is initializing in integration group G running in integration daemon d1'),
      line('03', 'Information', '0042', 'The integration daemon thread is refreshing integration connector Watcher')
    ].join('\n'))
    const report = await analyze(path)
    expect(report.connectors.map((c) => [c.state, c.events.map((e) => e.kind)])).toEqual([['running', ['initializing', 'failure', 'restart', 'refresh']]])
    expect(report.causes).toEqual([expect.objectContaining({ source: 'third-party', subject: '/data/in', connectors: ['Watcher'] })])
    expect(report.causes[0]!.action).toBe('Fix /data/in. Create the directory (or set waitForDirectory), then restart the connector.')
  })

  const restartLog = (steps: ('fail' | 'fail-other' | 'restart' | 'refreshed')[]): string => {
    const line = (second: number, sev: string, id: string, text: string): string =>
      `Mon Mar 03 10:00:${String(second).padStart(2, '0')} UTC 2025 d1 ${sev} INTEGRATION-DAEMON-SERVICES-${id} ${text}`
    const text = {
      fail: ['Exception', '0031', 'The integration connector Watcher method start has returned with a org.odpi.ConnectorCheckedException exception containing message BASIC-FILES-INTEGRATION-CONNECTORS-0023 The directory named /data/in does not exist'],
      'fail-other': ['Exception', '0031', 'The integration connector Watcher method refresh has returned with a org.odpi.InvalidParameterException exception containing message OMAG-MULTI-TENANT-404-001 The OMAG Server mds1 is not available'],
      restart: ['Startup', '0008', 'A new integration connector named Watcher is initializing in integration group G running in integration daemon d1'],
      refreshed: ['Information', '0043', 'The refresh of integration connector Watcher completed in 12 ms']
    } as const
    return ['restart' as const, ...steps]
      .map((step, index) => {
        const [severity, id, words] = text[step]
        return line(index, severity, id, words)
      })
      .join('\n')
  }

  it('calls repeated restarts that fail the same way a restart loop, and says restarting again will not help', async () => {
    const path = join(tmp, 'loop.log')
    writeFileSync(path, restartLog(['fail', 'restart', 'fail', 'restart', 'fail', 'restart', 'fail']))
    const report = await analyze(path)
    expect(report.connectors[0]).toMatchObject({ state: 'failed', restartLoop: { restarts: 3, rootMessageId: 'BASIC-FILES-INTEGRATION-CONNECTORS-0023', since: '2025-03-03T10:00:02Z' } })
    expect(report.causes[0]!.action).toMatch(/Restarting alone has not helped: Watcher \(3 restarts\) failed the same way after each restart; fix the cause before restarting again\.$/)
  })

  it('puts a loop under the cause it keeps failing with, not under an earlier cause of the same connector', async () => {
    const path = join(tmp, 'loop-after-other.log')
    writeFileSync(path, restartLog(['fail-other', 'restart', 'fail', 'restart', 'fail', 'restart', 'fail']))
    const report = await analyze(path)
    const metadataServer = report.causes.find((cause) => cause.source === 'metadata-server')!
    const directory = report.causes.find((cause) => cause.source === 'third-party')!
    expect(metadataServer.action).not.toMatch(/Restarting alone/)
    expect(directory.action).toMatch(/Restarting alone has not helped: Watcher \(2 restarts\)/)
  })

  it('sees no loop once a restart worked, nor when each failure differs, nor after a single restart', async () => {
    for (const steps of [
      ['fail', 'restart', 'refreshed', 'fail', 'restart', 'fail'],
      ['fail', 'restart', 'fail-other', 'restart', 'fail'],
      ['fail', 'restart', 'fail']
    ] as const) {
      const path = join(tmp, 'no-loop.log')
      writeFileSync(path, restartLog([...steps]))
      const report = await analyze(path)
      expect(report.connectors[0]!.restartLoop, steps.join(' ')).toBeUndefined()
      expect(report.causes.map((cause) => cause.action).join(' ')).not.toMatch(/Restarting alone/)
    }
  })
})

describe('inputs', () => {
  const records = [
    { timeStamp: Date.UTC(2021, 1, 2, 20, 57, 51), originator: { serverName: 'exchangeDL01' }, severity: 'Exception', severityCode: 6, messageId: 'INTEGRATION-DAEMON-SERVICES-0031', messageText: 'The integration connector OakDeneLandingAreaFilesMonitor method initialize has returned with a org.odpi.InvalidParameterException exception containing message OMAG-MULTI-TENANT-404-001 The OMAG Server cocoMDS1 is not available to service a request from user exchangeDL01npa' },
    { timeStamp: Date.UTC(2021, 1, 2, 20, 57, 50), originator: { serverName: 'exchangeDL01' }, severity: 'Startup', severityCode: 8, messageId: 'INTEGRATION-DAEMON-SERVICES-0008', messageText: 'A new integration connector named OakDeneLandingAreaFilesMonitor is initializing in integration service Files Integrator OMIS running in integration daemon exchangeDL01' }
  ]

  it('reads a directory of .omalrecord files in timeStamp order', async () => {
    const dir = join(tmp, 'auditlog')
    mkdirSync(dir)
    writeFileSync(join(dir, 'log-record-aaaa.omalrecord'), JSON.stringify(records[0]))
    writeFileSync(join(dir, 'log-record-bbbb.omalrecord'), JSON.stringify(records[1]))
    writeFileSync(join(dir, 'log-record-cccc.omalrecord'), '{broken')
    writeFileSync(join(dir, 'notes.txt'), 'ignored')
    const report = await analyze(dir)
    expect(report.inputs[0]).toMatchObject({ format: 'omalrecord-dir', lines: 3, records: 2, unparsedLines: 1 })
    expect(report.connectors).toEqual([expect.objectContaining({ name: 'OakDeneLandingAreaFilesMonitor', service: 'files-integrator', state: 'failed' })])
    expect(report.findings[0]).toMatchObject({ source: 'metadata-server', subject: 'cocoMDS1', evidence: [{ input: 0, line: 3, file: 'log-record-aaaa.omalrecord' }] })
  })

  it('reads JSON lines, gzip, and merges several files into one timeline', async () => {
    const jsonl = join(tmp, 'records.jsonl.gz')
    writeFileSync(jsonl, gzipSync(`${JSON.stringify(records[1])}\n${JSON.stringify(records[0])}\n`))
    const console = join(tmp, 'console.log')
    writeFileSync(console, 'Tue Feb 02 20:57:49 GMT 2021 exchangeDL01 Startup OMRS-AUDIT-0064 start\nTue Feb 02 20:57:52 GMT 2021 exchangeDL01 Information INTEGRATION-DAEMON-SERVICES-0041 The integration daemon thread is refreshing integration connector OakDeneLandingAreaFilesMonitor for the first time\n')
    const seen: string[] = []
    const report = await analyzeSources([await openInput(console, 0), await openInput(jsonl, 1)], { onRecord: (record) => seen.push(record.messageId!) })
    expect(seen).toEqual(['OMRS-AUDIT-0064', 'INTEGRATION-DAEMON-SERVICES-0008', 'INTEGRATION-DAEMON-SERVICES-0031', 'INTEGRATION-DAEMON-SERVICES-0041'])
    expect(report.inputs.map((input) => [input.format, input.records])).toEqual([['console', 2], ['json-lines', 2]])
    expect(report.connectors[0]!.state).toBe('failed') // a heartbeat after the failure is not a recovery
  })

  it('says how much of a file has been read', async () => {
    const path = fixturePath('seed-2021-startup.console.txt')
    const source = await openInput(path, 0)
    const size = readFileSync(path).length
    expect(source.progress!()).toEqual({ bytesRead: 0, size })
    await analyzeSources([source])
    expect(source.progress!()).toEqual({ bytesRead: size, size })
  })

  it('reads a growing file incrementally from the last offset', async () => {
    const path = join(tmp, 'live.log')
    const seed = readFileSync(fixturePath('seed-2021-startup.console.txt'), 'utf8').split('\n')
    writeFileSync(path, `${seed.slice(0, 10).join('\n')}\n${seed[10]!.slice(0, 40)}`)
    const first = await readIncrement(path, 0, 0)
    expect(first.records.map((record) => record.firstLine)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    appendFileSync(path, `${seed[10]!.slice(40)}\n${seed[11]}\n`)
    const second = await readIncrement(path, first.nextOffset, 0)
    expect(second.records.map((record) => record.messageId)).toEqual(['INTEGRATION-DAEMON-SERVICES-0031', 'INTEGRATION-DAEMON-SERVICES-0008'])
    expect(second.records[0]!.messageIds).toContain('OMAG-MULTI-TENANT-404-001')
    const third = await readIncrement(path, second.nextOffset, 0)
    expect(third.records).toEqual([])
    writeFileSync(path, `${seed[0]}\n`) // rotated: smaller than the offset
    expect((await readIncrement(path, second.nextOffset, 0)).records).toHaveLength(1)
  })
})

describe('pipeline properties', () => {
  const FIXTURES = ['seed-2021-startup.console.txt', 'egeria6-startup.console.txt', 'platform-interleaved-kafka.console.txt', 'docker-timestamps.console.txt']
  /** The report of one text, with every record kept (as the app does) or not (the CLI's chatter path). */
  const reportOf = async (text: Buffer, keepRecords: boolean) => {
    const kept: unknown[] = []
    const source = streamSource('log', Readable.from([text]), 0)
    return analyzeSources([source], keepRecords ? { onRecord: (record) => kept.push(record) } : {})
  }

  it('diagnoses the same whether or not records are kept', async () => {
    for (const name of FIXTURES) {
      const text = readFileSync(fixturePath(name))
      expect(await reportOf(text, false), name).toEqual(await reportOf(text, true))
    }
    // Chatter taken without a record keeps its Further-reading line and a trace printed under it.
    const heartbeat = 'Sat Nov 22 18:46:13 GMT 2025 d1 Information INTEGRATION-DAEMON-SERVICES-0042 The integration daemon thread is refreshing integration connector A'
    const text = Buffer.from([heartbeat, heartbeat.replace(/The integration.*/, 'Further reading: https://egeria-project.org/'), '\tat org.odpi.Frame.call(Frame.java:1)', heartbeat].join('\n'))
    const report = await reportOf(text, false)
    expect(report).toEqual(await reportOf(text, true))
    expect(report).toMatchObject({ records: 2, unparsedLines: 0, connectors: [expect.objectContaining({ name: 'A', refreshes: 2 })] })
    // Spring Boot lines below ERROR go without a record, except Tomcat's, whose port names the platform that failed.
    const platform = Buffer.from(
      [
        "2021-02-12 20:16:37.243  INFO 53787 --- [           main] o.s.b.w.e.tomcat.TomcatWebServer  : Tomcat started on port(s): 9443 (https) with context path ''",
        '2021-02-12 20:16:37.500  INFO 53787 --- [           main] o.o.o.s.springboot.OMAGServerPlatform    : Started OMAGServerPlatform',
        '2021-02-12 20:16:38.004 ERROR 53787 --- [           main] o.s.boot.SpringApplication               : Application run failed'
      ].join('\n')
    )
    const platformReport = await reportOf(platform, false)
    expect(platformReport).toEqual(await reportOf(platform, true))
    expect(platformReport).toMatchObject({ records: 3, causes: [expect.objectContaining({ verdict: expect.stringContaining('the platform on port 9443') })] })
  })

  it('diagnoses any shuffle of real lines the same whether or not records are kept', async () => {
    // Spring Boot lines around the fixtures' own: Tomcat's port, a trace under an INFO line, each level, logback's plain pattern.
    const springBoot = [
      '2021-02-12 20:16:37.243  INFO 53787 --- [           main] o.s.b.w.e.tomcat.TomcatWebServer  : Tomcat started on port(s): 9443 (https) with context path \'\'',
      '2021-02-12 20:16:38.001  INFO 53787 --- [nio-9443-exec-1] o.o.o.a.s.s.IntegrationDaemonResource    : GET /servers/daemon/status',
      '2021-02-12 20:16:38.002 DEBUG 53787 --- [ad | producer-1] o.a.k.clients.NetworkClient              : [Producer clientId=producer-1] node 1 disconnected',
      '2021-02-12 20:16:38.003  WARN 53787 --- [           main] o.o.o.s.springboot.OMAGServerPlatform    : Option strict.ssl is set to false!',
      '2021-02-12 20:16:38.004 ERROR 53787 --- [           main] o.o.o.s.springboot.OMAGServerPlatform    : Failed to start the platform',
      '2024-05-01 10:00:00,123 [main] INFO  org.example.Thing - plain logback',
      '\tat org.odpi.openmetadata.commonservices.ffdc.RESTExceptionHandler.detectAndThrow(RESTExceptionHandler.java:10)',
      'Caused by: java.net.ConnectException: Connection refused',
      'org.odpi.openmetadata.frameworks.connectors.ffdc.InvalidParameterException: OMAG-MULTI-TENANT-404-001 not available'
    ]
    const lines = [...FIXTURES.flatMap((name) => readFileSync(fixturePath(name), 'utf8').split('\n')), ...springBoot]
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...lines), { maxLength: 60 }), async (picked) => {
        const text = Buffer.from(picked.join('\n'))
        expect(await reportOf(text, false)).toEqual(await reportOf(text, true))
      }),
      { numRuns: 200 }
    )
  })

  it('never throws on arbitrary bytes and accounts for every line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.constantFrom(...readFileSync(fixturePath('egeria6-startup.console.txt')).toString().split('\n').map((l) => Buffer.from(`${l}\n`)))), { maxLength: 30 }), async (parts) => {
        const bytes = Buffer.concat(parts.map((part) => Buffer.from(part)))
        const batches = streamBatches(Readable.from([bytes]), 0)
        let spans = 0
        for (;;) {
          const next = await batches.next()
          if (next.done) {
            // Bytes that begin like UTF-16 (a byte-order mark, or NULs in every other byte) are read as UTF-16.
            const text = utf16Decoder(bytes)?.decode(bytes) ?? bytes.toString('latin1')
            const expectedLines = text.length === 0 ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0)
            expect(next.value.stats.lines).toBe(expectedLines)
            expect(spans + next.value.stats.blankLines + next.value.stats.unparsedLines).toBe(expectedLines)
            return
          }
          for (const record of next.value) spans += record.lastLine - record.firstLine + 1
        }
      }),
      // A file that is only a UTF-16 byte-order mark (PowerShell's `>` of nothing) once failed here: it has no lines.
      { numRuns: 150, examples: [[[Uint8Array.from([0xff, 0xfe])]], [[Uint8Array.from([0xfe, 0xff, 0, 0x61, 0, 0x0a, 0, 0x62])]]] }
    )
  })
})

describe('connector timelines', () => {
  const failure = (second: number): string =>
    `Tue Feb 02 20:${String(Math.floor(second / 60) % 60).padStart(2, '0')}:${String(second % 60).padStart(2, '0')} GMT 2021 d1 Exception INTEGRATION-DAEMON-SERVICES-0031 The integration connector A method refresh has returned with a java.io.IOException exception containing message down`

  it("keep a connector's last hundred events in order and count the rest, and a report stays as it was while the diagnosis goes on", async () => {
    const diagnoser = new Diagnoser()
    const report = async (from: number, to: number): Promise<AnalysisReport> => {
      const lines = Array.from({ length: to - from }, (_, index) => failure(from + index))
      return analyzeSources([streamSource('log', Readable.from([Buffer.from(lines.join('\n'))]), 0)], { diagnoser })
    }
    const first = await report(0, 250)
    const [timeline] = first.connectors
    expect(timeline).toMatchObject({ name: 'A', failures: 250, omittedEvents: 150 })
    expect(timeline!.events.map((event) => event.evidence.line)).toEqual(Array.from({ length: 100 }, (_, index) => 151 + index))
    expect(timeline!.events.every((event) => event.kind === 'failure' && event.time !== undefined)).toBe(true)
    const snapshot = JSON.parse(JSON.stringify(first)) as AnalysisReport
    const second = await report(250, 300)
    expect(first).toEqual(snapshot)
    expect(second.connectors[0]).toMatchObject({ failures: 300, omittedEvents: 200 })
    expect(second.connectors[0]!.events.at(-1)!.time).toBe('2021-02-02T20:04:59Z')
  })
})

describe('message IDs read once', () => {
  it('diagnoses every real log and fixture the same when records do not say their ID chain holds their head', async () => {
    const folders = ['real-logs', 'audit', 'audit/shapes'].map((folder) => new URL(`../../../../tests/fixtures/${folder}/`, import.meta.url))
    const fixtures = folders.flatMap((folder) => readdirSync(folder).filter((name) => /\.(txt|log|jsonl)$/.test(name)).map((name) => new URL(name, folder).pathname))
    // And two megabytes of each of the bench's failure-heavy shapes: failures with nested IDs, causes and traces of every kind.
    const generated = await Promise.all((['startup-exceptions', 'unique-failures'] as const).map(async (shape) => {
      const path = join(tmp, `${shape}.log`)
      await writeConsoleShape(shape, path, 2 << 20)
      return path
    }))
    let chained = 0
    for (const path of [...fixtures, ...generated]) {
      const file = path.split('/').pop()
      const read = await analyzeSources([await openInput(path, 0)], { onRecord: (record) => void (chained += record.messageIdsOfHead ? 1 : 0) })
      const reread = await analyzeSources([await openInput(path, 0)], { onRecord: (record) => delete record.messageIdsOfHead })
      expect(read, file).toEqual(reread)
    }
    expect(chained).toBeGreaterThan(1000)
  })
})
