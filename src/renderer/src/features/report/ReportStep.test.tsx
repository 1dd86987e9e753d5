import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { FakeRendererApi } from '../../../../../tests/support/fake-renderer-api'
import type { Connection } from '../../../../shared/models/connection'
import type { JournalEntry } from '../../../../shared/models/daemon'
import type { IncidentReport } from '../../../../shared/models/report'
import * as apiModule from '../../lib/api'
import { downloadText } from '../../lib/download'
import { useAppStore } from '../../store'
import { paletteCommands } from '../../components/palette-commands'
import { ReportStep } from './ReportStep'

vi.mock('../../lib/api', async () => {
  const { createFakeRendererApi } = await import('../../../../../tests/support/fake-renderer-api')
  const fake = createFakeRendererApi()
  return { api: fake.api, fake }
})
vi.mock('../../lib/download', () => ({ downloadText: vi.fn() }))
const fake = (apiModule as unknown as { fake: FakeRendererApi }).fake

const connection = { id: 'c1', name: 'Demo daemon', platformUrl: 'http://127.0.0.1:1', serverName: 'exchangeDL01' } as Connection
const report: IncidentReport = {
  generatedAt: '2025-11-20T10:00:00.000Z',
  fileBaseName: 'incident-demo-daemon-2025-11-20-10-00-00',
  title: 'Incident report: Demo daemon',
  markdown: '# Incident report: Demo daemon\n\n## Final state\n',
  html: '<!doctype html><h1>Incident report: Demo daemon</h1>',
  summary: { causes: 2, findings: 4, pinned: 1, actions: 1, failing: 1, total: 4, gaps: ['The audit log x could not be read: ENOENT'] }
}
const entry = (action: 'restart' | 'refresh', success: boolean, id = 'c1', time = '2025-11-20T09:00:00.000Z'): JournalEntry => ({
  time,
  connection: { id, name: id === 'c1' ? 'Demo daemon' : 'Other daemon', platformUrl: 'http://127.0.0.1:1', server: 'exchangeDL01' },
  action,
  scope: { kind: 'connector', name: 'OakDeneLandingAreaFilesMonitor' },
  before: [{ name: 'OakDeneLandingAreaFilesMonitor', status: 'FAILED', failingMessageId: 'OMAG-MULTI-TENANT-404-001' }],
  after: [{ name: 'OakDeneLandingAreaFilesMonitor', status: success ? 'RUNNING' : 'FAILED' }],
  outcome: {
    success, settle: 'settled', summary: success ? 'Recovered 1 of 1' : 'Did not fully work', calls: [],
    connectors: [{ name: 'OakDeneLandingAreaFilesMonitor', outcome: success ? 'recovered' : 'still-failing-same', verdict: success ? 'Now RUNNING' : 'Still FAILED' }]
  }
})

beforeEach(() => {
  useAppStore.setState({ logs: {}, connections: [connection], incidents: {}, journal: { entries: [], unreadableLines: 0, loaded: false, loading: false }, notices: [], flowOpenedAt: {} })
  fake.answer('report', 'incident', report)
  fake.answer('journal', 'list', { entries: [entry('refresh', true, 'c2', '2025-11-20T09:30:00.000Z'), entry('restart', true), entry('restart', false)], unreadableLines: 1 })
  vi.mocked(downloadText).mockClear()
})
afterEach(cleanup)

