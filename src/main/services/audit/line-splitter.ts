/**
 * Splits a byte stream into lines without holding more than one chunk and one capped partial line.
 * Lines end at \n; a trailing \r is dropped (CRLF); a leading BOM is dropped; invalid UTF-8 becomes
 * U+FFFD. Lines longer than `maxLineChars` are cut and flagged, never dropped.
 */
import { isAscii } from 'node:buffer'

/**
 * Takes one line: `text.slice(start, end)`. A range of the decoded piece of the stream (about 64 KB) rather than a string of its own,
 * so the parser can read most lines in place without a string per line.
 */
export type LineHandler = (text: string, start: number, end: number, truncated: boolean) => void

export const DEFAULT_MAX_LINE_CHARS = 64 * 1024
const DECODE_BYTES = 64 * 1024

export class LineSplitter {
  private pending: Buffer[] = []
  private pendingBytes = 0
  /** The current line overflowed the cap: its remaining bytes are skipped up to the newline. */
  private overflow = false
  private first = true
  /** Bytes up to and including the last complete line: where a live tail resumes. */
  consumedBytes = 0
  /** Byte offset of the line being handed to onLine: where a re-read of it would start. */
  lineOffset = 0
  private seenBytes = 0

  constructor(
    private readonly onLine: LineHandler,
    private readonly maxLineChars = DEFAULT_MAX_LINE_CHARS
  ) {}

  push(chunk: Buffer): void {
    const last = chunk.lastIndexOf(10)
    if (last === -1) {
      this.hold(chunk)
      this.seenBytes += chunk.length
      return
    }
    let start = 0
    if (this.pendingBytes > 0 || this.overflow) {
      const firstNewline = chunk.indexOf(10)
      this.hold(chunk.subarray(0, firstNewline))
      this.emitPending()
      start = firstNewline + 1
    }
    if (start <= last) this.emitLines(chunk, start, last)
    this.consumedBytes = this.seenBytes + last + 1
    this.seenBytes += chunk.length
    this.hold(chunk.subarray(last + 1))
  }

  /**
   * Decodes and emits the lines in chunk[start, end), which ends before a newline, a piece of about
   * DECODE_BYTES at a time: a text that small is a cheap young-generation string, where a larger one is
   * a fresh mapping whose pages fault in.
   */
  private emitLines(chunk: Buffer, start: number, end: number): void {
    for (;;) {
      let pieceEnd = end
      if (end - start > DECODE_BYTES) {
        pieceEnd = chunk.lastIndexOf(10, start + DECODE_BYTES)
        if (pieceEnd < start) pieceEnd = chunk.indexOf(10, start + DECODE_BYTES) // a line longer than a piece
      }
      // Logs are almost always ASCII, which latin1 decodes as a plain copy: same text, much cheaper than UTF-8.
      const piece = chunk.subarray(start, pieceEnd)
      const ascii = isAscii(piece)
      this.emitText(piece.toString(ascii ? 'latin1' : 'utf8'), this.seenBytes + start, ascii ? undefined : piece)
      if (pieceEnd === end) return
      start = pieceEnd + 1
    }
  }

  /** Counts bytes read elsewhere (a stretch parsed apart): they start at a line's start and end before one. */
  skip(bytes: number): void {
    if (this.pendingBytes > 0 || this.overflow) throw new Error('a stretch read elsewhere must start at the start of a line')
    this.seenBytes += bytes
    this.consumedBytes = this.seenBytes
  }

  /** Flushes a final line that has no newline. */
  end(): void {
    if (this.pendingBytes > 0 || this.overflow) this.emitPending()
  }

  private hold(bytes: Buffer): void {
    if (bytes.length === 0) return
    // Bytes may hold up to 4 per char, so 4× the char cap is enough to fill a capped line.
    const room = this.maxLineChars * 4 - this.pendingBytes
    if (room <= 0) {
      this.overflow = true
      return
    }
    if (bytes.length > room) {
      this.overflow = true
      bytes = bytes.subarray(0, room)
    }
    this.pending.push(Buffer.from(bytes))
    this.pendingBytes += bytes.length
  }

  private emitPending(): void {
    const line = this.pending.length === 1 ? this.pending[0]!.toString('utf8') : Buffer.concat(this.pending).toString('utf8')
    const truncated = this.overflow
    this.pending = []
    this.pendingBytes = 0
    this.overflow = false
    this.lineOffset = this.consumedBytes
    this.emitLine(line, 0, line.length, truncated)
  }

  /**
   * Emits the lines of `text`, decoded from the bytes at `offset`: one byte a char, or, given the
   * UTF-8 bytes, each newline found in them too (a newline byte is always a newline char).
   */
  private emitText(text: string, offset: number, utf8?: Buffer): void {
    let start = 0
    let byteStart = 0
    for (;;) {
      const newline = text.indexOf('\n', start)
      this.lineOffset = offset + (utf8 ? byteStart : start)
      if (newline === -1) {
        this.emitLine(text, start, text.length, false)
        return
      }
      this.emitLine(text, start, newline, false)
      start = newline + 1
      if (utf8) byteStart = utf8.indexOf(10, byteStart) + 1
    }
  }

  private emitLine(text: string, start: number, end: number, truncated: boolean): void {
    if (this.first) {
      this.first = false
      if (start < end && text.charCodeAt(start) === 0xfeff) start++
    }
    if (start < end && text.charCodeAt(end - 1) === 13) end--
    if (end - start > this.maxLineChars) {
      end = start + this.maxLineChars
      truncated = true
    }
    this.onLine(text, start, end, truncated)
  }
}
