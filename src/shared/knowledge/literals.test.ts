import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anyLiteralTest, necessaryLiterals } from './literals'
import { FALLBACK_RULES } from './rules'

describe('necessary literals of a case-insensitive pattern', () => {
  it.each<[string, string[] | undefined]>([
    ['Connection refused|ECONNREFUSED', ['connection refused', 'econnrefused']],
    ['Port \\d+ was already in use', [' was already in use']],
    ['(?:Error message is|NoClassDefFoundError:?) (?:[a-z]\\w*/){3,}[A-Z]\\w*', ['error message is', 'noclassdeffounderror']],
    ['Failed to construct kafka (?:consumer|producer)', ['failed to construct kafka ']],
    ['ssl\\.key-store', ['ssl.key-store']],
    ['\\b401\\b|Forbidden', ['401', 'forbidden']],
    ['xa+yzw', ['yzw']],
    ['colou?r settings', ['r settings']],
    ['(?:ab)?cdef', ['cdef']],
    ['(?=abc)abd|xyz', ['abd', 'xyz']],
    ['a|bcd', undefined],
    ['\\d+\\s\\w+', undefined],
    ['caf\u00e9 menu', [' menu']]
  ])('%s needs one of %j', (pattern, expected) => {
    expect(necessaryLiterals(pattern)?.sort()).toEqual(expected?.sort())
  })

  it('finds literals for every fallback rule, so most failure texts are tried against none of them', () => {
    for (const rule of FALLBACK_RULES) expect(necessaryLiterals(rule.pattern), rule.name).toBeDefined()
    expect(anyLiteralTest(FALLBACK_RULES.map((rule) => rule.pattern))).toBeDefined()
  })

  it('never says no to a text a rule matches, whatever its case and surroundings', () => {
    const any = anyLiteralTest(FALLBACK_RULES.map((rule) => rule.pattern))!
    // fast-check generates for patterns without look-aheads and \b; texts the rule itself does not match are skipped.
    const generable = (pattern: string): RegExp => new RegExp(pattern.replace(/\(\?![^)]*\)/g, '').replace(/\\b/g, ''))
    const matching = fc.oneof(...FALLBACK_RULES.map((rule) => fc.mixedCase(fc.stringMatching(generable(rule.pattern)))))
    const noise = fc.string({ unit: 'binary-ascii', maxLength: 12 })
    let checked = 0
    fc.assert(
      fc.property(noise, matching, noise, (before, match, after) => {
        const text = `${before}${match}${after}`
        if (!FALLBACK_RULES.some((rule) => new RegExp(rule.pattern, 'i').test(text))) return
        checked++
        expect(any.test(text)).toBe(true)
      }),
      { numRuns: 2000 }
    )
    expect(checked).toBeGreaterThan(1000)
  })

  it('agrees with the rules on every text: one of them matches only where a literal is', () => {
    const any = anyLiteralTest(FALLBACK_RULES.map((rule) => rule.pattern))!
    let matched = 0
    const parts = [...new Set(FALLBACK_RULES.flatMap((rule) => necessaryLiterals(rule.pattern)!))].flatMap((literal) => [literal, literal.toUpperCase(), literal.slice(0, -1)])
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...parts), fc.string({ unit: 'grapheme-ascii', maxLength: 5 }), fc.constantFrom('\u0130', '\u212a', '\u017f', 'ß')), { maxLength: 10 }), (chosen) => {
        const text = chosen.join('')
        if (FALLBACK_RULES.some((rule) => new RegExp(rule.pattern, 'i').test(text))) {
          matched++
          expect(any.test(text)).toBe(true)
        }
      }),
      { numRuns: 2000 }
    )
    expect(matched).toBeGreaterThan(100)
  })
})
