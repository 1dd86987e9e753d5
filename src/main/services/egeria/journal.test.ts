import { appendFileSync, existsSync, readFileSync, statSync } from 'node:fs'

import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ActionReport, DaemonStatus, JournalEntry } from '../../../shared/models/daemon'
import { ActionJournal, JOURNAL_CONNECTOR_LIMIT, journalEntry } from './journal'
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

  it('keeps the entry after a torn last line that has no newline', () => {
    const journal = new ActionJournal(tempDir('dd-journal-'))
    journal.append(entry('2026-01-01T00:00:00.000Z'))
    appendFileSync(journal.path, '{"time": "torn mid-wri')
    journal.append(entry('2026-01-02T00:00:00.000Z'))
    journal.append(entry('2026-01-03T00:00:00.000Z'))
    const { entries, unreadableLines } = journal.list()
    expect(entries.map((item) => item.time)).toEqual(['2026-01-03T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-01T00:00:00.000Z'])
    expect(unreadableLines).toBe(1)
  })

  it('rotates by size and still lists newest first across both files', () => {
    const one = `${JSON.stringify(entry('2026-01-01T00:00:00.000Z'))}\n`.length
    const journal = new ActionJournal(tempDir('dd-journal-'), { maxBytes: one * 3 })
    const times = Array.from({ length: 7 }, (_unused, day) => `2026-01-0${day + 1}T00:00:00.000Z`)
    for (const time of times) journal.append(entry(time))
    expect(statSync(journal.path).size).toBeLessThanOrEqual(one * 3)
    expect(existsSync(journal.rotatedPath)).toBe(true)
    const listed = journal.list().entries.map((item) => item.time)
    expect(listed).toEqual([...times].reverse().slice(0, listed.length))
    expect(listed.length).toBeGreaterThanOrEqual(3)
    expect(journal.list(2).entries.map((item) => item.time)).toEqual([times[6], times[5]])
  })

  it('writes a bounded entry for an action on 100,000 connectors', () => {
    const names = Array.from({ length: 100_000 }, (_unused, index) => `Connector${index}`)
    const status = { connectors: names.map((name) => ({ name, status: 'FAILED', failingMessageId: 'OMAG-MULTI-TENANT-404-001' })) } as unknown as DaemonStatus
    const report = {
      action: 'restart',
      scope: { kind: 'all' },
      finishedAt: '2026-01-01T00:00:00.000Z',
      success: false,
      settle: 'settled',
      summary: 'Restart of 100000 connectors: 0 recovered',
      calls: names.map((name) => ({ call: `restart ${name}`, ok: true })),
      connectors: names.map((name) => ({ name, outcome: 'still-failing-same', verdict: `${name} is still FAILED` }))
    } as unknown as ActionReport
    const written = journalEntry({ platformUrl: 'https://127.0.0.1:9443', server: 'd1' }, report, status, status)
    expect(written.before).toHaveLength(JOURNAL_CONNECTOR_LIMIT)
    expect(written.outcome.connectors).toHaveLength(JOURNAL_CONNECTOR_LIMIT)
    expect(written.outcome.calls).toHaveLength(JOURNAL_CONNECTOR_LIMIT)
    expect(written.omitted).toEqual({ connectors: 100_000 - JOURNAL_CONNECTOR_LIMIT, calls: 100_000 - JOURNAL_CONNECTOR_LIMIT })
    expect(written.outcome.summary).toContain('100000')
    expect(JSON.stringify(written).length).toBeLessThan(200_000)
  })
})
