/** A saved connection to a running simulator's daemon, as the services' tests need it. */
import type { Connection } from '../../src/shared/models/connection'

export function simulatorConnection(running: { url: string; servers: readonly { name: string }[] }, overrides: Partial<Connection> = {}): Connection {
  return {
    id: 'c1',
    name: 'Coco exchange',
    platformUrl: running.url,
    serverName: running.servers[0]!.name,
    userId: 'garygeeke',
    egeriaVersion: 'auto',
    tls: { mode: 'insecure' },
    environment: 'dev',
    readOnly: false,
    hasPassword: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides
  }
}
