import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { DaemonStatus } from '../../../shared/models/daemon'

const calls = { active: 0, peak: 0, ids: [] as string[] }

vi.mock('../lib/api', () => ({
  api: {
    daemon: {
      async status(connectionId: string) {
        calls.active++
        calls.peak = Math.max(calls.peak, calls.active)
        calls.ids.push(connectionId)
        await new Promise((resolve) => setTimeout(resolve, 5))
        calls.active--
        if (connectionId === 'down') return { ok: false, error: { code: 'unavailable', message: 'connection refused' } }
        const status: Partial<DaemonStatus> = { server: connectionId, counts: { total: 2, failed: 1, healthy: 1, other: 0 } }
        return { ok: true, value: status }
      }
    }
  }
}))

const { useAppStore } = await import('./index')

describe('checkHealth', () => {
  beforeEach(() => {
    calls.active = 0
    calls.peak = 0
    calls.ids = []
    useAppStore.setState({ daemons: {} })
  })

  it('reads every daemon once, at most four at a time, keeping failures per daemon', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'down', 'h', 'i']
    await useAppStore.getState().checkHealth(ids)
    expect([...calls.ids].sort()).toEqual([...ids].sort())
    expect(calls.peak).toBe(4)
    const daemons = useAppStore.getState().daemons
    expect(daemons.a?.status?.counts.failed).toBe(1)
    expect(daemons.down?.error?.message).toBe('connection refused')
    expect(Object.values(daemons).every((view) => !view.loading)).toBe(true)
  })

  it('skips a daemon whose read is already under way', async () => {
    useAppStore.setState({ daemons: { busy: { loading: true, changed: [], probing: false } } })
    await useAppStore.getState().checkHealth(['busy', 'a'])
    expect(calls.ids).toEqual(['a'])
  })
})
