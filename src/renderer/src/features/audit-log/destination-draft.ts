/** The audit database or topic form's values, checked against the shared destination schema. */
import { auditDestinationSchema, type AuditDestination } from '../../../../shared/models/audit-destination'
import type { Result } from '../../../../shared/result'
import { fieldErrors } from '../../../../shared/validation'

export interface DestinationDraft {
  kind: 'postgres' | 'kafka'
  host: string
  port: string
  database: string
  user: string
  schema: string
  server: string
  since: string
  brokers: string
  topic: string
  saslUser: string
  saslMechanism: 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512'
  from: string
  tls: 'disable' | 'verify' | 'no-verify'
  password: string
}

export const EMPTY_DRAFT: DestinationDraft = {
  kind: 'postgres', host: '', port: '5432', database: '', user: '', schema: '', server: '', since: '1d',
  brokers: '', topic: '', saslUser: '', saslMechanism: 'PLAIN', from: '1d', tls: 'verify', password: ''
}

const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim())

/** The destination the draft describes, or the message for each field that is wrong. */
export function checkDraft(draft: DestinationDraft): Result<AuditDestination, Record<string, string>> {
  const candidate =
    draft.kind === 'postgres'
      ? { kind: 'postgres', host: draft.host, port: Number(draft.port), database: draft.database, user: draft.user, schema: optional(draft.schema), tls: draft.tls, server: optional(draft.server), since: optional(draft.since) }
      : { kind: 'kafka', brokers: draft.brokers, topic: draft.topic, tls: draft.tls, saslUser: optional(draft.saslUser), saslMechanism: optional(draft.saslUser) ? draft.saslMechanism : undefined, from: optional(draft.from) }
  const parsed = auditDestinationSchema.safeParse(candidate)
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: fieldErrors(parsed.error) }
}
