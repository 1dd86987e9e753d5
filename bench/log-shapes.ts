/**
 * Deterministic generators of the log shapes the analysis bench reads: the same size and shape give the
 * same bytes on every run (no randomness, no wall clock). Each shape is a minute-by-minute block of
 * lines repeated with a moving clock until the target size is reached.
 */
import { once } from 'node:events'
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { javaDateString } from '../src/main/simulator/audit-log'

export const SHAPES = ['heartbeat', 'startup-exceptions', 'spring-interleaved', 'container-prefixed', 'unique-failures', 'json-records'] as const
export type Shape = (typeof SHAPES)[number]

const START_MS = Date.UTC(2025, 10, 22, 18, 0, 0)
const javaDate = (ms: number): string => javaDateString(ms, 'GMT')
const CONNECTORS = Array.from({ length: 40 }, (_, index) => `LandingAreaMonitor${index}`)
/** Ninety databases, so failures have ninety distinct subjects. */
const DATABASES = Array.from({ length: 90 }, (_, index) => `db${String(index).padStart(2, '0')}.finance.coco.internal:${5432 + (index % 7)}`)
const JDBC_CONNECTORS = DATABASES.map((_, index) => `JdbcCatalogue${index}`)

/** A busy daemon's minute: heartbeats and type chatter, now and then one failing connector with a trace. */
function heartbeatLines(date: string, cycle: number): string[] {
  const out: string[] = []
  for (const name of CONNECTORS) {
    out.push(`${date} integration-daemon Information INTEGRATION-DAEMON-SERVICES-0042 The integration daemon thread is refreshing integration connector ${name} in the integration-daemon integration daemon instance`)
    out.push(`${date} integration-daemon Information INTEGRATION-DAEMON-SERVICES-0043 The refresh of integration connector ${name} completed in ${(cycle * 7) % 900} ms`)
  }
  for (let index = 0; index < 10; index++) out.push(`${date} active-metadata-store Types OMRS-AUDIT-0301 The local server has added a new type called DataFile${index} with a unique identifier of 10ba${index}e9e-6e8a-4d1e-9f5c-5a6b1c2d3e4f and a version number of 1 from Egeria Core Types (2.0)`)
  out.push(`${date} OMAG server platform ready for more configuration`)
  if (cycle % 5 === 0) {
    const name = CONNECTORS[cycle % CONNECTORS.length]!
    out.push(`${date} integration-daemon Exception INTEGRATION-DAEMON-SERVICES-0031 The integration connector ${name} method refresh has returned with a org.odpi.openmetadata.frameworks.connectors.ffdc.InvalidParameterException exception containing message OMAG-MULTI-TENANT-404-001 The OMAG Server active-metadata-store is not available to service a request from user integration-daemon-npa`)
    out.push(`${date} integration-daemon Exception INTEGRATION-DAEMON-SERVICES-0031 Supplementary information: log record id 3f2c9a10-5b7e-4c1d-9e8f-0a1b2c3d4e5f org.odpi.openmetadata.frameworks.connectors.ffdc.InvalidParameterException returned message of OMAG-MULTI-TENANT-404-001 The OMAG Server active-metadata-store is not available and stacktrace of `)
    out.push(`org.odpi.openmetadata.frameworks.connectors.ffdc.InvalidParameterException{reportedHTTPCode=404, reportedErrorMessageId='OMAG-MULTI-TENANT-404-001'}`)
    for (let frame = 0; frame < 12; frame++) out.push(`\tat org.odpi.openmetadata.commonservices.ffdc.RESTExceptionHandler.detectAndThrow${frame}(RESTExceptionHandler.java:${100 + frame})`)
    out.push('\t... 61 more')
    out.push(`${date} integration-daemon Startup INTEGRATION-DAEMON-SERVICES-0008 A new integration connector named ${name} is initializing in integration group Egeria:IntegrationGroup:Files running in integration daemon integration-daemon, permitted synchronization is: FROM_THIRD_PARTY`)
  }
  return out
}

