/**
 * A file's bytes read on a worker thread into a ring of shared buffers, so that the thread parsing them
 * never waits in a read: copying a large log out of the page cache is a tenth of its analysis, and the
 * second core does it while the first parses. The bytes are the file's, in order; nothing else changes.
 */
import { closeSync, openSync, readSync } from 'node:fs'
import { Worker } from 'node:worker_threads'

/** Bytes per slot of the ring, and slots: the reader may be this many slots ahead of the parser. */
const SLOT_BYTES = 1 << 20
const SLOTS = 4
/**
 * Bytes this thread reads itself while the worker starts (that takes tens of milliseconds: as long as
 * parsing this much). A file no larger needs no worker at all.
 */
export const HEAD_BYTES = 16 << 20

/** Control words at the head of the shared memory. */
const WRITTEN = 0
const TAKEN = 1
/** Set to FAILED when the reader could not go on (its message follows); the end of the file is a slot of length 0. */
const STATE = 2
const FAILED = 1
const LENGTHS = 3
const CONTROL_WORDS = LENGTHS + SLOTS

/**
 * The reader's body, run on the worker from its source text (it needs nothing but Node's own modules).
 * It fills slot after slot and waits while the ring is full; a failed read ends it with the error's message.
 */
function readIntoRing(): void {
  // Node's own modules by name: this body runs from its source text, where no import of this module reaches.
  const { openSync, readSync, closeSync } = process.getBuiltinModule('node:fs')
  const { workerData, parentPort } = process.getBuiltinModule('node:worker_threads')
  const { path, from, shared, slotBytes, slots, words } = workerData as { path: string; from: number; shared: SharedArrayBuffer; slotBytes: number; slots: number; words: number[] }
  const [written, taken, state, lengths, failed] = words as [number, number, number, number, number]
  const control = new Int32Array(shared, 0, lengths + slots)
  const data = new Uint8Array(shared, (lengths + slots) * 4)
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    let position = from
    for (let slot = 0; ; slot++) {
      for (let free = Atomics.load(control, taken); slot - free >= slots; free = Atomics.load(control, taken)) Atomics.wait(control, taken, free)
      const at = (slot % slots) * slotBytes
      const bytes = readSync(fd, data, at, slotBytes, position)
      position += bytes
      Atomics.store(control, lengths + (slot % slots), bytes)
      Atomics.store(control, written, slot + 1)
      Atomics.notify(control, written)
      if (bytes === 0) return
    }
  } catch (error) {
    parentPort!.postMessage((error as Error).message)
    Atomics.store(control, state, failed)
    Atomics.notify(control, written)
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/**
 * The file's chunks, read ahead on a worker; its first `headBytes` are read on this thread while the
 * worker starts. Each chunk is a view of memory that is reused once the next chunk is asked for: decode
 * or copy it first (as the line splitter does).
 */
export async function* readAhead(path: string, onRead: (bytes: number) => void, headBytes = HEAD_BYTES): AsyncGenerator<Buffer> {
  const shared = new SharedArrayBuffer(CONTROL_WORDS * 4 + SLOTS * SLOT_BYTES)
  const control = new Int32Array(shared, 0, CONTROL_WORDS)
  const data = Buffer.from(shared, CONTROL_WORDS * 4)
  let failure = 'the reading thread stopped'
  const worker = new Worker(`(${readIntoRing.toString()})()`, {
    eval: true,
    workerData: { path, from: headBytes, shared, slotBytes: SLOT_BYTES, slots: SLOTS, words: [WRITTEN, TAKEN, STATE, LENGTHS, FAILED] }
  })
  const exited = new Promise((resolve) => worker.once('exit', resolve))
  worker.on('message', (message: string) => (failure = message))
  worker.on('error', (error) => {
    failure = error.message
    Atomics.store(control, STATE, FAILED)
    Atomics.notify(control, WRITTEN)
  })
  try {
    if (!(yield* fileChunks(path, onRead, headBytes))) return
    for (let slot = 0; ; slot++) {
      let written = Atomics.load(control, WRITTEN)
      while (written <= slot && Atomics.load(control, STATE) !== FAILED) {
        await Atomics.waitAsync(control, WRITTEN, written).value
        written = Atomics.load(control, WRITTEN)
      }
      if (written <= slot) {
        await exited // its message comes before it ends
        throw new Error(failure)
      }
      const bytes = Atomics.load(control, LENGTHS + (slot % SLOTS))
      if (bytes === 0) return
      onRead(bytes)
      const at = (slot % SLOTS) * SLOT_BYTES
      yield data.subarray(at, at + bytes)
      // The parser is done with this slot: the reader may fill it again.
      Atomics.store(control, TAKEN, slot + 1)
      Atomics.notify(control, TAKEN)
    }
  } finally {
    await worker.terminate()
  }
}

/**
 * A file's chunks from its start, read synchronously on this thread up to `limit` bytes: a chunk comes from
 * the page cache in a fraction of a millisecond, while an asynchronous read waits for a thread-pool turn,
 * which on a busy machine leaves the analysis idle between chunks. One buffer serves every chunk (no fresh
 * pages to fault in): decode or copy a chunk before asking for the next. Returns false when the file ended
 * before the limit.
 */
export function* fileChunks(path: string, onRead: (bytes: number) => void, limit = Infinity): Generator<Buffer, boolean> {
  const fd = openSync(path, 'r')
  try {
    const chunk = Buffer.allocUnsafeSlow(SLOT_BYTES)
    for (let position = 0; position < limit; ) {
      const bytes = readSync(fd, chunk, 0, Math.min(SLOT_BYTES, limit - position), position)
      if (bytes === 0) return false
      position += bytes
      onRead(bytes)
      yield chunk.subarray(0, bytes)
    }
    return true
  } finally {
    closeSync(fd)
  }
}
