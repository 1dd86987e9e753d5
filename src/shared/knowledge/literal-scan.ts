/**
 * Whether a text holds one of a set of ASCII literals, ignoring ASCII case as a pattern with flag i (and
 * without u) does. V8 tries every alternative of an alternation at every character: fast for a few
 * literals, 4 to 5 ns a character for the fallback rules' 75. Many long literals are found here by Wu and
 * Manber's multi-pattern search over the text's UTF-8 bytes (in which no other character has an ASCII
 * byte), which reads three bytes and then skips up to six; the short ones by an alternation. A log whose
 * failure texts never repeat scans every one of them.
 */

/** Literals this long or longer are found by the skipping search; its window is their first WINDOW characters. */
const WINDOW = 8
const BLOCK = 3
/** Fewer long literals than this are found faster by V8's alternation, which skips by a literal's length. */
const MIN_SKIPPING = 16
const HASH_BITS = 15
const HASH_MASK = (1 << HASH_BITS) - 1
/** Each byte in ASCII lowercase; NOT_ASCII for the bytes of other characters. */
const NOT_ASCII = 255
const LOWER = new Uint8Array(256).fill(NOT_ASCII)
for (let code = 0; code < 128; code++) LOWER[code] = code >= 65 && code <= 90 ? code + 32 : code

const encoder = new TextEncoder()
/** The bytes of a text being scanned, reused for texts up to 64 K characters (one takes at most three bytes); a longer one gets its own. */
const SHARED_CHARS = 1 << 16
const sharedBytes = new Uint8Array(SHARED_CHARS * 3)

function blockHash(first: number, second: number, third: number): number {
  return ((first << 10) ^ (second << 5) ^ third) & HASH_MASK
}

function alternation(literals: readonly string[]): RegExp | undefined {
  return literals.length > 0 ? new RegExp(literals.map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i') : undefined
}

export class LiteralScan {
  /** How far the window may move when its last block hashes to this value. */
  private readonly shifts = new Uint8Array(1 << HASH_BITS).fill(WINDOW - BLOCK + 1)
  /** The bytes of the long literals whose window ends in a block of this hash. */
  private readonly endingIn = new Map<number, Uint8Array[]>()
  private readonly skipping: boolean
  private readonly alternation: RegExp | undefined

  /** `literals` in lowercase ASCII. */
  constructor(literals: readonly string[]) {
    const distinct = [...new Set(literals)]
    // A text holding a literal holds every literal it contains: the shorter one is enough.
    const needed = distinct.filter((literal) => !distinct.some((other) => other !== literal && literal.includes(other)))
    const long = needed.filter((literal) => literal.length >= WINDOW)
    this.skipping = long.length >= MIN_SKIPPING
    if (!this.skipping) {
      this.alternation = alternation(needed)
      return
    }
    this.alternation = alternation(needed.filter((literal) => literal.length < WINDOW))
    for (const literal of long) {
      for (let end = BLOCK - 1; end < WINDOW; end++) {
        const hash = blockHash(literal.charCodeAt(end - 2), literal.charCodeAt(end - 1), literal.charCodeAt(end))
        this.shifts[hash] = Math.min(this.shifts[hash]!, WINDOW - 1 - end)
      }
      const hash = blockHash(literal.charCodeAt(WINDOW - 3), literal.charCodeAt(WINDOW - 2), literal.charCodeAt(WINDOW - 1))
      const ending = this.endingIn.get(hash) ?? []
      ending.push(encoder.encode(literal))
      this.endingIn.set(hash, ending)
    }
  }

  test(text: string): boolean {
    return (this.alternation !== undefined && this.alternation.test(text)) || (this.skipping && this.holdsLong(text))
  }

  private holdsLong(text: string): boolean {
    const scanned = text.length <= SHARED_CHARS ? sharedBytes : new Uint8Array(text.length * 3)
    const length = encoder.encodeInto(text, scanned).written
    const { shifts, endingIn } = this
    for (let end = WINDOW - 1; end < length; ) {
      const hash = blockHash(LOWER[scanned[end - 2]!]!, LOWER[scanned[end - 1]!]!, LOWER[scanned[end]!]!)
      const shift = shifts[hash]!
      if (shift > 0) {
        end += shift
        continue
      }
      const candidates = endingIn.get(hash)
      if (candidates !== undefined) {
        for (const literal of candidates) if (holdsAt(scanned, length, end - WINDOW + 1, literal)) return true
      }
      end++
    }
    return false
  }
}

function holdsAt(scanned: Uint8Array, length: number, start: number, literal: Uint8Array): boolean {
  if (start + literal.length > length) return false
  for (let index = 0; index < literal.length; index++) if (LOWER[scanned[start + index]!] !== literal[index]) return false
  return true
}
