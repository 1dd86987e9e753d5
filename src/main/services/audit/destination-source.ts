/** Opens one of Egeria's audit log destinations, as the app describes it, as a record source. */
import type { AuditDestination } from '../../../shared/models/audit-destination'
import { AppError } from '../../../shared/result'
import { parseStartTime } from '../../../shared/start-time'
import { openKafkaSource, parseBrokers, type KafkaStart } from './kafka-source'
import type { RecordSource } from './log-reader'
import { openPostgresSource } from './postgres-source'

export async function openDestinationSource(destination: AuditDestination, password: string | undefined, input = 0): Promise<RecordSource> {
  if (destination.kind === 'postgres') {
    const since = destination.since ? startTime(destination.since, 'since') : undefined
    return openPostgresSource(
      { host: destination.host, port: destination.port, database: destination.database, user: destination.user, tls: destination.tls, ...(password ? { password } : {}), ...(destination.schema ? { schema: destination.schema } : {}) },
      input,
      { ...(destination.server ? { server: destination.server } : {}), ...(since ? { since } : {}) }
    )
  }
  if (destination.saslUser && !password) throw new AppError('invalid-input', `Give the password of SASL user ${destination.saslUser}`, { password: 'Password is required with a SASL user' })
  const sasl = destination.saslUser ? { mechanism: destination.saslMechanism ?? 'PLAIN', username: destination.saslUser, password: password! } : undefined
  return openKafkaSource({ brokers: parseBrokers(destination.brokers), topic: destination.topic, tls: destination.tls, ...(sasl ? { sasl } : {}) }, input, { start: kafkaStart(destination.from) })
}

/** Where a topic read starts: earliest (default), latest, offset:N, an ISO 8601 time or an age. */
export function kafkaStart(from: string | undefined): KafkaStart {
  if (!from || from === 'earliest') return { position: 'earliest' }
  if (from === 'latest') return { position: 'latest' }
  const offset = /^offset:(\d+)$/.exec(from)
  return offset ? { offset: Number(offset[1]) } : { time: startTime(from, 'from') }
}

function startTime(text: string, field: string): string {
  const time = parseStartTime(text)
  if (time === undefined) throw new AppError('invalid-input', `${text} is not a time: give an ISO 8601 time or an age such as 15m, 2h or 1d`, { [field]: 'An ISO 8601 time or an age (15m, 2h, 1d)' })
  return time
}
