/**
 * A file's bytes read on a worker thread into a ring of shared buffers, so that the thread parsing them
 * never waits in a read: copying a large log out of the page cache is a tenth of its analysis, and the
 * second core does it while the first parses. The bytes are the file's, in order. For a diagnosis, the
 * reader also parses stretches of the file itself whenever the parsing thread has plenty queued
 * (parse-ahead.ts): the second core then shares the parsing, not only the reading.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads'
import { startAppThread } from '../app-thread'
import type { ParsedStretch, StretchPlan, StretchRead, StretchRequest, StretchTuning } from './parse-ahead'
import { controlWords, FAILED, LENGTHS, PARSED, ringMemory, SLOT_BYTES, slotBytes, slotInts, STATE, TAKEN, WRITTEN } from './ring'

/**
 * Bytes this thread reads itself while the worker starts (that takes tens of milliseconds: as long as
 * parsing this much). A file no larger needs no worker at all.
 */
export const HEAD_BYTES = 16 << 20

/**
 * The reading thread's young generation: its strings live for one stretch, and V8's default of 32 MB only
 * adds to the RSS; at 2 MB, collecting took a fifth of its time (start-up/exceptions and container-prefixed
 * 1 GB 3% slower than at 6 MB, which costs 3-6 MB; 12 MB was no faster).
 */
const READER_YOUNG_MB = 6

/** What the reader's thread is given. */
export interface ReaderJob {
  path: string
  from: number
  size: number
  shared: SharedArrayBuffer
  /** Slots of the ring in `shared` (ring.ts): the reader may be this many slots ahead of the parser. */
  slots: number
  /** Where stretches parsed ahead are posted; none when nothing is to be parsed ahead. */
  stretches?: { port: MessagePort; plan: StretchPlan }
}

/** Slots of a ring that only carries bytes: enough that the parser never waits for a read. */
const READING_SLOTS = 4
/** Slots of a ring that may carry stretches: the reader parses while the parser has 8 of them queued. */
const PARSING_SLOTS = 10

/**
 * How stretches are parsed ahead: 4 MB each (then up to the next cut point), and only while the parsing
 * thread has 8 of the 10 slots queued, so it never waits for the reader (parsing sooner starved it: 8 of 10
 * beat 2 to 7 of 8 on every shape of the bench). A stretch sends its distinct texts once: 0.001 characters
 * per byte on heartbeats, 0.03 on start-up failures (GUIDs), 0.27 where every text differs, which made
 * the messages cost 55 MB more RSS than the 7% of time they saved.
 */
const STRETCHES: StretchTuning = { stretchBytes: 4 << 20, windowBytes: SLOT_BYTES, parseWhenQueued: PARSING_SLOTS - 2, maxTextPerByte: 0.05 }

function startReader(job: ReaderJob): Worker {
  return startAppThread(import.meta.url, './read-worker.ts', {
    workerData: job,
    transferList: job.stretches ? [job.stretches.port] : [],
    resourceLimits: { maxYoungGenerationSizeMb: READER_YOUNG_MB }
  })
}

export interface ReadAheadOptions {
  /** Bytes read on this thread while the reader starts. */
  headBytes?: number
  /** Lets the reader parse stretches ahead for a diagnosis (see parse-ahead.ts), when it would otherwise wait. */
  parse?: StretchRequest
}

/**
 * The file's chunks, read ahead on a worker; its first `headBytes` are read on this thread while the
 * worker starts. Each chunk is a view of memory that is reused once the next chunk is asked for: decode
 * or copy it first (as the line splitter does). With `parse`, some stretches come parsed instead of as
 * bytes: each starts where the bytes before it end, at the start of a line.
 */
export function readAhead(path: string, onRead: (bytes: number) => void, options?: Omit<ReadAheadOptions, 'parse'>): AsyncGenerator<Buffer>
export function readAhead(path: string, onRead: (bytes: number) => void, options: ReadAheadOptions): AsyncGenerator<Buffer | StretchRead>
export async function* readAhead(path: string, onRead: (bytes: number) => void, { headBytes = HEAD_BYTES, parse }: ReadAheadOptions = {}): AsyncGenerator<Buffer | StretchRead> {
  const slots = parse ? PARSING_SLOTS : READING_SLOTS
  const shared = ringMemory(slots)
  const control = new Int32Array(shared, 0, controlWords(slots))
  const channel = parse ? new MessageChannel() : undefined
  let failure = 'the reading thread stopped'
  const worker = startReader({
    path,
    from: headBytes,
    size: statSync(path).size,
    shared,
    slots,
    stretches: channel && parse ? { port: channel.port2, plan: { ...STRETCHES, ...parse } } : undefined
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
      const bytes = Atomics.load(control, LENGTHS + (slot % slots))
      if (bytes === PARSED) {
        // Posted before its slot was written: it is there to take.
        const stretch = receiveMessageOnPort(channel!.port1)?.message as ParsedStretch | undefined
        if (!stretch) throw new Error('a stretch parsed ahead went missing')
        onRead(stretch.bytes)
        yield { stretch, ints: slotInts(shared, slots, slot, stretch.packed.length) }
      } else {
        if (bytes === 0) return
        onRead(bytes)
        const data = slotBytes(shared, slots, slot)
        yield Buffer.from(data.buffer, data.byteOffset, bytes)
      }
      // The parser is done with this slot: the reader may fill it again.
      Atomics.store(control, TAKEN, slot + 1)
      Atomics.notify(control, TAKEN)
    }
  } finally {
    channel?.port1.close()
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
