import { describe, expect, it } from 'vitest'
import type { AuditRecord, RecordPage } from '../../../../shared/models/audit'
import type { Result } from '../../../../shared/result'
import { RecordPages } from './record-pages'

function source(total: { value: number }): { fetch: (offset: number, limit: number) => Promise<Result<RecordPage>>; calls: number[] } {
  const calls: number[] = []
  return {
    calls,
    fetch: async (offset, limit) => {
      calls.push(offset)
      const records = Array.from({ length: Math.max(0, Math.min(limit, total.value - offset)) }, (_, index): AuditRecord => ({
        input: 0, firstLine: offset + index + 1, lastLine: offset + index + 1, format: 'console', audit: true, text: `r${offset + index}`, messageIds: []
      }))
      return { ok: true, value: { total: total.value, offset, records } }
    }
  }
}

describe('RecordPages', () => {
  it('fetches only the pages covering the range, once, and keeps a bounded number of them', async () => {
    const { fetch, calls } = source({ value: 1_000_000 })
    let changes = 0
    const pages = new RecordPages(fetch, () => changes++, 100, 3)
    await pages.ensure(150, 320)
    expect(calls).toEqual([100, 200, 300])
    expect(pages.total).toBe(1_000_000)
    expect(pages.get(250)!.text).toBe('r250')
    expect(pages.get(99)).toBeUndefined()
    await pages.ensure(200, 250)
    expect(calls).toHaveLength(3)
    pages.get(100) // read after page 2 (read above): page 3 is now the least recently used
    await pages.ensure(999_950, 999_999)
    expect(pages.cachedPages).toBe(3)
    expect(pages.get(300)).toBeUndefined()
    expect(pages.get(100)).toBeDefined()
    expect(pages.get(250)).toBeDefined()
    expect(changes).toBe(4)
  })

  it('refetches the last page when records are appended, and reports a failed fetch', async () => {
    const total = { value: 150 }
    const { fetch, calls } = source(total)
    const pages = new RecordPages(fetch, () => {}, 100, 10)
    await pages.ensure(0, 149)
    total.value = 260
    await pages.grow()
    expect(calls).toEqual([0, 100, 100])
    expect(pages.total).toBe(260)
    expect(pages.get(199)!.text).toBe('r199')
    const failing = new RecordPages(async () => ({ ok: false, error: { code: 'not-found', message: 'That log is no longer open' } }), () => {})
    await failing.ensure(0, 10)
    expect(failing.error?.message).toBe('That log is no longer open')
    expect(failing.total).toBeUndefined()
  })
})
