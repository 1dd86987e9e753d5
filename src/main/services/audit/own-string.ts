/**
 * A string of its own for one that is kept: a string sliced from a decoded piece of a log keeps the whole
 * piece alive. V8's interned copy (property names are interned) is flat, has its hash worked out, and
 * shares no memory with the text it came from, so every later compare and map lookup by it is cheap.
 */
export function internString(value: string): string {
  return Object.keys({ [value]: 0 })[0]!
}
