/**
 * The records of an open log, kept compactly for the viewer: one column (a typed array) per field
 * that every record has, the combinations of input, server, severity, message IDs, connector and
 * logger kept once (record-kinds.ts), the text once in UTF-8 (text-arena.ts, shared with the record
 * before of the same kind when identical, as heartbeats are), and the rare fields (stack trace,
 * exception, GUID, file, daemon status) as JSON after the text. A million records take about a
 * third of the memory they take as objects (see MAX_STORED_RECORDS in log-service.ts); `AuditRecord` objects are built only for what is asked for.
 * Past the cap the oldest records are dropped, as a batch, so dropping stays cheap.
 */
import type { AuditRecord } from '../../../shared/models/audit'
import { isoSeconds } from './java-time'
import { RecordKinds, type RecordKind } from './record-kinds'
import { TextArena } from './text-arena'

/** The fields few records have. */
type RareFields = Pick<AuditRecord, 'file' | 'time' | 'exceptionClass' | 'exceptionMessage' | 'stackTrace' | 'guid' | 'furtherReading' | 'daemonStatus'>

/** Record flags. */
const TRUNCATED = 1
/** The rare fields hold an exception message or a stack trace, which the search reads. */
const SEARCHABLE_RARE_FIELDS = 2
const IDS_OF_HEAD = 4

const INITIAL_CAPACITY = 1024
/** Records beyond the cap (as a share of it) before the oldest are dropped, so a tail drops in batches. */
const DROP_SLACK = 0.1

export class RecordStore {
  private count = 0
  private droppedCount = 0
  private capacity = 0
  private kindNumbers = new Uint32Array(0)
  /** Milliseconds since the epoch; NaN for a record without a time. */
  private times = new Float64Array(0)
  private firstLines = new Uint32Array(0)
  private lastLines = new Uint32Array(0)
  /** Where each record's text and rare fields are in the arena, and their lengths in bytes. */
  private starts = new Float64Array(0)
  private textBytes = new Uint32Array(0)
  private rareBytes = new Uint32Array(0)
  private flags = new Uint8Array(0)
  private readonly kinds = new RecordKinds()
  private readonly arena = new TextArena()
  /** Position of the latest record of each kind, whose text the next one of that kind may share. */
  private lastOfKind: number[] = []
  /** Consecutive records mostly print the same second: its parse is reused. */
  private lastTime = ''
  private lastTimeMs = NaN

  constructor(private readonly maxRecords: number) {}

  get size(): number {
    return this.count
  }

  /** Records dropped (the oldest) to stay within the cap. */
  get dropped(): number {
    return this.droppedCount
  }

  add(record: AuditRecord): void {
    if (this.count === this.capacity) this.grow()
    const position = this.count++
    const kind = this.kinds.numberOf(record)
    this.kindNumbers[position] = kind
    this.firstLines[position] = record.firstLine
    this.lastLines[position] = record.lastLine
    this.flags[position] =
      (record.truncated ? TRUNCATED : 0) |
      (record.exceptionMessage !== undefined || record.stackTrace !== undefined ? SEARCHABLE_RARE_FIELDS : 0) |
      (record.messageIdsOfHead ? IDS_OF_HEAD : 0)
    const { ms, unusualTime } = this.parseTime(record.time)
    this.times[position] = ms
    this.storeText(position, kind, record.text, rareFieldsJson(record, unusualTime))
    if (this.count > this.maxRecords * (1 + DROP_SLACK)) this.dropOldest(this.count - this.maxRecords)
  }

  /** The record at a position (0 is the oldest kept), as the parser made it. */
  record(position: number): AuditRecord {
    const kind = this.kindAt(position)
    const rare = this.rareFields(position)
    const record: AuditRecord = {
      input: kind.input, firstLine: this.firstLines[position]!, lastLine: this.lastLines[position]!, format: kind.format, audit: kind.audit,
      text: this.text(position), messageIds: [...kind.messageIds]
    }
    const time = this.timeText(position)
    if (time !== undefined) record.time = time
    if (kind.server !== undefined) record.server = kind.server
    if (kind.severity !== undefined) record.severity = kind.severity
    if (kind.messageId !== undefined) record.messageId = kind.messageId
    if (kind.connector !== undefined) record.connector = kind.connector
    if (kind.level !== undefined) record.level = kind.level
    if (kind.logger !== undefined) record.logger = kind.logger
    if (this.flags[position]! & TRUNCATED) record.truncated = true
    if (this.flags[position]! & IDS_OF_HEAD) record.messageIdsOfHead = true
    return rare ? Object.assign(record, rare) : record
  }

  /** The records from `start` up to (not including) `end`, within the kept ones. */
  range(start: number, end: number): AuditRecord[] {
    const records: AuditRecord[] = []
    for (let position = Math.max(0, start); position < Math.min(end, this.count); position++) records.push(this.record(position))
    return records
  }

  /** Every kind so far, by number; filters decide per kind. */
  get kindList(): readonly RecordKind[] {
    return this.kinds.list
  }

  kindNumberAt(position: number): number {
    return this.kindNumbers[position]!
  }

  kindAt(position: number): RecordKind {
    return this.kinds.list[this.kindNumbers[position]!]!
  }

