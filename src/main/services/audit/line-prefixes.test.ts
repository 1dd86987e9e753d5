import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { afterComposePrefix, afterDockerPrefix } from './line-prefixes'

/** Where sticky `pattern` matches at `start`, or -1 when it does not match within `end`. */
function matchEnd(pattern: RegExp, text: string, start: number, end: number): number {
  pattern.lastIndex = start
  return pattern.test(text) && pattern.lastIndex <= end ? pattern.lastIndex : -1
}

/** A text from pieces, and a line within it: a start and an end that may cut it short. */
function linesOf(pieces: string[]): fc.Arbitrary<{ text: string; start: number; end: number }> {
  return fc.tuple(fc.array(fc.constantFrom(...pieces), { maxLength: 10 }), fc.nat(), fc.nat()).map(([parts, a, b]) => {
    const text = parts.join('')
    const start = a % (text.length + 1)
    return { text, start, end: start + (b % (text.length - start + 1)) }
  })
}

describe('line prefixes', () => {
  it('takes off a `docker logs -t` time unless a Spring Boot level follows it, as the two patterns alone decide (property)', () => {
    const oracle = (text: string, start: number, end: number): number => {
      const c0 = text.charCodeAt(start)
      if (!(c0 >= 48 && c0 <= 57 && start + 10 < end && text.charCodeAt(start + 10) === 84)) return start
      const prefixEnd = matchEnd(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d) /y, text, start, end)
      return prefixEnd !== -1 && matchEnd(/ +-?(?:ERROR|WARN|INFO|DEBUG|TRACE) +\d+ ---/y, text, prefixEnd - 1, end) === -1 ? prefixEnd : start
    }
    const pieces = ['2021-02-02T20:57:50.123456789Z ', '2021-02-02T20:57:50Z ', '2021-02-02T20:57:50+01:00 ', ' ', '-', 'ERROR', 'WARN', 'WARN ', 'INFO', 'DEBUG', 'TRACE', 'TR', 'Wed', 'Thu', 'E', ' 53787', ' ---', '---', 'x', '9']
    // Mostly near-matches: a time, a level after it or not, cut anywhere.
    const timedArb = fc
      .tuple(fc.constantFrom('2021-02-02T20:57:50.123Z', '2021-02-02T20:57:50+01:00', '2021-02-02 20:57:50Z'), fc.constantFrom(' ', '  ', ' -'), fc.constantFrom('ERROR', 'WARN', 'INFO', 'DEBUG', 'TRACE', 'Tue', 'Wed', 'TRACe', 'E'), fc.constantFrom(' 53787 ---', '  1 ---', ' x ---', ' 1 --', ' Feb 02'), fc.nat(12))
      .map(([time, gap, word, rest, cut]) => {
        const text = `${time}${gap}${word}${rest} message`
        return { text, start: 0, end: Math.max(0, text.length - cut) }
      })
    fc.assert(
      fc.property(fc.oneof(linesOf(pieces), timedArb), ({ text, start, end }) => {
        expect(afterDockerPrefix(text, start, end)).toBe(oracle(text, start, end))
      }),
      { numRuns: 5000 }
    )
  })

  it('finds the docker compose prefix whose `| ` is the last within the first 64 characters, after a space (property)', () => {
    const oracle = (text: string, start: number, end: number): number => {
      const prefixEnd = matchEnd(/[\w.-]+ *\| /y, text, start, end)
      if (prefixEnd === -1 || prefixEnd - 2 - start > 64) return start
      return text.charCodeAt(text.lastIndexOf('| ', Math.min(start + 64, end - 2)) - 1) === 32 ? prefixEnd : start
    }
    const pieces = ['egeria-core-1', 'a_b.c', ' ', '  ', '| ', '|', 'x| ', ' | ', 'Tue Feb 02 ', 'x'.repeat(30), 'é', '-', '\n']
    fc.assert(
      fc.property(linesOf(pieces), ({ text, start, end }) => {
        expect(afterComposePrefix(text, start, end)).toBe(oracle(text, start, end))
      }),
      { numRuns: 5000 }
    )
  })
})
