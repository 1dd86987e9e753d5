/**
 * Reads log inputs as batches of records: files (plain or gzip, detected by magic bytes), stdin or any
 * byte stream, and directories of `.omalrecord` files (sorted by timeStamp). Memory stays bounded by one
 * chunk per input; a growing file can be read again from the offset the last read stopped at.
 */
import { TextDecoder } from 'node:util'
import { createReadStream, type ReadStream } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { setImmediate } from 'node:timers/promises'
import { createGunzip } from 'node:zlib'
import type { AuditRecord, InputFormat, RecordFormat } from '../../../shared/models/audit'
import { LineSplitter } from './line-splitter'
import { detectLineWrapping } from './wrapping-detection'
import type { StretchRead, StretchRequest, StretchTuning } from './parse-ahead'
import { fileChunks, HEAD_BYTES, readAhead } from './read-ahead'
import { RecordUnpacker } from './record-codec'
import { FILES_PER_TURN, RecordFileReader, recordFilesInTimeOrder } from './record-folder'
import { completeAuditRecord, jsonAuditRecord } from './audit-record'
import { RecordParser, type ChatterSink, type ParserOptions, type ParserStats } from './record-parser'

export const CHUNK_BYTES = 1 << 20
/** What the app parses between two looks at its event loop (a few milliseconds of work). */
const SLICE_BYTES = 64 * 1024
/** The start of an input read to find what wraps its lines (line-wrapping.ts looks at its first 100 lines). */
const WRAPPING_SAMPLE_BYTES = 64 * 1024

export interface InputResult {
  format: InputFormat
  stats: ParserStats
  /** Byte offset after the last complete line (plain files and streams): resume a live tail here. */
  endOffset: number
  /** What the reader skipped and why (malformed events), first few only. */
  notes?: string[]
}

/** Where records go when they are consumed as they are parsed, in order, rather than in batches. */
export interface RecordSink {
  record: (record: AuditRecord) => void
  /** Takes console chatter without a record object (a diagnosis with nobody keeping records). */
  chatter?: ChatterSink
  /** Called after each chunk (or .omalrecord file): the app yields to its event loop here, or throws to stop. */
  betweenChunks?: BetweenChunks
}

/** Returns a promise to wait for before the next chunk, or nothing to go straight on. */
export type BetweenChunks = () => Promise<void> | undefined

export interface RecordSource {
  path: string
  /**
   * Reads the input once. Without a sink it yields the records in batches (to merge inputs by time);
   * with one it hands every record to the sink as soon as it is parsed and yields nothing.
   */
  read: (sink?: RecordSink) => AsyncGenerator<AuditRecord[], InputResult>
  /** For a file: its size and how much of it has been read, to show progress. */
  progress?: () => { bytesRead: number; size: number }
  /** A database or topic: after `read`, hands on what arrives later, until stopped. */
  follow?: (handlers: LiveHandlers) => LiveFeed
  /** Releases the connections of a database or topic source. */
  close?: () => Promise<void>
}

/** Where a live source delivers. */
export interface LiveHandlers {
  /** New records, with the counts of the rows or events they came from. */
  records: (records: AuditRecord[], stats: ParserStats) => void
  /** The source cannot be read for now (it keeps trying), or `undefined` once it can again. */
  problem: (message: string | undefined) => void
}

export interface LiveFeed {
  stop: () => Promise<void>
}

/** Reads a source into a sink; the input's summary when done. */
export async function drain(source: RecordSource, sink: RecordSink): Promise<InputResult> {
  const reading = source.read(sink)
  for (;;) {
    const next = await reading.next()
    if (next.done) return next.value
  }
}

/** How a large file is read: what is read before the reading thread takes over, and (tests) how it parses ahead. */
export interface FileReading {
  headBytes?: number
  stretches?: Partial<StretchTuning>
}

