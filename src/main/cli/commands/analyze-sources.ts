/**
 * The database and topic inputs of `daemon-doctor analyze`: Egeria's PostgreSQL audit log destination
 * (`--postgres URL`) and its event-topic destination (`--kafka BROKERS --topic TOPIC`). Passwords come from
 * the URL or the environment (PGPASSWORD, KAFKA_PASSWORD), never from a flag that `ps` would show.
 */
import { readFileSync } from 'node:fs'
import type { KafkaSaslMechanism, KafkaTlsMode } from '../../services/audit/kafka-source'
import type { RecordSource } from '../../services/audit/log-reader'
import type { PostgresTlsMode } from '../../services/audit/postgres-source'
import { parseStartTime } from '../../../shared/start-time'
import { UsageError } from '../program'

export interface SourceOptions {
  postgres?: string
  server?: string
  since?: string
  kafka?: string
  topic?: string
  from?: string
  tls?: string
  ca?: string
  saslUser?: string
  saslMechanism?: string
}

/** Opens the database and topic inputs named by the options, numbered after the file inputs. */
export async function openSourcesOf(options: SourceOptions, firstInput: number, env: NodeJS.ProcessEnv = process.env): Promise<RecordSource[]> {
  if (options.kafka !== undefined && !options.topic) throw new UsageError('--kafka needs --topic (Egeria\'s is like egeria.omag.<root>.ffdc.audit-logs)')
  if (options.topic !== undefined && options.kafka === undefined) throw new UsageError('--topic needs --kafka BROKERS')
  if ((options.server !== undefined || options.since !== undefined) && options.postgres === undefined) throw new UsageError('--server and --since go with --postgres (use --from with --kafka)')
  if (options.from !== undefined && options.kafka === undefined) throw new UsageError('--from goes with --kafka')
  const ca = options.ca === undefined ? undefined : readCa(options.ca)
  const sources: RecordSource[] = []
  try {
    // The database and broker clients load only when asked for: they cost a file analysis a third of its start-up.
    if (options.postgres !== undefined) {
      const { openPostgresSource, parsePostgresUrl, POSTGRES_TLS_MODES } = await import('../../services/audit/postgres-source')
      const tls = options.tls === undefined ? undefined : oneOf(options.tls, POSTGRES_TLS_MODES, '--tls')
      const target = { ...parsePostgresUrl(options.postgres, tls as PostgresTlsMode | undefined), ...(ca ? { ca } : {}) }
      if (target.password === undefined && env.PGPASSWORD) target.password = env.PGPASSWORD
      const since = options.since === undefined ? undefined : startTime(options.since, '--since')
      sources.push(await openPostgresSource(target, firstInput + sources.length, { server: options.server, since }))
    }
    if (options.kafka !== undefined) {
      const { openKafkaSource, parseBrokers, KAFKA_SASL_MECHANISMS, KAFKA_TLS_MODES } = await import('../../services/audit/kafka-source')
      const { kafkaStart } = await import('../../services/audit/destination-source')
      const tls = (options.tls === undefined ? 'disable' : oneOf(options.tls, KAFKA_TLS_MODES, '--tls')) as KafkaTlsMode
      let sasl
      if (options.saslUser !== undefined) {
        const password = env.KAFKA_PASSWORD
        if (!password) throw new UsageError('--sasl-user needs the password in the KAFKA_PASSWORD environment variable')
        sasl = { mechanism: oneOf(options.saslMechanism ?? 'PLAIN', KAFKA_SASL_MECHANISMS, '--sasl-mechanism') as KafkaSaslMechanism, username: options.saslUser, password }
      }
      const target = { brokers: parseBrokers(options.kafka), topic: options.topic!, tls, ...(ca ? { ca } : {}), ...(sasl ? { sasl } : {}) }
      sources.push(await openKafkaSource(target, firstInput + sources.length, { start: kafkaStart(options.from) }))
    }
  } catch (error) {
    await closeSources(sources)
    throw error instanceof UsageError ? error : new UsageError((error as Error).message)
  }
  return sources
}

export async function closeSources(sources: RecordSource[]): Promise<void> {
  await Promise.all(sources.map((source) => source.close?.()))
}

function startTime(text: string, flag: string): string {
  const time = parseStartTime(text)
  if (time === undefined) throw new UsageError(`${flag} ${text} is not a time: give an ISO 8601 time (2026-12-04T17:00:00Z) or an age (90s, 15m, 2h, 1d)`)
  return time
}

function oneOf(value: string, allowed: readonly string[], flag: string): string {
  if (!allowed.includes(value)) throw new UsageError(`${flag} must be ${allowed.join(', ')}, not ${value}`)
  return value
}

function readCa(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    throw new UsageError(`cannot read the CA file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
}
