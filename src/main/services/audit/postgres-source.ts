/**
 * Reads the audit log where Egeria's PostgreSQL audit log destination (5.2+) keeps it: `al_audit_events`,
 * with the exception detail of Exception records joined from `al_egeria_exceptions` where the event row
 * lacks it. Rows become the same records as the JSON file destination's (through `jsonAuditRecord`).
 * Filters go to SQL, pages are keyset pages on (message_ts, log_record_id), and a followed source polls
 * for new rows. Every query is parameterised and runs in a read-only transaction under a statement timeout.
 */
import pg from 'pg'
import { AUDIT_SEVERITIES, type AuditRecord } from '../../../shared/models/audit'
import { AppError } from '../../../shared/result'
import type { InputResult, LiveFeed, LiveHandlers, RecordSink, RecordSource } from './log-reader'
import { completeAuditRecord, jsonAuditRecord } from './audit-record'
import type { ParserStats } from './record-parser'

/** How the connection is encrypted: not at all, TLS with the server's certificate verified, or TLS unverified. */
export const POSTGRES_TLS_MODES = ['disable', 'verify', 'no-verify'] as const
export type PostgresTlsMode = (typeof POSTGRES_TLS_MODES)[number]

export interface PostgresTarget {
  host: string
  port: number
  database: string
  user: string
  password?: string
  tls: PostgresTlsMode
  /** PEM text of the CA that signed the server's certificate (verify mode), when not a public one. */
  ca?: string
  /** Schema holding the tables; found when there is only one. */
  schema?: string
}

export interface PostgresFilters {
  server?: string
  /** ISO 8601 times: from `since` (inclusive) to `until` (exclusive). */
  since?: string
  until?: string
  severities?: string[]
  /** The records' own message IDs (not IDs nested in their text). */
  messageIds?: string[]
}

export interface PostgresSourceOptions extends PostgresFilters {
  pageSize?: number
  statementTimeoutMs?: number
  pollMs?: number
  /** Rows can commit later than newer rows (several servers, clock skew): each poll looks back this far. */
  lookbackMs?: number
}

const TABLE = 'al_audit_events'
const EXCEPTIONS_TABLE = 'al_egeria_exceptions'
/** Without these, the rows cannot be records: the table is not the destination's. */
const REQUIRED_COLUMNS = ['log_record_id', 'message_ts', 'server_name', 'message_id', 'message_text']
const OPTIONAL_COLUMNS = [
  'severity', 'severity_code', 'message_parameters', 'system_action', 'user_action', 'action_description', 'thread_id',
  'exception_class_name', 'exception_message', 'exception_stacktrace', 'message_url', 'organization', 'component_name'
]
const EXCEPTION_COLUMNS = ['exception_class_name', 'exception_message', 'exception_stacktrace']
const TIMESTAMP_TYPES = new Set([1114, 1184])

/** `postgresql://user:password@host:port/database?sslmode=…&schema=…` as a target; the password comes back apart. */
export function parsePostgresUrl(text: string, tls?: PostgresTlsMode): PostgresTarget {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new AppError('invalid-input', `Not a PostgreSQL URL: ${text.replace(/:[^:@/]*@/, ':***@')} (expected postgresql://user@host:port/database)`)
  }
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') throw new AppError('invalid-input', `A PostgreSQL URL starts with postgresql://, not ${url.protocol}//`)
  const host = url.hostname.replace(/^\[|\]$/g, '')
  if (!host) throw new AppError('invalid-input', 'The PostgreSQL URL names no host')
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''))
  if (!database) throw new AppError('invalid-input', 'The PostgreSQL URL names no database (postgresql://user@host:port/database)')
  const sslmode = url.searchParams.get('sslmode')
  return {
    host,
    port: url.port ? Number(url.port) : 5432,
    database,
    user: decodeURIComponent(url.username) || 'postgres',
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    tls: tls ?? tlsFromSslmode(sslmode, host),
    ...(url.searchParams.get('schema') ? { schema: url.searchParams.get('schema')! } : {})
  }
}

