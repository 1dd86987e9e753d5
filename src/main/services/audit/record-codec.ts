/**
 * A stretch of records and chatter lines packed by the thread that parsed it for the one that diagnoses:
 * numbers written into shared memory (the ring slot the stretch stands in, so nothing is allocated or
 * copied for them), and each distinct string (servers, IDs, times, messages, trace lines) sent once per
 * stretch and named by index; GUIDs, which never repeat, as they are. Cloning records as objects costs
 * more than parsing them. A failing connector repeats its texts on every retry, so a record's long texts
 * are first compared with those of the last record of its ID and connector: a hash of a long text costs
 * more than the compare.
 */
import type { AuditRecord } from '../../../shared/models/audit'
import { internString, ownCopy } from './own-string'
import type { ChatterSink } from './record-parser'

/** What goes with a stretch's numbers, by message. */
export interface PackedStrings {
  /** The numbers written. */
  length: number
  /** The short strings, in the order refs name them. */
  strings: string[]
  /** The long texts, in the order refs name them (less TEXT_REF). */
  texts: string[]
  /** Records that do not pack (a saved status answer), cloned whole. */
  whole: AuditRecord[]
}

const CHATTER = 1
const RECORD = 2
const WHOLE = 3
const NONE = -1
/** A string ref at or above this names a long text, below it a short string. */
const TEXT_REF = 1 << 30
/** Longer strings are texts: found by a compare with the last record's where they can be (echoedRef), and not interned on arrival. */
const SHORT_CHARS = 48
/** Records (of one ID and connector each) whose texts are remembered for the compare: beyond it, all are forgotten. */
const MAX_ECHOES = 4096
/** Numbers left when a stretch looks for its end: room for the lines up to the next cut point. */
const ROOM_TO_END = 1 << 14

const STRING_FIELDS = ['file', 'format', 'time', 'server', 'severity', 'messageId', 'text', 'connector', 'exceptionClass', 'exceptionMessage', 'guid', 'furtherReading', 'level', 'logger'] as const
type StringField = (typeof STRING_FIELDS)[number]
/** Every field of a record has its place in a packed one: a field added to AuditRecord without one fails to compile here. */
type Unpacked = Exclude<keyof AuditRecord, StringField | 'input' | 'firstLine' | 'lastLine' | 'audit' | 'truncated' | 'messageIds' | 'messageIdsOfHead' | 'stackTrace' | 'daemonStatus'>
const everyFieldPacked: [Unpacked] extends [never] ? true : never = true
void everyFieldPacked

const AUDIT = 1
const TRUNCATED = 2
const IDS_OF_HEAD = 4

/** The long texts the last record of one message ID and connector had, by place, and their refs in a stretch. */
interface RecordEcho {
  stretch: number
  texts: string[]
  refs: number[]
}

export class RecordPacker {
  private readonly echoes = new Map<string, Map<string, RecordEcho>>()
  private echoCount = 0
  private readonly lastFields: Partial<Record<StringField, { value: string; ref: number; stretch: number }>> = {}
  private ints: Int32Array = new Int32Array(0)
  private length = 0
  private readonly table = new Map<string, number>()
  private readonly textTable = new Map<string, number>()
  private strings: string[] = []
  private texts: string[] = []
  private whole: AuditRecord[] = []
  private stretch = 0
  /** A record did not fit in the area: the stretch must end without it. */
  overflowed = false
  /** The refs of the last time, server and severity: a run of chatter lines repeats them, as the same strings. */
  private lastTime: string | undefined
  private lastTimeRef = NONE
  private lastServer: string | undefined
  private lastServerRef = NONE
  private lastSeverity: string | undefined
  private lastSeverityRef = NONE

  /** Starts a stretch, its numbers written into `ints`. */
  begin(ints: Int32Array): void {
    this.ints = ints
    this.length = 0
    this.table.clear()
    this.textTable.clear()
    this.strings = []
    this.texts = []
    this.whole = []
    this.stretch++
    this.overflowed = false
    this.lastTime = this.lastServer = this.lastSeverity = undefined
  }

  /** Which stretch refs name now: a ref kept from another stretch is stale. */
  get stretchId(): number {
    return this.stretch
  }

