/**
 * The PostgreSQL source against a real PostgreSQL (started here from Debian's packages), holding rows in
 * the schema of Egeria's PostgreSQL audit log destination, written from the seed story's audit events.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditRecord } from '../../../shared/models/audit'
import { AUDIT_TABLES_DDL, connectAs, insertEvents, type AuditEvent } from '../../../../tests/support/egeria-audit-db'
import { startPostgres, type PostgresServer } from '../../../../tests/support/postgres-server'
import { analyzeSources } from './analyze'
import { drain, openInput, type LiveFeed } from './log-reader'
import { openPostgresSource, parsePostgresUrl, type PostgresSourceOptions, type PostgresTarget } from './postgres-source'

const FIXTURE = 'tests/fixtures/audit/seed-2021-startup.events.jsonl'
const SEED: AuditEvent[] = readFileSync(FIXTURE, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as AuditEvent)

let db: PostgresServer
const target = (database: string, extra: Partial<PostgresTarget> = {}): PostgresTarget => ({ ...parsePostgresUrl(db.url(database)), ...extra })

async function readAll(database: string, options: PostgresSourceOptions = {}, extra: Partial<PostgresTarget> = {}): Promise<AuditRecord[]> {
  const source = await openPostgresSource(target(database, extra), 0, options)
  const records: AuditRecord[] = []
  try {
    await drain(source, { record: (record) => records.push(record) })
  } finally {
    await source.close?.()
  }
  return records
}

beforeAll(async () => {
  db = await startPostgres()
  db.psql('CREATE DATABASE audit')
  db.psql(AUDIT_TABLES_DDL(), 'audit')
  const client = await connectAs(db.url('audit'))
  await insertEvents(client, SEED)
  await client.end()
}, 120_000)

afterAll(async () => {
  await db?.stop()
})

describe('the PostgreSQL audit log destination as a log source', () => {
  it('gives the same records, connectors, findings and causes as the same events in a JSON-lines file', async () => {
    const fromFile = await analyzeSources([await openInput(FIXTURE, 0)])
    const source = await openPostgresSource(target('audit'), 0)
    const fromDatabase = await analyzeSources([source])
    await source.close?.()
    expect(fromDatabase.inputs[0]).toMatchObject({ format: 'postgres', records: SEED.length, auditRecords: SEED.length, unparsedLines: 0 })
    expect(fromDatabase.causes.length).toBeGreaterThan(0)
    expect(fromDatabase.causes).toEqual(fromFile.causes)
    expect(fromDatabase.findings).toEqual(fromFile.findings)
    expect(fromDatabase.connectors).toEqual(fromFile.connectors)
    expect(fromDatabase.severityCounts).toEqual(fromFile.severityCounts)
    expect(fromDatabase.servers).toEqual(['exchangeDL01'])
  })

  it('pages with keysets: every row once, in time order, whatever the page size', async () => {
    const records = await readAll('audit', { pageSize: 4 })
    expect(records.map((record) => record.guid)).toEqual(SEED.map((event) => event.guid))
    expect(records.map((record) => record.firstLine)).toEqual(SEED.map((_, index) => index + 1))
  })

  it('pushes the server, time range, severity and message-ID filters down to SQL', async () => {
    const failures = await readAll('audit', { severities: ['Exception', 'Error'], messageIds: ['INTEGRATION-DAEMON-SERVICES-0031', 'OMIS-DATABASE-INTEGRATOR-400-001'] })
    const expected = SEED.filter((event) => ['Exception', 'Error'].includes(event.severity) && ['INTEGRATION-DAEMON-SERVICES-0031', 'OMIS-DATABASE-INTEGRATOR-400-001'].includes(event.messageId))
    expect(expected.length).toBeGreaterThan(3)
    expect(failures.map((record) => record.guid)).toEqual(expected.map((event) => event.guid))
    expect(await readAll('audit', { severities: ['Startup'], messageIds: ['INTEGRATION-DAEMON-SERVICES-0031'] })).toEqual([])
    const since = new Date(SEED[10]!.timeStamp).toISOString()
    const until = new Date(SEED[20]!.timeStamp).toISOString()
    expect((await readAll('audit', { since, until })).map((record) => record.guid)).toEqual(SEED.slice(10, 20).map((event) => event.guid))
    expect(await readAll('audit', { server: 'cocoMDS1' })).toEqual([])
    expect((await readAll('audit', { server: 'exchangeDL01' })).length).toBe(SEED.length)
  })

  it('joins the exception detail that the destination keeps apart in al_egeria_exceptions', async () => {
    db.psql('CREATE DATABASE apart')
    db.psql(AUDIT_TABLES_DDL(), 'apart')
    const failure: AuditEvent = {
      guid: 'a1b2c3d4-0000-4000-8000-000000000001', timeStamp: Date.UTC(2026, 0, 5, 10, 0, 0, 123), originator: { serverName: 'integration-daemon' },
      severityCode: 6, severity: 'Exception', messageId: 'OMRS-AUDIT-0006', messageText: 'The connector to the event bus failed',
      exceptionClassName: 'org.odpi.openmetadata.frameworks.connectors.ffdc.ConnectorCheckedException',
      exceptionMessage: 'OCF-KAFKA-TOPIC-CONNECTOR-400-002 Kafka is not running',
      exceptionStackTrace: 'ConnectorCheckedException{reportedErrorMessageId=\'OCF-KAFKA-TOPIC-CONNECTOR-400-002\'}\n\tat org.odpi.Kafka.start(Kafka.java:10)'
    }
    const client = await connectAs(db.url('apart'))
    await insertEvents(client, [failure], { detailApart: true })
    await client.end()
    expect(db.psql("SELECT count(*) FROM al_audit_events WHERE exception_class_name IS NULL", 'apart').trim()).toBe('1')
    const [record] = await readAll('apart')
    expect(record).toMatchObject({ severity: 'Exception', exceptionClass: failure.exceptionClassName, exceptionMessage: failure.exceptionMessage, time: '2026-01-05T10:00:00.123Z' })
    expect(record!.stackTrace?.[1]).toBe('\tat org.odpi.Kafka.start(Kafka.java:10)')
    expect(record!.messageIds).toContain('OCF-KAFKA-TOPIC-CONNECTOR-400-002')
  })

  it('follows new rows live, including a row that committed late behind newer ones, never repeating one', async () => {
    db.psql('CREATE DATABASE live')
    db.psql(AUDIT_TABLES_DDL(), 'live')
    const writer = await connectAs(db.url('live'))
    await insertEvents(writer, SEED.slice(0, 10))
    const source = await openPostgresSource(target('live'), 0, { pollMs: 100, pageSize: 3 })
    const initial: AuditRecord[] = []
    await drain(source, { record: (record) => initial.push(record) })
    const arrived: AuditRecord[] = []
    const feed: LiveFeed = source.follow!({ records: (records) => arrived.push(...records), problem: () => undefined })
    try {
      await insertEvents(writer, [...SEED.slice(11, 20)])
      await waitFor(() => arrived.length >= 9)
      // A record stamped before the newest one, committed after it (another server's clock, a slow transaction).
      await insertEvents(writer, [SEED[10]!])
      await waitFor(() => arrived.length >= 10)
      await new Promise((resolve) => setTimeout(resolve, 400))
    } finally {
      await feed.stop()
      await source.close?.()
      await writer.end()
    }
    expect(initial.map((record) => record.guid)).toEqual(SEED.slice(0, 10).map((event) => event.guid))
    expect(arrived.map((record) => record.guid).sort()).toEqual(SEED.slice(10, 20).map((event) => event.guid).sort())
    expect(arrived.map((record) => record.firstLine)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20])
  })
})

describe('the PostgreSQL source on bad input and faults', () => {
  it('says nothing listens when the database is unreachable', async () => {
    const { freePort } = await import('../../../../tests/support/free-port')
    const port = await freePort()
    await expect(openPostgresSource({ ...target('audit'), port }, 0)).rejects.toThrow(`nothing accepts connections at 127.0.0.1:${port} (ECONNREFUSED)`)
  })

  it('says the password was refused, without echoing it', async () => {
    const attempt = openPostgresSource(target('audit', { password: 'not-the-password' }), 0)
    await expect(attempt).rejects.toMatchObject({ code: 'unauthorized', message: expect.stringContaining('refused the password of user egeria_admin (28P01)') })
    await expect(attempt).rejects.not.toThrow('not-the-password')
  })

  it('says which database is missing', async () => {
    await expect(openPostgresSource(target('no_such_db'), 0)).rejects.toThrow('there is no database no_such_db (3D000)')
  })

  it('says the audit tables are missing from a database that lacks them', async () => {
    await expect(openPostgresSource(target('postgres'), 0)).rejects.toThrow("There is no al_audit_events table in PostgreSQL egeria_admin@127.0.0.1")
  })

  it('names the missing columns of an unexpected schema version', async () => {
    db.psql('CREATE DATABASE oddschema')
    db.psql('CREATE TABLE al_audit_events (log_record_id text, server_name text, message_id text, message_txt text)', 'oddschema')
    await expect(openPostgresSource(target('oddschema'), 0)).rejects.toThrow('public.al_audit_events lacks the columns message_ts, message_text')
  })

  it('asks which schema when several hold the tables, and reads the one named', async () => {
    db.psql(AUDIT_TABLES_DDL('estate_b'), 'audit')
    await expect(openPostgresSource(target('audit'), 0)).rejects.toThrow('al_audit_events is in several schemas (estate_b, public)')
    expect(await readAll('audit', {}, { schema: 'estate_b' })).toEqual([])
    db.psql('DROP SCHEMA estate_b CASCADE', 'audit')
  })

  it('says a user may not read the tables, and never writes through a user that could', async () => {
    db.psql("CREATE ROLE outsider LOGIN PASSWORD 'outsider-secret'")
    await expect(readAll('audit', {}, { user: 'outsider', password: 'outsider-secret' })).rejects.toMatchObject({ code: 'unauthorized', message: expect.stringContaining('may not read the audit tables (42501') })
    const before = db.psql('SELECT count(*) FROM al_audit_events', 'audit').trim()
    expect(await readAll('audit')).toHaveLength(SEED.length)
    expect(db.psql('SELECT count(*) FROM al_audit_events', 'audit').trim()).toBe(before)
    expect(db.psql("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'daemon-doctor'").trim()).toBe('0')
  })

  it('stops a query at the statement timeout with advice, not a hang', async () => {
    db.psql('CREATE DATABASE slow')
    db.psql(`${AUDIT_TABLES_DDL('stored')}
      CREATE FUNCTION slow_rows() RETURNS SETOF stored.al_audit_events LANGUAGE plpgsql AS 'BEGIN PERFORM pg_sleep(2); RETURN QUERY SELECT * FROM stored.al_audit_events; END';
      CREATE VIEW public.al_audit_events AS SELECT * FROM slow_rows();`, 'slow')
    await expect(readAll('slow', { statementTimeoutMs: 300 }, { schema: 'public' })).rejects.toThrow('ran past the statement timeout (57014)')
  })

  it('reports a database that went away while following, keeps what it read, and resumes without repeats', async () => {
    db.psql('CREATE DATABASE outage')
    db.psql(AUDIT_TABLES_DDL(), 'outage')
    let writer = await connectAs(db.url('outage'))
    await insertEvents(writer, SEED.slice(0, 5))
    await writer.end()
    const source = await openPostgresSource(target('outage'), 0, { pollMs: 100 })
    const initial: AuditRecord[] = []
    await drain(source, { record: (record) => initial.push(record) })
    const arrived: AuditRecord[] = []
    const problems: (string | undefined)[] = []
    const feed = source.follow!({ records: (records) => arrived.push(...records), problem: (message) => problems.push(message) })
    try {
      db.psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'daemon-doctor'")
      db.psql("ALTER DATABASE outage ALLOW_CONNECTIONS false")
      await waitFor(() => problems.some((problem) => problem?.includes('has stopped for now; the records read so far are kept')))
      db.psql("ALTER DATABASE outage ALLOW_CONNECTIONS true")
      writer = await connectAs(db.url('outage'))
      await insertEvents(writer, SEED.slice(5, 12))
      await writer.end()
      await waitFor(() => arrived.length >= 7)
      await waitFor(() => problems.at(-1) === undefined)
    } finally {
      await feed.stop()
      await source.close?.()
    }
    expect(initial).toHaveLength(5)
    expect(arrived.map((record) => record.guid)).toEqual(SEED.slice(5, 12).map((event) => event.guid))
  })
})

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