describe('ReportStep', () => {
  it('previews the report as the saved HTML in a sandbox, with its gaps, and saves both formats', async () => {
    const pin = { key: '0:3', ref: { input: 0, line: 3 }, source: 'a.log', time: '2025-11-20T09:00:00Z', severity: 'Error', messageId: 'OMAG-MULTI-TENANT-404-001', text: 'The OMAG Server cocoMDS1 is not available', pinnedAt: 'now' }
    useAppStore.setState({ logs: { c1: { opening: false, version: 0, reveal: 0, announcement: '', pins: [pin] } as never } })
    render(<ReportStep connectionId="c1" />)
    const preview = await screen.findByTitle('Incident report preview')
    expect(preview.getAttribute('sandbox')).toBe('')
    expect(preview.getAttribute('srcdoc')).toBe(report.html)
    expect(fake.method('report', 'incident')).toHaveBeenCalledWith('c1', {
      pins: [{ input: 'a.log', line: 3, text: '2025-11-20T09:00:00Z Error OMAG-MULTI-TENANT-404-001 The OMAG Server cocoMDS1 is not available' }]
    })
    expect(screen.getByText(/2 causes, 4 findings, 1 pinned line, 1 action; 1 of 4 connectors failing now/)).toBeTruthy()
    expect(screen.getByText('The audit log x could not be read: ENOENT')).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'Save as Markdown' }))
    await act(async () => {})
    expect(downloadText).toHaveBeenCalledWith(`${report.fileBaseName}.md`, report.markdown, 'text/markdown;charset=utf-8')
    fireEvent.click(screen.getByRole('button', { name: 'Save as HTML' }))
    await act(async () => {})
    expect(downloadText).toHaveBeenCalledWith(`${report.fileBaseName}.html`, report.html, 'text/html;charset=utf-8')

    fireEvent.click(screen.getByRole('button', { name: 'Markdown' }))
    expect(screen.getByLabelText('Incident report as Markdown').textContent).toContain('## Final state')
  })

  it('asks for the actions of this incident only: those since the guided flow was first opened', async () => {
    useAppStore.getState().navigate({ kind: 'flow', connectionId: 'c1', step: 'audit-log' })
    const openedAt = useAppStore.getState().flowOpenedAt.c1 ?? ''
    expect(Date.now() - Date.parse(openedAt)).toBeLessThan(60_000)
    // Moving between steps keeps the incident's start
    useAppStore.getState().navigate({ kind: 'flow', connectionId: 'c1', step: 'report' })
    render(<ReportStep connectionId="c1" />)
    await screen.findByTitle('Incident report preview')
    expect(fake.method('report', 'incident')).toHaveBeenCalledWith('c1', { since: openedAt })
  })

  it('says what went wrong and offers to try again', async () => {
    fake.method('report', 'incident').mockImplementationOnce(async () => ({ ok: false, error: { code: 'unavailable', message: 'The daemon is not answering.' } }))
    render(<ReportStep connectionId="c1" />)
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('The report could not be made: The daemon is not answering.')
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByTitle('Incident report preview')).toBeTruthy()
  })
})

