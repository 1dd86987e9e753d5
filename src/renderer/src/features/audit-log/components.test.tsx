import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AnalysisReport, AuditRecord, LogSession } from '../../../../shared/models/audit'

const logs = vi.hoisted(() => ({ histogram: vi.fn(), openText: vi.fn(), openTexts: vi.fn(), open: vi.fn(), close: vi.fn(), records: vi.fn(), locate: vi.fn() }))
vi.mock('../../lib/api', () => ({ api: { logs } }))

const { useAppStore } = await import('../../store')
const { CausesPanel } = await import('./CausesPanel')
const { SeverityTimeline } = await import('./SeverityTimeline')
const { RecordDetails } = await import('./RecordDetails')
const { LogSourcePicker } = await import('./LogSourcePicker')
const { RelatedLogLines } = await import('./RelatedLogLines')
const { LogOpeningProgress } = await import('./LogOpeningProgress')

/** The analysis of the 2021 guide's start-up log (seed-2021-startup), trimmed to what the panels read. */
const report = {
  records: 28,
  unparsedLines: 0,
  servers: ['exchangeDL01'],
  inputs: [{ path: '/logs/exchangeDL01.log' }],
  connectors: [{ name: 'OakDeneLandingAreaDatabaseMonitor' }],
  severityCounts: { Startup: 20, Exception: 4, Information: 4 },
  causes: [
    {
      source: 'metadata-server', subject: 'cocoMDS1', verdict: 'metadata server cocoMDS1 unavailable: 3 connectors',
      connectors: ['OakDeneLandingAreaFilesMonitor', 'OldMarketLandingAreaFilesMonitor', 'DropFootClinicalTrialResultsFilesMonitor'],
      findings: ['Oak:404', 'Old:404'], action: 'Bring metadata server cocoMDS1 back, then restart the failed connectors.'
    },
    {
      source: 'connector', subject: 'OakDeneLandingAreaDatabaseMonitor', verdict: 'connector OakDeneLandingAreaDatabaseMonitor misconfigured or faulty',
      connectors: ['OakDeneLandingAreaDatabaseMonitor'], findings: ['Db:400'], action: 'Move the connector to the right integration service; then restart the daemon.'
    }
  ],
  findings: [
    { id: 'Oak:404', connector: 'OakDeneLandingAreaFilesMonitor', source: 'metadata-server', subject: 'cocoMDS1', rootMessageId: 'OMAG-MULTI-TENANT-404-001', messageIds: [], summary: 'OakDene: not running', action: '', evidence: [{ input: 0, line: 11 }], occurrences: 1 },
    { id: 'Old:404', connector: 'OldMarketLandingAreaFilesMonitor', source: 'metadata-server', subject: 'cocoMDS1', rootMessageId: 'OMAG-MULTI-TENANT-404-001', messageIds: [], summary: 'OldMarket: not running', action: '', evidence: [{ input: 0, line: 14 }], occurrences: 2 },
    { id: 'Db:400', connector: 'OakDeneLandingAreaDatabaseMonitor', source: 'connector', subject: 'OakDeneLandingAreaDatabaseMonitor', messageIds: [], summary: 'not a database integrator', action: '', evidence: [{ input: 0, line: 20 }], occurrences: 1 }
  ]
} as unknown as AnalysisReport
const session: LogSession = { id: 's1', name: '/logs/exchangeDL01.log', report, storedRecords: 28, droppedRecords: 0, following: false }

beforeEach(() => {
  vi.clearAllMocks()
  useAppStore.setState({ logs: { c1: { session, opening: false, version: 1, filters: { severities: [] }, search: { pattern: '', ignoreCase: true, onlyMatching: false, context: 2 }, reveal: 0, announcement: '', pins: [] } } })
})
afterEach(cleanup)