/** Opens a path: a directory of .omalrecord files, or a (possibly gzipped) log file. */
export async function openInput(path: string, input: number, options: ParserOptions = {}, { headBytes = HEAD_BYTES, stretches }: FileReading = {}): Promise<RecordSource> {
  const info = await stat(path)
  if (info.isDirectory()) return { path, read: (sink) => omalrecordBatches(path, input, sink) }
  if (!info.isFile()) throw new Error(`${path} is not a file or directory`)
  // Its first bytes, read once: gzip or not, and (for a reader that would parse ahead) UTF-8 or UTF-16.
  const head = await readHead(path, WRAPPING_SAMPLE_BYTES)
  const gzip = isGzipHead(head)
  // A file's wrapping is found here, so that a thread parsing ahead is told whether there is one; a gzip's as it is read.
  if (!gzip && options.unwrap === undefined) options = { ...options, unwrap: (utf16Decoder(head) ? undefined : detectLineWrapping(head.toString('utf8'))) ?? null }
  let file: ReadStream | undefined
  let bytesRead = 0
  return {
    path,
    read: (sink) => {
      const onRead = (bytes: number): number => (bytesRead += bytes)
      if (gzip) {
        file = createReadStream(path, { highWaterMark: CHUNK_BYTES })
        return streamBatches(file.pipe(createGunzip()), input, options, { sink })
      }
      if (info.size <= headBytes) return streamBatches(fileChunks(path, onRead), input, options, { sink })
      return streamBatches(readAhead(path, onRead, { headBytes, parse: parsesAhead(head, input, options, sink, stretches) }), input, options, { sink })
    },
    progress: () => ({ bytesRead: file?.bytesRead ?? bytesRead, size: info.size })
  }
}

/**
 * Whether the reading thread may parse stretches ahead of a large file (parse-ahead.ts): for a diagnosis
 * that keeps no record (it takes chatter) and reads no slice at a time (the app browses records), of a
 * log in UTF-8 with its own zones (a zone given as an option is a function, which no thread can be sent)
 * and lines as written (a wrapped log is one a person passed on, seldom large).
 */
function parsesAhead(head: Buffer, input: number, options: ParserOptions, sink: RecordSink | undefined, tuning: FileReading['stretches']): StretchRequest | undefined {
  if (!sink?.chatter || sink.betweenChunks || options.zone !== undefined || options.unwrap || utf16Decoder(head) !== undefined) return undefined
  return { ...tuning, input, maxStackLines: options.maxStackLines }
}

/** A source over a stream that can be read once (stdin, a pasted text). */
export function streamSource(path: string, stream: AsyncIterable<Buffer | string>, input: number, options: ParserOptions = {}): RecordSource {
  return { path, read: (sink) => streamBatches(stream, input, options, { sink }) }
}

export async function isGzip(path: string): Promise<boolean> {
  return isGzipHead(await readHead(path, 2))
}

function isGzipHead(head: Buffer): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b
}

/** A file's first bytes, up to `bytes`. */
async function readHead(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, 'r')
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(bytes), 0, bytes, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

interface StreamReading {
  sink?: RecordSink
  /** A last line without a newline is a record (false for a live tail: it may still be growing). */
  flushPartialLine?: boolean
}

