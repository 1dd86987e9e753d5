/** `daemon-doctor analyze --postgres …` and `--kafka … --topic …` against a real PostgreSQL and a real Kafka broker. */
import { Admin, Producer } from '@platformatic/kafka'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { AUDIT_TABLES_DDL, connectAs, insertEvents, type AuditEvent } from '../../../../tests/support/egeria-audit-db'
import { startKafka, type KafkaServer } from '../../../../tests/support/kafka-server'
import { startPostgres, type PostgresServer } from '../../../../tests/support/postgres-server'
import { registerAnalyzeCommand } from './analyze'
import { runCommand } from '../../../../tests/support/cli'

const FIXTURE = 'tests/fixtures/audit/seed-2021-startup.events.jsonl'
const LINES = readFileSync(FIXTURE, 'utf8').trim().split('\n')
const SEED = LINES.map((line) => JSON.parse(line) as AuditEvent)
const TOPIC = 'egeria.omag.egeria.omag.server.coco.ffdc.audit-logs'

let db: PostgresServer
let kafka: KafkaServer
let stdout = ''
let stderr = ''

beforeAll(async () => {
  ;[db, kafka] = await Promise.all([startPostgres(), startKafka()])
  db.psql('CREATE DATABASE audit')
  db.psql(AUDIT_TABLES_DDL(), 'audit')
  const client = await connectAs(db.url('audit'))
  // The seed story, plus another server's record an hour later (for --server and --since).
  await insertEvents(client, [...SEED, { ...SEED[0]!, guid: 'f0000000-0000-4000-8000-000000000001', timeStamp: SEED[0]!.timeStamp + 3_600_000, originator: { serverName: 'cocoMDS1' } }])
  await client.end()
  const admin = new Admin({ clientId: 'test-admin', bootstrapBrokers: [kafka.bootstrap] })
  await admin.createTopics({ topics: [TOPIC], partitions: 1, replicas: 1 })
  await admin.close()
  const producer = new Producer({ clientId: 'test-egeria', bootstrapBrokers: [kafka.bootstrap] })
  await producer.send({ messages: LINES.map((line) => ({ topic: TOPIC, value: Buffer.from(line) })) })
  await producer.close()
}, 180_000)

afterAll(async () => {
  await Promise.all([db?.stop(), kafka?.stop()])
}, 60_000)

beforeEach(() => {
  stdout = ''
  stderr = ''
})

/** Runs `analyze`; what it prints is added to `stdout` and `stderr`. */
async function run(...args: string[]): Promise<number> {
  const result = await runCommand(registerAnalyzeCommand, ['analyze', ...args])
  stdout += result.stdout
  stderr += result.stderr
  return result.code
}

describe('daemon-doctor analyze on Egeria\'s database and topic destinations', () => {
  it('--postgres with --server reads one server\'s rows and explains its failures', async () => {
    const url = db.url('audit').replace(`:${db.password}@`, '@')
    vi.stubEnv('PGPASSWORD', db.password)
    try {
      expect(await run('--postgres', url, '--server', 'exchangeDL01', '--format', 'json')).toBe(0)
    } finally {
      vi.unstubAllEnvs()
    }
    const report = JSON.parse(stdout)
    expect(report).toMatchObject({ records: SEED.length, servers: ['exchangeDL01'], inputs: [{ format: 'postgres', records: SEED.length }] })
    expect(report.inputs[0].path).toBe(`postgresql://egeria_admin@127.0.0.1:${db.port}/audit`)
    expect(report.causes.length).toBeGreaterThan(0)
    expect(stdout).not.toContain(db.password)
  })

  it('--postgres with --since reads only the newer rows', async () => {
    const since = new Date(SEED[0]!.timeStamp + 1_800_000).toISOString()
    expect(await run('--postgres', db.url('audit'), '--since', since, '--format', 'json')).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({ records: 1, servers: ['cocoMDS1'] })
  })

  it('--kafka --topic reads the audit topic from the start and gives the same causes', async () => {
    expect(await run('--postgres', db.url('audit'), '--server', 'exchangeDL01', '--format', 'json')).toBe(0)
    const fromDatabase = JSON.parse(stdout)
    stdout = ''
    expect(await run('--kafka', kafka.bootstrap, '--topic', TOPIC, '--from', 'earliest', '--format', 'json')).toBe(0)
    const fromTopic = JSON.parse(stdout)
    expect(fromTopic.inputs[0]).toMatchObject({ path: `kafka://${kafka.bootstrap}/${TOPIC}`, format: 'kafka', records: SEED.length })
    expect(fromTopic.causes).toEqual(fromDatabase.causes)
  })

  it('ends with one clear line and exit 2 on bad input', async () => {
    expect(await run('--kafka', kafka.bootstrap)).toBe(2)
    expect(stderr).toContain('--kafka needs --topic')
    stderr = ''
    expect(await run('--kafka', kafka.bootstrap, '--topic', 'no.such.topic')).toBe(2)
    expect(stderr).toMatch(/^daemon-doctor: There is no topic no\.such\.topic on 127\.0\.0\.1:\d+; audit topics there: egeria\.omag\.egeria\.omag\.server\.coco\.ffdc\.audit-logs/)
    stderr = ''
    expect(await run('--postgres', db.url('audit'), '--since', 'yesterday')).toBe(2)
    expect(stderr).toContain('--since yesterday is not a time')
    stderr = ''
    expect(await run('--postgres', db.url('audit').replace(db.password, 'wrong'))).toBe(2)
    expect(stderr).toContain('refused the password of user egeria_admin (28P01)')
    stderr = ''
    expect(await run()).toBe(2)
    expect(stderr).toContain('name log files, - for stdin, --postgres URL or --kafka BROKERS --topic TOPIC')
  })
})
