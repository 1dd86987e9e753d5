import { describe, expect, it } from 'vitest'
import { RepeatWatch } from './repeat-watch'

describe('RepeatWatch', () => {
  const asked = (watch: RepeatWatch, count: number): number => Array.from({ length: count }, () => watch.asks()).filter(Boolean).length

  it('asks every time while entries are found again', () => {
    const watch = new RepeatWatch()
    for (let round = 0; round < 5; round++) {
      expect(asked(watch, 1000)).toBe(1000)
      watch.repeated()
    }
  })

  it('asks one in 64 after 1024 in a row found nothing, and every time again once one is found', () => {
    const watch = new RepeatWatch()
    expect(asked(watch, 1024)).toBe(1024)
    expect(asked(watch, 6400)).toBe(100)
    watch.repeated()
    expect(asked(watch, 500)).toBe(500)
  })
})