  /** Whether the stretch should end at the next cut point: a record of the usual size might not fit. */
  get full(): boolean {
    return this.length > this.ints.length - ROOM_TO_END
  }

  /** The ref of a short string in this stretch. */
  refOf(value: string): number {
    return this.ref(value)
  }

  /** A chatter line; `text` is empty when the diagnosis does not read it (most IDs). */
  chatter(lineNo: number, time: string, server: string, severity: string, messageIdRef: number, text: string, connector: string | undefined): void {
    if (time !== this.lastTime) {
      this.lastTime = time
      this.lastTimeRef = this.ref(time)
    }
    if (server !== this.lastServer) {
      this.lastServer = server
      this.lastServerRef = this.ref(server)
    }
    if (severity !== this.lastSeverity) {
      this.lastSeverity = severity
      this.lastSeverityRef = this.ref(severity)
    }
    const ints = this.ints
    if (this.length + 8 > ints.length) {
      this.overflowed = true
      return
    }
    let at = this.length
    ints[at++] = CHATTER
    ints[at++] = lineNo
    ints[at++] = this.lastTimeRef
    ints[at++] = this.lastServerRef
    ints[at++] = this.lastSeverityRef
    ints[at++] = messageIdRef
    ints[at++] = text.length === 0 ? NONE : this.ref(text)
    ints[at++] = connector === undefined ? NONE : this.ref(connector)
    this.length = at
  }

  record(record: AuditRecord): void {
    if (record.daemonStatus) {
      this.put(WHOLE)
      this.put(this.whole.length)
      this.whole.push(record)
      return
    }
    const stack = record.stackTrace
    if (this.length + 21 + record.messageIds.length + (stack?.length ?? 0) > this.ints.length) {
      this.overflowed = true
      return
    }
    const echo = this.echoOf(record.messageId ?? '', record.connector ?? '')
    let place = 0
    this.put(RECORD)
    this.put(record.firstLine)
    this.put(record.lastLine)
    this.put((record.audit ? AUDIT : 0) | (record.truncated ? TRUNCATED : 0) | (record.messageIdsOfHead ? IDS_OF_HEAD : 0))
    for (const field of STRING_FIELDS) {
      const value = record[field]
      this.put(value === undefined ? NONE : field === 'guid' ? this.once(value) : value.length > SHORT_CHARS ? this.echoedRef(value, echo, place++) : this.fieldRef(value, field))
    }
    this.put(record.messageIds.length)
    for (const id of record.messageIds) this.put(this.ref(id))
    this.put(stack ? stack.length : NONE)
    if (stack) for (const line of stack) this.put(line.length > SHORT_CHARS ? this.echoedRef(line, echo, place++) : this.ref(line))
  }

  /** The ref of a short field, found by a compare when the last record had the same value in it (a server, a severity, a time). */
  private fieldRef(value: string, field: StringField): number {
    const last = this.lastFields[field]
    if (last !== undefined && last.stretch === this.stretch && last.value === value) return last.ref
    const ref = this.ref(value)
    this.lastFields[field] = { value: this.strings[ref]!, ref, stretch: this.stretch }
    return ref
  }

  private echoOf(messageId: string, connector: string): RecordEcho {
    let echo = this.echoes.get(messageId)?.get(connector)
    if (echo === undefined) {
      if (this.echoCount >= MAX_ECHOES) {
        this.echoes.clear()
        this.echoCount = 0
      }
      let byConnector = this.echoes.get(messageId)
      if (byConnector === undefined) this.echoes.set(messageId, (byConnector = new Map()))
      byConnector.set(connector, (echo = { stretch: 0, texts: [], refs: [] }))
      this.echoCount++
    }
    if (echo.stretch !== this.stretch) {
      echo.stretch = this.stretch
      echo.refs.length = 0
    }
    return echo
  }

  /** The ref of a long text, found by a compare when the last record of its ID and connector had it at the same place. */
  private echoedRef(value: string, echo: RecordEcho, place: number): number {
    if (place < echo.refs.length && echo.texts[place] === value) return echo.refs[place]!
    const ref = this.ref(value)
    echo.texts[place] = this.texts[ref - TEXT_REF]!
    echo.refs[place] = ref
    return ref
  }

