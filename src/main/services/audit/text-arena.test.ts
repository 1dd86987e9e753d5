import { describe, expect, it } from 'vitest'
import { TextArena } from './text-arena'

describe('TextArena', () => {
  it('gives back every entry as written, non-ASCII text and both parts of an entry included', () => {
    const arena = new TextArena()
    const entries = ['', 'plain', 'Größe überschritten: 東京 🚀', 'x'.repeat(10_000)].map((text, index) => {
      const more = index % 2 === 0 ? '' : `{"n":${index},"ü":"ß"}`
      const start = arena.append(text, more)
      return { text, more, start, textBytes: arena.textBytes, moreBytes: arena.moreBytes }
    })
    for (const { text, more, start, textBytes, moreBytes } of entries) {
      expect(textBytes).toBe(Buffer.byteLength(text))
      expect(arena.read(start, 0, textBytes)).toBe(text)
      expect(arena.read(start, textBytes, moreBytes)).toBe(more)
    }
  })

  it('shares an entry with an identical one in the slab being filled, and only then', () => {
    const arena = new TextArena()
    const first = arena.append('heartbeat of connector A')
    const bytes = arena.textBytes
    arena.append('heartbeat of connector A')
    expect(arena.takeBackIfSame(first, bytes)).toBe(true)
    // The space given back is used by the next entry.
    const next = arena.append('heartbeat of connector B')
    expect(next).toBe(first + bytes)
    expect(arena.takeBackIfSame(first, bytes)).toBe(false)
    expect(arena.read(next, 0, arena.textBytes)).toBe('heartbeat of connector B')
    expect(arena.read(first, 0, bytes)).toBe('heartbeat of connector A')
  })

  it('puts an entry longer than a slab in a slab of its own, and lets go of the slabs before a start', () => {
    const arena = new TextArena()
    const small = arena.append('before')
    const long = 'é'.repeat(3_000_000) // 6 MB of UTF-8, more than a slab
    const big = arena.append(long)
    const bigBytes = arena.textBytes
    const after = arena.append('after')
    expect(arena.read(big, 0, bigBytes)).toBe(long)
    expect(arena.read(after, 0, 5)).toBe('after')
    expect(arena.read(small, 0, 6)).toBe('before')
    const held = arena.allocatedBytes
    arena.releaseBefore(after)
    expect(arena.allocatedBytes).toBeLessThan(held - bigBytes)
    expect(arena.read(after, 0, 5)).toBe('after')
  })

  it('gives an empty entry after one longer than a slab a slab that exists', () => {
    const arena = new TextArena()
    const long = 'x'.repeat(6 << 20)
    const big = arena.append(long)
    const bigBytes = arena.textBytes
    const empty = arena.append('')
    expect(arena.read(empty, 0, 0)).toBe('')
    const after = arena.append('after')
    expect(arena.read(after, 0, 5)).toBe('after')
    expect(arena.read(big, 0, bigBytes)).toBe(long)
  })
})