/** A daemon starting again and again, its JDBC connectors failing against ninety databases with traces. */
function startupExceptionLines(date: string, cycle: number): string[] {
  const out: string[] = [
    `${date} intserv Startup OMRS-AUDIT-0064 The Open Metadata Repository Services (OMRS) has initialized the audit log for the Integration Daemon called intserv`,
    `${date} intserv Startup SERVER-OPS-0001 The intserv server is configured with a max page size of 1000`,
    `${date} intserv Startup OMRS-AUDIT-0001 The Open Metadata Repository Services (OMRS) is initializing the subsystems to support a new server`,
    `${date} intserv Startup INTEGRATION-DAEMON-SERVICES-0001 The integration daemon services are initializing in server intserv`
  ]
  for (let offset = 0; offset < 6; offset++) {
    const index = (cycle * 6 + offset) % DATABASES.length
    const database = DATABASES[index]!
    const name = JDBC_CONNECTORS[index]!
    out.push(`${date} intserv Startup INTEGRATION-DAEMON-SERVICES-0008 A new integration connector named ${name} is initializing in integration service Database Integrator running in integration daemon intserv, permitted synchronization is: FROM_THIRD_PARTY`)
    out.push(`${date} intserv Exception JDBC-INTEGRATION-CONNECTOR-0005 An SQL exception was received by method connect. Exception message is: Connection to ${database} refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.`)
    out.push(`${date} intserv Exception INTEGRATION-DAEMON-SERVICES-0006 The integration connector ${name} has returned with a org.odpi.openmetadata.frameworks.connectors.ffdc.ConnectorCheckedException exception containing message JDBC-INTEGRATION-CONNECTOR-400-001 Unable to connect to the database at jdbc:postgresql://${database}/catalogue during the initialize method`)
    out.push(`${date} intserv Exception INTEGRATION-DAEMON-SERVICES-0006 Supplementary information: log record id ${String(cycle).padStart(8, '0')}-7b82-4a1c-9d3e-${String(index).padStart(12, '0')} org.odpi.openmetadata.frameworks.connectors.ffdc.ConnectorCheckedException returned message of JDBC-INTEGRATION-CONNECTOR-400-001 Unable to connect to the database at jdbc:postgresql://${database}/catalogue and stacktrace of `)
    out.push(`org.odpi.openmetadata.frameworks.connectors.ffdc.ConnectorCheckedException{reportedHTTPCode=400, reportedErrorMessageId='JDBC-INTEGRATION-CONNECTOR-400-001'}`)
    for (let frame = 0; frame < 8; frame++) out.push(`\tat org.odpi.openmetadata.adapters.connectors.integration.jdbc.JdbcIntegrationConnector.step${frame}(JdbcIntegrationConnector.java:${140 + frame})`)
    out.push(`Caused by: org.postgresql.util.PSQLException: Connection to ${database} refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.`)
    for (let frame = 0; frame < 6; frame++) out.push(`\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl${frame}(ConnectionFactoryImpl.java:${303 + frame})`)
    out.push('\t... 23 more')
  }
  out.push(`${date} intserv Shutdown INTEGRATION-DAEMON-SERVICES-0009 The integration daemon services are shutting down in server intserv`)
  return out
}

/** Connectors failing on element after element: each failure names a GUID of its own, so no failure text comes twice. */
function uniqueFailureLines(date: string, cycle: number): string[] {
  const out: string[] = []
  for (let index = 0; index < 20; index++) {
    const name = `AssetSync${index}`
    const failure = cycle * 20 + index
    const element = guidOf(failure)
    const text = `OMRS-REPOSITORY-404-002 The entity identified with guid ${element} passed on the getEntityDetail call is not known to the open metadata repository cocoMDS1`
    out.push(`${date} intserv Information INTEGRATION-DAEMON-SERVICES-0042 The integration daemon thread is refreshing integration connector ${name} in the intserv integration daemon instance`)
    out.push(`${date} intserv Exception INTEGRATION-DAEMON-SERVICES-0031 The integration connector ${name} method refresh has returned with a org.odpi.openmetadata.frameworks.connectors.ffdc.InvalidParameterException exception containing message ${text}`)
    out.push(`${date} intserv Exception INTEGRATION-DAEMON-SERVICES-0031 Supplementary information: log record id ${guidOf(failure + 0x40000000)} org.odpi.openmetadata.frameworks.connectors.ffdc.InvalidParameterException returned message of ${text} and stacktrace of `)
    out.push(`org.odpi.openmetadata.frameworks.connectors.ffdc.InvalidParameterException{reportedHTTPCode=404, reportedErrorMessageId='OMRS-REPOSITORY-404-002'}`)
    for (let frame = 0; frame < 10; frame++) out.push(`\tat org.odpi.openmetadata.commonservices.generichandlers.OpenMetadataAPIGenericHandler.getEntityFromRepository${frame}(OpenMetadataAPIGenericHandler.java:${200 + frame})`)
    out.push('\t... 41 more')
  }
  return out
}

/** A GUID-shaped string of its own for each number: its hex digits scrambled (a 32-bit mix each), not random. */
function guidOf(value: number): string {
  const words = [1, 2, 3, 4].map((part) => {
    let mixed = Math.imul(value ^ (part * 0x9e3779b9), 0x85ebca6b)
    mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35)
    return ((mixed ^ (mixed >>> 16)) >>> 0).toString(16).padStart(8, '0')
  })
  const hex = words.join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** Spring Boot's own lines between the audit lines, as a platform's console shows them. */
