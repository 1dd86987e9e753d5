import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Connection } from '../../../../shared/models/connection'
import type { ActionReport, ServerCheck } from '../../../../shared/models/daemon'
import { COCO_DATABASE, COCO_FILES, cocoStart, connector, statusOf } from '../../../../../tests/support/coco-status'

const api = vi.hoisted(() => ({
  daemon: {
    status: vi.fn(),
    watch: vi.fn(async () => ({ ok: true, value: [] })),
    checkServer: vi.fn(),
    restart: vi.fn(),
    refresh: vi.fn(),
    cancel: vi.fn(async () => ({ ok: true, value: true }))
  }
}))
vi.mock('../../lib/api', () => ({ api }))

const { useAppStore } = await import('../../store')
const { RestartStep } = await import('./RestartStep')
const { GuidanceBar } = await import('../flow/GuidanceBar')

const connection: Connection = {
  id: 'c1',
  name: 'Coco exchange',
  platformUrl: 'http://127.0.0.1:9443',
  serverName: 'exchangeDL01',
  userId: 'garygeeke',
  egeriaVersion: 'auto',
  tls: { mode: 'insecure' },
  environment: 'dev',
  readOnly: false,
  hasPassword: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z'
}

const serverCheck = (state: ServerCheck['state']): { ok: true; value: ServerCheck } => ({
  ok: true,
  value: { server: 'cocoMDS1', platformUrl: connection.platformUrl, state, verdict: `cocoMDS1 is ${state}`, checkedAt: '2026-11-22T02:00:00.000Z' }
})

function recoveredReport(names: string[]): ActionReport {
  return {
    id: 'r1',
    action: 'restart',
    scope: { kind: 'connectors', names },
    startedAt: '2026-11-22T02:00:00.000Z',
    finishedAt: '2026-11-22T02:00:03.000Z',
    calls: names.map((name) => ({ call: `restart ${name}`, ok: true })),
    settle: 'settled',
    connectors: names.map((name) => ({
      name,
      before: 'FAILED',
      after: 'RUNNING',
      beforeMessageId: 'OMAG-MULTI-TENANT-404-001',
      outcome: 'recovered',
      verdict: `${name} recovered: FAILED → RUNNING`
    })),
    success: true,
    summary: 'Restart worked'
  }
}

function renderStep(overrides: Partial<Connection> = {}, { withGuidance = false } = {}): void {
  // The flow frame keeps the status watched; the step reads it from the store.
  const daemons = { c1: { status: cocoStart(), loading: false, changed: [], probing: false } }
  useAppStore.setState({ connections: [{ ...connection, ...overrides }], daemons, actions: {} })
  render(
    <>
      {withGuidance && <GuidanceBar connectionId="c1" step="restart" />}
      <RestartStep connectionId="c1" />
    </>
  )
}

beforeEach(() => {
  api.daemon.status.mockResolvedValue({ ok: true, value: cocoStart() })
  api.daemon.checkServer.mockResolvedValue(serverCheck('inactive'))
})
afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

const restartButton = (): HTMLElement => screen.getByRole('button', { name: /^(Restart \d+ connectors?…|Nothing to restart yet)$/ })

