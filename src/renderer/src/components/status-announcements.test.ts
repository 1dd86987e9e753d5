import { describe, expect, it } from 'vitest'
import type { ConnectorState, StatusSnapshot } from '../../../shared/models/daemon'
import { StatusMemory, summariseChanges } from './status-announcements'

function snapshot(statuses: Record<string, string>, changed: string[], extra: Partial<StatusSnapshot> = {}): StatusSnapshot {
  const connectors = Object.entries(statuses).map(([name, status]) => ({ name, status, refreshOverdue: false, failingMessageIds: [] }) as ConnectorState)
  return {
    connectionId: 'c1',
    changed,
    at: '2025-01-01T00:00:00.000Z',
    status: { server: 'd', platformUrl: 'http://127.0.0.1', egeria: 5, fetchedAt: '2025-01-01T00:00:00.000Z', services: [], groups: [], connectors, counts: { total: connectors.length, failed: 0, healthy: 0, other: 0 } },
    ...extra
  }
}

describe('status announcements', () => {
  it('takes the first snapshot as a baseline, then names each change with where it came from', () => {
    const memory = new StatusMemory()
    expect(memory.apply(snapshot({ A: 'RUNNING', B: 'FAILED' }, []))).toEqual({ changes: [] })
    const { changes } = memory.apply(snapshot({ A: 'FAILED', B: 'RUNNING' }, ['A', 'B']))
    expect(changes).toEqual([
      { connectionId: 'c1', name: 'A', from: 'RUNNING', to: 'FAILED' },
      { connectionId: 'c1', name: 'B', from: 'FAILED', to: 'RUNNING' }
    ])
    expect(summariseChanges(changes)).toBe('A is now FAILED. B recovered and is RUNNING.')
  })

  it('counts instead of naming when many connectors change at once', () => {
    const changes = [
      ...['A', 'B', 'C'].map((name) => ({ connectionId: 'c1', name, from: 'FAILED', to: 'RUNNING' })),
      { connectionId: 'c1', name: 'D', from: 'RUNNING', to: 'FAILED' },
      { connectionId: 'c1', name: 'E', from: 'RUNNING', to: 'STOPPED' }
    ]
    expect(summariseChanges(changes, 'Demo daemon')).toBe('Demo daemon: 3 connectors recovered, 1 connector now failing, 1 connector changed status.')
  })

  it('says a connector that changed and changed back nothing, and one that changed twice once', () => {
    expect(summariseChanges([
      { connectionId: 'c1', name: 'A', from: 'RUNNING', to: 'FAILED' },
      { connectionId: 'c1', name: 'A', from: 'FAILED', to: 'RUNNING' }
    ])).toBeUndefined()
    expect(summariseChanges([
      { connectionId: 'c1', name: 'A', from: 'FAILED', to: 'RESTARTING' },
      { connectionId: 'c1', name: 'A', from: 'RESTARTING', to: 'RUNNING' }
    ])).toBe('A recovered and is RUNNING.')
  })

  it('announces a failing connector whose error changed', () => {
    const memory = new StatusMemory()
    const failing = () => snapshot({ A: 'FAILED' }, ['A'])
    const first = failing()
    first.status!.connectors[0]!.failingMessageId = 'OMAG-MULTI-TENANT-404-001'
    memory.apply(first)
    const second = failing()
    second.status!.connectors[0]!.failingMessageId = 'BASIC-FILES-INTEGRATION-CONNECTORS-404-001'
    const { changes } = memory.apply(second)
    expect(summariseChanges(changes)).toBe('A is still FAILED, now with BASIC-FILES-INTEGRATION-CONNECTORS-404-001.')
    expect(memory.apply(second).changes).toEqual([])
  })

  it('reports a read error once until it changes or clears, and a removed connector', () => {
    const memory = new StatusMemory()
    memory.apply(snapshot({ A: 'RUNNING', B: 'RUNNING' }, []))
    expect(memory.apply({ connectionId: 'c1', changed: [], at: 'x', error: 'ECONNREFUSED' })).toEqual({ changes: [], error: 'ECONNREFUSED' })
    expect(memory.apply({ connectionId: 'c1', changed: [], at: 'x', error: 'ECONNREFUSED' })).toEqual({ changes: [] })
    const { changes } = memory.apply(snapshot({ A: 'RUNNING' }, ['B']))
    expect(summariseChanges(changes)).toBe('B is no longer reported.')
  })
})
