import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { AnalysisReport, AuditRecord, LocateTarget, LogSession, RecordQuery } from '../../../shared/models/audit'

const logs = vi.hoisted(() => ({
  open: vi.fn(),
  cancel: vi.fn(),
  openText: vi.fn(),
  openTexts: vi.fn(),
  records: vi.fn(),
  locate: vi.fn(),
  follow: vi.fn(),
  unfollow: vi.fn(),
  close: vi.fn()
}))
vi.mock('../lib/api', () => ({ api: { logs } }))

const { useAppStore } = await import('./index')
const { selectPinnedEvidence } = await import('./logs-slice')

const report = { records: 28, inputs: [{ path: '/logs/exchangeDL01.log' }], causes: [], findings: [], connectors: [], servers: ['exchangeDL01'], severityCounts: {} } as unknown as AnalysisReport
const session: LogSession = { id: 's1', name: '/logs/exchangeDL01.log', report, storedRecords: 28, droppedRecords: 0, following: false }
const record = (line: number, severity = 'Exception'): AuditRecord => ({
  input: 0, firstLine: line, lastLine: line, format: 'console', audit: true, severity, text: `record on line ${line}`, messageIds: ['INTEGRATION-DAEMON-SERVICES-0031'], messageId: 'INTEGRATION-DAEMON-SERVICES-0031'
})

beforeEach(async () => {
  vi.clearAllMocks()
  useAppStore.setState({ logs: {} })
  logs.open.mockResolvedValue({ ok: true, value: session })
  logs.follow.mockResolvedValue({ ok: true, value: { ...session, following: true } })
  logs.records.mockImplementation(async (_id: string, query: RecordQuery) => ({ ok: true, value: { total: 28, offset: query.offset, records: [record((query.offset ?? 0) + 1)] } }))
  await useAppStore.getState().openConnectionLog('c1', '/logs/exchangeDL01.log')
})

