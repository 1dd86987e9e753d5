/**
 * A stretch of a log parsed ahead, on the reading thread, for a diagnosis on the parsing one: it starts
 * and ends at cut points (record-parser's isCutPoint), where one parser reading the whole log holds
 * nothing open, so the stretch parses alone exactly as it would in line. What it gives is packed
 * (record-codec.ts): its records, with only the trace lines the diagnosis reads, and, as chatter, only
 * the console lines the diagnosis takes whatever it has read before (for a server of any release).
 */
import { readSync } from 'node:fs'
import { PROBLEM_SEVERITY_SET, type LineCounts, type RecordFormat } from '../../../shared/models/audit'
import { needsLogLine, releaseFreeTraitsOf } from './diagnosis'
import { LineSplitter } from './line-splitter'
import { RecordPacker, type PackedStrings } from './record-codec'
import { isCutPoint, RecordParser, type ChatterSink } from './record-parser'

/** A stretch parsed ahead: what the parsing thread adds in its place (its numbers are in shared memory). */
export interface ParsedStretch {
  packed: PackedStrings
  counts: LineCounts
  formats: RecordFormat[]
  /** What its reading noted (a zone read as UTC). */
  notes: string[]
  /** Its bytes, from its first line to the cut point after its last. */
  bytes: number
}

/** A stretch as the parsing thread takes it: with its numbers, valid until it asks for what comes next. */
export interface StretchRead {
  stretch: ParsedStretch
  ints: Int32Array
}

/** How a reader parses ahead: the same for every log (read-ahead.ts), or a test's own. */
export interface StretchTuning {
  /** Bytes a stretch takes before it looks for its end. */
  stretchBytes: number
  /** How far a cut point is looked for, at either end. */
  windowBytes: number
  /** Slots the parsing thread must have queued before the reading one parses a stretch instead of reading on. */
  parseWhenQueued: number
  /** Characters of text a stretch may send per byte it stands for: a log whose texts do not repeat is left to the parsing thread. */
  maxTextPerByte: number
}

/** Whose records a reader parses ahead, and how. */
export interface StretchPlan extends StretchTuning {
  input: number
  maxStackLines?: number
}

/** What a reader may be told to parse ahead: whose records, and (tests) a tuning of its own. */
export type StretchRequest = Pick<StretchPlan, 'input' | 'maxStackLines'> & Partial<StretchTuning>

/** What the packing sink knows of an ID: whether it is chatter for a server of any release, and its ref in the packer's table. */
interface IdPacking {
  chatter: boolean
  readsText: boolean
  ref: number
  /** The stretch the ref names a string of (RecordPacker.stretchId). */
  stretch: number
}

const READ_BYTES = 1 << 20
/** What a stretch reads at a time while it looks for its end. */
const END_READ_BYTES = 64 << 10

/** The bytes of the file from `from` in which a cut point is looked for, read into `buffer`. */
export function windowAt(fd: number, from: number, plan: StretchPlan, buffer: Buffer): Buffer {
  return buffer.subarray(0, readSync(fd, buffer, 0, Math.min(buffer.length, plan.windowBytes), from))
}

/**
 * Where the first cut point at or after `from` starts, in the `window` of bytes read from there: `from`
 * itself when a line starts there (`lineStart`), else after the next newline; -1 when none starts within it.
 */
export function cutPointIn(window: Buffer, from: number, lineStart: boolean): number {
  let start = lineStart ? 0 : window.indexOf(10) + 1
  if (start === 0 && !lineStart) return -1
  for (;;) {
    const newline = window.indexOf(10, start)
    // A cut point is a whole line: one cut short by the window's end cannot be told.
    if (newline === -1) return -1
    const end = newline > start && window[newline - 1] === 13 ? newline - 1 : newline
    const text = window.toString('utf8', start, end)
    if (isCutPoint(text, 0, text.length)) return from + start
    start = newline + 1
  }
}

/**
 * Parses the stretch of the file from `from` (a cut point) up to the first cut point at least
 * `stretchBytes` on, packed; undefined when the file ends before such a cut point (the rest is left to the
 * parsing thread, which reads a last line without a newline as it always does).
 */
export class StretchParser {
  private readonly packer = new RecordPacker()
  private readonly ids = new Map<string, IdPacking>()
  private readonly buffer = Buffer.allocUnsafeSlow(READ_BYTES)

  constructor(private readonly plan: StretchPlan) {}

  /**
   * The stretch from `from`, its numbers written into `ints`; undefined when it cannot end within its bounds.
   * `head` holds the file's bytes from `from` that the caller has read already (its cut point's window).
   */
  parse(fd: number, from: number, ints: Int32Array, head?: Buffer): ParsedStretch | undefined {
    const { plan, packer } = this
    packer.begin(ints)
    const parser = new RecordParser(plan.input, (record) => packer.record(record), { maxStackLines: plan.maxStackLines }, this.chatterSink())
    let end = -1
    const splitter = new LineSplitter((text, start, lineEnd, truncated) => {
      if (end !== -1) return
      const offset = from + splitter.lineOffset
      if ((offset >= from + plan.stretchBytes || packer.full) && !truncated && isCutPoint(text, start, lineEnd)) {
        end = offset
        return
      }
      parser.lineIn(text, start, lineEnd, truncated)
    })
    let position = from
    if (head !== undefined && head.length > 0) {
      splitter.push(head)
      position += head.length
    }
    while (end === -1) {
      // The window past the stretch bounds the search for its end: a log without cut points is left alone.
      if (position >= from + plan.stretchBytes + plan.windowBytes || packer.overflowed) return undefined
      // Past its bytes, the stretch reads on a little at a time: what it reads past its end is read again after it.
      const wanted = position < from + plan.stretchBytes ? Math.min(READ_BYTES, from + plan.stretchBytes - position) : END_READ_BYTES
      const bytes = readSync(fd, this.buffer, 0, wanted, position)
      if (bytes === 0) return undefined
      splitter.push(this.buffer.subarray(0, bytes))
      position += bytes
    }
    parser.end()
    if (packer.overflowed) return undefined
    return { packed: packer.finish(), counts: parser.stats, formats: [...parser.auditFormats], notes: [...parser.notes], bytes: end - from }
  }

  private chatterSink(): ChatterSink {
    const { packer, ids } = this
    return {
      auditLine: (_input, lineNo, time, server, severity, id, text, connector) => {
        if (PROBLEM_SEVERITY_SET.has(severity)) return false
        let packing = ids.get(id)
        if (packing === undefined) {
          if (ids.size >= 10_000) ids.clear()
          ids.set(id, (packing = { ...releaseFreeTraitsOf(id), ref: 0, stretch: -1 }))
        }
        if (!packing.chatter) return false
        if (packing.stretch !== packer.stretchId) {
          packing.ref = packer.refOf(id)
          packing.stretch = packer.stretchId
        }
        packer.chatter(lineNo, time, server, severity, packing.ref, packing.readsText ? text : '', connector)
        return true
      },
      logLine: (level, logger) => !needsLogLine(level, logger)
    }
  }
}
