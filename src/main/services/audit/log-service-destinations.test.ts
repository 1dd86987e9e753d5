/**
 * A log session over Egeria's PostgreSQL audit log destination, through the app's service: the same
 * analysis, viewer queries and live appends as a followed file, against a real PostgreSQL.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LogAppended } from '../../../shared/models/audit'
import { AUDIT_TABLES_DDL, connectAs, insertEvents, type AuditEvent } from '../../../../tests/support/egeria-audit-db'
import { startPostgres, type PostgresServer } from '../../../../tests/support/postgres-server'
import { openDestinationSource } from './destination-source'
import { LogService } from './log-service'

const SEED: AuditEvent[] = readFileSync('tests/fixtures/audit/seed-2021-startup.events.jsonl', 'utf8').trim().split('\n').map((line) => JSON.parse(line) as AuditEvent)

let db: PostgresServer
beforeAll(async () => {
  db = await startPostgres()
  db.psql('CREATE DATABASE audit')
  db.psql(AUDIT_TABLES_DDL(), 'audit')
  const client = await connectAs(db.url('audit'))
  await insertEvents(client, SEED.slice(0, 20))
  await client.end()
}, 120_000)
afterAll(async () => {
  await db?.stop()
})

describe('a log session over the PostgreSQL audit log destination', () => {
  it('opens, answers the viewer, follows new rows, reports an outage and closes its connection', async () => {
    const appended: LogAppended[] = []
    const logs = new LogService({ emit: (_namespace, _event, payload) => void appended.push(payload as LogAppended) })
    const destination = { kind: 'postgres' as const, host: '127.0.0.1', port: db.port, database: 'audit', user: db.user, tls: 'disable' as const }
    const session = await logs.openSources('audit db', [await openDestinationSource(destination, db.password)])
    try {
      expect(session.report.inputs[0]).toMatchObject({ format: 'postgres', records: 20 })
      expect(session.report.causes.length).toBeGreaterThan(0)
      const failures = logs.records(session.id, { severities: ['Exception'] })
      expect(failures.total).toBe(SEED.slice(0, 20).filter((event) => event.severity === 'Exception').length)
      const firstFailure = failures.records[0]!
      expect(logs.locate(session.id, { kind: 'line', input: 0, line: firstFailure.firstLine }).position).toBe(firstFailure.firstLine - 1)
      expect(logs.histogram(session.id).buckets.length).toBeGreaterThan(0)

      expect(logs.follow(session.id).following).toBe(true)
      const writer = await connectAs(db.url('audit'))
      await insertEvents(writer, SEED.slice(20))
      await writer.end()
      await waitFor(() => appended.reduce((sum, event) => sum + event.newRecords, 0) >= SEED.length - 20)
      expect(logs.records(session.id).total).toBe(SEED.length)
      expect(appended.at(-1)!.report.inputs[0]!.records).toBe(SEED.length)

      db.psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'daemon-doctor'")
      db.psql('ALTER DATABASE audit ALLOW_CONNECTIONS false')
      await waitFor(() => appended.some((event) => event.problem?.includes('has stopped for now')), 15_000)
      expect(logs.unfollow(session.id).problem).toBeUndefined()
      expect(logs.records(session.id).total).toBe(SEED.length)
      db.psql('ALTER DATABASE audit ALLOW_CONNECTIONS true')
    } finally {
      logs.close(session.id)
    }
    await waitFor(() => db.psql("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'daemon-doctor'").trim() === '0')
  })

  it('says what is wrong with a destination it cannot open', async () => {
    const logs = new LogService({ emit: () => undefined })
    const destination = { kind: 'postgres' as const, host: '127.0.0.1', port: db.port, database: 'audit', user: db.user, tls: 'disable' as const }
    await expect(openDestinationSource(destination, 'wrong')).rejects.toMatchObject({ code: 'unauthorized' })
    await expect(openDestinationSource({ ...destination, since: 'last tuesday' }, db.password)).rejects.toMatchObject({ code: 'invalid-input', fields: { since: expect.any(String) } })
    expect(logs.dispose()).toBeUndefined()
  })
})

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
