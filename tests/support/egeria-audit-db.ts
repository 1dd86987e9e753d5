/**
 * The tables of Egeria's PostgreSQL audit log destination (5.2+, PostgreSQLAuditLogDestinationConnector),
 * and rows written the way it writes them, for tests and the bench: column types as its DDL maps them
 * (text, bigint, integer, `timestamp(6) without time zone`), primary key (log_record_id, message_ts),
 * message parameters as Java's Arrays.toString, the severity code as text, and Exception records'
 * detail also in al_egeria_exceptions. The rows come from audit events in the JSON of the file and
 * topic destinations, so one fixture feeds all three.
 */
import pg from 'pg'

export const AUDIT_TABLES_DDL = (schema = 'public'): string => `
CREATE SCHEMA IF NOT EXISTS "${schema}";
CREATE TABLE IF NOT EXISTS "${schema}".al_audit_events (
  log_record_id text NOT NULL, message_ts timestamp(6) without time zone NOT NULL,
  server_name text NOT NULL, action_description text NOT NULL, severity_code text NOT NULL, severity text NOT NULL,
  message_id text NOT NULL, message_text text NOT NULL, message_parameters text NOT NULL,
  system_action text NOT NULL, user_action text NOT NULL, message_url text,
  exception_class_name text, exception_message text, exception_stacktrace text,
  organization text, component_name text NOT NULL, additional_info text, thread_id bigint NOT NULL, last_request_id text,
  PRIMARY KEY (log_record_id, message_ts));
CREATE TABLE IF NOT EXISTS "${schema}".al_egeria_exceptions (
  log_record_id text NOT NULL PRIMARY KEY, thread_id bigint, last_request_id text,
  exception_class_name text, exception_message text, exception_stacktrace text,
  system_action text, user_action text, message_ts timestamp(6) without time zone NOT NULL);
CREATE TABLE IF NOT EXISTS "${schema}".al_omag_servers (
  server_name text NOT NULL PRIMARY KEY, server_type text, organization text, metadata_collection_id text);
CREATE TABLE IF NOT EXISTS "${schema}".al_egeria_components (
  component_id integer NOT NULL PRIMARY KEY, development_status text, component_name text NOT NULL,
  component_description text NOT NULL, component_wiki_url text);
CREATE TABLE IF NOT EXISTS "${schema}".al_api_calls (
  thread_id bigint NOT NULL, server_name text NOT NULL, user_name text NOT NULL, operation_name text NOT NULL,
  service_name text NOT NULL, call_time timestamp(6) without time zone NOT NULL);
CREATE TABLE IF NOT EXISTS "${schema}".al_asset_activity (
  thread_id bigint NOT NULL, server_name text NOT NULL, call_time timestamp(6) without time zone NOT NULL,
  asset_operation text NOT NULL, asset_guid text NOT NULL, asset_type text NOT NULL, operation_name text NOT NULL,
  service_name text NOT NULL, user_name text NOT NULL);
`

/** An audit event in the JSON of §1b (the fields the destination stores). */
export interface AuditEvent {
  guid: string
  timeStamp: number
  originator?: { serverName?: string; serverType?: string; organizationName?: string }
  originatorComponent?: { componentName?: string }
  actionDescription?: string
  threadId?: number
  severityCode: number
  severity: string
  messageId: string
  messageText: string
  messageParameters?: string[]
  systemAction?: string
  userAction?: string
  exceptionClassName?: string
  exceptionMessage?: string
  exceptionStackTrace?: string
  messageURL?: string
}

const EVENT_COLUMNS = [
  'log_record_id', 'message_ts', 'server_name', 'action_description', 'severity_code', 'severity', 'message_id', 'message_text',
  'message_parameters', 'system_action', 'user_action', 'message_url', 'exception_class_name', 'exception_message',
  'exception_stacktrace', 'organization', 'component_name', 'additional_info', 'thread_id'
]

/** The destination's row for an event; `detailApart` leaves the exception detail to al_egeria_exceptions only. */
export function eventRow(event: AuditEvent, detailApart = false): unknown[] {
  return [
    event.guid, new Date(event.timeStamp).toISOString().replace('T', ' ').replace('Z', ''), event.originator?.serverName ?? '',
    event.actionDescription ?? '', String(event.severityCode), event.severity, event.messageId, event.messageText,
    event.messageParameters ? `[${event.messageParameters.join(', ')}]` : '', event.systemAction ?? '', event.userAction ?? '',
    event.messageURL ?? null, detailApart ? null : (event.exceptionClassName ?? null), detailApart ? null : (event.exceptionMessage ?? null),
    detailApart ? null : (event.exceptionStackTrace ?? null), event.originator?.organizationName ?? null,
    event.originatorComponent?.componentName ?? '', '', event.threadId ?? 1
  ]
}

/** Inserts events as the destination does, in multi-row statements (the bench loads millions). */
export async function insertEvents(client: pg.Client, events: AuditEvent[], options: { schema?: string; detailApart?: boolean } = {}): Promise<void> {
  const schema = options.schema ?? 'public'
  for (let start = 0; start < events.length; start += 500) {
    const chunk = events.slice(start, start + 500)
    const params: unknown[] = []
    const tuples = chunk.map((event) => {
      const row = eventRow(event, options.detailApart)
      const placeholders = row.map((value) => `$${params.push(value)}`)
      return `(${placeholders.join(', ')})`
    })
    await client.query(`INSERT INTO "${schema}".al_audit_events (${EVENT_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`, params)
    for (const event of chunk) {
      if (event.severity !== 'Exception') continue
      await client.query(
        `INSERT INTO "${schema}".al_egeria_exceptions (log_record_id, thread_id, exception_class_name, exception_message, exception_stacktrace, system_action, user_action, message_ts)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [event.guid, event.threadId ?? 1, event.exceptionClassName ?? null, event.exceptionMessage ?? null, event.exceptionStackTrace ?? null, event.systemAction ?? '', event.userAction ?? '', eventRow(event)[1]]
      )
    }
    const servers = [...new Map(chunk.map((event) => [event.originator?.serverName ?? '', event.originator])).values()]
    for (const originator of servers) {
      await client.query(`INSERT INTO "${schema}".al_omag_servers (server_name, server_type, organization) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [originator?.serverName ?? '', originator?.serverType ?? null, originator?.organizationName ?? null])
    }
  }
}

export async function connectAs(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  return client
}
