import { describe, expect, it } from 'vitest'
import { pinnedLine } from './pins'

describe('pinnedLine', () => {
  const pin = {
    key: '0:11', ref: { input: 0, line: 11 }, source: 'exchangeDL01.log', time: '2021-02-02T20:57:50Z', severity: 'Exception', server: 'exchangeDL01',
    messageId: 'INTEGRATION-DAEMON-SERVICES-0031', text: 'The integration connector failed', pinnedAt: '2026-11-22T02:00:00Z'
  }

  it('quotes a pinned record with its file and line, the message ID once', () => {
    expect(pinnedLine(pin)).toEqual({
      input: 'exchangeDL01.log', line: 11,
      text: '2021-02-02T20:57:50Z exchangeDL01 Exception INTEGRATION-DAEMON-SERVICES-0031 The integration connector failed'
    })
    expect(pinnedLine({ ...pin, text: 'INTEGRATION-DAEMON-SERVICES-0031 The integration connector failed' }).text).toBe(
      '2021-02-02T20:57:50Z exchangeDL01 Exception INTEGRATION-DAEMON-SERVICES-0031 The integration connector failed'
    )
  })

  it('names the record file of a directory input, and leaves out what the record lacks', () => {
    const fromDirectory = { ...pin, source: 'records', ref: { input: 0, line: 3, file: 'r.omalrecord' }, time: undefined, server: undefined }
    expect(pinnedLine(fromDirectory)).toEqual({ input: 'records/r.omalrecord', line: 3, text: 'Exception INTEGRATION-DAEMON-SERVICES-0031 The integration connector failed' })
  })
})
