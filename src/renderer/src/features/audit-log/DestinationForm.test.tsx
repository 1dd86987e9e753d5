import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'

const logs = vi.hoisted(() => ({ openDestination: vi.fn(), follow: vi.fn(), close: vi.fn() }))
const connections = vi.hoisted(() => ({ setAuditDestination: vi.fn() }))
vi.mock('../../lib/api', () => ({ api: { logs, connections } }))

const { useAppStore } = await import('../../store')
const { DestinationForm } = await import('./DestinationForm')
const { checkDraft, EMPTY_DRAFT } = await import('./destination-draft')

afterEach(() => {
  cleanup()
  vi.clearAllMocks()
  useAppStore.setState({ logs: {} })
})

describe('the audit database or topic form', () => {
  it('checks fields against the shared schema before sending anything', () => {
    expect(checkDraft({ ...EMPTY_DRAFT, port: '99999' })).toEqual({ ok: false, error: expect.objectContaining({ host: 'Host is required', port: 'Port is 1 to 65535', database: 'Database is required' }) })
    expect(checkDraft({ ...EMPTY_DRAFT, kind: 'kafka', brokers: 'b:9092', topic: 'egeria.omag.x.ffdc.audit-logs', saslUser: 'reader', from: 'earliest' })).toEqual({
      ok: true,
      value: { kind: 'kafka', brokers: 'b:9092', topic: 'egeria.omag.x.ffdc.audit-logs', tls: 'verify', saslUser: 'reader', saslMechanism: 'PLAIN', from: 'earliest' }
    })
    render(<DestinationForm owner="offline" />)
    fireEvent.click(screen.getByRole('button', { name: 'Read the audit database' }))
    expect(screen.getByText('Host is required')).toBeTruthy()
    expect(logs.openDestination).not.toHaveBeenCalled()
    expect(screen.queryByLabelText(/Save with this connection/)).toBeNull()
  })

  it('opens the database with the password for this reading, follows it, and saves it with the connection when asked', async () => {
    const session = { id: 's1', name: 'postgresql://reader@db:5432/audit', report: { inputs: [], causes: [], findings: [], connectors: [], servers: [], records: 0, auditRecords: 0, unparsedLines: 0, severityCounts: {} }, storedRecords: 0, droppedRecords: 0, following: false }
    logs.openDestination.mockResolvedValue({ ok: true, value: session })
    logs.follow.mockResolvedValue({ ok: true, value: { ...session, following: true } })
    connections.setAuditDestination.mockResolvedValue({ ok: true, value: {} })
    render(<DestinationForm owner="c1" />)
    fireEvent.change(screen.getByLabelText('Host'), { target: { value: 'db' } })
    fireEvent.change(screen.getByLabelText('Database'), { target: { value: 'audit' } })
    fireEvent.change(screen.getByLabelText('User'), { target: { value: 'reader' } })
    fireEvent.change(screen.getByLabelText('Password', { exact: true }), { target: { value: 'reader-secret' } })
    fireEvent.click(screen.getByLabelText(/Save with this connection/))
    fireEvent.click(screen.getByRole('button', { name: 'Read the audit database' }))
    const destination = { kind: 'postgres', host: 'db', port: 5432, database: 'audit', user: 'reader', tls: 'verify', since: '1d' }
    await waitFor(() => expect(connections.setAuditDestination).toHaveBeenCalledWith('c1', destination, 'reader-secret'))
    expect(logs.openDestination).toHaveBeenCalledWith(destination, 'reader-secret')
    expect(logs.follow).toHaveBeenCalledWith('s1')
    expect(useAppStore.getState().logs.c1?.source).toEqual({ kind: 'destination', destination })
  })
})
