/**
 * What stored records share: a log of a million records has a few hundred combinations of input,
 * format, server, severity, message IDs, connector and logger. Each combination (a "kind") is kept
 * once; a record refers to its kind by number, and filters decide once per kind rather than per record.
 */
import { PROBLEM_SEVERITY_SET, type AuditRecord, type RecordFormat } from '../../../shared/models/audit'
import { internString } from './own-string'

export interface RecordKind {
  input: number
  format: RecordFormat
  audit: boolean
  server?: string
  severity?: string
  messageId?: string
  messageIds: readonly string[]
  connector?: string
  level?: string
  logger?: string
  /** Server, severity and message ID as the search reads them before the text. */
  searchPrefix: string
  /** Error, Exception, Action, Security or a logback ERROR. */
  problem: boolean
}

export class RecordKinds {
  private kinds: RecordKind[] = []
  /**
   * Kind numbers by message ID, then connector or else logger (Spring Boot lines have no message ID
   * or connector but many loggers; absent ones as ''): the few kinds found there are compared field
   * by field. Two lookups of short strings cost far less than joining every field into one key per record.
   */
  private byMessage = new Map<string, Map<string, number[]>>()

  get list(): readonly RecordKind[] {
    return this.kinds
  }

  /** The number of the record's kind, adding the kind when it is new. */
  numberOf(record: AuditRecord): number {
    const candidates = this.candidates(record.messageId, record.connector ?? record.logger)
    for (const number of candidates) if (isOfKind(record, this.kinds[number]!)) return number
    this.kinds.push(kindOf(record))
    candidates.push(this.kinds.length - 1)
    return this.kinds.length - 1
  }

  /**
   * Keeps only the kinds still in use (after the oldest records were dropped) and returns the new
   * number of each old one (-1 for those let go), so a log of ever-new connectors stays bounded.
   */
  retain(used: Uint8Array): Int32Array {
    const renumbered = new Int32Array(this.kinds.length).fill(-1)
    const kept = this.kinds.filter((_, number) => used[number])
    let next = 0
    for (let number = 0; number < this.kinds.length; number++) if (used[number]) renumbered[number] = next++
    this.kinds = kept
    this.byMessage = new Map()
    for (const [number, kind] of kept.entries()) this.candidates(kind.messageId, kind.connector ?? kind.logger).push(number)
    return renumbered
  }

  private candidates(messageId: string | undefined, source: string | undefined): number[] {
    let bySource = this.byMessage.get(messageId ?? '')
    if (!bySource) this.byMessage.set(internString(messageId ?? ''), (bySource = new Map()))
    let numbers = bySource.get(source ?? '')
    if (!numbers) bySource.set(internString(source ?? ''), (numbers = []))
    return numbers
  }
}

function isOfKind(record: AuditRecord, kind: RecordKind): boolean {
  if (
    record.input !== kind.input || record.format !== kind.format || record.audit !== kind.audit || record.server !== kind.server ||
    record.severity !== kind.severity || record.messageId !== kind.messageId || record.connector !== kind.connector ||
    record.level !== kind.level || record.logger !== kind.logger || record.messageIds.length !== kind.messageIds.length
  ) return false
  return record.messageIds.every((id, index) => id === kind.messageIds[index])
}

function kindOf(record: AuditRecord): RecordKind {
  const kind: RecordKind = {
    input: record.input, format: record.format, audit: record.audit, messageIds: record.messageIds.map(internString),
    searchPrefix: [record.server, record.severity, record.messageId].filter(Boolean).join(' '),
    problem: record.severity ? PROBLEM_SEVERITY_SET.has(record.severity) : record.level === 'ERROR'
  }
  if (record.server !== undefined) kind.server = internString(record.server)
  if (record.severity !== undefined) kind.severity = internString(record.severity)
  if (record.messageId !== undefined) kind.messageId = internString(record.messageId)
  if (record.connector !== undefined) kind.connector = internString(record.connector)
  if (record.level !== undefined) kind.level = internString(record.level)
  if (record.logger !== undefined) kind.logger = internString(record.logger)
  kind.searchPrefix = internString(kind.searchPrefix)
  return kind
}
