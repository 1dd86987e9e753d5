/**
 * Egeria's audit log destinations that the app reads in place: the PostgreSQL audit log destination
 * (5.2+) and the event-topic destination (Kafka). Passwords travel apart from these (secret store).
 */
import { z } from 'zod'

export const DESTINATION_TLS_MODES = ['disable', 'verify', 'no-verify'] as const
export const DESTINATION_TLS_LABELS: Record<(typeof DESTINATION_TLS_MODES)[number], string> = {
  disable: 'No TLS',
  verify: 'TLS, certificate verified',
  'no-verify': 'TLS, verification off (this source only)'
}
export const SASL_MECHANISMS = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] as const

const token = (label: string): z.ZodString => z.string().trim().min(1, `${label} is required`).max(200, `${label} is too long`).regex(/^[^\s]+$/, `${label} cannot contain spaces`)

export const postgresDestinationSchema = z.object({
  kind: z.literal('postgres'),
  host: token('Host'),
  port: z.number().int().min(1, 'Port is 1 to 65535').max(65535, 'Port is 1 to 65535'),
  database: token('Database'),
  user: token('User'),
  /** The schema holding al_audit_events, when the database has several. */
  schema: z.string().trim().max(200).optional(),
  tls: z.enum(DESTINATION_TLS_MODES),
  /** Only this server's records. */
  server: z.string().trim().max(200).optional(),
  /** ISO 8601 time or an age (15m, 2h, 1d): records from then on. */
  since: z.string().trim().max(100).optional()
})

export const kafkaDestinationSchema = z.object({
  kind: z.literal('kafka'),
  /** host:port, comma-separated. */
  brokers: z.string().trim().min(1, 'Brokers are required').max(2000),
  topic: token('Topic'),
  tls: z.enum(DESTINATION_TLS_MODES),
  saslUser: z.string().trim().max(200).optional(),
  saslMechanism: z.enum(SASL_MECHANISMS).optional(),
  /** ISO 8601 time or an age, or earliest / latest / offset:N. */
  from: z.string().trim().max(100).optional()
})

export const auditDestinationSchema = z.discriminatedUnion('kind', [postgresDestinationSchema, kafkaDestinationSchema])
export type AuditDestination = z.infer<typeof auditDestinationSchema>
export type PostgresDestination = z.infer<typeof postgresDestinationSchema>
export type KafkaDestination = z.infer<typeof kafkaDestinationSchema>

/** How a destination is named in the app: `postgresql://user@host:port/db` or `kafka://brokers/topic`. */
export function destinationName(destination: AuditDestination): string {
  return destination.kind === 'postgres'
    ? `postgresql://${destination.user}@${destination.host}:${destination.port}/${destination.database}${destination.server ? ` (server ${destination.server})` : ''}`
    : `kafka://${destination.brokers}/${destination.topic}`
}
