/**
 * The files of a folder of `.omalrecord` files (Egeria's JSON file audit destination) in time order, at a
 * few dozen bytes a file. Their names are random GUIDs, so every file's timeStamp must be read before
 * the first record can be handed on in order; a folder of millions of records must not cost a JS string
 * and object per file to do it. A name holding a lowercase GUID keeps the GUID as 16 bytes and its text
 * around the GUID once per folder (every file is `log-record-<guid>.omalrecord`); any other name keeps
 * its UTF-8 bytes in an arena.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'

const GUID_IN_NAME = /^(.*?)([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})(.*)$/s
/** A name stored as bytes in the arena, not as a GUID within a shared frame. */
const ARENA = 0xffffffff
const MAX_FRAMES = 1024
const GUID_BYTES = 16

export class RecordFileIndex {
  private size = 0
  private times = new Float64Array(1024)
  /** Per file: the index of its frame (the text before and after its GUID), or ARENA. */
  private frameOf = new Uint32Array(1024)
  /** Per file, 16 bytes: its GUID, or for an arena name the name's offset and length (two uint32s). */
  private slots = new Uint8Array(1024 * GUID_BYTES)
  private readonly frames: { before: string; after: string }[] = []
  private readonly frameIndex = new Map<string, number>()
  private arena = Buffer.allocUnsafe(64 * 1024)
  private arenaUsed = 0

  get length(): number {
    return this.size
  }

  add(name: string, time: number): void {
    if (this.size === this.times.length) this.grow()
    const at = this.size++
    this.times[at] = time
    const guid = GUID_IN_NAME.exec(name)
    const frame = guid ? this.frame(guid[1]!, guid[7]!) : ARENA
    this.frameOf[at] = frame
    if (frame !== ARENA) {
      this.slots.set(Buffer.from(guid!.slice(2, 7).join(''), 'hex'), at * GUID_BYTES)
      return
    }
    const bytes = Buffer.byteLength(name)
    if (this.arenaUsed + bytes > this.arena.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.arena.length * 2, this.arenaUsed + bytes))
      this.arena.copy(bigger, 0, 0, this.arenaUsed)
      this.arena = bigger
    }
    this.arena.write(name, this.arenaUsed)
    const slot = new DataView(this.slots.buffer, at * GUID_BYTES, 8)
    slot.setUint32(0, this.arenaUsed)
    slot.setUint32(4, bytes)
    this.arenaUsed += bytes
  }

  nameAt(index: number): string {
    const frame = this.frameOf[index]!
    if (frame === ARENA) {
      const slot = new DataView(this.slots.buffer, index * GUID_BYTES, 8)
      const start = slot.getUint32(0)
      return this.arena.toString('utf8', start, start + slot.getUint32(4))
    }
    const hex = Buffer.from(this.slots.buffer, index * GUID_BYTES, GUID_BYTES).toString('hex')
    const { before, after } = this.frames[frame]!
    return `${before}${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}${after}`
  }

  /** The names by time, then by name (files written in the same millisecond). */
  *namesInTimeOrder(): Generator<string> {
    const order = new Uint32Array(this.size)
    for (let index = 0; index < order.length; index++) order[index] = index
    const times = this.times
    order.sort((a, b) => times[a]! - times[b]! || this.nameAt(a).localeCompare(this.nameAt(b)))
    for (const index of order) yield this.nameAt(index)
  }

  private frame(before: string, after: string): number {
    const key = `${before}\u0000${after}`
    const known = this.frameIndex.get(key)
    if (known !== undefined) return known
    if (this.frames.length >= MAX_FRAMES) return ARENA
    this.frames.push({ before, after })
    this.frameIndex.set(key, this.frames.length - 1)
    return this.frames.length - 1
  }

  private grow(): void {
    const capacity = this.times.length * 2
    const times = new Float64Array(capacity)
    times.set(this.times)
    const frameOf = new Uint32Array(capacity)
    frameOf.set(this.frameOf)
    const slots = new Uint8Array(capacity * GUID_BYTES)
    slots.set(this.slots)
    this.times = times
    this.frameOf = frameOf
    this.slots = slots
  }
}

const TIME_STAMP = Buffer.from('"timeStamp"')

/**
 * Reads a record file's first `"timeStamp": <digits>` (0 when none) into a reused buffer: no string is
 * made for a file that is read again, whole, when its turn comes.
 */
export class TimeStampReader {
  private buffer = Buffer.allocUnsafe(16 * 1024)

  read(path: string): number {
    const fd = openSync(path, 'r')
    let length = 0
    try {
      const size = fstatSync(fd).size
      if (size > this.buffer.length) this.buffer = Buffer.allocUnsafe(size)
      for (let bytes; length < size && (bytes = readSync(fd, this.buffer, length, size - length, length)) > 0; ) length += bytes
    } finally {
      closeSync(fd)
    }
    return timeStampIn(this.buffer.subarray(0, length))
  }
}

/** What `/"timeStamp"\s*:\s*(\d+)/` finds, on bytes. */
export function timeStampIn(bytes: Buffer): number {
  for (let at = bytes.indexOf(TIME_STAMP); at !== -1; at = bytes.indexOf(TIME_STAMP, at + 1)) {
    let index = skipSpace(bytes, at + TIME_STAMP.length)
    if (bytes[index] !== 58 /* : */) continue
    index = skipSpace(bytes, index + 1)
    const start = index
    while (index < bytes.length && bytes[index]! >= 48 && bytes[index]! <= 57) index++
    if (index > start) return Number(bytes.toString('latin1', start, index))
  }
  return 0
}

/** Past the whitespace `\s` matches in a JSON file (space, tab, CR, LF, FF, VT). */
function skipSpace(bytes: Buffer, index: number): number {
  while (index < bytes.length && (bytes[index] === 32 || (bytes[index]! >= 9 && bytes[index]! <= 13))) index++
  return index
}
