import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LiteralScan } from './literal-scan'
import { necessaryLiterals } from './literals'
import { FALLBACK_RULES } from './rules'

/** What the scan stands in for: one alternation of the literals with flag i. */
function alternation(literals: readonly string[]): RegExp {
  return new RegExp(literals.map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i')
}

/** Pieces a text is made of: whole literals in any case, literals cut short or with a character changed, and noise. */
function textsAround(literals: readonly string[]): fc.Arbitrary<string> {
  const near = literals.flatMap((literal) => [literal, literal.toUpperCase(), literal.slice(1), literal.slice(0, -1), `${literal.slice(0, 4)}x${literal.slice(5)}`])
  const piece = fc.oneof(fc.mixedCase(fc.constantFrom(...near)), fc.string({ unit: 'grapheme-ascii', maxLength: 6 }), fc.constantFrom('\u0130', '\u212a', '\u017f', '\u00df', '\u0131', '\ud83d\ude00'))
  return fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(''))
}

describe('scanning a text for literals', () => {
  const ruleLiterals = [...new Set(FALLBACK_RULES.flatMap((rule) => necessaryLiterals(rule.pattern)!))]

  it('agrees with an alternation of the fallback rules\' literals (flag i) on every text', () => {
    const scan = new LiteralScan(ruleLiterals)
    const expected = alternation(ruleLiterals)
    let held = 0
    fc.assert(
      fc.property(textsAround(ruleLiterals), (text) => {
        const holds = expected.test(text)
        if (holds) held++
        expect(scan.test(text)).toBe(holds)
      }),
      { numRuns: 3000 }
    )
    expect(held).toBeGreaterThan(1000)
  })

  it('agrees on sets of literals that overlap, share blocks and contain each other', () => {
    // Sixteen long literals or more are searched by skipping, fewer by one alternation: both are generated.
    const unit = fc.constantFrom('a', 'b', 'c', 'd', 'e', '-', ' ', '.', '4')
    const long = fc.array(fc.string({ unit, minLength: 8, maxLength: 14 }), { minLength: 0, maxLength: 30 })
    const short = fc.array(fc.string({ unit, minLength: 3, maxLength: 7 }), { minLength: 0, maxLength: 4 })
    const literals = fc.tuple(long, short).map(([some, others]) => [...some, ...others]).filter((all) => all.length > 0)
    const case_ = literals.chain((chosen) => fc.tuple(fc.constant(chosen), textsAround(chosen)))
    let held = 0
    fc.assert(
      fc.property(case_, ([literals, text]) => {
        const holds = alternation(literals).test(text)
        if (holds) held++
        expect(new LiteralScan(literals).test(text)).toBe(holds)
      }),
      { numRuns: 3000 }
    )
    expect(held).toBeGreaterThan(1000)
  })

  it('finds a literal at the very start and end of a text, and not one cut off by the end', () => {
    const scan = new LiteralScan(['connection refused', 'jdbc'])
    expect(scan.test('Connection Refused')).toBe(true)
    expect(scan.test('xx CONNECTION REFUSED')).toBe(true)
    expect(scan.test('connection refuse')).toBe(false)
    expect(scan.test('JDBC')).toBe(true)
    expect(scan.test('')).toBe(false)
    // A text longer than the shared buffer is scanned whole, to its last character.
    const long = new LiteralScan(['connection refused', ...'abcdefghijklmnop'.split('').map((letter) => `${letter}xception-${letter}`)])
    expect(long.test(`${'é'.repeat(100_000)} CONNECTION REFUSED`)).toBe(true)
    expect(long.test(`${'é'.repeat(100_000)} connection refuse`)).toBe(false)
    // Flag i without u equates no other character with an ASCII one: the Kelvin sign is not a k.
    expect(new LiteralScan(['keystore']).test('\u212aeystore')).toBe(false)
  })
})
