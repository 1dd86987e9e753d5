import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Connection } from '../../../../shared/models/connection'

const api = vi.hoisted(() => ({ daemon: { configuration: vi.fn() } }))
vi.mock('../../lib/api', () => ({ api }))

const { useAppStore } = await import('../../store')
const { ConfigurationDialogHost } = await import('./ConfigurationLinks')

const connection = { id: 'c1', name: 'Coco exchange', serverName: 'exchangeDL01', environment: 'dev', readOnly: false } as Connection
const NOT_ON_3 =
  "Egeria 3.x cannot show or change a connector's configuration through the daemon's connector API (4.1+): change the configuration document, then restart the daemon"

async function openFor(error: { code: string; message: string }): Promise<void> {
  api.daemon.configuration.mockResolvedValue({ ok: false, error })
  useAppStore.setState({ connections: [connection], configurations: {} })
  render(<ConfigurationDialogHost connectionId="c1" />)
  await useAppStore.getState().openConfiguration('c1', 'Files1')
}

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
})

describe('the configuration dialog', () => {
  it('says what a 3.x daemon cannot do as information, with its icon and words, never as an alert', async () => {
    await openFor({ code: 'unsupported', message: NOT_ON_3 })
    const notice = await screen.findByRole('status')
    expect(notice.textContent).toBe(`ℹ Not available on this version: ${NOT_ON_3}.`)
    expect(notice.className).toBe('callout info')
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('keeps a failed read an error, announced at once', async () => {
    await openFor({ code: 'unavailable', message: 'Nothing is listening on 127.0.0.1:9443' })
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toBe('✖ Nothing is listening on 127.0.0.1:9443')
    expect(alert.className).toBe('callout error')
  })
})
