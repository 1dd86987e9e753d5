import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Connection } from '../../../../shared/models/connection'

const connections = vi.hoisted(() => ({ save: vi.fn(), list: vi.fn() }))
vi.mock('../../lib/api', () => ({ api: { connections } }))

const { useAppStore } = await import('../../store')
const { ConnectionForm } = await import('./ConnectionForm')

const LAB: Connection = {
  id: '7d5c1a52-8c1e-4c5e-9f3b-2f0f3a9e6d11',
  name: 'Lab daemon',
  platformUrl: 'http://egeria.lab:9443',
  serverName: 'integration-daemon',
  userId: 'garygeeke',
  egeriaVersion: '6',
  tls: { mode: 'system' },
  environment: 'dev',
  readOnly: false,
  hasPassword: true,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z'
}

const warning = (): HTMLElement | null => screen.queryByText(/sends the password unencrypted/)

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
  useAppStore.setState({ connections: [] })
})

describe('the connection form', () => {
  it('warns, before saving, that an Egeria 6 or auto login over plain http sends the password unencrypted', async () => {
    connections.save.mockResolvedValue({ ok: true, value: { ...LAB, id: undefined, name: 'New lab' } })
    connections.list.mockResolvedValue({ ok: true, value: [] })
    render(<ConnectionForm />)
    fireEvent.change(screen.getByLabelText('Display name'), { target: { value: 'New lab' } })
    fireEvent.change(screen.getByLabelText('Integration daemon server name'), { target: { value: 'integration-daemon' } })
    fireEvent.change(screen.getByLabelText('Password (optional)'), { target: { value: 'secret' } })
    expect(warning()).toBeNull() // https:// by default

    fireEvent.change(screen.getByLabelText('Platform root URL'), { target: { value: 'http://egeria.lab:9443' } })
    expect(warning()).not.toBeNull() // auto may detect Egeria 6
    fireEvent.change(screen.getByLabelText('Egeria version'), { target: { value: '5' } })
    expect(warning()).toBeNull()
    fireEvent.change(screen.getByLabelText('Egeria version'), { target: { value: '6' } })
    expect(warning()).not.toBeNull()
    fireEvent.change(screen.getByLabelText('Password (optional)'), { target: { value: '' } })
    expect(warning()).toBeNull() // no password, nothing to leak
    fireEvent.change(screen.getByLabelText('Password (optional)'), { target: { value: 'secret' } })
    expect(connections.save).not.toHaveBeenCalled()

    // A warning, not a refusal: the operator may still save a lab connection.
    fireEvent.click(screen.getByRole('button', { name: 'Save connection' }))
    await waitFor(() => expect(connections.save).toHaveBeenCalledTimes(1))
    expect(connections.save.mock.calls[0]![0]).toMatchObject({ platformUrl: 'http://egeria.lab:9443', egeriaVersion: '6', password: 'secret' })
  })

  it('warns about a saved password too, until it is removed or the URL is https', () => {
    useAppStore.setState({ connections: [LAB] })
    render(<ConnectionForm connectionId={LAB.id} />)
    expect(warning()).not.toBeNull()
    fireEvent.click(screen.getByLabelText('Remove the saved password'))
    expect(warning()).toBeNull()
    fireEvent.click(screen.getByLabelText('Remove the saved password'))
    expect(warning()).not.toBeNull()
    fireEvent.change(screen.getByLabelText('Platform root URL'), { target: { value: 'https://egeria.lab:9443' } })
    expect(warning()).toBeNull()
  })
})