/** libpq's sslmode words in our three modes; without one, loopback is plain and anything else verified. */
function tlsFromSslmode(sslmode: string | null, host: string): PostgresTlsMode {
  switch (sslmode) {
    case null:
      return isLoopback(host) ? 'disable' : 'verify'
    case 'disable':
      return 'disable'
    case 'no-verify':
    case 'allow':
    case 'prefer':
    case 'require':
      return 'no-verify'
    case 'verify-ca':
    case 'verify-full':
      return 'verify'
    default:
      throw new AppError('invalid-input', `Unknown sslmode ${sslmode}: use disable, require, verify-ca or verify-full`)
  }
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host)
}

/** Connects, checks the tables and returns a source; clear errors for every way that can fail. */
export async function openPostgresSource(target: PostgresTarget, input: number, options: PostgresSourceOptions = {}): Promise<RecordSource> {
  const reader = new PostgresAuditReader(target, options)
  await reader.connect()
  try {
    await reader.inspect()
  } catch (error) {
    await reader.close()
    throw error
  }
  return reader.source(input)
}

interface Cursor {
  ts: string
  id: string
}

interface Layout {
  schema: string
  columns: Set<string>
  exceptionColumns: Set<string>
}

class PostgresAuditReader {
  private client?: pg.Client
  private layout?: Layout
  private readonly pageSize: number
  /** Ids read within the lookback window of the newest row, so a poll that looks back repeats nothing. */
  private readonly recent = new Map<string, number>()
  private newest = -Infinity
  private cursor?: Cursor
  private line = 0

  constructor(private readonly target: PostgresTarget, private readonly options: PostgresSourceOptions) {
    this.pageSize = options.pageSize ?? 5000
  }

  get where(): string {
    return `${this.target.user}@${this.target.host}:${this.target.port}/${this.target.database}`
  }

  async connect(): Promise<void> {
    const client = new pg.Client({
      host: this.target.host,
      port: this.target.port,
      database: this.target.database,
      user: this.target.user,
      password: this.target.password ?? '',
      ssl: this.target.tls === 'disable' ? false : { rejectUnauthorized: this.target.tls === 'verify', ...(this.target.ca ? { ca: this.target.ca } : {}) },
      application_name: 'daemon-doctor',
      connectionTimeoutMillis: 10_000,
      statement_timeout: this.options.statementTimeoutMs ?? 30_000,
      // Nothing this reader sends may write, whatever the user's rights; times come back in UTC.
      options: '-c default_transaction_read_only=on -c TimeZone=UTC',
      types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (TIMESTAMP_TYPES.has(oid) ? (value: string) => value : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser }
    })
    // A dropped connection is reported by the next query; without a listener it would crash the process.
    client.on('error', () => undefined)
    try {
      await client.connect()
    } catch (error) {
      await client.end().catch(() => undefined)
      throw new AppError(connectCode(error), `Cannot read the audit log in PostgreSQL ${this.where}: ${describePgError(error, this.target)}`)
    }
    this.client = client
  }

  async close(): Promise<void> {
    const client = this.client
    this.client = undefined
    await client?.end().catch(() => undefined)
  }

  /** Finds the schema holding the tables and the columns they have. */
  async inspect(): Promise<void> {
    // The catalogue, not information_schema: a table the user may not read must still be found, so that
    // the answer is "not allowed" rather than "not there".
    const found = await this.query<{ table_schema: string; table_name: string; column_name: string }>(
      `SELECT n.nspname AS table_schema, c.relname AS table_name, a.attname AS column_name
         FROM pg_catalog.pg_attribute a
         JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relname = ANY($1::text[]) AND c.relkind IN ('r', 'v', 'm', 'p', 'f') AND a.attnum > 0 AND NOT a.attisdropped
          AND ($2::text IS NULL OR n.nspname = $2)`,
      [[TABLE, EXCEPTIONS_TABLE], this.target.schema ?? null]
    )
    const schemas = [...new Set(found.filter((row) => row.table_name === TABLE).map((row) => row.table_schema))].sort()
    if (schemas.length === 0) {
      throw new AppError('not-found', `There is no ${TABLE} table${this.target.schema ? ` in schema ${this.target.schema}` : ''} in PostgreSQL ${this.where}. Is this the database Egeria's PostgreSQL audit log destination writes to (Egeria 5.2 or later)?`)
    }
    if (schemas.length > 1) {
      throw new AppError('invalid-input', `${TABLE} is in several schemas (${schemas.join(', ')}): name one with schema=… in the URL or the schema field`, { schema: 'Choose a schema' })
    }
    const schema = schemas[0]!
    const columns = new Set(found.filter((row) => row.table_schema === schema && row.table_name === TABLE).map((row) => row.column_name))
    const missing = REQUIRED_COLUMNS.filter((column) => !columns.has(column))
    if (missing.length > 0) {
      throw new AppError('unsupported', `${schema}.${TABLE} lacks the columns ${missing.join(', ')}: it is not the table of Egeria's PostgreSQL audit log destination, or its schema version is one this app does not know`)
    }
    const exceptionColumns = new Set(found.filter((row) => row.table_schema === schema && row.table_name === EXCEPTIONS_TABLE).map((row) => row.column_name))
    this.layout = { schema, columns, exceptionColumns: exceptionColumns.has('log_record_id') ? exceptionColumns : new Set() }
  }

