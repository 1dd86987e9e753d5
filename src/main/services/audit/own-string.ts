/**
 * A string of its own for one that is kept: a string sliced from a decoded piece of a log keeps the whole
 * piece alive. V8's interned copy (property names are interned) is flat, has its hash worked out, and
 * shares no memory with the text it came from, so every later compare and map lookup by it is cheap.
 */
export function internString(value: string): string {
  return Object.keys({ [value]: 0 })[0]!
}

/**
 * A copy of its own that is not interned, for kept strings that rarely repeat (record GUIDs): interning
 * hundreds of thousands of distinct strings fills V8's string table and costs more than the copy saves.
 * Joining forces a fresh flat string, which the slice then points into instead of into the log's piece.
 */
export function ownCopy(value: string): string {
  return ` ${value}`.slice(1)
}
