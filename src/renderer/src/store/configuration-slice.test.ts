import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ConnectorConfiguration } from '../../../shared/models/configuration'
import type { ActionReport } from '../../../shared/models/daemon'

const configuration = { connector: 'Files1', egeria: 6, configurationProperties: {}, maskedSecrets: [], changeable: { properties: true, endpoint: true }, notes: [], readAt: '2026-01-01T00:00:00Z' } as ConnectorConfiguration
const report = { action: 'configure', success: true, summary: 'worked' } as ActionReport
const api = {
  daemon: {
    configuration: vi.fn(async () => ({ ok: true, value: configuration })),
    configure: vi.fn(async () => ({ ok: true, value: report })),
    status: vi.fn(async () => ({ ok: false, error: { code: 'unavailable', message: 'not needed here' } }))
  }
}
vi.mock('../lib/api', () => ({ api }))

const { useAppStore } = await import('./index')

describe('configuration slice', () => {
  beforeEach(() => useAppStore.setState({ configurations: {} }))

  it('opens, changes, and closes completely', async () => {
    await useAppStore.getState().openConfiguration('c1', 'Files1')
    expect(useAppStore.getState().configurations.c1).toMatchObject({ connector: 'Files1', loading: false, configuration })
    await useAppStore.getState().changeConfiguration('c1', { connector: 'Files1', change: { kind: 'endpoint', address: 'new/dir' } })
    expect(api.daemon.configure).toHaveBeenCalledTimes(1)
    expect(useAppStore.getState().configurations.c1).toMatchObject({ changing: false, lastChange: report })
    useAppStore.getState().closeConfiguration('c1')
    expect(useAppStore.getState().configurations.c1).toEqual({ loading: false, changing: false })
  })

  it('keeps the daemon refusal as the change error', async () => {
    api.daemon.configure.mockResolvedValueOnce({ ok: false, error: { code: 'read-only', message: 'read-only' } } as never)
    await useAppStore.getState().openConfiguration('c1', 'Files1')
    expect(await useAppStore.getState().changeConfiguration('c1', { connector: 'Files1', change: { kind: 'properties', properties: { a: 1 } } })).toBeUndefined()
    expect(useAppStore.getState().configurations.c1?.changeError).toEqual({ code: 'read-only', message: 'read-only' })
  })
})