  source(input: number): RecordSource {
    return {
      path: `postgresql://${this.where}${this.layout!.schema === 'public' ? '' : `?schema=${this.layout!.schema}`}`,
      read: (sink) => this.readAll(input, sink),
      follow: (handlers) => this.follow(input, handlers),
      close: () => this.close()
    }
  }

  private async *readAll(input: number, sink?: RecordSink): AsyncGenerator<AuditRecord[], InputResult> {
    const stats = emptyStats()
    for (;;) {
      const rows = await this.page({ after: this.cursor, until: this.options.until, limit: this.pageSize })
      this.advance(rows)
      const batch = this.toRecords(rows, input, stats)
      if (sink) for (const record of batch) sink.record(record)
      else if (batch.length > 0) yield batch
      if (rows.length < this.pageSize) break
    }
    return { format: 'postgres', stats, endOffset: 0 }
  }

  private follow(input: number, handlers: LiveHandlers): LiveFeed {
    let stopped = false
    let broken = false
    const poll = async (): Promise<void> => {
      try {
        if (!this.client) await this.connect()
        // New rows past the cursor, page by page; then rows that committed late behind it (skipping ids read).
        for (;;) {
          const rows = await this.page({ after: this.cursor, limit: this.pageSize })
          this.advance(rows)
          this.deliver(rows, input, handlers)
          if (rows.length < this.pageSize) break
        }
        if (this.cursor && Number.isFinite(this.newest)) {
          const since = new Date(this.newest - (this.options.lookbackMs ?? 60_000)).toISOString()
          this.deliver(await this.page({ since, atMost: this.cursor, limit: this.recent.size + this.pageSize }), input, handlers)
        }
        if (broken) handlers.problem(undefined)
        broken = false
      } catch (error) {
        await this.close()
        broken = true
        handlers.problem(`Following PostgreSQL ${this.where} has stopped for now; the records read so far are kept and it tries again: ${error instanceof AppError ? error.message : describePgError(error, this.target)}`)
      }
    }
    let timer: ReturnType<typeof setTimeout> | undefined
    const loop = async (): Promise<void> => {
      await poll()
      if (!stopped) timer = setTimeout(() => void loop(), this.options.pollMs ?? 2000)
    }
    timer = setTimeout(() => void loop(), this.options.pollMs ?? 2000)
    return {
      stop: async () => {
        stopped = true
        if (timer) clearTimeout(timer)
      }
    }
  }

  /** The cursor moves to the last row of a forward page: SQL's order (and collation) decides, not ours. */
  private advance(rows: Row[]): void {
    const last = rows.at(-1)
    if (last) this.cursor = { ts: last.message_ts, id: last.log_record_id }
  }

  private deliver(rows: Row[], input: number, handlers: LiveHandlers): void {
    const stats = emptyStats()
    const records = this.toRecords(rows, input, stats)
    if (stats.lines > 0) handlers.records(records, stats)
  }