describe('logs slice', () => {
  it('opens a connection’s log and follows it live, once', async () => {
    expect(logs.open).toHaveBeenCalledWith(['/logs/exchangeDL01.log'], undefined, expect.stringMatching(/^[0-9a-f-]{36}$/))
    expect(logs.follow).toHaveBeenCalledWith('s1')
    const view = useAppStore.getState().logs.c1!
    expect(view.session!.following).toBe(true)
    expect(view.source).toEqual({ kind: 'live', path: '/logs/exchangeDL01.log' })
    await useAppStore.getState().openConnectionLog('c1', '/logs/exchangeDL01.log')
    expect(logs.open).toHaveBeenCalledTimes(1)
  })

  it('shows how far an opening has read, and cancels it without calling it an error', async () => {
    let answer: (result: unknown) => void = () => undefined
    logs.open.mockReturnValue(new Promise((resolve) => (answer = resolve)))
    logs.cancel.mockResolvedValue({ ok: true, value: true })
    const opening = useAppStore.getState().openLogFiles('c1', ['/logs/big.log'])
    const openId = useAppStore.getState().logs.c1!.openId!
    expect(logs.open).toHaveBeenLastCalledWith(['/logs/big.log'], undefined, openId)
    useAppStore.getState().applyLogProgress({ openId: 'another', bytesRead: 5, totalBytes: 10 })
    expect(useAppStore.getState().logs.c1!.progress).toBeUndefined()
    useAppStore.getState().applyLogProgress({ openId, bytesRead: 300, totalBytes: 1000 })
    expect(useAppStore.getState().logs.c1).toMatchObject({ opening: true, progress: { bytesRead: 300, totalBytes: 1000 } })
    await useAppStore.getState().cancelLogOpening('c1')
    expect(logs.cancel).toHaveBeenCalledWith(openId)
    answer({ ok: false, error: { code: 'cancelled', message: 'Opening the log was cancelled' } })
    expect(await opening).toBe(false)
    const view = useAppStore.getState().logs.c1!
    expect(view).toMatchObject({ opening: false, openId: undefined, progress: undefined, error: undefined })
    expect(view.session!.id).toBe('s1')
  })

  it('keeps logs the operator opened in step 1 until asked to go back to the live log', async () => {
    const other: LogSession = { ...session, id: 's2', name: 'copy.log' }
    logs.openText.mockResolvedValue({ ok: true, value: other })
    await useAppStore.getState().openLogTexts('c1', [{ name: 'copy.log', text: 'x' }])
    expect(logs.close).toHaveBeenCalledWith('s1')
    await useAppStore.getState().openConnectionLog('c1', '/logs/exchangeDL01.log')
    expect(useAppStore.getState().logs.c1!.session!.id).toBe('s2')
    await useAppStore.getState().openConnectionLog('c1', '/logs/exchangeDL01.log', true)
    expect(useAppStore.getState().logs.c1!.session!.id).toBe('s1')
    expect(useAppStore.getState().logs.c1!.source).toEqual({ kind: 'live', path: '/logs/exchangeDL01.log' })
  })

  it('reveals an evidence line, clearing filters that hide it and leaving "only matching lines"', async () => {
    const store = useAppStore.getState()
    store.setLogFilters('c1', { severities: ['Information'] })
    store.setLogSearch('c1', { pattern: 'cocoMDS1', onlyMatching: true })
    logs.locate.mockImplementation(async (_id: string, _target: LocateTarget, query: RecordQuery) =>
      ({ ok: true, value: query.severities ? { total: 4 } : { total: 28, position: 13 } }))
    expect(await store.revealEvidence('c1', { input: 0, line: 14 })).toBe(true)
    const view = useAppStore.getState().logs.c1!
    expect(view.filters.severities).toEqual([])
    expect(view.selected).toBe(13)
    expect(view.selectedRecord!.firstLine).toBe(14)
    expect(view.reveal).toBe(1)
    expect(view.search).toMatchObject({ pattern: 'cocoMDS1', onlyMatching: false })
    expect(logs.locate).toHaveBeenLastCalledWith('s1', { kind: 'line', input: 0, line: 14 }, {})
  })

  it('jumps to the next and previous error from the selection and announces where it landed', async () => {
    const store = useAppStore.getState()
    logs.locate.mockResolvedValueOnce({ ok: true, value: { total: 28, position: 10 } })
    await store.jumpToProblem('c1', 'next')
    expect(logs.locate).toHaveBeenLastCalledWith('s1', { kind: 'problem', from: -1, direction: 'next' }, {})
    expect(useAppStore.getState().logs.c1!.announcement).toBe('Next error: record 11, Exception INTEGRATION-DAEMON-SERVICES-0031.')
    logs.locate.mockResolvedValueOnce({ ok: true, value: { total: 28 } })
    await store.jumpToProblem('c1', 'previous')
    expect(logs.locate).toHaveBeenLastCalledWith('s1', { kind: 'problem', from: 10, direction: 'previous' }, {})
    expect(useAppStore.getState().logs.c1!.announcement).toBe('No more errors above.')
    expect(useAppStore.getState().logs.c1!.selected).toBe(10)
  })

  it('pins and unpins lines as evidence per connection, for the report', () => {
    const store = useAppStore.getState()
    store.togglePin('c1', record(14))
    store.togglePin('c1', { ...record(3, 'Startup'), file: 'a.omalrecord' })
    const pins = selectPinnedEvidence('c1')(useAppStore.getState())
    expect(pins.map((pin) => [pin.key, pin.source, pin.severity, pin.messageId])).toEqual([
      ['0:14', 'exchangeDL01.log', 'Exception', 'INTEGRATION-DAEMON-SERVICES-0031'],
      ['0:3:a.omalrecord', 'exchangeDL01.log', 'Startup', 'INTEGRATION-DAEMON-SERVICES-0031']
    ])
    expect(useAppStore.getState().logs.c1!.announcement).toBe('Pinned as evidence (2 pinned).')
    store.togglePin('c1', record(14))
    expect(selectPinnedEvidence('c1')(useAppStore.getState()).map((pin) => pin.key)).toEqual(['0:3:a.omalrecord'])
    expect(selectPinnedEvidence('other')(useAppStore.getState())).toEqual([])
  })

  it('applies appended records to the session they belong to', () => {
    const grown = { ...report, records: 30 }
    useAppStore.getState().applyLogAppended({ sessionId: 's1', newRecords: 2, report: grown })
    useAppStore.getState().applyLogAppended({ sessionId: 'elsewhere', newRecords: 5, report })
    const view = useAppStore.getState().logs.c1!
    expect(view.session!.storedRecords).toBe(30)
    expect(view.session!.report.records).toBe(30)
    expect(view.version).toBe(2)
  })

  it('keeps the error of a log that cannot be opened', async () => {
    logs.open.mockResolvedValueOnce({ ok: false, error: { code: 'not-found', message: 'Cannot read /x.log: ENOENT' } })
    expect(await useAppStore.getState().openLogFiles('offline', ['/x.log'])).toBe(false)
    expect(useAppStore.getState().logs.offline).toMatchObject({ opening: false, error: { message: 'Cannot read /x.log: ENOENT' } })
  })
})
