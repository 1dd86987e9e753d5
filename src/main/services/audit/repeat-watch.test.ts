import { describe, expect, it } from 'vitest'
import { RepeatWatch } from './repeat-watch'

describe('RepeatWatch', () => {
  const kept = (watch: RepeatWatch, count: number): number => Array.from({ length: count }, () => watch.keepsNew()).filter(Boolean).length

  it('keeps every new entry while entries come again', () => {
    const watch = new RepeatWatch()
    for (let round = 0; round < 5; round++) {
      expect(kept(watch, 1000)).toBe(1000)
      watch.repeated()
    }
  })

  it('keeps one in 64 after 1024 new entries in a row, and all again once one comes again', () => {
    const watch = new RepeatWatch()
    expect(kept(watch, 1024)).toBe(1024)
    expect(kept(watch, 6400)).toBe(100)
    watch.repeated()
    expect(kept(watch, 500)).toBe(500)
  })
})