  /**
   * One keyset page in (message_ts, log_record_id) order: after a cursor (the next page), or up to one
   * (a poll's look back at rows that committed late), within the source's filters.
   */
  private async page(range: { after?: Cursor; atMost?: Cursor; since?: string; until?: string; limit: number }): Promise<Row[]> {
    const { schema, columns, exceptionColumns } = this.layout!
    const client = this.client!
    const events = `${client.escapeIdentifier(schema)}.${client.escapeIdentifier(TABLE)}`
    const exceptions = `${client.escapeIdentifier(schema)}.${client.escapeIdentifier(EXCEPTIONS_TABLE)}`
    const select = ['e.log_record_id', 'e.message_ts', '(extract(epoch from e.message_ts) * 1000)::float8 AS ts_ms']
    for (const column of [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]) {
      if (column === 'log_record_id' || column === 'message_ts') continue
      const own = columns.has(column) ? `e.${column}` : undefined
      const joined = EXCEPTION_COLUMNS.includes(column) && exceptionColumns.has(column) ? `x.${column}` : undefined
      if (own || joined) select.push(`${own && joined ? `COALESCE(${own}, ${joined})` : (own ?? joined)} AS ${column}`)
    }
    const params: unknown[] = []
    const where: string[] = []
    const param = (value: unknown): string => `$${params.push(value)}`
    const filters = this.options
    if (filters.server) where.push(`e.server_name = ${param(filters.server)}`)
    if (filters.severities && filters.severities.length > 0 && columns.has('severity')) where.push(`e.severity = ANY(${param(filters.severities)}::text[])`)
    if (filters.messageIds && filters.messageIds.length > 0) where.push(`e.message_id = ANY(${param(filters.messageIds)}::text[])`)
    const since = [filters.since, range.since].filter((time): time is string => !!time).sort().at(-1)
    if (since) where.push(`e.message_ts >= ${param(since)}`)
    if (range.until) where.push(`e.message_ts < ${param(range.until)}`)
    if (range.after) where.push(`(e.message_ts, e.log_record_id) > (${param(range.after.ts)}, ${param(range.after.id)})`)
    if (range.atMost) where.push(`(e.message_ts, e.log_record_id) <= (${param(range.atMost.ts)}, ${param(range.atMost.id)})`)
    const join = exceptionColumns.size > 0 ? ` LEFT JOIN ${exceptions} x ON x.log_record_id = e.log_record_id` : ''
    const sql = `SELECT ${select.join(', ')} FROM ${events} e${join}${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY e.message_ts, e.log_record_id LIMIT ${param(range.limit)}`
    return this.query<Row>(sql, params)
  }

  private toRecords(rows: Row[], input: number, stats: ParserStats): AuditRecord[] {
    const lookback = this.options.lookbackMs ?? 60_000
    const records: AuditRecord[] = []
    for (const row of rows) {
      if (this.recent.has(row.log_record_id)) continue
      this.recent.set(row.log_record_id, row.ts_ms)
      if (row.ts_ms > this.newest) this.newest = row.ts_ms
      stats.lines++
      this.line++
      const fields = jsonAuditRecord(eventOf(row))
      if (!fields) {
        stats.unparsedLines++
        continue
      }
      const record: AuditRecord = { input, firstLine: this.line, lastLine: this.line, ...fields }
      completeAuditRecord(record)
      stats.records++
      stats.auditRecords++
      records.push(record)
    }
    for (const [id, time] of this.recent) if (time < this.newest - lookback) this.recent.delete(id)
    return records
  }

  private async query<T extends object>(sql: string, params: unknown[]): Promise<T[]> {
    const client = this.client
    if (!client) throw new AppError('unavailable', `Not connected to PostgreSQL ${this.where}`)
    try {
      await client.query('BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY')
      const result = await client.query<T>(sql, params)
      await client.query('COMMIT')
      return result.rows
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      if (error instanceof AppError) throw error
      throw new AppError(queryCode(error), `Reading the audit log in PostgreSQL ${this.where} failed: ${describePgError(error, this.target)}`)
    }
  }
}

interface Row {
  log_record_id: string
  message_ts: string
  ts_ms: number
  server_name: string
  message_id: string
  message_text: string
  severity?: string | null
  severity_code?: string | number | null
  message_parameters?: string | null
  system_action?: string | null
  user_action?: string | null
  action_description?: string | null
  thread_id?: string | number | null
  exception_class_name?: string | null
  exception_message?: string | null
  exception_stacktrace?: string | null
  message_url?: string | null
  organization?: string | null
  component_name?: string | null
}

