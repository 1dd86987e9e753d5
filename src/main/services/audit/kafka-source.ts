/**
 * Reads the audit log from Egeria's event-topic audit log destination: one Kafka event per audit record,
 * its value the record's JSON (as the file destination writes it). Reading starts at a time or an offset,
 * runs to the end the topic had when it was opened, and can then follow. It consumes under a group of its
 * own with a random name and commits nothing, so Egeria's groups never see it; the positions it has read
 * are its own, so a reconnect after a broker restart resumes exactly there (nothing lost, nothing twice).
 */
import { Admin, Consumer, IS_CONTROL, type ConnectionOptions } from '@platformatic/kafka'
import { randomUUID } from 'node:crypto'
import type { AuditRecord } from '../../../shared/models/audit'
import { AppError } from '../../../shared/result'
import type { InputResult, LiveFeed, LiveHandlers, RecordSink, RecordSource } from './log-reader'
import { completeAuditRecord, jsonAuditRecord } from './audit-record'
import type { ParserStats } from './record-parser'

export const KAFKA_TLS_MODES = ['disable', 'verify', 'no-verify'] as const
export type KafkaTlsMode = (typeof KAFKA_TLS_MODES)[number]
export const KAFKA_SASL_MECHANISMS = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] as const
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number]

export interface KafkaTarget {
  brokers: string[]
  topic: string
  tls: KafkaTlsMode
  ca?: string
  sasl?: { mechanism: KafkaSaslMechanism; username: string; password: string }
}

/** Where reading starts: a time (ISO 8601), the earliest event kept, only new events, or an offset in every partition. */
export type KafkaStart = { time: string } | { position: 'earliest' | 'latest' } | { offset: number }

export interface KafkaSourceOptions {
  start?: KafkaStart
  /** Events per batch handed on. */
  batchSize?: number
  /** How long to wait before reconnecting after the broker went away. */
  retryMs?: number
}

const MAX_NOTES = 5
/** Kafka's error code for a fetch offset the log no longer (or not yet) holds. */
const OFFSET_OUT_OF_RANGE = 1

/** `host:port,host:port` as a broker list, checked. */
export function parseBrokers(text: string): string[] {
  const brokers = text.split(',').map((broker) => broker.trim()).filter(Boolean)
  if (brokers.length === 0) throw new AppError('invalid-input', 'Name at least one Kafka broker as host:port', { brokers: 'Give host:port' })
  for (const broker of brokers) {
    if (!/^[^\s:/]+:\d{1,5}$|^\[[0-9a-fA-F:]+\]:\d{1,5}$/.test(broker)) throw new AppError('invalid-input', `${broker} is not host:port`, { brokers: `${broker} is not host:port` })
  }
  return brokers
}

export async function openKafkaSource(target: KafkaTarget, input: number, options: KafkaSourceOptions = {}): Promise<RecordSource> {
  const reader = new KafkaAuditReader(target, options)
  await reader.open()
  return reader.source(input)
}

/** One event as fetched: where it sits and what it holds. */
interface FetchedEvent {
  partition: number
  offset: bigint
  timestamp: bigint
  value: Buffer | null
}

class KafkaAuditReader {
  /** Next offset to read in each partition: the only state that matters across reconnects. */
  private readonly next = new Map<number, bigint>()
  /** Offsets the topic had when opened: the first read ends there. */
  private readonly ends = new Map<number, bigint>()
  /** The leader of each partition, and the topic's id (fetches name topics by id). */
  private readonly leaders = new Map<number, number>()
  private topicId = ''
  private consumer?: Consumer<Buffer, Buffer, Buffer, Buffer>
  private line = 0
  private readonly notes: string[] = []

  constructor(private readonly target: KafkaTarget, private readonly options: KafkaSourceOptions) {}

  get where(): string {
    return `topic ${this.target.topic} on ${this.target.brokers.join(',')}`
  }

