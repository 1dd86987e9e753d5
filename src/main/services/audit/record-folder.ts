/**
 * The files of a folder of `.omalrecord` files (Egeria's JSON file audit destination) in time order, in
 * memory that does not grow with the folder. Their names are random GUIDs, so every file's timeStamp must
 * be read before the first record can be handed on in order. The first reading keeps 12 bytes a file (its
 * time and a hash of its name, by its place in the folder's listing); the files are then listed again once
 * per window of time holding at most WINDOW_FILES files, whose names are kept compactly (RecordFileIndex)
 * and sorted. A folder that fits one window is listed once.
 */
import { closeSync, fstatSync, opendirSync, openSync, readSync } from 'node:fs'
import { join } from 'node:path'
import { setImmediate } from 'node:timers/promises'

const GUID_IN_NAME = /^(.*?)([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})(.*)$/s
/** A name stored as bytes in the arena, not as a GUID within a shared frame. */
const ARENA = 0xffffffff
const MAX_FRAMES = 1024
const GUID_BYTES = 16

/** Files per page of the index: pages are added as the folder is read, never copied to grow. */
const PAGE = 1 << 16
/** The most files whose names are held at once: about 7 MB of index (28 bytes a file), sorted in one go. */
export const WINDOW_FILES = 1 << 18
/** Buckets of the time histogram that windows are cut from. */
const TIME_BUCKETS = 1 << 16
/**
 * Files read between two turns of the event loop. A record file is a few hundred bytes: a synchronous read
 * costs a fraction of an asynchronous one (no thread-pool hop and promise per open, stat, read and close),
 * and a group of them still takes only milliseconds.
 */
export const FILES_PER_TURN = 64
/** Names listed (no file read) between two turns: listing a name costs a small fraction of reading a file. */
const NAMES_PER_TURN = FILES_PER_TURN * 64

/** One page of the index. */
interface Page {
  times: Float64Array
  /** Per file: the index of its frame (the text before and after its GUID), or ARENA. */
  frames: Uint32Array
  /** Per file, 16 bytes: its GUID, or for an arena name the name's offset and length (two uint32s). */
  slots: Uint8Array
}

/**
 * Names of record files kept in a few dozen bytes each: a name holding a lowercase GUID keeps the GUID as
 * 16 bytes and the text around it once per folder (every file is `log-record-<guid>.omalrecord`); any
 * other name keeps its UTF-8 bytes in an arena.
 */
export class RecordFileIndex {
  private size = 0
  private readonly pages: Page[] = []
  private readonly frames: { before: string; after: string }[] = []
  private readonly frameIndex = new Map<string, number>()
  private arena = Buffer.allocUnsafe(64 * 1024)
  private arenaUsed = 0

  get length(): number {
    return this.size
  }

  add(name: string, time: number): void {
    const at = this.size++
    if (at % PAGE === 0) this.pages.push({ times: new Float64Array(PAGE), frames: new Uint32Array(PAGE), slots: new Uint8Array(PAGE * GUID_BYTES) })
    const page = this.pages[this.pages.length - 1]!
    const slot = (at % PAGE) * GUID_BYTES
    page.times[at % PAGE] = time
    const guid = GUID_IN_NAME.exec(name)
    const frame = guid ? this.frame(guid[1]!, guid[7]!) : ARENA
    page.frames[at % PAGE] = frame
    if (frame !== ARENA) {
      page.slots.set(Buffer.from(guid!.slice(2, 7).join(''), 'hex'), slot)
      return
    }
    const bytes = Buffer.byteLength(name)
    if (this.arenaUsed + bytes > this.arena.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.arena.length * 2, this.arenaUsed + bytes))
      this.arena.copy(bigger, 0, 0, this.arenaUsed)
      this.arena = bigger
    }
    this.arena.write(name, this.arenaUsed)
    const place = new DataView(page.slots.buffer, slot, 8)
    place.setUint32(0, this.arenaUsed)
    place.setUint32(4, bytes)
    this.arenaUsed += bytes
  }

  timeAt(index: number): number {
    return this.pages[Math.floor(index / PAGE)]!.times[index % PAGE]!
  }

  nameAt(index: number): string {
    const page = this.pages[Math.floor(index / PAGE)]!
    const slot = (index % PAGE) * GUID_BYTES
    const frame = page.frames[index % PAGE]!
    if (frame === ARENA) {
      const place = new DataView(page.slots.buffer, slot, 8)
      const start = place.getUint32(0)
      return this.arena.toString('utf8', start, start + place.getUint32(4))
    }
    const hex = Buffer.from(page.slots.buffer, slot, GUID_BYTES).toString('hex')
    const { before, after } = this.frames[frame]!
    return `${before}${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}${after}`
  }

  /** The names by time, then by name (files written in the same millisecond). */
  *namesInTimeOrder(): Generator<string> {
    const order = new Uint32Array(this.size)
    for (let index = 0; index < order.length; index++) order[index] = index
    order.sort((a, b) => this.timeAt(a) - this.timeAt(b) || this.nameAt(a).localeCompare(this.nameAt(b)))
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
}

const TIME_STAMP = Buffer.from('"timeStamp"')

/**
 * Reads record files into one reused buffer: a folder of a million small files then costs no Buffer
 * (outside the JS heap, freed only by a later GC) per file.
 */
export class RecordFileReader {
  private buffer = Buffer.allocUnsafe(16 * 1024)