/** A row in the JSON shape of the file and topic destinations, so one mapping makes every record. */
function eventOf(row: Row): Record<string, unknown> {
  const code = row.severity_code === null || row.severity_code === undefined || row.severity_code === '' ? undefined : Number(row.severity_code)
  const severity = row.severity ?? (code !== undefined ? AUDIT_SEVERITIES[code] : undefined)
  const event: Record<string, unknown> = {
    guid: row.log_record_id,
    timeStamp: row.ts_ms,
    originator: { serverName: row.server_name, ...(row.organization ? { organizationName: row.organization } : {}) },
    severity,
    severityCode: code,
    messageId: row.message_id,
    messageText: row.message_text,
    messageParameters: row.message_parameters ? javaArrayItems(row.message_parameters) : undefined,
    systemAction: row.system_action,
    userAction: row.user_action,
    actionDescription: row.action_description,
    exceptionClassName: row.exception_class_name,
    exceptionMessage: row.exception_message,
    exceptionStackTrace: row.exception_stacktrace,
    messageURL: row.message_url,
    ...(row.component_name ? { reportingComponent: { componentName: row.component_name } } : {})
  }
  for (const key of Object.keys(event)) if (event[key] === null || event[key] === undefined) delete event[key]
  return event
}

/** The destination stores parameters as Java's `Arrays.toString`: `[a, b, c]` (an item holding ", " cannot be told apart). */
function javaArrayItems(text: string): string[] {
  const inner = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text
  return inner === '' ? [] : inner.split(', ')
}

function emptyStats(): ParserStats {
  return { lines: 0, records: 0, auditRecords: 0, unparsedLines: 0, blankLines: 0, truncatedLines: 0 }
}

function pgCode(error: unknown): string | undefined {
  return (error as { code?: string }).code
}

function connectCode(error: unknown): 'unauthorized' | 'not-found' | 'unavailable' {
  const code = pgCode(error)
  if (code === '28P01' || code === '28000') return 'unauthorized'
  if (code === '3D000') return 'not-found'
  return 'unavailable'
}

function queryCode(error: unknown): 'unauthorized' | 'unavailable' | 'invalid-input' {
  const code = pgCode(error)
  if (code === '42501') return 'unauthorized'
  if (code === '57014' || !code || code.startsWith('08')) return 'unavailable'
  return 'invalid-input'
}

/** What went wrong, in the operator's words, with the code kept for searching. */
export function describePgError(error: unknown, target: Pick<PostgresTarget, 'host' | 'port' | 'user' | 'database'>): string {
  const code = pgCode(error)
  const message = (error as Error).message || String(error)
  switch (code) {
    case 'ECONNREFUSED':
      return `nothing accepts connections at ${target.host}:${target.port} (ECONNREFUSED): is PostgreSQL running there?`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host name ${target.host} cannot be resolved (${code})`
    case 'ETIMEDOUT':
      return `no answer from ${target.host}:${target.port} (ETIMEDOUT)`
    case 'ECONNRESET':
      return `the server closed the connection (ECONNRESET)`
    case '28P01':
      return `PostgreSQL refused the password of user ${target.user} (28P01)`
    case '28000':
      return `PostgreSQL does not let user ${target.user} in from here (28000: ${message})`
    case '3D000':
      return `there is no database ${target.database} (3D000)`
    case '42501':
      return `user ${target.user} may not read the audit tables (42501: ${message}); grant it SELECT on them`
    case '57014':
      return `a query ran past the statement timeout (57014): narrow the time range or server, or index al_audit_events (message_ts, log_record_id)`
    case '57P01':
      return `the server is shutting down (57P01)`
    default:
      if (/timeout expired|Connection terminated due to connection timeout/i.test(message)) return `no answer from ${target.host}:${target.port} within 10 s`
      if (/self[- ]signed|unable to verify|certificate/i.test(message)) return `the server's TLS certificate is not trusted (${message}); give its CA, or turn verification off for this connection only`
      if (/does not support SSL/i.test(message)) return `the server does not offer TLS (${message}); choose TLS mode "disable" for this connection if that is acceptable`
      if (/Connection terminated/i.test(message)) return `the connection was closed (${message})`
      return code ? `${message} (${code})` : message
  }
}
