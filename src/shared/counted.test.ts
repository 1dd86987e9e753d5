import { describe, expect, it } from 'vitest'
import { counted } from './counted'

describe('counted', () => {
  it('says one in the singular and every other count, none included, in the plural', () => {
    expect(counted(1, 'connector')).toBe('1 connector')
    expect(counted(0, 'connector')).toBe('0 connectors')
    expect(counted(3, 'connector')).toBe('3 connectors')
    expect(counted(2, 'refresh', 'refreshes')).toBe('2 refreshes')
    expect(counted(1, 'refresh', 'refreshes')).toBe('1 refresh')
  })
})
