/**
 * The Kafka source against a real broker (KRaft, from Maven Central, started here), on topics holding the
 * seed story's audit events as Egeria's event-topic destination sends them: one event per record, the
 * record's JSON as the value.
 */
import { Admin, Producer } from '@platformatic/kafka'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditRecord } from '../../../shared/models/audit'
import { freePort } from '../../../../tests/support/free-port'
import { startKafka, type KafkaServer } from '../../../../tests/support/kafka-server'
import { analyzeSources } from './analyze'
import { drain, openInput, type InputResult } from './log-reader'
import { openKafkaSource, type KafkaSourceOptions, type KafkaTarget } from './kafka-source'

const FIXTURE = 'tests/fixtures/audit/seed-2021-startup.events.jsonl'
const EVENTS = readFileSync(FIXTURE, 'utf8').trim().split('\n')
const GUIDS = EVENTS.map((line) => (JSON.parse(line) as { guid: string }).guid)
const TOPIC = 'egeria.omag.egeria.omag.server.coco.ffdc.audit-logs'

let kafka: KafkaServer
let admin: Admin
let producer: Producer

const target = (topic: string, extra: Partial<KafkaTarget> = {}): KafkaTarget => ({ brokers: [kafka.bootstrap], topic, tls: 'disable', ...extra })

async function createTopic(topic: string, partitions = 1): Promise<void> {
  await admin.createTopics({ topics: [topic], partitions, replicas: 1 })
}

async function send(topic: string, values: string[], partition?: number): Promise<void> {
  await producer.send({ messages: values.map((value) => ({ topic, value: Buffer.from(value), ...(partition === undefined ? {} : { partition }) })) })
}

async function readAll(topic: string, options: KafkaSourceOptions = {}, extra: Partial<KafkaTarget> = {}): Promise<{ records: AuditRecord[]; result: InputResult }> {
  const source = await openKafkaSource(target(topic, extra), 0, options)
  const records: AuditRecord[] = []
  const result = await drain(source, { record: (record) => records.push(record) })
  await source.close?.()
  return { records, result }
}

beforeAll(async () => {
  kafka = await startKafka()
  admin = new Admin({ clientId: 'test-admin', bootstrapBrokers: [kafka.bootstrap] })
  producer = new Producer({ clientId: 'test-egeria', bootstrapBrokers: [kafka.bootstrap] })
  await createTopic(TOPIC)
  await send(TOPIC, EVENTS)
}, 180_000)

afterAll(async () => {
  await producer?.close()
  await admin?.close()
  await kafka?.stop()
}, 60_000)

describe('the event-topic audit log destination as a log source', () => {
  it('gives the same connectors, findings and causes as the same events in a JSON-lines file', async () => {
    const fromFile = await analyzeSources([await openInput(FIXTURE, 0)])
    const source = await openKafkaSource(target(TOPIC), 0)
    const fromTopic = await analyzeSources([source])
    await source.close?.()
    expect(fromTopic.inputs[0]).toMatchObject({ format: 'kafka', records: EVENTS.length, auditRecords: EVENTS.length, unparsedLines: 0 })
    expect(fromTopic.causes.length).toBeGreaterThan(0)
    expect(fromTopic.causes).toEqual(fromFile.causes)
    expect(fromTopic.findings).toEqual(fromFile.findings)
    expect(fromTopic.connectors).toEqual(fromFile.connectors)
    expect(fromTopic.severityCounts).toEqual(fromFile.severityCounts)
  })

  it('starts at a time or an offset, joins no consumer group, and leaves Egeria\'s offsets alone', async () => {
    await admin.alterConsumerGroupOffsets({ groupId: 'egeria-nanny', topics: [{ name: TOPIC, partitionOffsets: [{ partition: 0, offset: 3n }] }] })
    const groupsBefore = [...(await admin.listGroups()).keys()].sort()
    const fromOffset = await readAll(TOPIC, { start: { offset: 20 } })
    expect(fromOffset.records.map((record) => record.guid)).toEqual(GUIDS.slice(20))
    const tenth = (JSON.parse(EVENTS[10]!) as { timeStamp: number }).timeStamp
    // The broker stamps events when they are sent: every seed event was sent at once, so a time before the send finds the first.
    const fromTime = await readAll(TOPIC, { start: { time: new Date(tenth).toISOString() } })
    expect(fromTime.records.map((record) => record.guid)).toEqual(GUIDS)
    const fromLatest = await readAll(TOPIC, { start: { position: 'latest' } })
    expect(fromLatest.records).toEqual([])
    const [nanny] = await admin.listConsumerGroupOffsets({ groups: ['egeria-nanny'] })
    expect(nanny!.topics[0]!.partitions[0]!.committedOffset).toBe(3n)
    // Our readers join no group and commit nothing.
    expect([...(await admin.listGroups()).keys()].sort()).toEqual(groupsBefore)
  })

  it('reads every partition once and orders by time within a batch', async () => {
    const topic = 'egeria.omag.partitioned.ffdc.audit-logs'
    await createTopic(topic, 3)
    for (const [index, event] of EVENTS.entries()) await send(topic, [event], index % 3)
    const { records } = await readAll(topic)
    expect(records.map((record) => record.guid).sort()).toEqual([...GUIDS].sort())
    const times = records.map((record) => Date.parse(record.time!))
    expect(times).toEqual([...times].sort((a, b) => a - b))
  })

  it('follows live events after the first read', async () => {
    const topic = 'egeria.omag.live.ffdc.audit-logs'
    await createTopic(topic)
    await send(topic, EVENTS.slice(0, 10))
    const source = await openKafkaSource(target(topic), 0)
    const initial: AuditRecord[] = []
    await drain(source, { record: (record) => initial.push(record) })
    const arrived: AuditRecord[] = []
    const feed = source.follow!({ records: (records) => arrived.push(...records), problem: () => undefined })
    try {
      await send(topic, EVENTS.slice(10))
      await waitFor(() => arrived.length >= EVENTS.length - 10)
    } finally {
      await feed.stop()
      await source.close?.()
    }
    expect(initial.map((record) => record.guid)).toEqual(GUIDS.slice(0, 10))
    expect(arrived.map((record) => record.guid)).toEqual(GUIDS.slice(10))
  })
})

