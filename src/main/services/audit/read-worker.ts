/**
 * The reading thread of read-ahead.ts: it fills slot after slot of the ring with the file's bytes and
 * waits while the ring is full. Given a port for stretches, it does not wait when the parsing thread has
 * plenty queued: it parses the next stretch itself (parse-ahead.ts), posts it, and puts a PARSED slot in
 * the ring where its bytes would have gone. A failed read ends it with the error's message.
 */
import { closeSync, openSync, readSync } from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import type { ParsedStretch } from './parse-ahead'
import type { ReaderJob } from './read-ahead'
import { controlWords, FAILED, LENGTHS, PARSED, SLOT_BYTES, slotBytes, slotInts, STATE, TAKEN, WRITTEN } from './ring'

const job = workerData as ReaderJob
const { slots } = job
const control = new Int32Array(job.shared, 0, controlWords(slots))
// The parser and the knowledge base, only for a reader that parses ahead: one that only reads stays small.
const parseAhead = job.stretches ? await import('./parse-ahead') : undefined

function waitForFreeSlot(slot: number): number {
  let taken = Atomics.load(control, TAKEN)
  while (slot - taken >= slots) {
    Atomics.wait(control, TAKEN, taken)
    taken = Atomics.load(control, TAKEN)
  }
  return taken
}

function publish(slot: number, length: number): void {
  Atomics.store(control, LENGTHS + (slot % slots), length)
  Atomics.store(control, WRITTEN, slot + 1)
  Atomics.notify(control, WRITTEN)
}

function textsOf(stretch: ParsedStretch): number {
  let chars = 0
  for (const text of stretch.packed.texts) chars += text.length
  return chars
}

function run(): void {
  const fd = openSync(job.path, 'r')
  const stretches = job.stretches
  const parser = stretches && parseAhead ? new parseAhead.StretchParser(stretches.plan) : undefined
  // Where cut points are looked for.
  const scratch = parser ? Buffer.allocUnsafeSlow(SLOT_BYTES) : undefined
  let parsing = parser !== undefined
  try {
    let position = job.from
    // Whether a line starts at `position`: the byte before it ends one.
    const before = Buffer.alloc(1)
    let lineStart = position === 0 || (readSync(fd, before, 0, 1, position - 1) === 1 && before[0] === 10)
    for (let slot = 0; ; slot++) {
      const taken = waitForFreeSlot(slot)
      // Not near the end: a stretch must end at a cut point before it, and the parsing thread has the rest to do anyway.
      if (parsing && slot - taken >= stretches!.plan.parseWhenQueued && position + 2 * (stretches!.plan.stretchBytes + stretches!.plan.windowBytes) < job.size) {
        const window = parseAhead!.windowAt(fd, position, stretches!.plan, scratch!)
        const cut = parseAhead!.cutPointIn(window, position, lineStart)
        // The stretch's numbers go in the slot it stands in: after the slot of the bytes before it, if any.
        const stretchSlot = cut > position ? slot + 1 : slot
        if (cut !== -1) waitForFreeSlot(stretchSlot)
        const stretch = cut === -1 ? undefined : parser!.parse(fd, cut, slotInts(job.shared, slots, stretchSlot), window.subarray(cut - position))
        // A stretch of texts that do not repeat costs memory in messages: the rest of the log goes as bytes.
        if (stretch && textsOf(stretch) > stretch.bytes * stretches!.plan.maxTextPerByte) parsing = false
        else if (stretch) {
          if (cut > position) {
            window.copy(slotBytes(job.shared, slots, slot), 0, 0, cut - position)
            publish(slot, cut - position)
          }
          stretches!.port.postMessage(stretch)
          publish(stretchSlot, PARSED)
          slot = stretchSlot
          position = cut + stretch.bytes
          lineStart = true
          continue
        }
      }
      const data = slotBytes(job.shared, slots, slot)
      const bytes = readSync(fd, data, 0, SLOT_BYTES, position)
      position += bytes
      if (bytes > 0) lineStart = data[bytes - 1] === 10
      publish(slot, bytes)
      if (bytes === 0) return
    }
  } finally {
    closeSync(fd)
  }
}

try {
  run()
} catch (error) {
  parentPort!.postMessage((error as Error).message)
  Atomics.store(control, STATE, FAILED)
  Atomics.notify(control, WRITTEN)
}
