import { appendFileSync, readFileSync } from 'node:fs'

import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { JournalEntry } from '../../../shared/models/daemon'
import { ActionJournal } from './journal'
import { tempDir } from '../../../../tests/temp-dir'

const entry = (time: string): JournalEntry => ({
  time,
  connection: { platformUrl: 'https://127.0.0.1:9443', server: 'd1', userId: 'gary' },
  action: 'restart',
  scope: { kind: 'failed' },
  before: [{ name: 'A', status: 'FAILED', failingMessageId: 'OMAG-MULTI-TENANT-404-001' }],
  after: [{ name: 'A', status: 'WAITING' }],
  outcome: { success: true, settle: 'settled', summary: 'ok', calls: [{ call: 'restart A', ok: true }], connectors: [] }
})

describe('ActionJournal', () => {
  it('appends JSON lines, lists newest first, skips a torn line and exports in order', () => {
    const journal = new ActionJournal(join(tempDir('dd-journal-'), 'nested'))
    expect(journal.list()).toEqual({ entries: [], unreadableLines: 0 })
    journal.append(entry('2026-01-01T00:00:00.000Z'))
    appendFileSync(journal.path, '{"time": "torn\n')
    journal.append(entry('2026-01-02T00:00:00.000Z'))
    const { entries, unreadableLines } = journal.list()
    expect(entries.map((item) => item.time)).toEqual(['2026-01-02T00:00:00.000Z', '2026-01-01T00:00:00.000Z'])
    expect(unreadableLines).toBe(1)
    expect(journal.list(1).entries).toHaveLength(1)
    const exported = journal.export(new Date('2026-01-03T04:05:06Z'))
    expect(exported.fileName).toBe('daemon-doctor-journal-2026-01-03-04-05-06.jsonl')
    expect(exported.text.trim().split('\n').map((line) => JSON.parse(line).time)).toEqual(['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z'])
    // The file itself is never rewritten: the torn line stays for inspection.
    expect(readFileSync(journal.path, 'utf8').split('\n').filter(Boolean)).toHaveLength(3)
  })
})
