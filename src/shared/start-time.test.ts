import { describe, expect, it } from 'vitest'
import { parseStartTime } from './start-time'

describe('parseStartTime', () => {
  const now = Date.UTC(2026, 11, 4, 18, 0, 0)
  it('reads ages before now', () => {
    expect(parseStartTime('90s', now)).toBe('2026-12-04T17:58:30.000Z')
    expect(parseStartTime('15m', now)).toBe('2026-12-04T17:45:00.000Z')
    expect(parseStartTime('2h', now)).toBe('2026-12-04T16:00:00.000Z')
    expect(parseStartTime('1d', now)).toBe('2026-12-03T18:00:00.000Z')
  })
  it('reads ISO times with a zone', () => {
    expect(parseStartTime('2026-12-04T17:00:00+01:00', now)).toBe('2026-12-04T16:00:00.000Z')
    expect(parseStartTime('2026-12-04T17:00:00Z', now)).toBe('2026-12-04T17:00:00.000Z')
  })
  it('refuses anything else', () => {
    for (const text of ['yesterday', '12', 'May 4', '2026-13-45', '15 minutes', '']) expect(parseStartTime(text, now)).toBeUndefined()
  })
})