  /** Milliseconds since the epoch, NaN when the record has no time. */
  timeAt(position: number): number {
    return this.times[position]!
  }

  firstLineAt(position: number): number {
    return this.firstLines[position]!
  }

  lastLineAt(position: number): number {
    return this.lastLines[position]!
  }

  /** The file of a record from a directory input. */
  fileAt(position: number): string | undefined {
    return this.rareFields(position)?.file
  }

  /** What the search reads: server, severity, message ID, text, exception message and stack trace, space-separated. */
  searchableText(position: number): string {
    let joined = this.kindAt(position).searchPrefix
    const add = (part: string | undefined): void => {
      if (part) joined = joined ? `${joined} ${part}` : part
    }
    add(this.text(position))
    if (this.flags[position]! & SEARCHABLE_RARE_FIELDS) {
      const rare = this.rareFields(position)!
      add(rare.exceptionMessage)
      for (const line of rare.stackTrace ?? []) add(line)
    }
    return joined
  }

  private text(position: number): string {
    return this.arena.read(this.starts[position]!, 0, this.textBytes[position]!)
  }

  private rareFields(position: number): RareFields | undefined {
    const bytes = this.rareBytes[position]!
    return bytes === 0 ? undefined : (JSON.parse(this.arena.read(this.starts[position]!, this.textBytes[position]!, bytes)) as RareFields)
  }

  private timeText(position: number): string | undefined {
    const ms = this.times[position]!
    return Number.isNaN(ms) ? undefined : isoSeconds(ms)
  }

  /**
   * Times as numbers: the parser writes them as `isoSeconds` does, so the number gives the same text
   * back. Any other spelling is kept as written among the rare fields (its number still sorts and counts).
   */
  private parseTime(time: string | undefined): { ms: number; unusualTime?: string } {
    if (time === undefined) return { ms: NaN }
    if (time === this.lastTime) return { ms: this.lastTimeMs }
    const ms = Date.parse(time)
    if (Number.isNaN(ms) || isoSeconds(ms) !== time) return { ms, unusualTime: time }
    this.lastTime = time
    this.lastTimeMs = ms
    return { ms }
  }

  private storeText(position: number, kind: number, text: string, rare: string): void {
    let start = this.arena.append(text, rare)
    const previous = this.lastOfKind[kind]
    if (
      previous !== undefined && this.arena.textBytes === this.textBytes[previous] &&
      this.arena.takeBackIfSame(this.starts[previous]!, this.textBytes[previous]! + this.rareBytes[previous]!)
    ) {
      start = this.starts[previous]!
    }
    this.starts[position] = start
    this.textBytes[position] = this.arena.textBytes
    this.rareBytes[position] = this.arena.moreBytes
    this.lastOfKind[kind] = position
  }

  private grow(): void {
    const limit = Math.ceil(this.maxRecords * (1 + DROP_SLACK)) + 1
    this.capacity = Math.min(limit, Math.max(INITIAL_CAPACITY, this.capacity * 2))
    this.kindNumbers = resized(this.kindNumbers, this.capacity)
    this.times = resized(this.times, this.capacity)
    this.firstLines = resized(this.firstLines, this.capacity)
    this.lastLines = resized(this.lastLines, this.capacity)
    this.starts = resized(this.starts, this.capacity)
    this.textBytes = resized(this.textBytes, this.capacity)
    this.rareBytes = resized(this.rareBytes, this.capacity)
    this.flags = resized(this.flags, this.capacity)
  }

  private dropOldest(excess: number): void {
    const columns = [this.kindNumbers, this.times, this.firstLines, this.lastLines, this.starts, this.textBytes, this.rareBytes, this.flags]
    for (const column of columns) column.copyWithin(0, excess, this.count)
    this.count -= excess
    this.droppedCount += excess
    this.arena.releaseBefore(this.starts[0]!)
    const used = new Uint8Array(this.kinds.list.length)
    for (let position = 0; position < this.count; position++) used[this.kindNumbers[position]!] = 1
    const renumbered = this.kinds.retain(used)
    for (let position = 0; position < this.count; position++) this.kindNumbers[position] = renumbered[this.kindNumbers[position]!]!
    // Positions moved: text sharing starts afresh with the next record of each kind.
    this.lastOfKind = []
  }
}

function resized<T extends Uint8Array | Uint32Array | Float64Array>(column: T, capacity: number): T {
  const bigger = new (column.constructor as new (length: number) => T)(capacity)
  bigger.set(column)
  return bigger
}

/** The record's rare fields as JSON, or '' when it has none (most records). */
function rareFieldsJson(record: AuditRecord, unusualTime: string | undefined): string {
  const { file, exceptionClass, exceptionMessage, stackTrace, guid, furtherReading, daemonStatus } = record
  if (file === undefined && exceptionClass === undefined && exceptionMessage === undefined && stackTrace === undefined && guid === undefined &&
    furtherReading === undefined && daemonStatus === undefined && unusualTime === undefined) return ''
  const rare: RareFields = { file, time: unusualTime, exceptionClass, exceptionMessage, stackTrace, guid, furtherReading, daemonStatus }
  return JSON.stringify(rare)
}