  private connection(): ConnectionOptions & { clientId: string; bootstrapBrokers: string[] } {
    const { tls, ca, sasl } = this.target
    return {
      clientId: 'daemon-doctor',
      bootstrapBrokers: this.target.brokers,
      connectTimeout: 10_000,
      ...(tls === 'disable' ? {} : { tls: { rejectUnauthorized: tls === 'verify', ...(ca ? { ca } : {}) } }),
      ...(sasl ? { sasl: { mechanism: sasl.mechanism, username: sasl.username, password: sasl.password } } : {})
    }
  }

  /** Checks the topic and settles where reading starts and ends. */
  async open(): Promise<void> {
    const admin = new Admin({ ...this.connection(), retries: 1, retryDelay: 500 })
    try {
      const topics = await admin.listTopics()
      if (!topics.includes(this.target.topic)) {
        const audit = topics.filter((name) => /audit/i.test(name)).slice(0, 10)
        throw new AppError('not-found', `There is no topic ${this.target.topic} on ${this.target.brokers.join(',')}${audit.length > 0 ? `; audit topics there: ${audit.join(', ')}` : ` (it has ${topics.length} topics, none with "audit" in its name)`}. Egeria names it from its event bus topic root, e.g. egeria.omag.<root>.ffdc.audit-logs`)
      }
    } catch (error) {
      throw error instanceof AppError ? error : new AppError(kafkaCode(error), `Cannot read the audit log from ${this.where}: ${describeKafkaError(error, this.target)}`)
    } finally {
      await admin.close().catch(() => undefined)
    }
    try {
      const consumer = await this.connect()
      const latest = await consumer.listOffsets({ topics: [this.target.topic], timestamp: -1n })
      latest.get(this.target.topic)?.forEach((offset, partition) => this.ends.set(partition, offset))
      const start = this.options.start ?? { position: 'earliest' }
      if ('offset' in start) {
        for (const partition of this.leaders.keys()) this.next.set(partition, BigInt(start.offset))
      } else if ('position' in start && start.position === 'latest') {
        for (const [partition, end] of this.ends) this.next.set(partition, end)
      } else {
        const timestamp = 'time' in start ? BigInt(Date.parse(start.time)) : -2n
        const found = await consumer.listOffsetsWithTimestamps({ topics: [this.target.topic], timestamp })
        for (const partition of this.leaders.keys()) {
          const offset = found.get(this.target.topic)?.get(partition)?.offset
          // No event at or after the time: start at the end.
          this.next.set(partition, offset === undefined || offset < 0n ? (this.ends.get(partition) ?? 0n) : offset)
        }
      }
    } catch (error) {
      await this.stop()
      throw new AppError(kafkaCode(error), `Cannot read the audit log from ${this.where}: ${describeKafkaError(error, this.target)}`)
    }
  }

  source(input: number): RecordSource {
    return {
      path: `kafka://${this.target.brokers.join(',')}/${this.target.topic}`,
      read: (sink) => this.readToEnd(input, sink),
      follow: (handlers) => this.follow(input, handlers),
      close: () => this.stop()
    }
  }

  /**
   * A client that only fetches: the group id is required by the client's constructor but never joined
   * (fetches name partitions and offsets themselves), so no group exists on the broker and nothing is committed.
   */
  private async connect(): Promise<Consumer<Buffer, Buffer, Buffer, Buffer>> {
    if (this.consumer) return this.consumer
    const consumer = new Consumer({ ...this.connection(), groupId: `daemon-doctor-unjoined-${randomUUID()}`, retries: 1, retryDelay: 500 })
    try {
      const metadata = await consumer.metadata({ topics: [this.target.topic], forceUpdate: true })
      const topic = metadata.topics.get(this.target.topic)
      if (!topic) throw new AppError('not-found', `There is no topic ${this.target.topic}`)
      this.topicId = topic.id
      this.leaders.clear()
      topic.partitions.forEach((partition, index) => this.leaders.set(index, partition.leader))
    } catch (error) {
      await closeForcibly(consumer)
      throw error
    }
    this.consumer = consumer
    return consumer
  }

  private async stop(): Promise<void> {
    const consumer = this.consumer
    this.consumer = undefined
    if (consumer) await closeForcibly(consumer)
  }

  private atEnd(): boolean {
    for (const [partition, end] of this.ends) if ((this.next.get(partition) ?? 0n) < end) return false
    return true
  }

