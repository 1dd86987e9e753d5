/**
 * What stored records share: a log of a million records has a few hundred combinations of input,
 * format, server, severity, message IDs, connector and logger. Each combination (a "kind") is kept
 * once; a record refers to its kind by number, and filters decide once per kind rather than per record.
 */
import { PROBLEM_SEVERITY_SET, type AuditRecord, type RecordFormat } from '../../../shared/models/audit'

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
  private byKey = new Map<string, number>()
  private kinds: RecordKind[] = []

  get list(): readonly RecordKind[] {
    return this.kinds
  }

  /** The number of the record's kind, adding the kind when it is new. */
  numberOf(record: AuditRecord): number {
    const key = kindKey(record)
    const known = this.byKey.get(key)
    if (known !== undefined) return known
    this.kinds.push(kindOf(record))
    this.byKey.set(key, this.kinds.length - 1)
    return this.kinds.length - 1
  }

  /**
   * Keeps only the kinds still in use (after the oldest records were dropped) and returns the new
   * number of each old one (-1 for those let go), so a log of ever-new connectors stays bounded.
   */
  retain(used: Uint8Array): Int32Array {
    const renumbered = new Int32Array(this.kinds.length).fill(-1)
    const kept: RecordKind[] = []
    const byKey = new Map<string, number>()
    for (const [key, number] of this.byKey) {
      if (!used[number]) continue
      renumbered[number] = kept.length
      byKey.set(key, kept.length)
      kept.push(this.kinds[number]!)
    }
    this.kinds = kept
    this.byKey = byKey
    return renumbered
  }
}

/** One string per combination; every part carries its length, so no text inside a part can fake a boundary. */
function kindKey(record: AuditRecord): string {
  let key = `${record.input}|${record.format}|${record.audit ? 1 : 0}${part(record.server)}${part(record.severity)}${part(record.messageId)}${part(record.connector)}${part(record.level)}${part(record.logger)}|${record.messageIds.length}`
  for (const id of record.messageIds) key += part(id)
  return key
}

function part(value: string | undefined): string {
  return value === undefined ? '|' : `|${value.length}:${value}`
}

function kindOf(record: AuditRecord): RecordKind {
  const kind: RecordKind = {
    input: record.input, format: record.format, audit: record.audit, messageIds: record.messageIds.map(ownCopy),
    searchPrefix: [record.server, record.severity, record.messageId].filter(Boolean).join(' '),
    problem: record.severity ? PROBLEM_SEVERITY_SET.has(record.severity) : record.level === 'ERROR'
  }
  if (record.server !== undefined) kind.server = ownCopy(record.server)
  if (record.severity !== undefined) kind.severity = ownCopy(record.severity)
  if (record.messageId !== undefined) kind.messageId = ownCopy(record.messageId)
  if (record.connector !== undefined) kind.connector = ownCopy(record.connector)
  if (record.level !== undefined) kind.level = ownCopy(record.level)
  if (record.logger !== undefined) kind.logger = ownCopy(record.logger)
  kind.searchPrefix = ownCopy(kind.searchPrefix)
  return kind
}

/**
 * A copy that shares no memory with the line it was cut from: V8 keeps the whole chunk of a sliced
 * string alive. (A JSON round trip builds a new flat string and keeps even unpaired surrogates.)
 */
function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string
}
