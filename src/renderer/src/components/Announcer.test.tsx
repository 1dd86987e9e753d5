import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { FakeRendererApi } from '../../../../tests/support/fake-renderer-api'
import type { ConnectorState, StatusSnapshot } from '../../../shared/models/daemon'
import * as apiModule from '../lib/api'
import { useAppStore } from '../store'
import { Announcer } from './Announcer'

vi.mock('../lib/api', async () => {
  const { createFakeRendererApi } = await import('../../../../tests/support/fake-renderer-api')
  const fake = createFakeRendererApi()
  return { api: fake.api, fake }
})
const fake = (apiModule as unknown as { fake: FakeRendererApi }).fake

function snapshot(statuses: Record<string, string>, changed: string[]): StatusSnapshot {
  const connectors = Object.entries(statuses).map(([name, status]) => ({ name, status, refreshOverdue: false, failingMessageIds: [] }) as ConnectorState)
  return {
    connectionId: 'c1', changed, at: 'now',
    status: { server: 'd', platformUrl: 'http://127.0.0.1', egeria: 5, fetchedAt: 'now', services: [], groups: [], connectors, counts: { total: 1, failed: 0, healthy: 0, other: 0 } }
  }
}

beforeEach(() => {
  vi.useFakeTimers()
  useAppStore.setState({ announcement: undefined, view: { kind: 'flow', connectionId: 'c1', step: 'status' } })
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

describe('Announcer', () => {
  it('is one polite, atomic status region', () => {
    render(<Announcer />)
    const region = screen.getByRole('status')
    expect(region.getAttribute('aria-live')).toBe('polite')
    expect(region.getAttribute('aria-atomic')).toBe('true')
  })

  it('merges snapshots that arrive close together into one announcement', () => {
    render(<Announcer debounceMs={1000} />)
    act(() => fake.emit('daemon', 'snapshot', snapshot({ A: 'FAILED', B: 'FAILED', C: 'FAILED', D: 'FAILED' }, [])))
    act(() => fake.emit('daemon', 'snapshot', snapshot({ A: 'RUNNING', B: 'FAILED', C: 'FAILED', D: 'FAILED' }, ['A'])))
    act(() => void vi.advanceTimersByTime(500))
    expect(screen.getByRole('status').textContent).toBe('')
    act(() => fake.emit('daemon', 'snapshot', snapshot({ A: 'RUNNING', B: 'RUNNING', C: 'RUNNING', D: 'RUNNING' }, ['B', 'C', 'D'])))
    act(() => void vi.advanceTimersByTime(1000))
    expect(screen.getByRole('status').textContent).toBe('4 connectors recovered.')
  })

  it('names the daemon when it is not the one on screen, and says when its status cannot be read', () => {
    useAppStore.setState({ view: { kind: 'home' }, connections: [{ id: 'c1', name: 'Prod daemon' } as never] })
    render(<Announcer debounceMs={10} />)
    act(() => fake.emit('daemon', 'snapshot', snapshot({ OakDeneLandingAreaFilesMonitor: 'RUNNING' }, [])))
    act(() => fake.emit('daemon', 'snapshot', snapshot({ OakDeneLandingAreaFilesMonitor: 'FAILED' }, ['OakDeneLandingAreaFilesMonitor'])))
    act(() => void vi.advanceTimersByTime(10))
    expect(screen.getByRole('status').textContent).toBe('Prod daemon: OakDeneLandingAreaFilesMonitor is now FAILED.')
    act(() => fake.emit('daemon', 'snapshot', { connectionId: 'c1', changed: [], at: 'now', error: 'ECONNREFUSED' }))
    expect(screen.getByRole('status').textContent).toBe('The status of Prod daemon could not be read.')
  })

  it('speaks for other features through the store', () => {
    render(<Announcer />)
    act(() => useAppStore.getState().announce('Restart finished: 3 recovered'))
    expect(screen.getByRole('status').textContent).toBe('Restart finished: 3 recovered')
  })
})