  /** The file's bytes, valid until the next read. */
  read(path: string): Buffer {
    const fd = openSync(path, 'r')
    let length = 0
    try {
      const size = fstatSync(fd).size
      if (size > this.buffer.length) this.buffer = Buffer.allocUnsafe(size)
      for (let bytes; length < size && (bytes = readSync(fd, this.buffer, length, size - length, length)) > 0; ) length += bytes
    } finally {
      closeSync(fd)
    }
    return this.buffer.subarray(0, length)
  }
}

/** What `/"timeStamp"\s*:\s*(\d+)/` finds in a record file, on its bytes: no string is made for the first reading. */
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

/** Every record file's time and name hash, by its place among the folder's record files: 12 bytes a file. */
class FolderTimes {
  length = 0
  private readonly times: Float64Array[] = []
  private readonly hashes: Uint32Array[] = []
  min = Infinity
  max = -Infinity

  add(hash: number, time: number): void {
    const at = this.length++
    if (at % PAGE === 0) {
      this.times.push(new Float64Array(PAGE))
      this.hashes.push(new Uint32Array(PAGE))
    }
    this.times[this.times.length - 1]![at % PAGE] = time
    this.hashes[this.hashes.length - 1]![at % PAGE] = hash
    if (Number.isFinite(time)) {
      if (time < this.min) this.min = time
      if (time > this.max) this.max = time
    }
  }

  /** The time of the file at `place`, if the file there now is the one read first (same name hash). */
  timeAt(place: number, hash: number): number | undefined {
    if (place >= this.length || this.hashes[Math.floor(place / PAGE)]![place % PAGE] !== hash) return undefined
    return this.times[Math.floor(place / PAGE)]![place % PAGE]!
  }

  /** The histogram bucket of a time: windows are runs of buckets, so one time is always in one window. */
  bucketOf(time: number): number {
    if (!Number.isFinite(time) || time >= this.max) return TIME_BUCKETS - 1
    if (time <= this.min) return 0
    return Math.min(TIME_BUCKETS - 1, Math.floor(((time - this.min) / (this.max - this.min)) * TIME_BUCKETS))
  }

  /** Runs of buckets holding at most `limit` files each (a bucket holding more is a window of its own). */
  windows(limit: number): { first: number; last: number }[] {
    const counts = new Uint32Array(TIME_BUCKETS)
    for (let page = 0; page < this.times.length; page++) {
      const times = this.times[page]!
      const used = Math.min(PAGE, this.length - page * PAGE)
      for (let at = 0; at < used; at++) counts[this.bucketOf(times[at]!)]!++
    }
    const windows: { first: number; last: number }[] = []
    let first = 0
    let files = 0
    for (let bucket = 0; bucket < TIME_BUCKETS; bucket++) {
      if (files > 0 && files + counts[bucket]! > limit) {
        windows.push({ first, last: bucket - 1 })
        first = bucket
        files = 0
      }
      files += counts[bucket]!
    }
    windows.push({ first, last: TIME_BUCKETS - 1 })
    return windows
  }
}

/** FNV-1a of a file name: tells whether the folder still lists the same file at a place. */
function nameHash(name: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < name.length; index++) hash = Math.imul(hash ^ name.charCodeAt(index), 0x01000193)
  return hash >>> 0
}

/** The record files' names, as the folder lists them now. */
function* recordFileNames(dir: string): Generator<string> {
  const folder = opendirSync(dir, { bufferSize: 256 })
  try {
    for (let entry = folder.readSync(); entry !== null; entry = folder.readSync()) if (entry.name.endsWith('.omalrecord')) yield entry.name
  } finally {
    folder.closeSync()
  }
}

/**
 * The names of a folder's `.omalrecord` files by their timeStamp, then by name (files of the same
 * millisecond), handing back the event loop every few milliseconds. A file the folder gained or renamed
 * since the first listing has its timeStamp read again; one it gained after its window was listed is
 * not read (it came after the reading started).
 */
export async function* recordFilesInTimeOrder(dir: string, reader: RecordFileReader, windowFiles = WINDOW_FILES): AsyncGenerator<string> {
  const times = new FolderTimes()
  let firstWindow: RecordFileIndex | undefined = new RecordFileIndex()
  for (const name of recordFileNames(dir)) {
    const time = timeStampIn(reader.read(join(dir, name)))
    times.add(nameHash(name), time)
    if (firstWindow && firstWindow.length < windowFiles) firstWindow.add(name, time)
    else firstWindow = undefined
    if (times.length % FILES_PER_TURN === 0) await setImmediate()
  }
  if (firstWindow) {
    yield* firstWindow.namesInTimeOrder()
    return
  }
  for (const { first, last } of times.windows(windowFiles)) {
    const window = new RecordFileIndex()
    // The first listing's place of the name listed now: it moves on only past a name it found, so one file
    // gained or gone does not make every file after it be read again.
    let place = 0
    let listed = 0
    for (const name of recordFileNames(dir)) {
      const hash = nameHash(name)
      let time = times.timeAt(place, hash)
      if (time !== undefined) place++
      else if ((time = times.timeAt(place + 1, hash)) !== undefined) place += 2 // the file listed at `place` is gone
      else time = timeStampIn(reader.read(join(dir, name))) // a file the folder gained (or renamed)
      const bucket = times.bucketOf(time)
      if (bucket >= first && bucket <= last) window.add(name, time)
      if (++listed % NAMES_PER_TURN === 0) await setImmediate()
    }
    yield* window.namesInTimeOrder()
  }
}