describe('the Kafka source on bad input and faults', () => {
  it('says nothing listens when the broker is unreachable', async () => {
    const port = await freePort()
    await expect(openKafkaSource({ brokers: [`127.0.0.1:${port}`], topic: TOPIC, tls: 'disable' }, 0)).rejects.toMatchObject({
      code: 'unavailable', message: expect.stringContaining(`nothing accepts connections at 127.0.0.1:${port} (ECONNREFUSED)`)
    })
  })

  it('says the broker refused the credentials, and reads with the right ones', async () => {
    const wrong = openKafkaSource(target(TOPIC, { brokers: [kafka.saslBootstrap], sasl: { mechanism: 'PLAIN', username: 'reader', password: 'wrong-secret' } }), 0)
    await expect(wrong).rejects.toMatchObject({ code: 'unauthorized', message: expect.stringContaining('refused the credentials of user reader') })
    await expect(wrong).rejects.not.toThrow('wrong-secret')
    const right = await readAll(TOPIC, {}, { brokers: [kafka.saslBootstrap], sasl: { mechanism: 'PLAIN', username: 'reader', password: 'reader-secret' } })
    expect(right.records).toHaveLength(EVENTS.length)
  })

  it('says the topic does not exist and names the audit topics that do', async () => {
    await expect(openKafkaSource(target('egeria.omag.typo.ffdc.audit-log'), 0)).rejects.toMatchObject({
      code: 'not-found', message: expect.stringContaining(`There is no topic egeria.omag.typo.ffdc.audit-log on ${kafka.bootstrap}; audit topics there: `)
    })
    await expect(openKafkaSource(target('egeria.omag.typo.ffdc.audit-log'), 0)).rejects.toThrow(TOPIC)
  })

  it('skips malformed events with a note saying where, and keeps every good one', async () => {
    const topic = 'egeria.omag.malformed.ffdc.audit-logs'
    await createTopic(topic)
    await send(topic, [EVENTS[0]!, '{"guid": "cut-off', EVENTS[1]!, '{"note": "not an audit record"}', EVENTS[2]!])
    const { records, result } = await readAll(topic)
    expect(records.map((record) => record.guid)).toEqual(GUIDS.slice(0, 3))
    expect(result.stats).toMatchObject({ lines: 5, records: 3, unparsedLines: 2 })
    expect(result.notes).toEqual([
      expect.stringMatching(/^Event at offset 1 of partition 0 skipped: not JSON \(/),
      'Event at offset 3 of partition 0 skipped: not an Egeria audit record (no messageId)'
    ])
  })

  it('reports a broker restart while following, then resumes where it stopped: nothing lost, nothing twice', async () => {
    const topic = 'egeria.omag.restart.ffdc.audit-logs'
    await createTopic(topic)
    await send(topic, EVENTS.slice(0, 5))
    const source = await openKafkaSource(target(topic), 0, { retryMs: 500 })
    const initial: AuditRecord[] = []
    await drain(source, { record: (record) => initial.push(record) })
    const arrived: AuditRecord[] = []
    const problems: (string | undefined)[] = []
    const feed = source.follow!({ records: (records) => arrived.push(...records), problem: (message) => problems.push(message) })
    try {
      await send(topic, EVENTS.slice(5, 10))
      await waitFor(() => arrived.length >= 5)
      await kafka.restart()
      await producer.close()
      producer = new Producer({ clientId: 'test-egeria', bootstrapBrokers: [kafka.bootstrap] })
      await send(topic, EVENTS.slice(10))
      await waitFor(() => arrived.length >= EVENTS.length - 5, 60_000)
      await new Promise((resolve) => setTimeout(resolve, 1000))
    } finally {
      await feed.stop()
      await source.close?.()
    }
    expect(initial.map((record) => record.guid)).toEqual(GUIDS.slice(0, 5))
    expect(arrived.map((record) => record.guid)).toEqual(GUIDS.slice(5))
    expect(problems[0]).toContain(`Following topic ${topic} on ${kafka.bootstrap} has stopped for now; the records read so far are kept and it reconnects from where it stopped`)
    expect(problems.at(-1)).toBeUndefined()
  }, 120_000)
})

async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
