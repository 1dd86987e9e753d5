import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ConnectorState, DaemonStatus } from '../../../../shared/models/daemon'
import { useAppStore } from '../../store'
import { StatusStep } from './StatusStep'

vi.mock('../../lib/api', async () => {
  const { createFakeRendererApi } = await import('../../../../../tests/support/fake-renderer-api')
  return { api: createFakeRendererApi().api }
})

function estate(failed: number, healthy: number): DaemonStatus {
  const connector = (name: string, status: string): ConnectorState => ({ name, status, refreshOverdue: false, failingMessageIds: [] })
  const connectors = [
    ...Array.from({ length: healthy }, (_, i) => connector(`Healthy${String(i).padStart(4, '0')}`, 'RUNNING')),
    ...Array.from({ length: failed }, (_, i) => connector(`Failed${String(i).padStart(4, '0')}`, 'FAILED'))
  ]
  return {
    server: 'bigDaemon', platformUrl: 'https://x', egeria: 5, fetchedAt: new Date().toISOString(), services: [], groups: [], connectors,
    counts: { total: connectors.length, failed, healthy, other: 0 }
  }
}

const rows = (): HTMLElement[] => screen.queryAllByRole('row').filter((row) => row.classList.contains('connector-row'))

describe('StatusStep with a large estate', () => {
  beforeEach(() => {
    useAppStore.setState({ daemons: { c1: { status: estate(5, 445), loading: false, changed: [], probing: false } }, statusFilter: 'all', statusQuery: '' })
  })
  afterEach(cleanup)

  it('renders the first 200 rows, failed first, and the rest on request', () => {
    render(<StatusStep connectionId="c1" />)
    expect(rows()).toHaveLength(200)
    expect(rows()[0]!.textContent).toContain('Failed0000')
    expect(screen.getByText(/Showing the first 200 of 450 connectors/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Show 200 more' }))
    expect(rows()).toHaveLength(400)
    fireEvent.click(screen.getByRole('button', { name: 'Show all' }))
    expect(rows()).toHaveLength(450)
    expect(screen.queryByText(/Showing the first/)).toBeNull()
  })

  it('starts again from the first rows when the filter changes, and searches the whole estate', () => {
    render(<StatusStep connectionId="c1" />)
    fireEvent.click(screen.getByRole('button', { name: 'Show all' }))
    fireEvent.click(screen.getByRole('button', { name: /Healthy 445/ }))
    expect(rows()).toHaveLength(200)
    fireEvent.change(screen.getByLabelText('Search connectors'), { target: { value: 'Healthy0444' } })
    expect(rows()).toHaveLength(1)
  })
})