/** Parses any byte stream (a file, stdin, a gunzip pipe) as records, one batch per chunk or into a sink. */
export async function* streamBatches(
  stream: AsyncIterable<Buffer | string | StretchRead> | Iterable<Buffer>,
  input: number,
  options: ParserOptions = {},
  { sink, flushPartialLine = true }: StreamReading = {}
): AsyncGenerator<AuditRecord[], InputResult> {
  const batches = new Batches(sink)
  const parser = new RecordParser(input, (record) => batches.add(record), options, sink?.chatter)
  const splitter = new LineSplitter((text, start, end, truncated) => parser.lineIn(text, start, end, truncated))
  // With a between-chunks hook (the app), a chunk is parsed in slices so the hook gets a turn every few milliseconds.
  const betweenChunks = sink?.betweenChunks
  let stretches: RecordUnpacker | undefined
  for await (const bytes of asUtf8(stream)) {
    if (!Buffer.isBuffer(bytes)) {
      // A stretch parsed ahead (parse-ahead.ts): it starts at a cut point, where whatever is open ends.
      const { stretch, ints } = bytes
      parser.end()
      ;(stretches ??= new RecordUnpacker(input)).unpack(ints, stretch.packed, parser.stats.lines, (record) => batches.add(record), sink!.chatter!)
      parser.countStretch(stretch.counts, stretch.formats, stretch.notes)
      splitter.skip(stretch.bytes)
      continue
    }
    if (options.unwrap === undefined && parser.stats.lines === 0) parser.unwrapLines(detectLineWrapping(bytes.toString('utf8', 0, Math.min(bytes.length, WRAPPING_SAMPLE_BYTES))))
    const step = betweenChunks ? SLICE_BYTES : bytes.length
    for (let start = 0; start < bytes.length; start += step) {
      splitter.push(step >= bytes.length ? bytes : bytes.subarray(start, start + step))
      const batch = batches.take()
      if (batch) yield batch
      const pause = betweenChunks?.()
      if (pause) await pause
    }
  }
  if (flushPartialLine) splitter.end()
  parser.end()
  const batch = batches.take()
  if (batch) yield batch
  return { format: formatOf(parser.auditFormats), stats: parser.stats, endOffset: splitter.consumedBytes, ...(parser.notes.length > 0 ? { notes: [...parser.notes] } : {}) }
}

/**
 * The stream as UTF-8 bytes. PowerShell's `>` writes UTF-16 (little-endian, with a byte-order mark):
 * such a log is decoded rather than read as text with a NUL between every two characters.
 */
async function* asUtf8(stream: AsyncIterable<Buffer | string | StretchRead> | Iterable<Buffer>): AsyncGenerator<Buffer | StretchRead> {
  let decoder: TextDecoder | undefined
  let first = true
  for await (const chunk of stream) {
    if (!Buffer.isBuffer(chunk) && typeof chunk !== 'string') {
      yield chunk
      continue
    }
    if (typeof chunk === 'string') {
      yield Buffer.from(chunk)
      continue
    }
    if (first) decoder = utf16Decoder(chunk)
    first = false
    yield decoder ? Buffer.from(decoder.decode(chunk, { stream: true })) : chunk
  }
  const rest = decoder?.decode()
  if (rest) yield Buffer.from(rest)
}

/** A decoder when the first bytes are UTF-16 (by byte-order mark, or by ASCII text's NUL in every other byte). */
export function utf16Decoder(head: Buffer): TextDecoder | undefined {
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le')
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be')
  const sample = head.subarray(0, 1024)
  if (sample.length < 8) return undefined
  let evenNuls = 0
  let oddNuls = 0
  for (let index = 0; index < sample.length; index++) {
    if (sample[index] !== 0) continue
    if (index % 2 === 0) evenNuls++
    else oddNuls++
  }
  const half = sample.length / 2
  if (oddNuls > half * 0.9 && evenNuls < half * 0.1) return new TextDecoder('utf-16le')
  if (evenNuls > half * 0.9 && oddNuls < half * 0.1) return new TextDecoder('utf-16be')
  return undefined
}

/** Records gathered for the next yield, or handed straight to a sink. */
class Batches {
  private batch: AuditRecord[] = []
  constructor(private readonly sink?: RecordSink) {}

  add(record: AuditRecord): void {
    if (this.sink) this.sink.record(record)
    else this.batch.push(record)
  }

  get size(): number {
    return this.batch.length
  }

  take(): AuditRecord[] | undefined {
    if (this.batch.length === 0) return undefined
    const batch = this.batch
    this.batch = []
    return batch
  }
}