  /** One fetch from each partition's leader, from the next offsets; waits up to `maxWaitMs` for new events. */
  private async fetchRound(maxWaitMs: number): Promise<FetchedEvent[]> {
    const consumer = await this.connect()
    const byLeader = new Map<number, number[]>()
    for (const [partition, leader] of this.leaders) byLeader.set(leader, [...(byLeader.get(leader) ?? []), partition])
    const events: FetchedEvent[] = []
    await Promise.all([...byLeader].map(async ([node, partitions]) => {
      const response = await consumer.fetch({
        node,
        maxWaitTime: maxWaitMs,
        minBytes: 1,
        maxBytes: 8 << 20,
        topics: [{ topicId: this.topicId, partitions: partitions.map((partition) => ({ partition, fetchOffset: this.next.get(partition) ?? 0n, currentLeaderEpoch: -1, lastFetchedEpoch: -1, partitionMaxBytes: 4 << 20 })) }]
      })
      for (const topic of response.responses) {
        for (const partition of topic.partitions) {
          const at = partition.partitionIndex
          if (partition.errorCode === OFFSET_OUT_OF_RANGE) {
            // Retention deleted events before they were read: say so and go on from the oldest kept.
            const from = this.next.get(at) ?? 0n
            this.next.set(at, partition.logStartOffset > from ? partition.logStartOffset : (this.ends.get(at) ?? from))
            this.note(`Events ${from} to ${partition.logStartOffset - 1n} of partition ${at} were deleted by the topic's retention before they were read`)
            continue
          }
          if (partition.errorCode !== 0) throw new Error(`the broker answered error ${partition.errorCode} for partition ${at}`)
          for (const batch of partition.records ?? []) {
            if ((batch.attributes & IS_CONTROL) !== 0) {
              // Transaction markers take an offset but are no event.
              const after = batch.firstOffset + BigInt(batch.lastOffsetDelta) + 1n
              if (after > (this.next.get(at) ?? 0n)) this.next.set(at, after)
              continue
            }
            for (const record of batch.records) {
              events.push({ partition: at, offset: batch.firstOffset + BigInt(record.offsetDelta), timestamp: batch.firstTimestamp + record.timestampDelta, value: record.value })
            }
          }
        }
      }
    }))
    return events
  }

  private async *readToEnd(input: number, sink?: RecordSink): AsyncGenerator<AuditRecord[], InputResult> {
    const stats = emptyStats()
    try {
      while (!this.atEnd()) {
        const records = this.take(await this.fetchRound(500), input, stats)
        if (sink) for (const record of records) sink.record(record)
        else if (records.length > 0) yield records
      }
    } catch (error) {
      await this.stop()
      throw new AppError(kafkaCode(error), `Reading ${this.where} failed after ${stats.lines} events: ${describeKafkaError(error, this.target)}`)
    }
    return { format: 'kafka', stats, endOffset: 0, ...(this.notes.length > 0 ? { notes: [...this.notes] } : {}) }
  }

  /** Turns fetched events into records, each once: an offset below the next expected one was read already. */
  private take(events: FetchedEvent[], input: number, stats: ParserStats): AuditRecord[] {
    const records: AuditRecord[] = []
    for (const event of events) {
      const expected = this.next.get(event.partition) ?? 0n
      if (event.offset < expected) continue
      this.next.set(event.partition, event.offset + 1n)
      stats.lines++
      this.line++
      let fields: ReturnType<typeof jsonAuditRecord>
      let problem = 'not an Egeria audit record (no messageId)'
      try {
        fields = jsonAuditRecord(JSON.parse((event.value ?? Buffer.alloc(0)).toString('utf8').replace(/^\uFEFF/, '')))
      } catch (error) {
        fields = undefined
        problem = `not JSON (${(error as Error).message})`
      }
      if (!fields) {
        stats.unparsedLines++
        this.note(`Event at offset ${event.offset} of partition ${event.partition} skipped: ${problem}`)
        continue
      }
      const record: AuditRecord = { input, firstLine: this.line, lastLine: this.line, ...fields }
      if (!record.time) record.time = new Date(Number(event.timestamp)).toISOString()
      completeAuditRecord(record)
      stats.records++
      stats.auditRecords++
      records.push(record)
    }
    return byTime(records)
  }

