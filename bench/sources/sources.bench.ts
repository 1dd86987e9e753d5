/**
 * Reading Egeria's audit log where an estate keeps it, at scale (`npm run bench:sources`):
 * - PostgreSQL destination: BENCH_PG_ROWS rows (default 5,000,000) in al_audit_events, 8 servers, one row
 *   per 50 ms; time to the first page of records and to the causes of one server's last hour, first as
 *   Egeria creates the table (primary key only), then with the indexes the README recommends; and one
 *   server's last day for records/s.
 * - Event topic: BENCH_KAFKA_EVENTS events (default 1,000,000); records/s and peak RSS for the whole
 *   topic and for its last quarter (flat memory means the two peaks are close).
 * Real servers, started by tests/support; peak memory from `/usr/bin/time -v` around each read.
 */
import { Admin, Producer } from '@platformatic/kafka'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { AUDIT_TABLES_DDL } from '../../tests/support/egeria-audit-db'
import { startKafka } from '../../tests/support/kafka-server'
import { startPostgres } from '../../tests/support/postgres-server'

const ROWS = Number(process.env.BENCH_PG_ROWS ?? 5_000_000)
const EVENTS = Number(process.env.BENCH_KAFKA_EVENTS ?? 1_000_000)
const SERVERS = ['integration-daemon', 'qs-metadata-store', 'qs-engine-host', 'qs-view-server', 'cocoMDS1', 'exchangeDL01', 'governDL01', 'qs-nanny-daemon']
const FAILURE = 'The integration connector %s method refresh has returned with a org.odpi.openmetadata.frameworks.connectors.ffdc.InvalidParameterException exception containing message OMAG-MULTI-TENANT-404-001 The OMAG Server cocoMDS1 is not available to service a request from user exchangeDL01npa'
const HEARTBEAT = 'The integration daemon thread is refreshing integration connector %s'

interface Reading { openMs: number; firstPageMs: number; totalMs: number; records: number; causes: number; peakMb: number }

function measure(args: string[], firstPageOnly = false): Reading {
  const env = firstPageOnly ? { ...process.env, FIRST_PAGE_ONLY: '1' } : process.env
  const run = spawnSync('/usr/bin/time', ['-v', process.execPath, '--import', 'tsx', 'bench/sources/read-source.ts', ...args], { encoding: 'utf8', maxBuffer: 64 << 20, env })
  if (run.status !== 0) throw new Error(`read failed: ${run.stderr}`)
  const peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1] ?? 0)
  return { ...(JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Omit<Reading, 'peakMb'>), peakMb: Math.round(peakKb / 1024) }
}

