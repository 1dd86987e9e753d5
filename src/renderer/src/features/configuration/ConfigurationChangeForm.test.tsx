import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ConnectorConfiguration } from '../../../../shared/models/configuration'
import type { Connection } from '../../../../shared/models/connection'
import { ConfigurationChangeForm } from './ConfigurationChangeForm'

const connection = { id: 'c1', name: 'Prod exchange', serverName: 'exchangeDL01', environment: 'prod', readOnly: false } as Connection
const configuration: ConnectorConfiguration = {
  connector: 'Files1',
  egeria: 6,
  group: 'Egeria:IntegrationGroup:Default',
  configurationProperties: { batch: 10 },
  endpointAddress: 'data/old',
  maskedSecrets: [],
  changeable: { properties: true, endpoint: true },
  notes: [],
  readAt: '2026-01-01T00:00:00.000Z'
}

afterEach(cleanup)

describe('the configuration change form', () => {
  it('shows the diff, refuses a malformed address, and on production needs the daemon name typed', () => {
    const onChange = vi.fn()
    render(<ConfigurationChangeForm connection={connection} configuration={configuration} busy={false} onChange={onChange} />)
    const submit = screen.getByRole('button', { name: 'Change and restart Files1' })
    const address = screen.getByLabelText(/New endpoint address/)
    expect(submit).toHaveProperty('disabled', true)
    expect(screen.getByRole('status').textContent).toMatch(/what the connector has now/)

    fireEvent.change(address, { target: { value: 'db.coco:port' } })
    expect(screen.getByRole('status').textContent).toMatch(/port in db\.coco:port must be a number/)
    expect(submit).toHaveProperty('disabled', true)

    fireEvent.change(address, { target: { value: 'jdbc:postgresql://db.coco:5432/sales' } })
    const diff = screen.getByRole('table', { name: 'What changes' })
    expect(diff.textContent).toContain('data/old')
    expect(diff.textContent).toContain('jdbc:postgresql://db.coco:5432/sales')
    expect(submit).toHaveProperty('disabled', true)
    fireEvent.change(screen.getByLabelText(/This is a production daemon/), { target: { value: 'exchangeDL01' } })
    fireEvent.click(submit)
    expect(onChange).toHaveBeenCalledWith({ kind: 'endpoint', address: 'jdbc:postgresql://db.coco:5432/sales' })
  })

  it('offers properties only where the endpoint cannot change, and nothing on a read-only connection', () => {
    render(<ConfigurationChangeForm connection={{ ...connection, environment: 'dev' }} configuration={{ ...configuration, egeria: 4, changeable: { properties: true, endpoint: false } }} busy={false} onChange={() => undefined} />)
    expect(screen.getByLabelText('Endpoint address')).toHaveProperty('disabled', true)
    expect(screen.getByLabelText('Configuration properties')).toHaveProperty('checked', true)
    fireEvent.change(screen.getByLabelText(/Properties to set/), { target: { value: 'batch=10\nwaitForDirectory=true' } })
    expect(screen.getByRole('table', { name: 'What changes' }).textContent).not.toContain('batch')
    cleanup()
    render(<ConfigurationChangeForm connection={{ ...connection, readOnly: true }} configuration={configuration} busy={false} onChange={() => undefined} />)
    expect(screen.getByText(/read-only: changing the configuration is turned off/)).toBeTruthy()
    expect(screen.queryByRole('button')).toBeNull()
  })
})
