import { describe, expect, it } from 'vitest'
import type { AuditRecord } from '../../../shared/models/audit'
import { RecentRecords } from './recent-records'

function record(fields: Partial<AuditRecord>): AuditRecord {
  return { input: 0, firstLine: 1, lastLine: 1, format: 'console', audit: true, text: 'Connection refused', messageIds: [], server: 'intserv', messageId: 'X-Y-0001', time: '2025-11-22T18:00:00.123Z', ...fields }
}

describe('RecentRecords', () => {
  it('knows a copy by its GUID, or by server, message ID, second and text', () => {
    const recent = new RecentRecords(8)
    expect(recent.seen(record({ guid: 'g1' }), 'Connection refused')).toBe(false)
    expect(recent.seen(record({ guid: 'g1', format: 'slf4j' }), 'Connection refused')).toBe(true)
    expect(recent.seen(record({}), 'Connection refused')).toBe(false)
    expect(recent.seen(record({ format: 'slf4j', time: '2025-11-22T18:00:00.999Z' }), 'Connection refused')).toBe(true)
    for (const other of [{ server: 'other' }, { messageId: 'X-Y-0002' }, { time: '2025-11-22T18:00:01.000Z' }, { server: undefined }]) {
      expect(recent.seen(record(other), 'Connection refused')).toBe(false)
    }
    expect(recent.seen(record({}), 'Connection reset')).toBe(false)
  })

  it('forgets the oldest once full', () => {
    const recent = new RecentRecords(3)
    for (const guid of ['a', 'b', 'c']) recent.seen(record({ guid }), '')
    recent.seen(record({}), 'one') // pushes out a
    expect(recent.seen(record({ guid: 'b' }), '')).toBe(true)
    expect(recent.seen(record({ guid: 'a' }), '')).toBe(false) // forgotten, now newest: pushes out b
    expect(recent.seen(record({ guid: 'b' }), '')).toBe(false) // pushes out c
    expect(recent.seen(record({}), 'one')).toBe(true)
    recent.seen(record({ guid: 'd' }), '') // pushes out one
    expect(recent.seen(record({}), 'one')).toBe(false)
  })
})
