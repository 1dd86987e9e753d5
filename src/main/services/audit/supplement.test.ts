import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseSupplement } from './supplement'

const EXPRESSION = /^([0-9a-f-]{36}) (\S+) returned message of (.*?) and stacktrace of\s*(.*)$/
const byExpression = (body: string): unknown => {
  const match = EXPRESSION.exec(body)
  return match ? { guid: match[1], exceptionClass: match[2], message: match[3], traceHead: match[4] } : undefined
}

describe('an Exception supplement', () => {
  it('gives the GUID, exception class, message and first trace line', () => {
    expect(parseSupplement('3f2c9a10-5b7e-4c1d-9e8f-0a1b2c3d4e5f org.x.FooException returned message of OMAG-X-404-001 gone and stacktrace of org.x.FooException{code=404}')).toEqual({
      guid: '3f2c9a10-5b7e-4c1d-9e8f-0a1b2c3d4e5f',
      exceptionClass: 'org.x.FooException',
      message: 'OMAG-X-404-001 gone',
      traceHead: 'org.x.FooException{code=404}'
    })
    expect(parseSupplement('3f2c9a10-5b7e-4c1d-9e8f-0a1b2c3d4e5f org.x.FooException returned message of a and stacktrace of b and stacktrace of ')?.message).toBe('a')
    expect(parseSupplement('not a supplement')).toBeUndefined()
  })

  it('finds what the regular expression finds, on any body', () => {
    const guid = fc.constantFrom('3f2c9a10-5b7e-4c1d-9e8f-0a1b2c3d4e5f', '3F2C9A10-5b7e-4c1d-9e8f-0a1b2c3d4e5f', '3f2c9a10-5b7e-4c1d-9e8f-0a1b2c3d4e5', '------------------------------------')
    const piece = fc.oneof(
      fc.constantFrom(' ', ' returned message of ', ' and stacktrace of', ' and stacktrace of ', 'returned message of', 'org.x.E', '\t', '\n', '\r', '\u2028', '\u00a0', '\ufeff', 'x y', ''),
      fc.string({ maxLength: 6 })
    )
    const pieces = fc.array(piece, { maxLength: 5 }).map((chosen) => chosen.join(''))
    const body = fc.tuple(
      guid,
      fc.constantFrom(' ', '  ', '\t', ''),
      fc.oneof(fc.constantFrom('org.x.FooException', 'E', 'a b', 'x\ty', 'E\u00a0', ''), pieces),
      fc.constantFrom(' returned message of ', ' returned message of', 'returned message of '),
      pieces,
      fc.constantFrom(' and stacktrace of', ' and stacktrace of ', ' and stacktrace of \u00a0\t', 'and stacktrace of', ''),
      pieces
    ).map((parts) => parts.join(''))
    let found = 0
    fc.assert(
      fc.property(body, (text) => {
        const expected = byExpression(text)
        if (expected) found++
        expect(parseSupplement(text)).toEqual(expected)
      }),
      { numRuns: 20_000 }
    )
    expect(found).toBeGreaterThan(100)
  })
})