  /** What goes with the stretch's numbers. */
  finish(): PackedStrings {
    return { length: this.length, strings: this.strings, texts: this.texts, whole: this.whole }
  }

  // Strings are kept until the stretch is sent: copies, since a slice of a decoded piece of the log would keep
  // the whole piece alive that long (long enough to be promoted, and die in the old generation).
  private ref(value: string): number {
    if (value.length > SHORT_CHARS) {
      let text = this.textTable.get(value)
      if (text === undefined) {
        const copy = ownCopy(value)
        text = TEXT_REF + this.texts.length
        this.texts.push(copy)
        this.textTable.set(copy, text)
      }
      return text
    }
    let index = this.table.get(value)
    if (index === undefined) {
      const copy = ownCopy(value)
      index = this.table.size
      this.table.set(copy, index)
      this.strings.push(copy)
    }
    return index
  }

  /** A string no other record has (a GUID): sent as it is, without a lookup that never finds it. */
  private once(value: string): number {
    this.texts.push(ownCopy(value))
    return TEXT_REF + this.texts.length - 1
  }

  private put(value: number): void {
    this.ints[this.length++] = value
  }
}

/** Unpacks stretches into a diagnosis. */
export class RecordUnpacker {
  constructor(private readonly input: number) {}

  /**
   * Hands a stretch's records and chatter to a diagnosis, in order, its line numbers moved by `lineOffset`:
   * every chatter line must be one `chatter` takes (the stretch took only what it takes whatever it read before).
   */
  unpack(ints: Int32Array, packed: PackedStrings, lineOffset: number, record: (record: AuditRecord) => void, chatter: ChatterSink): void {
    const input = this.input
    // Interned, they are the very strings the parser gives the diagnosis for the same servers, IDs, names
    // and severities: its maps and objects find them by identity.
    const strings = packed.strings.map(internString)
    const { texts, whole } = packed
    const string = (ref: number): string => (ref >= TEXT_REF ? texts[ref - TEXT_REF]! : strings[ref]!)
    for (let at = 0; at < packed.length; ) {
      const op = ints[at++]
      if (op === CHATTER) {
        const lineNo = ints[at++]! + lineOffset
        const time = strings[ints[at++]!]!
        const server = strings[ints[at++]!]!
        const severity = strings[ints[at++]!]!
        const messageId = strings[ints[at++]!]!
        const textRef = ints[at++]!
        const connector = ints[at++]!
        if (!chatter.auditLine(input, lineNo, time, server, severity, messageId, textRef === NONE ? '' : string(textRef), connector === NONE ? undefined : string(connector))) {
          throw new Error(`line ${lineNo}: a stretch parsed ahead took as chatter a line the diagnosis does not (${messageId})`)
        }
      } else if (op === RECORD) {
        const unpacked = { input, firstLine: ints[at++]! + lineOffset, lastLine: ints[at++]! + lineOffset } as AuditRecord
        const flags = ints[at++]!
        unpacked.audit = (flags & AUDIT) !== 0
        if (flags & TRUNCATED) unpacked.truncated = true
        if (flags & IDS_OF_HEAD) unpacked.messageIdsOfHead = true
        for (const field of STRING_FIELDS) {
          const ref = ints[at++]!
          if (ref !== NONE) (unpacked as unknown as Record<StringField, string>)[field] = string(ref)
        }
        const ids = new Array<string>(ints[at++]!)
        for (let index = 0; index < ids.length; index++) ids[index] = string(ints[at++]!)
        unpacked.messageIds = ids
        const stackLength = ints[at++]!
        if (stackLength !== NONE) {
          const stack = new Array<string>(stackLength)
          for (let index = 0; index < stackLength; index++) stack[index] = string(ints[at++]!)
          unpacked.stackTrace = stack
        }
        record(unpacked)
      } else if (op === WHOLE) {
        const kept = whole[ints[at++]!]!
        record({ ...kept, input, firstLine: kept.firstLine + lineOffset, lastLine: kept.lastLine + lineOffset })
      } else throw new Error(`packed stretch: unknown entry ${op} at ${at - 1}`)
    }
  }
}
