/**
 * The ring of shared buffers a reading thread fills for a parsing one (read-ahead.ts, read-worker.ts):
 * control words, then one length per slot, then the slots. It imports nothing, so a thread that only
 * reads loads nothing else.
 */

/** Bytes per slot. */
export const SLOT_BYTES = 1 << 20
/** Control words at the head of the shared memory: the slots written and taken so far, and the reader's state. */
export const WRITTEN = 0
export const TAKEN = 1
/** Set to FAILED when the reader could not go on (its message follows); the end of the file is a slot of length 0. */
export const STATE = 2
export const FAILED = 1
/** Where the slots' lengths start. */
export const LENGTHS = 3
/** A slot's length when it holds no bytes but stands for a stretch parsed ahead (posted before it). */
export const PARSED = -1

/** Words before the slots, in a ring of `slots` slots. */
export function controlWords(slots: number): number {
  return LENGTHS + slots
}

/** Shared memory for a ring of `slots` slots. */
export function ringMemory(slots: number): SharedArrayBuffer {
  return new SharedArrayBuffer(controlWords(slots) * 4 + slots * SLOT_BYTES)
}

/** The bytes of slot `slot` (counted from the start, as the ring goes round). */
export function slotBytes(shared: SharedArrayBuffer, slots: number, slot: number): Uint8Array {
  return new Uint8Array(shared, controlWords(slots) * 4 + (slot % slots) * SLOT_BYTES, SLOT_BYTES)
}

/** Slot `slot` as numbers: where a stretch parsed ahead writes its own. */
export function slotInts(shared: SharedArrayBuffer, slots: number, slot: number, length = SLOT_BYTES / 4): Int32Array {
  return new Int32Array(shared, controlWords(slots) * 4 + (slot % slots) * SLOT_BYTES, length)
}