function springInterleavedLines(date: string, cycle: number, ms: number): string[] {
  const stamp = new Date(ms).toISOString().replace('T', ' ').replace('Z', '')
  const spring = (level: string, thread: string, logger: string, text: string): string =>
    `${stamp} ${level.padStart(5)} 53787 --- [${thread.padStart(15)}] ${logger.padEnd(40)} : ${text}`
  const out: string[] = []
  for (const line of heartbeatLines(date, cycle)) {
    out.push(line)
    if (line.includes('-0043')) out.push(spring('INFO', 'nio-9443-exec-3', 'o.o.o.a.s.s.IntegrationDaemonResource', `GET /servers/integration-daemon/open-metadata/integration-daemon/users/garygeeke/status 200 in ${(cycle * 3) % 97} ms`))
  }
  out.push(spring('WARN', 'main', 'o.o.o.s.springboot.OMAGServerPlatform', 'Option strict.ssl is set to false!'))
  out.push(spring('DEBUG', 'kafka-producer-network-thread | producer-1', 'o.a.k.clients.NetworkClient', `[Producer clientId=producer-1] Node ${cycle % 3} sent an invalid full fetch response with extra=(egeria.omag.openmetadata.repositoryservices.cohort.cocoCohort.OMRSTopic-0)`))
  return out
}

/** Collected from containers: docker compose's service prefix and kubectl --timestamps, in turns. */
function containerPrefixedLines(date: string, cycle: number, ms: number): string[] {
  const lines = heartbeatLines(date, cycle)
  if (cycle % 2 === 0) return lines.map((line) => `egeria-core-1  | ${line}`)
  const stamp = new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z')
  return lines.map((line) => `${stamp} ${line}`)
}

/** Writes a console-format shape of about targetBytes to path; returns the bytes written. */
export async function writeConsoleShape(shape: Exclude<Shape, 'json-records'>, path: string, targetBytes: number): Promise<number> {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 })
  let written = 0
  let cycle = 0
  let ms = START_MS
  while (written < targetBytes) {
    const date = javaDate(ms)
    const lines =
      shape === 'heartbeat' ? heartbeatLines(date, cycle)
      : shape === 'startup-exceptions' ? startupExceptionLines(date, cycle)
      : shape === 'spring-interleaved' ? springInterleavedLines(date, cycle, ms)
      : shape === 'unique-failures' ? uniqueFailureLines(date, cycle)
      : containerPrefixedLines(date, cycle, ms)
    const text = `${lines.join('\n')}\n`
    cycle++
    ms += 60_000
    written += Buffer.byteLength(text)
    if (!out.write(text)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
  return written
}

/** Writes a directory of .omalrecord files (Egeria's JSON file audit destination) of about targetBytes. */
export function writeJsonRecords(dir: string, targetBytes: number): number {
  mkdirSync(dir, { recursive: true })
  let written = 0
  for (let index = 0; written < targetBytes; index++) {
    const failing = index % 25 === 0
    const database = DATABASES[index % DATABASES.length]!
    const guid = `${String(index).padStart(8, '0')}-5b7e-4c1d-9e8f-0a1b2c3d4e5f`
    const record = {
      guid,
      timeStamp: START_MS + index * 1000,
      originator: { serverName: 'intserv', serverType: 'Integration Daemon', organizationName: 'Coco Pharmaceuticals' },
      originatorProperties: { 'Server Name': 'intserv', 'Server Type': 'Integration Daemon' },
      threadId: 40 + (index % 8),
      threadName: 'IntegrationDaemonThread',
      severityCode: failing ? 4 : 0,
      severity: failing ? 'Exception' : 'Information',
      messageId: failing ? 'JDBC-INTEGRATION-CONNECTOR-0005' : 'INTEGRATION-DAEMON-SERVICES-0042',
      messageText: failing
        ? `An SQL exception was received by method connect. Exception message is: Connection to ${database} refused.`
        : `The integration daemon thread is refreshing integration connector ${JDBC_CONNECTORS[index % JDBC_CONNECTORS.length]} in the intserv integration daemon instance`,
      messageParameters: failing ? ['connect', `Connection to ${database} refused.`] : [JDBC_CONNECTORS[index % JDBC_CONNECTORS.length], 'intserv'],
      systemAction: failing ? 'The connector is unable to catalogue the database.' : 'The connector is refreshed.',
      userAction: failing ? 'Check that the database is running and its address is correct.' : 'No action is required.',
      ...(failing
        ? {
            exceptionClassName: 'org.postgresql.util.PSQLException',
            exceptionMessage: `Connection to ${database} refused.`,
            exceptionStackTrace: Array.from({ length: 8 }, (_, frame) => `at org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl${frame}(ConnectionFactoryImpl.java:${303 + frame})`).join('\n')
          }
        : {})
    }
    const text = JSON.stringify(record)
    writeFileSync(join(dir, `log-record-${guid}.omalrecord`), text)
    written += Buffer.byteLength(text)
  }
  return written
}
