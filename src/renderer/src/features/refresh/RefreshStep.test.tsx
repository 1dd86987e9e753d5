import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Connection } from '../../../../shared/models/connection'
import type { ActionReport } from '../../../../shared/models/daemon'
import { COCO_DATABASE, COCO_FILES, COCO_WRONG_TYPE, connector, statusOf } from '../../../../../tests/support/coco-status'
import { emptyActions } from '../../store/actions-slice'

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
const { RefreshStep } = await import('./RefreshStep')

const connection: Connection = {
  id: 'c1',
  name: 'Coco exchange',
  platformUrl: 'http://127.0.0.1:9443',
  serverName: 'exchangeDL01',
  userId: 'garygeeke',
  egeriaVersion: 'auto',
  tls: { mode: 'insecure' },
  environment: 'test',
  readOnly: false,
  hasPassword: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z'
}
const BEFORE = '2021-02-02T21:01:11.399+00:00'
const AFTER = '2021-02-02T21:11:11.399+00:00'
const recovered = COCO_FILES.slice(0, 2)

function refreshReport(): ActionReport {
  return {
    id: 'f1',
    action: 'refresh',
    scope: { kind: 'connectors', names: recovered },
    startedAt: '2026-11-22T02:00:00.000Z',
    finishedAt: '2026-11-22T02:00:05.000Z',
    calls: recovered.map((name) => ({ call: `refresh ${name}`, ok: true })),
    settle: 'settled',
    connectors: [
      { name: recovered[0]!, before: 'RUNNING', after: 'RUNNING', beforeRefreshTime: BEFORE, afterRefreshTime: AFTER, outcome: 'unchanged', verdict: 'unchanged' },
      {
        name: recovered[1]!,
        before: 'RUNNING',
        after: 'FAILED',
        afterMessageId: 'BASIC-FILES-INTEGRATION-CONNECTORS-404-001',
        beforeRefreshTime: BEFORE,
        afterRefreshTime: BEFORE,
        outcome: 'now-failing',
        verdict: `${recovered[1]} was RUNNING and is now FAILED: the directory does not exist`
      }
    ],
    success: false,
    summary: 'Refresh did not fully work'
  }
}

beforeEach(() => {
  const status = statusOf([...COCO_FILES.map((name) => connector(name, 'RUNNING')), connector(COCO_DATABASE, 'FAILED', COCO_WRONG_TYPE)])
  api.daemon.status.mockResolvedValue({ ok: true, value: status })
  // The flow frame keeps the status watched; the step reads it from the store.
  const daemons = { c1: { status, loading: false, changed: [], probing: false } }
  useAppStore.setState({ connections: [connection], daemons, actions: { c1: { ...emptyActions, recovered } } })
})
afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

describe('the refresh step', () => {
  it('explains the cost, recommends what a restart recovered and warns about the connector still failing', async () => {
    render(<RefreshStep connectionId="c1" />)
    expect(await screen.findByText('Refresh is expensive: use it after an outage.')).toBeTruthy()
    const recommended = screen.getByRole('radio', { name: /Recommended: the 2 connectors recovered by a restart/ })
    expect(recommended).toHaveProperty('checked', true)
    // The wrong-type connector: restarting cannot help, so no way to Restart is offered for it.
    expect(screen.getByText(new RegExp(`1 connector still failing \\(${COCO_DATABASE}\\).*restarting this one cannot help`))).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Go to Restart' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Refresh 2 connectors…' })).toBeTruthy()

    fireEvent.click(screen.getByRole('radio', { name: /All healthy connectors \(3\)/ }))
    expect(screen.getByRole('button', { name: 'Refresh 3 connectors…' })).toBeTruthy()
    fireEvent.click(screen.getByRole('radio', { name: /An integration service/ }))
    fireEvent.change(screen.getByRole('combobox', { name: 'Integration service' }), { target: { value: 'database-integrator' } })
    expect(screen.getByRole('button', { name: 'Refresh 1 connector…' })).toBeTruthy()
  })

  it('runs after confirmation and shows refresh times moving, and the connector that failed during it', async () => {
    api.daemon.refresh.mockResolvedValue({ ok: true, value: refreshReport() })
    render(<RefreshStep connectionId="c1" />)
    fireEvent.click(await screen.findByRole('button', { name: 'Refresh 2 connectors…' }))
    const dialog = screen.getByRole('dialog', { name: 'Refresh 2 connectors on exchangeDL01?' })
    expect(within(dialog).getByText('Test')).toBeTruthy()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Refresh 2 connectors' }))
    const outcome = await screen.findByRole('region', { name: 'Refresh outcome' })
    expect(api.daemon.refresh).toHaveBeenCalledWith('c1', { kind: 'connectors', names: recovered })
    expect(within(outcome).getByText('1 of 2 connectors refreshed; 1 failed during the refresh.')).toBeTruthy()
    const rows = within(outcome).getAllByRole('row').slice(1)
    expect(rows.map((row) => row.getAttribute('data-moved'))).toEqual(['true', 'false'])
    expect(within(rows[0]!).getByText('moved 600 s on')).toBeTruthy()
    expect(within(rows[1]!).getByText('did not move')).toBeTruthy()
    expect(within(rows[1]!).getByText('Now failing')).toBeTruthy()
    expect(within(outcome).getByText(/is now FAILED: the directory does not exist/)).toBeTruthy()
  })

  it('offers nothing on a read-only connection', async () => {
    useAppStore.setState({ connections: [{ ...connection, readOnly: true }] })
    render(<RefreshStep connectionId="c1" />)
    expect(await screen.findByText(/read-only: refresh is turned off/)).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Refresh 2 connectors…' })).toHaveProperty('disabled', true)
  })
})