describe('CausesPanel', () => {
  it('puts the causes first, with their source as icon and text, and reveals evidence in one click', () => {
    const revealEvidence = vi.fn().mockResolvedValue(true)
    useAppStore.setState({ revealEvidence })
    render(<CausesPanel owner="c1" report={report} />)
    expect(screen.getByRole('heading', { name: /^2 causes found/ })).toBeTruthy()
    const [metadata, connector] = screen.getAllByRole('listitem').filter((item) => item.classList.contains('log-cause'))
    expect(within(metadata!).getByText('metadata server cocoMDS1 unavailable: 3 connectors')).toBeTruthy()
    expect(metadata!.querySelector('.source-tag')!.textContent).toBe('⛁ Metadata server')
    expect(within(metadata!).getByText(/Blocks 3 connectors/)).toBeTruthy()
    expect(connector!.querySelector('.source-tag')!.textContent).toBe('⚙ Connector')
    fireEvent.click(within(metadata!).getByRole('button', { name: 'Show OldMarketLandingAreaFilesMonitor, line 14 in the log' }))
    expect(revealEvidence).toHaveBeenCalledWith('c1', { input: 0, line: 14 })
  })

  it('lists connectors failing the same way of their own fault once, as what is at fault', () => {
    const sameWay = {
      source: 'connector', subject: 'Sync1, Sync2, Sync3 and 1 more', verdict: '4 connectors misconfigured or faulty the same way (Sync1, Sync2, Sync3 and 1 more): unknown GUID',
      connectors: ['Sync1', 'Sync2', 'Sync3', 'Sync4'], findings: [], action: 'Check whether the element was deleted.'
    }
    render(<CausesPanel owner="c1" report={{ ...report, causes: [sameWay] } as unknown as AnalysisReport} />)
    const cause = screen.getAllByRole('listitem').find((item) => item.classList.contains('log-cause'))!
    expect(cause.querySelector('.log-cause-subject')!.textContent).toBe('At fault, each the same way: 4 connectors: Sync1, Sync2, Sync3, Sync4')
  })

  it('shows the first of many connectors and their evidence, and all of them on request', () => {
    const names = Array.from({ length: 30 }, (_, index) => `Sync${index}`)
    const findings = names.map((name, index) => ({ id: `${name}:404`, connector: name, source: 'connector', subject: name, messageIds: [], summary: 'unknown GUID', action: '', evidence: [{ input: 0, line: index + 1 }], occurrences: 1 }))
    const many = { source: 'connector', subject: 'Sync0, Sync1, Sync2 and 27 more', verdict: '30 connectors misconfigured or faulty the same way', connectors: names, findings: findings.map((finding) => finding.id), action: 'Check.' }
    render(<CausesPanel owner="c1" report={{ ...report, causes: [many], findings } as unknown as AnalysisReport} />)
    const subject = document.querySelector('.log-cause-subject')!
    expect(subject.textContent).toBe(`At fault, each the same way: 30 connectors: ${names.slice(0, 12).join(', ')}Show all 30 connectors`)
    fireEvent.click(within(subject as HTMLElement).getByRole('button', { name: 'Show all 30 connectors' }))
    expect(subject.textContent).toBe(`At fault, each the same way: 30 connectors: ${names.join(', ')}`)
    const evidence = screen.getByRole('group', { name: 'Evidence' })
    expect(within(evidence).getAllByRole('button', { name: /^Show Sync\d+, line/ })).toHaveLength(8)
    fireEvent.click(within(evidence).getByRole('button', { name: 'Show all 30 findings' }))
    expect(within(evidence).getAllByRole('button', { name: /^Show Sync\d+, line/ })).toHaveLength(30)
  })

  it('says so when the log shows no failure', () => {
    render(<CausesPanel owner="c1" report={{ ...report, records: 1, causes: [], findings: [] }} />)
    expect(screen.getByRole('heading', { name: 'No failure found in this log' })).toBeTruthy()
    expect(screen.getByText(/^1 record read\./)).toBeTruthy()
  })

  it('says the causes come in the order the others wait on only when there are several', () => {
    const { unmount } = render(<CausesPanel owner="c1" report={report} />)
    expect(screen.getByRole('heading', { name: /^2 causes found ?— what the others wait on first$/ })).toBeTruthy()
    unmount()
    render(<CausesPanel owner="c1" report={{ ...report, causes: report.causes.slice(0, 1) }} />)
    expect(screen.getByRole('heading', { name: 'One cause found' })).toBeTruthy()
  })
})

