import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { tempDir } from '../../../tests/temp-dir'
import { ConnectionService } from './connection-service'
import { createMemorySecretStore } from './secret-store'

const destination = { kind: 'postgres' as const, host: 'db.example.com', port: 5432, database: 'egeria_audit', user: 'auditreader', tls: 'verify' as const, server: 'integration-daemon' }

describe('a connection keeps its audit database or topic', () => {
  it('saves the destination in the settings and its password only in the secret store; a form save keeps it; removal forgets both', () => {
    const dir = tempDir()
    const secrets = createMemorySecretStore()
    const service = new ConnectionService({ dataDir: dir, secrets, emit: vi.fn() })
    const created = service.save({ name: 'Coco', platformUrl: 'https://localhost:9443', serverName: 'exchangeDL01', userId: 'garygeeke', egeriaVersion: 'auto', tls: { mode: 'system' }, environment: 'prod', readOnly: false })
    const kept = service.setAuditDestination(created.id, destination, 'reader-secret')
    expect(kept).toMatchObject({ auditDestination: destination, hasAuditDestinationPassword: true, hasPassword: false })
    expect(service.auditDestinationPassword(created.id)).toBe('reader-secret')
    const onDisk = readFileSync(join(dir, 'connections.json'), 'utf8')
    expect(onDisk).toContain('egeria_audit')
    expect(onDisk).not.toContain('reader-secret')

    // The connection form sends the destination back with the other fields; the password stays.
    const { id, name, platformUrl, serverName, userId, egeriaVersion, tls, environment, readOnly, auditDestination } = kept
    expect(service.save({ id, name: `${name} (prod)`, platformUrl, serverName, userId, egeriaVersion, tls, environment, readOnly, auditDestination })).toMatchObject({ auditDestination: destination, hasAuditDestinationPassword: true })
    expect(service.setAuditDestination(created.id, destination)).toMatchObject({ hasAuditDestinationPassword: true })
    expect(service.setAuditDestination(created.id, destination, null)).toMatchObject({ hasAuditDestinationPassword: false })

    service.setAuditDestination(created.id, destination, 'reader-secret')
    expect(service.setAuditDestination(created.id, null).auditDestination).toBeUndefined()
    expect(service.auditDestinationPassword(created.id)).toBeUndefined()
    service.setAuditDestination(created.id, destination, 'reader-secret')
    service.remove(created.id)
    expect(service.auditDestinationPassword(created.id)).toBeUndefined()
  })
})