  private note(text: string): void {
    if (this.notes.length < MAX_NOTES) this.notes.push(text)
  }

  private follow(input: number, handlers: LiveHandlers): LiveFeed {
    let stopped = false
    let broken = false
    const loop = async (): Promise<void> => {
      while (!stopped) {
        try {
          const stats = emptyStats()
          const records = this.take(await this.fetchRound(500), input, stats)
          if (broken) handlers.problem(undefined)
          broken = false
          if (stats.lines > 0 && !stopped) handlers.records(records, stats)
        } catch (error) {
          await this.stop()
          if (stopped) return
          if (!broken) handlers.problem(`Following ${this.where} has stopped for now; the records read so far are kept and it reconnects from where it stopped: ${describeKafkaError(error, this.target)}`)
          broken = true
          await new Promise((resolve) => setTimeout(resolve, this.options.retryMs ?? 2000))
        }
      }
    }
    const running = loop()
    return {
      stop: async () => {
        stopped = true
        await running
        await this.stop()
      }
    }
  }
}

/** Leaves without waiting on a broker that may be gone; errors on the way out change nothing. */
function closeForcibly(consumer: Consumer<Buffer, Buffer, Buffer, Buffer>): Promise<void> {
  return new Promise((resolve) => consumer.close(true, () => resolve()))
}

function emptyStats(): ParserStats {
  return { lines: 0, records: 0, auditRecords: 0, unparsedLines: 0, blankLines: 0, truncatedLines: 0 }
}

/** Partitions interleave: within a batch, records go in time order (stable, so one partition keeps its order). */
function byTime(records: AuditRecord[]): AuditRecord[] {
  if (records.length < 2) return records
  const times = new Map(records.map((record) => [record, record.time ? Date.parse(record.time) : 0]))
  return [...records].sort((a, b) => times.get(a)! - times.get(b)!)
}

/** Every message in an error and the errors it wraps (the client nests them). */
function messagesOf(error: unknown, seen = new Set<unknown>()): string[] {
  if (!error || typeof error !== 'object' || seen.has(error)) return []
  seen.add(error)
  const { message, errors, cause, code } = error as { message?: string; errors?: unknown[]; cause?: unknown; code?: string }
  return [...(message ? [message] : []), ...(code ? [code] : []), ...(errors ?? []).flatMap((inner) => messagesOf(inner, seen)), ...messagesOf(cause, seen)]
}

function kafkaCode(error: unknown): 'unauthorized' | 'unavailable' | 'not-found' {
  const text = messagesOf(error).join(' ')
  if (/SASL|authenticat/i.test(text)) return 'unauthorized'
  if (/Unknown topic/i.test(text)) return 'not-found'
  return 'unavailable'
}

export function describeKafkaError(error: unknown, target: Pick<KafkaTarget, 'brokers' | 'sasl' | 'topic'>): string {
  const messages = messagesOf(error)
  const text = messages.join(' ')
  if (/SASL|authenticat/i.test(text)) return `the broker refused the credentials of ${target.sasl ? `user ${target.sasl.username}` : 'this client'} (${target.sasl?.mechanism ?? 'no SASL'}: ${messages.find((message) => /SASL|authenticat/i.test(message))})`
  if (/ECONNREFUSED/.test(text)) return `nothing accepts connections at ${target.brokers.join(',')} (ECONNREFUSED): is the broker running there?`
  if (/ENOTFOUND|EAI_AGAIN/.test(text)) return `a broker's host name cannot be resolved (${target.brokers.join(',')})`
  if (/Unknown topic/i.test(text)) return `there is no topic ${target.topic}`
  if (/certificate|self[- ]signed|unable to verify/i.test(text)) return `the broker's TLS certificate is not trusted (${messages.find((message) => /certificate|signed|verify/i.test(message))}); give its CA, or turn verification off for this connection only`
  if (/timeout|timed out/i.test(text)) return `no answer from ${target.brokers.join(',')} in time (${messages[0]})`
  return [...new Set(messages)].slice(0, 3).join(': ') || String(error)
}