console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), load ${loadavg().map((value) => value.toFixed(1)).join(' ')}, node ${process.version}`)

async function benchPostgres(): Promise<void> {
  const db = await startPostgres()
  try {
    db.psql('CREATE DATABASE audit')
    db.psql(AUDIT_TABLES_DDL(), 'audit')
    let started = performance.now()
    const servers = `ARRAY[${SERVERS.map((server) => `'${server}'`).join(',')}]`
    db.psql(`INSERT INTO al_audit_events (log_record_id, message_ts, server_name, action_description, severity_code, severity, message_id, message_text, message_parameters, system_action, user_action, organization, component_name, additional_info, thread_id)
      SELECT md5(i::text)::uuid::text, timestamp '2026-12-01' + i * interval '50 milliseconds', (${servers})[1 + i % 8], 'refresh',
             CASE WHEN i % 997 = 0 THEN '5' ELSE '1' END, CASE WHEN i % 997 = 0 THEN 'Error' ELSE 'Information' END,
             CASE WHEN i % 997 = 0 THEN 'INTEGRATION-DAEMON-SERVICES-0031' ELSE 'INTEGRATION-DAEMON-SERVICES-0041' END,
             format(CASE WHEN i % 997 = 0 THEN '${FAILURE}' ELSE '${HEARTBEAT}' END, 'LandingAreaMonitor' || (i % 40)),
             '[LandingAreaMonitor' || (i % 40) || ']', 'The daemon continues.', 'No action is required.', 'Coco Pharmaceuticals', 'Integration Daemon Services', '', 1 + i % 16
      FROM generate_series(1, ${ROWS}) AS i`, 'audit')
    db.psql('VACUUM ANALYZE al_audit_events', 'audit')
    const size = db.psql("SELECT pg_size_pretty(pg_total_relation_size('al_audit_events'))", 'audit').trim()
    console.log(`postgres: loaded ${ROWS.toLocaleString()} rows (${size}) in ${((performance.now() - started) / 1000).toFixed(0)} s`)
    const last = db.psql('SELECT max(message_ts) FROM al_audit_events', 'audit').trim()
    const hourAgo = new Date(Date.parse(`${last.replace(' ', 'T')}Z`) - 3_600_000).toISOString()
    const url = db.url('audit')
    const report = (label: string): void => {
      const first = measure(['postgres', url], true)
      console.log(`postgres ${label}: first page of all ${ROWS.toLocaleString()} rows (${first.records.toLocaleString()} records) in ${first.firstPageMs} ms (connect and check ${first.openMs} ms)`)
      const hour = measure(['postgres', url, 'integration-daemon', hourAgo])
      console.log(`postgres ${label}: causes of integration-daemon's last hour (${hour.records.toLocaleString()} rows, ${hour.causes} causes) in ${hour.totalMs} ms (first page ${hour.firstPageMs} ms), peak RSS ${hour.peakMb} MB`)
    }
    report('(primary key only, as Egeria creates it)')
    started = performance.now()
    db.psql('CREATE INDEX al_audit_events_time ON al_audit_events (message_ts, log_record_id); CREATE INDEX al_audit_events_server_time ON al_audit_events (server_name, message_ts, log_record_id)', 'audit')
    console.log(`postgres: recommended indexes built in ${((performance.now() - started) / 1000).toFixed(0)} s`)
    report('(with the recommended indexes)')
    const day = measure(['postgres', url, 'integration-daemon', new Date(Date.parse(hourAgo) - 23 * 3_600_000).toISOString()])
    console.log(`postgres (indexed): integration-daemon's last day, ${day.records.toLocaleString()} rows in ${(day.totalMs / 1000).toFixed(1)} s (${Math.round(day.records / (day.totalMs / 1000)).toLocaleString()} records/s), peak RSS ${day.peakMb} MB`)
  } finally {
    await db.stop()
  }
}

async function benchKafka(): Promise<void> {
  const kafka = await startKafka()
  const topic = 'egeria.omag.bench.ffdc.audit-logs'
  try {
    const admin = new Admin({ clientId: 'bench', bootstrapBrokers: [kafka.bootstrap] })
    await admin.createTopics({ topics: [topic], partitions: 1, replicas: 1 })
    await admin.close()
    const seed = readFileSync('tests/fixtures/audit/seed-2021-startup.events.jsonl', 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
    const producer = new Producer({ clientId: 'bench', bootstrapBrokers: [kafka.bootstrap] })
    const started = performance.now()
    const base = Date.UTC(2026, 11, 1)
    for (let sent = 0; sent < EVENTS; sent += 500) {
      const messages = []
      for (let index = sent; index < Math.min(EVENTS, sent + 500); index++) {
        const event = { ...seed[index % seed.length]!, guid: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, timeStamp: base + index * 50 }
        messages.push({ topic, value: Buffer.from(JSON.stringify(event)) })
      }
      await producer.send({ messages })
    }
    await producer.close()
    console.log(`kafka: produced ${EVENTS.toLocaleString()} events in ${((performance.now() - started) / 1000).toFixed(0)} s`)
    const whole = measure(['kafka', kafka.bootstrap, topic])
    console.log(`kafka: all ${whole.records.toLocaleString()} events in ${(whole.totalMs / 1000).toFixed(1)} s = ${Math.round(whole.records / (whole.totalMs / 1000)).toLocaleString()} records/s, ${whole.causes} causes, peak RSS ${whole.peakMb} MB`)
    const quarter = measure(['kafka', kafka.bootstrap, topic, String(Math.floor(EVENTS * 0.75))])
    console.log(`kafka: last quarter ${quarter.records.toLocaleString()} events in ${(quarter.totalMs / 1000).toFixed(1)} s, peak RSS ${quarter.peakMb} MB (flat memory: close to the whole topic's)`)
  } finally {
    await kafka.stop()
  }
}

const only = process.argv[2]
if (only !== 'kafka') await benchPostgres()
if (only !== 'postgres') await benchKafka()