function formatOf(formats: ReadonlySet<RecordFormat>): InputFormat {
  if (formats.size === 1 && formats.has('json')) return 'json-lines'
  if (formats.size > 1) return 'mixed'
  return 'console'
}

/**
 * A directory of JSON audit records, one per file, named by random GUID: read every timeStamp first,
 * then the records in time order, in memory that does not grow with the folder (see record-folder.ts).
 */
async function* omalrecordBatches(dir: string, input: number, sink?: RecordSink): AsyncGenerator<AuditRecord[], InputResult> {
  const stats: ParserStats = { lines: 0, records: 0, auditRecords: 0, unparsedLines: 0, blankLines: 0, truncatedLines: 0 }
  const reader = new RecordFileReader()
  const batches = new Batches(sink)
  let index = -1
  for await (const name of recordFilesInTimeOrder(dir, reader)) {
    index++
    if (index > 0 && index % FILES_PER_TURN === 0) await setImmediate()
    const text = reader.read(join(dir, name)).toString('utf8')
    stats.lines++
    let fields: ReturnType<typeof jsonAuditRecord>
    try {
      fields = jsonAuditRecord(JSON.parse(text.replace(/^\uFEFF/, '')))
    } catch {
      fields = undefined
    }
    if (!fields) {
      stats.unparsedLines++
      continue
    }
    const record: AuditRecord = { input, firstLine: index + 1, lastLine: index + 1, file: name, ...fields }
    completeAuditRecord(record)
    stats.records++
    stats.auditRecords++
    batches.add(record)
    if (batches.size >= 500) yield batches.take()!
    const pause = sink?.betweenChunks?.()
    if (pause) await pause
  }
  const batch = batches.take()
  if (batch) yield batch
  return { format: 'omalrecord-dir', stats, endOffset: 0 }
}

/** What a tail read found. */
export interface Increment {
  records: AuditRecord[]
  /** Where the next read starts: after the last complete line, or at a record held back. */
  nextOffset: number
  stats: ParserStats
  /** The last record was held back: its trace may still be being written. */
  held: boolean
}

/**
 * Reads what a growing file gained since `fromOffset` (a live tail). An unfinished last line is left for
 * the next read; a file smaller than the offset was truncated or rotated and is read from the start.
 * With `holdOpenRecord`, a last record that may still take trace lines is not returned: the next read
 * starts at it again, so a trace written across two reads stays one record (ask again without holding
 * once the file stops growing).
 */
export async function readIncrement(path: string, fromOffset: number, input: number, options: ParserOptions = {}, holdOpenRecord = false): Promise<Increment> {
  const size = (await stat(path)).size
  const start = size < fromOffset ? 0 : fromOffset
  const records: AuditRecord[] = []
  const parser = new RecordParser(input, (record) => records.push(record), options)
  /** Where the last record began, and the truncated lines before it. */
  let last: { line: number; offset: number; truncatedBefore: number } | undefined
  const splitter = new LineSplitter((text, lineStart, lineEnd, truncated) => {
    const truncatedBefore = parser.stats.truncatedLines
    parser.lineIn(text, lineStart, lineEnd, truncated)
    const lineNo = parser.stats.lines
    if (parser.currentRecordLine === lineNo) last = { line: lineNo, offset: splitter.lineOffset, truncatedBefore }
  })
  for await (const chunk of createReadStream(path, { start, highWaterMark: CHUNK_BYTES })) splitter.push(chunk as Buffer)
  if (holdOpenRecord && last && parser.openRecordLine === last.line) {
    // The held lines are read again next time; the records before it (the one it flushed included) are counted now.
    const stats = { ...parser.stats, lines: last.line - 1, truncatedLines: last.truncatedBefore }
    return { records, nextOffset: start + last.offset, stats, held: true }
  }
  parser.end()
  return { records, nextOffset: start + splitter.consumedBytes, stats: parser.stats, held: false }
}