describe('JournalBrowser', () => {
  it('lists this connection’s entries newest first, filters them, and expands one to its before → after', async () => {
    render(<ReportStep connectionId="c1" />)
    const journal = screen.getByRole('region', { name: 'Action journal' })
    expect(await within(journal).findByText('2 of 3 entries')).toBeTruthy()
    expect(within(journal).getByText(/1 journal line could not be read/)).toBeTruthy()
    const heads = within(journal).getAllByRole('button', { name: /of connector/ })
    expect(heads.map((head) => head.textContent)).toEqual([expect.stringContaining('Succeeded'), expect.stringContaining('Not fully successful')])

    fireEvent.click(heads[1]!)
    expect(heads[1]!.getAttribute('aria-expanded')).toBe('true')
    const row = within(journal).getByRole('row', { name: /OakDeneLandingAreaFilesMonitor/ })
    expect(row.textContent).toContain('FAILED')
    expect(row.textContent).toContain('OMAG-MULTI-TENANT-404-001')
    expect(row.textContent).toContain('Still failing (same error)')

    fireEvent.change(within(journal).getByLabelText('Outcome'), { target: { value: 'problem' } })
    expect(within(journal).getAllByRole('button', { name: /of connector/ })).toHaveLength(1)
    fireEvent.change(within(journal).getByLabelText('Action'), { target: { value: 'refresh' } })
    expect(within(journal).getByText('No journal entry matches these filters for this connection.')).toBeTruthy()
    fireEvent.click(within(journal).getByRole('button', { name: 'Show every entry' }))
    expect(within(journal).getAllByRole('button', { name: /of connector/ })).toHaveLength(3)
    expect(within(journal).getByText(/on Other daemon/)).toBeTruthy()
  })

  it('shows a configuration change field by field: before, asked for and read back', async () => {
    const configure: JournalEntry = {
      ...entry('restart', false),
      action: 'configure',
      configuration: {
        connector: 'OakDeneLandingAreaFilesMonitor',
        change: 'endpoint',
        diff: [{ field: 'endpoint address', before: '/data/landing-old', after: '/data/landing' }],
        readBack: [{ field: 'endpoint address', before: '/data/landing-old', after: '/data/landing-old' }]
      }
    }
    fake.answer('journal', 'list', { entries: [configure, entry('restart', true)], unreadableLines: 0 })
    render(<ReportStep connectionId="c1" />)
    const journal = screen.getByRole('region', { name: 'Action journal' })
    const head = await within(journal).findByRole('button', { name: /Configuration change of connector/ })
    expect(within(journal).queryByRole('table', { name: /Configuration of/ })).toBeNull()
    fireEvent.click(head)
    const diff = within(journal).getByRole('table', { name: 'Configuration of OakDeneLandingAreaFilesMonitor changed' })
    expect(within(diff).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Field', 'Before', 'Asked for', 'Read back'])
    const row = within(diff).getByRole('row', { name: /endpoint address/ })
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['/data/landing-old', '/data/landing', '/data/landing-old'])
    // A restart carries no configuration, so its details show no diff.
    fireEvent.click(within(journal).getByRole('button', { name: /Restart of connector/ }))
    expect(within(journal).getAllByRole('table', { name: /Configuration of/ })).toHaveLength(1)
  })

  it('explains an empty journal and exports a full one', async () => {
    fake.answer('journal', 'list', { entries: [], unreadableLines: 0 })
    render(<ReportStep connectionId="c1" />)
    expect(await screen.findByText('No actions recorded yet.')).toBeTruthy()
    expect((screen.getByRole('button', { name: 'Export journal' }) as HTMLButtonElement).disabled).toBe(true)
    cleanup()
    fake.answer('journal', 'list', { entries: [entry('restart', true)], unreadableLines: 0 })
    fake.answer('journal', 'export', { fileName: 'daemon-doctor-journal.jsonl', text: '{}\n', count: 1 })
    render(<ReportStep connectionId="c1" />)
    await screen.findByText('1 of 1 entries')
    fireEvent.click(screen.getByRole('button', { name: 'Export journal' }))
    await act(async () => {})
    expect(downloadText).toHaveBeenCalledWith('daemon-doctor-journal.jsonl', '{}\n', 'application/x-ndjson')
  })
})

describe('saving from the command palette', () => {
  it('makes the report afresh with the pinned lines, then saves it', async () => {
    const pin = { key: '0:9', ref: { input: 0, line: 9 }, source: 'daemon.log', text: 'pinned text', pinnedAt: 'now' }
    useAppStore.setState({ view: { kind: 'flow', connectionId: 'c1', step: 'status' }, logs: { c1: { pins: [pin] } as never } })
    const command = paletteCommands(useAppStore.getState()).find((candidate) => candidate.id === 'report:html')!
    await act(async () => command.run())
    expect(fake.method('report', 'incident')).toHaveBeenLastCalledWith('c1', { pins: [{ input: 'daemon.log', line: 9, text: 'pinned text' }] })
    expect(downloadText).toHaveBeenCalledWith(`${report.fileBaseName}.html`, report.html, 'text/html;charset=utf-8')
    expect(useAppStore.getState().notices.at(-1)?.message).toBe(`Saved ${report.fileBaseName}.html`)
  })
})
