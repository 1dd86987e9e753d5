import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isFrameAt } from './stack-trace'

const isFrame = (line: string): boolean => isFrameAt(line, 0, line.length)

describe('isFrame', () => {
  it('tells the lines that only say where from those that say something', () => {
    for (const frame of ['\tat a.b.C.d(C.java:1)', '    at x', 'at a.B.c(Unknown Source)', '\t... 23 more', '...', '\u00a0at a.b']) expect(isFrame(frame)).toBe(true)
    for (const line of ['Caused by: java.io.IOException: x', '\tSuppressed: a.B', 'at', '\tat ', 'attribute x', '', '   ', 'a.b.FooException: m', '\t A-B-0001']) expect(isFrame(line)).toBe(false)
  })

  it('answers the same for a line read in place within a longer text (property)', () => {
    const pieceArb = fc.constantFrom('at ', 'at', '...', '.', ' ', '\t', '\u00a0', '\u2003', 'x', 'a.B', '(C.java:1)', '\r')
    const lineArb = fc.array(pieceArb, { maxLength: 8 }).map((pieces) => pieces.join(''))
    fc.assert(
      fc.property(lineArb, lineArb, lineArb, (before, line, after) => {
        expect(isFrameAt(`${before}${line}${after}`, before.length, before.length + line.length)).toBe(isFrame(line))
      }),
      { numRuns: 2000 }
    )
  })
})