describe('SeverityTimeline', () => {
  it('draws labelled bars, moves between them with the arrow keys and jumps to a bar’s time', async () => {
    const jumpToTime = vi.fn().mockResolvedValue(undefined)
    useAppStore.setState({ jumpToTime })
    logs.histogram.mockResolvedValue({
      ok: true,
      value: { bucketSeconds: 60, buckets: [{ start: '2021-02-02T20:57:00.000Z', counts: { Startup: 20, Exception: 4 } }, { start: '2021-02-02T21:03:00.000Z', counts: { Information: 4 } }] }
    })
    render(<SeverityTimeline owner="c1" />)
    const first = await screen.findByRole('button', { name: '20:57 to 20:58: 4 errors, 20 start-up and shutdown' })
    const second = screen.getByRole('button', { name: '21:03 to 21:04: 4 information' })
    expect(first.getAttribute('tabindex')).toBe('0')
    expect(second.getAttribute('tabindex')).toBe('-1')
    expect(screen.getByText('24')).toBeTruthy() // the vertical axis is labelled with the busiest bar
    first.focus()
    fireEvent.keyDown(first, { key: 'ArrowRight' })
    await waitFor(() => expect(second.getAttribute('tabindex')).toBe('0'))
    fireEvent.keyDown(second, { key: 'Enter' })
    expect(jumpToTime).toHaveBeenCalledWith('c1', '2021-02-02T21:03:00.000Z')
    fireEvent.click(first)
    expect(jumpToTime).toHaveBeenLastCalledWith('c1', '2021-02-02T20:57:00.000Z')
  })
})

describe('RecordDetails', () => {
  it('explains each message ID of the selected line with the knowledge base, and pins it', () => {
    const record: AuditRecord = {
      input: 0, firstLine: 11, lastLine: 11, format: 'console', audit: true, time: '2021-02-02T20:57:50Z', server: 'exchangeDL01', severity: 'Exception',
      connector: 'OakDeneLandingAreaFilesMonitor', messageId: 'INTEGRATION-DAEMON-SERVICES-0031', messageIds: ['INTEGRATION-DAEMON-SERVICES-0031', 'OMAG-MULTI-TENANT-404-001', 'XYZ-999-001'],
      text: 'The integration connector OakDeneLandingAreaFilesMonitor method initialize has returned with an exception'
    }
    useAppStore.setState({ logs: { c1: { ...useAppStore.getState().logs.c1!, selected: 10, selectedRecord: record } } })
    render(<RecordDetails owner="c1" />)
    const meanings = screen.getByRole('region', { name: 'What the message IDs mean' })
    expect(within(meanings).getByText('The metadata server is not running on the platform that was called.')).toBeTruthy()
    expect(within(meanings).getByText(/Start the metadata server/)).toBeTruthy()
    expect(within(meanings).getByText(/Not in Daemon Doctor’s catalogue/)).toBeTruthy()
    expect(screen.getByText('exchangeDL01.log, line 11')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: /Pin as evidence/ }))
    expect(useAppStore.getState().logs.c1!.pins.map((pin) => pin.key)).toEqual(['0:11'])
    expect(screen.getByRole('button', { name: /Pinned as evidence/ }).getAttribute('aria-pressed')).toBe('true')
  })
})

describe('LogSourcePicker', () => {
  it('analyses pasted text, and rejects binary content with a clear message', async () => {
    logs.openText.mockResolvedValue({ ok: true, value: session })
    render(<LogSourcePicker owner="offline" />)
    const paste = screen.getByLabelText('Paste log text')
    fireEvent.change(paste, { target: { value: 'PNG\u0000\u0000binary' } })
    fireEvent.click(screen.getByRole('button', { name: 'Analyse the pasted text' }))
    expect((await screen.findByRole('alert')).textContent).toContain('The pasted text is not a text log (it holds binary data).')
    expect(logs.openText).not.toHaveBeenCalled()
    fireEvent.change(paste, { target: { value: 'Tue Feb 02 20:57:50 GMT 2021 exchangeDL01 Startup OMRS-AUDIT-0064 ready' } })
    fireEvent.click(screen.getByRole('button', { name: 'Analyse the pasted text' }))
    await waitFor(() => expect(logs.openText).toHaveBeenCalledWith('Tue Feb 02 20:57:50 GMT 2021 exchangeDL01 Startup OMRS-AUDIT-0064 ready', 'Pasted log'))
    await waitFor(() => expect(useAppStore.getState().logs.offline!.session).toEqual(session))
  })

  it('asks for a path before opening by path', async () => {
    render(<LogSourcePicker owner="offline" />)
    fireEvent.click(screen.getByRole('button', { name: 'Open' }))
    expect((await screen.findByRole('alert')).textContent).toContain('Type the path of a log file')
    expect(logs.open).not.toHaveBeenCalled()
  })
})

