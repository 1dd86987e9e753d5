import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_MAX_LINE_CHARS, LineSplitter } from './line-splitter'

function split(chunks: Buffer[], maxLineChars?: number): { lines: string[]; truncated: boolean[]; consumed: number } {
  const lines: string[] = []
  const truncated: boolean[] = []
  const splitter = new LineSplitter((text, start, end, cut) => {
    lines.push(text.slice(start, end))
    truncated.push(cut)
  }, maxLineChars)
  for (const chunk of chunks) splitter.push(chunk)
  const consumed = splitter.consumedBytes
  splitter.end()
  return { lines, truncated, consumed }
}

describe('LineSplitter', () => {
  it('counts bytes read elsewhere between whole lines, and refuses them in the middle of a line', () => {
    const offsets: number[] = []
    const splitter = new LineSplitter(() => offsets.push(splitter.lineOffset))
    splitter.push(Buffer.from('one\ntwo\n'))
    splitter.skip(100)
    splitter.push(Buffer.from('three\nfo'))
    expect(offsets).toEqual([0, 4, 108])
    expect(splitter.consumedBytes).toBe(114)
    expect(() => splitter.skip(10)).toThrow(/start of a line/)
  })

  it('drops a BOM and CRs, keeps blank lines and a final line without newline', () => {
    const { lines } = split([Buffer.from('\uFEFFone\r\n\r\ntwo\nthree')])
    expect(lines).toEqual(['one', '', 'two', 'three'])
  })

  it('joins a multi-byte character split across chunks', () => {
    const bytes = Buffer.from('café\nnaïve\n')
    const { lines } = split([bytes.subarray(0, 4), bytes.subarray(4, 9), bytes.subarray(9)])
    expect(lines).toEqual(['café', 'naïve'])
  })

  it('replaces invalid UTF-8 instead of failing', () => {
    const { lines } = split([Buffer.from([0x61, 0xff, 0x62, 0x0a])])
    expect(lines).toEqual(['a\uFFFDb'])
  })

  it('caps very long lines, flags them and keeps the lines after them', () => {
    const long = 'x'.repeat(50_000)
    const { lines, truncated } = split([Buffer.from(`${long}\nafter\n`)], 1000)
    expect(lines).toEqual(['x'.repeat(1000), 'after'])
    expect(truncated).toEqual([true, false])
    const spread = split([Buffer.from('y'.repeat(3000)), Buffer.from('y'.repeat(3000)), Buffer.from('y\nz\n')], 1000)
    expect(spread.lines).toEqual(['y'.repeat(1000), 'z'])
    expect(spread.truncated).toEqual([true, false])
  })

  it('reports the offset after the last complete line', () => {
    expect(split([Buffer.from('ab\ncd')]).consumed).toBe(3)
    expect(split([Buffer.from('ab\n'), Buffer.from('cd\nef')]).consumed).toBe(6)
  })

  it('never loses or invents a line whatever the chunking (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => s.replace(/[\r\n\uFEFF]/g, '')), { minLength: 1, maxLength: 30 }), fc.array(fc.nat(), { maxLength: 8 }), (lines, cuts) => {
        const bytes = Buffer.from(lines.join('\n'))
        const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b)
        const chunks: Buffer[] = []
        let start = 0
        for (const point of points) {
          chunks.push(bytes.subarray(start, point))
          start = point
        }
        chunks.push(bytes.subarray(start))
        // A file's lines: none for an empty file, and a final newline ends the last line rather than starting one.
        const text = lines.join('\n')
        const expected = text.length === 0 ? [] : text.endsWith('\n') ? lines.slice(0, -1) : lines
        expect(split(chunks).lines).toEqual(expected)
      })
    )
  })
})

describe('large chunks', () => {
  it('decodes a chunk larger than a decoding piece without losing, splitting or moving a line', () => {
    const lines = Array.from({ length: 3000 }, (_, index) => (index === 700 ? 'é'.repeat(90_000) : index % 97 === 0 ? `naïve ${index}` : 'x'.repeat((index * 37) % 500)))
    const bytes = Buffer.from(`${lines.join('\n')}\n`)
    const seen: { line: string; truncated: boolean; offset: number }[] = []
    const splitter = new LineSplitter((text, start, end, truncated) => seen.push({ line: text.slice(start, end), truncated, offset: splitter.lineOffset }))
    splitter.push(bytes)
    splitter.end()
    let offset = 0
    const expected = lines.map((line) => {
      const entry = { line: line.slice(0, DEFAULT_MAX_LINE_CHARS), truncated: line.length > DEFAULT_MAX_LINE_CHARS, offset }
      offset += Buffer.byteLength(line) + 1
      return entry
    })
    expect(seen).toEqual(expected)
  })
})

describe('line offsets', () => {
  it('gives the byte offset of every line, across chunks, CRLF and multi-byte or invalid UTF-8', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('é€😀', '\r', '\uFFFD')), { maxLength: 12 }), fc.array(fc.uint8Array({ maxLength: 4 }), { maxLength: 3 }), fc.integer({ min: 1, max: 9 }), (texts, junk, chunkSize) => {
        const bytes = Buffer.concat([...texts.map((text) => Buffer.from(`${text}\n`)), ...junk.map((part) => Buffer.from([...part.filter((byte) => byte !== 10), 10]))])
        const expected: number[] = []
        for (let at = 0; at < bytes.length; at = bytes.indexOf(10, at) + 1) expected.push(at)
        const offsets: number[] = []
        const splitter = new LineSplitter(() => offsets.push(splitter.lineOffset))
        for (let at = 0; at < bytes.length; at += chunkSize) splitter.push(bytes.subarray(at, at + chunkSize))
        splitter.end()
        expect(offsets).toEqual(expected)
      })
    )
  })
})
