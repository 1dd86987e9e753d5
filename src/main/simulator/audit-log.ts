/** The daemon's audit log: console format (fact sheet §1a) to a file, and optionally one .omalrecord JSON per record (§1b). */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'

export type SimulatedSeverity = 'Information' | 'Startup' | 'Shutdown' | 'Error' | 'Exception' | 'Action' | 'Decision'

const severityCodes: Record<SimulatedSeverity, number> = {
  Information: 1,
  Decision: 3,
  Action: 4,
  Error: 5,
  Exception: 6,
  Startup: 10,
  Shutdown: 11
}

export interface SimulatedAuditRecord {
  time: number
  server: string
  severity: SimulatedSeverity
  messageId: string
  text: string
  params: string[]
  actionDescription?: string
  exception?: { className: string; message: string }
}

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad = (value: number): string => String(value).padStart(2, '0')

/** Java's Date.toString() (`EEE MMM dd HH:mm:ss zzz yyyy`) for a UTC clock with the given zone label. */
export function javaDateString(epochMs: number, zoneLabel: string): string {
  const date = new Date(epochMs)
  const clock = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  return `${days[date.getUTCDay()]} ${months[date.getUTCMonth()]} ${pad(date.getUTCDate())} ${clock} ${zoneLabel} ${date.getUTCFullYear()}`
}

export interface AuditLogOptions {
  file?: string
  jsonDir?: string
  zoneLabel: string
  /** Print the "Supplementary information" line for Exception records (5+ consoles; the 2021 guide shows none). */
  exceptionSupplement: boolean
}

export class AuditLog {
  readonly records: SimulatedAuditRecord[] = []
  private static readonly keptInMemory = 5000

  constructor(private readonly options: AuditLogOptions) {
    if (options.jsonDir) mkdirSync(options.jsonDir, { recursive: true })
  }

  write(record: SimulatedAuditRecord): void {
    this.records.push(record)
    if (this.records.length > AuditLog.keptInMemory) this.records.splice(0, this.records.length - AuditLog.keptInMemory)
    const guid = randomUUID()
    if (this.options.file) appendFileSync(this.options.file, this.consoleLines(record, guid))
    if (this.options.jsonDir) {
      writeFileSync(join(this.options.jsonDir, `log-record-${guid}.omalrecord`), JSON.stringify(this.jsonRecord(record, guid)))
    }
  }

  /** The record's first console line, without its newline. */
  mainLine(record: SimulatedAuditRecord): string {
    return `${javaDateString(record.time, this.options.zoneLabel)} ${record.server} ${record.severity} ${record.messageId} ${record.text}`
  }

  consoleLines(record: SimulatedAuditRecord, guid: string): string {
    const prefix = `${javaDateString(record.time, this.options.zoneLabel)} ${record.server} ${record.severity} ${record.messageId}`
    let lines = `${this.mainLine(record)}\n`
    if (record.exception && record.severity === 'Exception' && this.options.exceptionSupplement) {
      const { className, message } = record.exception
      lines +=
        `${prefix} Supplementary information: log record id ${guid} ${className} returned message of ${message} and stacktrace of \n` +
        `${className}: ${message}\n\tat org.odpi.openmetadata.governanceservers.integrationdaemonservices.handlers.IntegrationConnectorHandler.refreshConnector(IntegrationConnectorHandler.java:412)\n`
    }
    return lines
  }

  private jsonRecord(record: SimulatedAuditRecord, guid: string): Record<string, unknown> {
    return {
      guid,
      timeStamp: record.time,
      originator: { serverName: record.server, serverType: 'Integration Daemon' },
      originatorProperties: { 'Server Name': record.server, 'Server Type': 'Integration Daemon' },
      ...(record.actionDescription ? { actionDescription: record.actionDescription } : {}),
      threadId: 1,
      threadName: 'IntegrationDaemon',
      severityCode: severityCodes[record.severity],
      severity: record.severity,
      messageId: record.messageId,
      messageText: record.text,
      messageParameters: record.params,
      ...(record.exception
        ? { exceptionClassName: record.exception.className, exceptionMessage: record.exception.message }
        : {})
    }
  }
}
