import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AnalysisReport, AuditRecord, LogSession, RecordQuery, SearchQuery } from '../../../../shared/models/audit'

const logs = vi.hoisted(() => ({ records: vi.fn(), search: vi.fn(), locate: vi.fn() }))
vi.mock('../../lib/api', () => ({ api: { logs } }))

const { useAppStore } = await import('../../store')
const { LogViewer } = await import('./LogViewer')

const TOTAL = 1_000_000
const record = (index: number): AuditRecord => ({
  input: 0, firstLine: index + 1, lastLine: index + 1, format: 'console', audit: true, time: '2025-11-22T06:00:00Z', server: 'integration-daemon',
  severity: index % 997 === 0 ? 'Exception' : 'Information', messageId: 'INTEGRATION-DAEMON-SERVICES-0041', messageIds: ['INTEGRATION-DAEMON-SERVICES-0041'],
  text: `record ${index} refreshing LandingAreaMonitor${index % 40}`
})
const report = { records: TOTAL, servers: ['integration-daemon'], inputs: [{ path: 'big.log' }], connectors: [], causes: [], findings: [], severityCounts: { Information: 998_996, Exception: 1004 } } as unknown as AnalysisReport
const session: LogSession = { id: 's1', name: 'big.log', report, storedRecords: TOTAL, droppedRecords: 0, following: false }

function viewer(): { rows(): Promise<HTMLElement[]> } {
  const Connected = (): React.JSX.Element => <LogViewer owner="offline" view={useAppStore((state) => state.logs.offline!)} />
  render(<Connected />)
  return { rows: () => within(screen.getByRole('listbox', { name: 'Log records of big.log' })).findAllByRole('option') }
}

beforeEach(() => {
  vi.clearAllMocks()
  // jsdom lays nothing out: the virtualiser works from its initial size.
  globalThis.ResizeObserver ??= class { observe(): void {} unobserve(): void {} disconnect(): void {} } as unknown as typeof ResizeObserver
  // A 480-pixel-high list: twenty 24-pixel rows on screen.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 480 })
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 })
  logs.records.mockImplementation(async (_id: string, query: RecordQuery) => {
    const offset = query.offset ?? 0
    return { ok: true, value: { total: TOTAL, offset, records: Array.from({ length: Math.min(query.limit ?? 200, TOTAL - offset) }, (_, i) => record(offset + i)) } }
  })
  useAppStore.setState({
    logs: { offline: { session, opening: false, version: 1, filters: { severities: [] }, search: { pattern: '', ignoreCase: true, onlyMatching: false, context: 2 }, reveal: 0, announcement: '', pins: [] } }
  })
})
afterEach(cleanup)

describe('LogViewer', () => {
  it('renders only the rows in view of a million, from the first page fetched', async () => {
    const { rows } = viewer()
    expect(await screen.findByText('1,000,000 records')).toBeTruthy()
    const options = await rows()
    expect(options.length).toBeGreaterThan(10)
    expect(options.length).toBeLessThan(100)
    expect(options[0]!.textContent).toContain('record 0 refreshing')
    expect(options[0]!.textContent).toContain('✖ Exception') // icon and word, not colour alone
    expect(logs.records).toHaveBeenCalledTimes(1)
    expect(logs.records.mock.calls[0]![1]).toEqual({ offset: 0, limit: 250 })
  })

  it('moves the selection with the keyboard and pins with p; e asks for the next error', async () => {
    const jumpToProblem = vi.fn().mockResolvedValue(undefined)
    useAppStore.setState({ jumpToProblem })
    const { rows } = viewer()
    const list = await screen.findByRole('listbox', { name: 'Log records of big.log' })
    await rows()
    fireEvent.keyDown(list, { key: 'ArrowDown' })
    await waitFor(() => expect(useAppStore.getState().logs.offline!.selected).toBe(0))
    fireEvent.keyDown(list, { key: 'ArrowDown' })
    await waitFor(() => expect(useAppStore.getState().logs.offline!.selectedRecord!.text).toContain('record 1 '))
    expect(list.getAttribute('aria-activedescendant')).toBe('offline-row-1')
    fireEvent.keyDown(list, { key: 'p' })
    expect(useAppStore.getState().logs.offline!.pins.map((pin) => pin.key)).toEqual(['0:2'])
    await waitFor(() => expect(within(list).getByRole('option', { selected: true }).querySelector('.c-pin')!.textContent).toBe('★'))
    fireEvent.keyDown(list, { key: 'e' })
    expect(jumpToProblem).toHaveBeenCalledWith('offline', 'next')
    fireEvent.click(screen.getByRole('button', { name: /Previous error/ }))
    expect(jumpToProblem).toHaveBeenLastCalledWith('offline', 'previous')
  })

  it('shows only matching records with their context, and reports a bad pattern without searching', async () => {
    logs.search.mockImplementation(async (_id: string, query: SearchQuery) => ({
      ok: true,
      value: {
        hits: [{ index: 40, record: record(40), before: [record(39)], after: [record(41)] }, { index: 80, record: record(80), before: [record(79)], after: [] }].filter(() => query.context === 1),
        searched: TOTAL,
        total: TOTAL
      }
    }))
    const { rows: listRows } = viewer()
    await listRows()
    const search = screen.getByLabelText('Search the log (regular expression)')
    fireEvent.change(search, { target: { value: 'LandingAreaMonitor0\\b' } })
    fireEvent.change(screen.getByLabelText(/Context/), { target: { value: '1' } })
    fireEvent.click(screen.getByLabelText('Only matching lines'))
    expect(await screen.findByText(/2 matching records, with 1 record of context/)).toBeTruthy()
    const rows = await listRows()
    expect(rows.map((option) => option.textContent?.match(/record \d+|\d+ records not shown/)?.[0])).toEqual([
      'record 39', 'record 40', 'record 41', '37 records not shown', 'record 79', 'record 80'
    ])
    expect(rows[1]!.querySelector('mark')!.textContent).toBe('LandingAreaMonitor0')
    expect(rows[0]!.classList.contains('context-row')).toBe(true)
    fireEvent.change(search, { target: { value: 'Monitor(' } })
    expect((await screen.findByRole('alert')).textContent).toContain('Not a valid pattern')
    await act(async () => new Promise((resolve) => setTimeout(resolve, 300)))
    expect(logs.search.mock.calls.every(([, query]) => query.pattern !== 'Monitor(')).toBe(true)
  })

  it('says when a search stopped at its time limit, how far it got, and ignores a search a newer one replaced', async () => {
    logs.search.mockImplementation(async (_id: string, query: SearchQuery) =>
      query.pattern === 'first'
        ? { ok: false, error: { code: 'cancelled', message: 'A newer search of this log replaced this one' } }
        : { ok: true, value: { hits: [{ index: 40, record: record(40), before: [], after: [] }], searched: 612_345, total: TOTAL, stoppedAfterSeconds: 5 } }
    )
    viewer()
    const search = screen.getByLabelText('Search the log (regular expression)')
    fireEvent.change(search, { target: { value: 'first' } })
    await act(async () => new Promise((resolve) => setTimeout(resolve, 300)))
    expect(screen.queryByRole('alert')).toBeNull()
    fireEvent.change(search, { target: { value: '(x+x+)+y' } })
    const stopped = await screen.findByText(/Search stopped after 5 s/)
    expect(stopped.textContent).toBe('⏱ Search stopped after 5 s: 612,345 of 1,000,000 records searched. A more specific pattern searches them all.')
    expect(stopped.getAttribute('role')).toBe('status')
    expect(screen.getByText('1 match')).toBeTruthy()
  })
})