describe('LogOpeningProgress', () => {
  it('shows the bytes read of the total while a log opens, and cancels from the button or Escape', () => {
    const cancelLogOpening = vi.fn().mockResolvedValue(undefined)
    const view = { opening: true, openId: 'open-1', progress: { bytesRead: 300 * 1048576, totalBytes: 1024 * 1048576 }, version: 0, filters: { severities: [] }, search: { pattern: '', ignoreCase: true, onlyMatching: false, context: 2 }, reveal: 0, announcement: '', pins: [] }
    useAppStore.setState({ cancelLogOpening, logs: { offline: view } })
    render(<LogOpeningProgress owner="offline" what="the log" />)
    const bar = screen.getByRole('progressbar', { name: 'Part of the log read' })
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual([String(300 * 1048576), String(1024 * 1048576)])
    expect(screen.getByRole('status').textContent).toContain('300 of 1024 MB read (29%).')
    fireEvent.click(screen.getByRole('button', { name: /Cancel/ }))
    fireEvent.keyDown(window, { key: 'Escape' })
    expect(cancelLogOpening.mock.calls).toEqual([['offline'], ['offline']])
  })

  it('shows nothing once the log is open', () => {
    render(<LogOpeningProgress owner="c1" what="the log" />)
    expect(screen.queryByRole('progressbar')).toBeNull()
  })
})

describe('RelatedLogLines', () => {
  it('shows, when opened, the connector’s records around its last status change, each one click from step 1', async () => {
    const line = (firstLine: number, severity: string, messageId: string): AuditRecord => ({
      input: 0, firstLine, lastLine: firstLine, format: 'console', audit: true, time: '2021-02-02T20:57:50Z', severity, messageId, messageIds: [messageId], connector: 'OakDeneLandingAreaDatabaseMonitor', text: `line ${firstLine}`
    })
    logs.locate.mockResolvedValue({ ok: true, value: { total: 3, position: 1 } })
    logs.records.mockResolvedValue({ ok: true, value: { total: 3, offset: 0, records: [line(19, 'Startup', 'INTEGRATION-DAEMON-SERVICES-0008'), line(20, 'Exception', 'INTEGRATION-DAEMON-SERVICES-0031'), line(25, 'Information', 'INTEGRATION-DAEMON-SERVICES-0041')] } })
    const revealEvidence = vi.fn().mockResolvedValue(true)
    useAppStore.setState({ revealEvidence, view: { kind: 'flow', connectionId: 'c1', step: 'status' } })
    const { container } = render(
      <>
        <RelatedLogLines connector="OakDeneLandingAreaDatabaseMonitor" lastStatusChange="2021-02-02T20:57:50Z" />
        <RelatedLogLines connector="NotInTheLog" lastStatusChange="2021-02-02T20:57:50Z" />
      </>
    )
    expect(container.querySelectorAll('details')).toHaveLength(1)
    expect(logs.locate).not.toHaveBeenCalled()
    fireEvent.click(screen.getByText('Audit log around the last status change'))
    const exception = await screen.findByRole('button', { name: /Exception INTEGRATION-DAEMON-SERVICES-0031 line 20/ })
    expect(logs.locate).toHaveBeenCalledWith('s1', { kind: 'time', time: '2021-02-02T20:57:50Z' }, { connector: 'OakDeneLandingAreaDatabaseMonitor' })
    expect(logs.records).toHaveBeenCalledWith('s1', { connector: 'OakDeneLandingAreaDatabaseMonitor', offset: 0, limit: 6 })
    expect(exception.closest('li')!.className).toBe('anchor')
    fireEvent.click(exception)
    expect(useAppStore.getState().view).toEqual({ kind: 'flow', connectionId: 'c1', step: 'audit-log' })
    await waitFor(() => expect(revealEvidence).toHaveBeenCalledWith('c1', { input: 0, line: 20 }))
  })
})