describe('the restart step', () => {
  it('restarts the daemon itself once the operator says its configuration is corrected, after a typed confirmation', async () => {
    api.daemon.restart.mockResolvedValue({ ok: true, value: { ...recoveredReport([COCO_DATABASE]), scope: { kind: 'daemon' }, summary: 'Restart of the daemon worked' } })
    renderStep()
    const configuration = await screen.findByRole('listitem', { name: /Connector configuration: 1 connector/ })
    fireEvent.click(within(configuration).getByRole('checkbox', { name: /configuration has been corrected/ }))
    fireEvent.click(within(configuration).getByRole('button', { name: 'Restart the daemon…' }))
    const dialog = screen.getByRole('dialog', { name: 'Restart the daemon on exchangeDL01?' })
    expect(within(dialog).getByText(/The daemon stops, and every connector with it/)).toBeTruthy()
    const confirm = within(dialog).getByRole('button', { name: 'Restart the daemon' })
    expect(confirm).toHaveProperty('disabled', true) // the daemon's name must be typed
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: 'exchangeDL01' } })
    fireEvent.click(confirm)
    await waitFor(() => expect(api.daemon.restart).toHaveBeenCalledWith('c1', { kind: 'daemon' }))
  })

  it('blocks the metadata server’s connectors until the platform says it is active, and never offers the wrong-type one', async () => {
    renderStep()
    const metadata = await screen.findByRole('listitem', { name: /Metadata server cocoMDS1: 3 connectors/ })
    await within(metadata).findByText(/Blocked: cocoMDS1 is not active/)
    expect(restartButton()).toHaveProperty('disabled', true)
    const configuration = screen.getByRole('listitem', { name: /Connector configuration: 1 connector/ })
    // The connector itself is never offered: the one checkbox is the operator's word that the configuration changed.
    expect(within(configuration).queryAllByRole('checkbox').map((box) => box.closest('label')?.textContent)).toEqual([
      'The daemon’s configuration has been corrected (I changed it outside Daemon Doctor)'
    ])
    expect(within(configuration).getByText(/not selectable/i).parentElement?.textContent).toContain('OakDeneLandingAreaDatabaseMonitor')
    expect(within(configuration).getByText(/then restart the daemon/)).toBeTruthy()
    expect(within(configuration).getByRole('button', { name: 'Restart the daemon…' })).toHaveProperty('disabled', true)

    api.daemon.checkServer.mockResolvedValue(serverCheck('active'))
    fireEvent.click(within(metadata).getByRole('button', { name: 'Check again' }))
    await within(metadata).findByText(/Ready: restart proposed/)
    expect(restartButton().textContent).toBe('Restart 3 connectors…')
    expect(api.daemon.checkServer).toHaveBeenCalledWith('c1', 'cocoMDS1')

    // The operator can take a connector out of the proposal.
    fireEvent.click(within(metadata).getByRole('checkbox', { name: new RegExp(COCO_FILES[0]!) }))
    expect(restartButton().textContent).toBe('Restart 2 connectors…')
    fireEvent.click(screen.getByRole('button', { name: 'Back to the proposal' }))
    expect(restartButton().textContent).toBe('Restart 3 connectors…')
  })

  it('asks the operator when the platform cannot tell', async () => {
    api.daemon.checkServer.mockResolvedValue(serverCheck('unknown'))
    renderStep()
    const box = await screen.findByRole('checkbox', { name: /cocoMDS1 is running again/ })
    expect(restartButton()).toHaveProperty('disabled', true)
    fireEvent.click(box)
    expect(restartButton().textContent).toBe('Restart 3 connectors…')
  })

  it('confirms in a dialog naming daemon, environment and connectors, restarts them by name and draws before → after', async () => {
    api.daemon.checkServer.mockResolvedValue(serverCheck('active'))
    api.daemon.restart.mockResolvedValue({ ok: true, value: recoveredReport(COCO_FILES) })
    renderStep()
    await screen.findByText(/Ready: restart proposed/)
    fireEvent.click(restartButton())
    const dialog = screen.getByRole('dialog', { name: 'Restart 3 connectors on exchangeDL01?' })
    expect(within(dialog).getByText('Development')).toBeTruthy()
    expect(within(dialog).getByText('http://127.0.0.1:9443')).toBeTruthy()
    for (const name of COCO_FILES) expect(within(dialog).getByText(name)).toBeTruthy()

    api.daemon.status.mockResolvedValue({ ok: true, value: statusOf([...COCO_FILES.map((name) => connector(name, 'RUNNING')), cocoStart().connectors[3]!]) })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Restart 3 connectors' }))
    const outcome = await screen.findByRole('region', { name: 'Restart outcome: before and after' })
    expect(api.daemon.restart).toHaveBeenCalledWith('c1', { kind: 'connectors', names: expect.arrayContaining(COCO_FILES) })
    expect(within(outcome).getAllByRole('listitem')).toHaveLength(3)
    expect(within(outcome).getAllByText('Recovered')).toHaveLength(3)
    expect(within(outcome).getByText('Restart of 3 connectors worked: 3 recovered')).toBeTruthy()
    const next = await screen.findByRole('region', { name: 'Suggested next step' })
    expect(within(next).getByText(new RegExp(`${COCO_DATABASE} needs a configuration change`))).toBeTruthy()
    // The daemon restart still to come restarts the recovered connectors too: their refresh waits for it.
    expect(within(next).getByText('3 connectors recovered this session. Refresh the recovered connectors after the daemon restart, not before: it restarts them too. Refresh is step 4.')).toBeTruthy()
    expect(useAppStore.getState().actions.c1!.recovered).toEqual(COCO_FILES)
  })

  it('once a restart of the daemon has recovered every connector, the page offers the way to Refresh once, in the guidance bar', async () => {
    const all = [...COCO_FILES, COCO_DATABASE]
    api.daemon.restart.mockResolvedValue({ ok: true, value: { ...recoveredReport(all), scope: { kind: 'daemon' }, summary: 'Restart of the daemon worked' } })
    renderStep({}, { withGuidance: true })
    const configuration = await screen.findByRole('listitem', { name: /Connector configuration: 1 connector/ })
    fireEvent.click(within(configuration).getByRole('checkbox', { name: /configuration has been corrected/ }))
    fireEvent.click(within(configuration).getByRole('button', { name: 'Restart the daemon…' }))
    const dialog = screen.getByRole('dialog', { name: 'Restart the daemon on exchangeDL01?' })
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: 'exchangeDL01' } })
    api.daemon.status.mockResolvedValue({ ok: true, value: statusOf(all.map((name) => connector(name, 'RUNNING'))) })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Restart the daemon' }))

    const next = await screen.findByRole('region', { name: 'Suggested next step' })
    await within(next).findByText('No connector is failing any more.')
    expect(screen.getAllByRole('button', { name: /Refresh/ }).map((button) => button.textContent)).toEqual(['Go to step 4, Refresh →'])
    expect(screen.queryByText(/there is nothing to restart/)).toBeNull()
    expect(within(next).getByText('4 connectors recovered this session. Refresh the recovered connectors next: they may have missed changes during the outage. Refresh is step 4.')).toBeTruthy()
  })

  it('needs the daemon’s name typed for production and for "all"; Escape cancels', async () => {
    renderStep({ environment: 'prod' })
    await screen.findByText(/Blocked/)
    fireEvent.click(screen.getByRole('button', { name: 'Restart all connectors…' }))
    const dialog = screen.getByRole('dialog', { name: 'Restart all connectors on exchangeDL01?' })
    const confirm = within(dialog).getByRole('button', { name: 'Restart all connectors' })
    expect(confirm).toHaveProperty('disabled', true)
    fireEvent.change(within(dialog).getByLabelText(/Type the daemon’s name/), { target: { value: 'exchangeDL0' } })
    expect(confirm).toHaveProperty('disabled', true)
    fireEvent.change(within(dialog).getByLabelText(/Type the daemon’s name/), { target: { value: 'exchangeDL01' } })
    expect(confirm).toHaveProperty('disabled', false)
    fireEvent(dialog, new Event('cancel', { cancelable: true }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(api.daemon.restart).not.toHaveBeenCalled()
  })

  it('explains and disables actions on a read-only connection', async () => {
    api.daemon.checkServer.mockResolvedValue(serverCheck('active'))
    renderStep({ readOnly: true })
    await screen.findByText(/Ready: restart proposed/)
    expect(screen.getByRole('note', { name: '' }).textContent).toMatch(/read-only/)
    expect(restartButton()).toHaveProperty('disabled', true)
    expect(screen.getByRole('button', { name: 'Restart all connectors…' })).toHaveProperty('disabled', true)
  })

  it('shows progress while running, prevents a second action, and says what to do when the daemon is unreachable', async () => {
    api.daemon.checkServer.mockResolvedValue(serverCheck('active'))
    let finish: (value: unknown) => void = () => undefined
    api.daemon.restart.mockReturnValue(new Promise((resolve) => (finish = resolve)))
    renderStep()
    await screen.findByText(/Ready: restart proposed/)
    fireEvent.click(restartButton())
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Restart 3 connectors' }))
    const progress = await screen.findByRole('region', { name: 'Restarting in progress' })
    act(() => useAppStore.getState().applyProgress({ actionId: 'a', connectionId: 'c1', phase: 'calling', message: 'restart X…', done: 1, total: 3 }))
    expect(within(progress).getByText(/1 of 3 calls sent/)).toBeTruthy()
    expect(restartButton()).toHaveProperty('disabled', true)
    expect(screen.getByRole('button', { name: 'Restart all connectors…' })).toHaveProperty('disabled', true)
    expect(await useAppStore.getState().runDaemonAction('c1', 'refresh', { kind: 'all' }, [])).toBeUndefined()
    expect(api.daemon.refresh).not.toHaveBeenCalled()

    fireEvent.click(within(progress).getByRole('button', { name: 'Stop waiting' }))
    expect(api.daemon.cancel).toHaveBeenCalledWith('c1')
    await act(async () => finish({ ok: false, error: { code: 'unavailable', message: 'Nothing is listening on 127.0.0.1:9443' } }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toMatch(/Nothing is listening/)
    expect(alert.textContent).toMatch(/Check the connection/)
    await waitFor(() => expect(restartButton()).toHaveProperty('disabled', false))
  })
})
