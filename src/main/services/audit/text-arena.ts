/**
 * The text of stored log records as UTF-8 bytes in a few large buffers ("slabs"), rather than as a
 * million JavaScript strings: a string costs its header on the heap, and one sliced from a line keeps
 * the whole chunk it came from alive. An entry is found by its start (a number that encodes slab and
 * offset) and its length in bytes; entries never span slabs, so the oldest slabs can be let go whole
 * when the oldest records are dropped. (An unpaired surrogate, which only a JSON escape can put in a
 * text, reads back as U+FFFD, as from any UTF-8 file.)
 */

/** Big enough that few slabs exist, small enough that the unused end of the last one costs little. */
const SLAB_BYTES = 4 << 20
/** UTF-8 takes at most three bytes for one UTF-16 code unit. */
const MAX_BYTES_PER_UNIT = 3

export class TextArena {
  /** Slabs still held, the first being number `firstSlab`; a slab's entries start at `number * SLAB_BYTES`. */
  private slabs: Buffer[] = []
  private firstSlab = 0
  /** Where the next entry goes in the last slab. */
  private tail = 0
  /** Offset of the entry appended last, in the last slab; -1 once it was taken back. */
  private appendedAt = -1

  /** Byte lengths of the two parts of the entry appended last. */
  textBytes = 0
  moreBytes = 0

  /**
   * Appends `text` and then `more` as one entry; returns its start. The byte lengths of both parts
   * are in `textBytes` and `moreBytes` afterwards.
   */
  append(text: string, more = ''): number {
    const units = text.length + more.length
    let slab = this.slabs.at(-1)
    // A slab made for one long entry takes no other, not even an empty one: offsets past SLAB_BYTES would read as the next slab.
    if (slab === undefined || slab.length > SLAB_BYTES || units * MAX_BYTES_PER_UNIT > slab.length - this.tail) {
      // Only a long text needs its exact size before it is known to fit.
      const bytes = Buffer.byteLength(text) + Buffer.byteLength(more)
      if (slab === undefined || slab.length > SLAB_BYTES || bytes > slab.length - this.tail) slab = this.newSlab(bytes)
    }
    const offset = this.tail
    this.textBytes = slab.write(text, offset)
    this.moreBytes = more === '' ? 0 : slab.write(more, offset + this.textBytes)
    this.appendedAt = offset
    this.tail = offset + this.textBytes + this.moreBytes
    return (this.firstSlab + this.slabs.length - 1) * SLAB_BYTES + offset
  }

  /**
   * True when the entry just appended has the same bytes as the one at `start` (of `bytes` bytes) in
   * the same slab; the just-appended entry is then given back, and `start` serves both records. Only
   * the slab being filled is compared, so every record's entry stays in a slab no older than those of
   * the records before it, which is what lets `releaseBefore` free slabs whole.
   */
  takeBackIfSame(start: number, bytes: number): boolean {
    const last = this.slabs.length - 1
    const appendedBytes = this.textBytes + this.moreBytes
    if (this.appendedAt < 0 || this.slabIndexOf(start) !== last || bytes !== appendedBytes) return false
    const offset = start % SLAB_BYTES
    if (offset === this.appendedAt) return false
    const slab = this.slabs[last]!
    if (slab.compare(slab, offset, offset + bytes, this.appendedAt, this.appendedAt + bytes) !== 0) return false
    this.tail = this.appendedAt
    this.appendedAt = -1
    return true
  }

  /** The text of `bytes` bytes at `start` (plus `skip` bytes in, for the second part of an entry). */
  read(start: number, skip: number, bytes: number): string {
    const slab = this.slabs[this.slabIndexOf(start)]!
    const offset = (start % SLAB_BYTES) + skip
    return slab.toString('utf8', offset, offset + bytes)
  }

  /** Lets go of the slabs that hold only entries older than the one at `start`. */
  releaseBefore(start: number): void {
    const keepFrom = this.slabIndexOf(start)
    if (keepFrom <= 0) return
    this.slabs = this.slabs.slice(keepFrom)
    this.firstSlab += keepFrom
  }

  /** Bytes the slabs hold (filled or not): what the arena costs in memory. */
  get allocatedBytes(): number {
    return this.slabs.reduce((sum, slab) => sum + slab.length, 0)
  }

  private newSlab(bytes: number): Buffer {
    // An entry longer than a slab gets a slab of its own size; it is never shared with another entry.
    const slab = Buffer.allocUnsafeSlow(Math.max(SLAB_BYTES, bytes))
    this.slabs.push(slab)
    this.tail = 0
    return slab
  }

  private slabIndexOf(start: number): number {
    return Math.floor(start / SLAB_BYTES) - this.firstSlab
  }
}
