/** Audit log analysis: the record model, findings and the report shared by the CLI, services and UI. */
import type { DaemonStatus } from './daemon'

/** Display names of Egeria's audit severities (AuditLogRecordSeverityLevel and the older OMRS enum). */
export const AUDIT_SEVERITIES = [
  'Unknown', 'Information', 'Event', 'Decision', 'Action', 'Error', 'Exception', 'Security',
  'Startup', 'Shutdown', 'Asset', 'Types', 'Cohort', 'Trace', 'PerfMon', 'Activity'
] as const
export type AuditSeverity = (typeof AUDIT_SEVERITIES)[number]

/** Severities that mark a problem even when the message ID is unknown. */
export const PROBLEM_SEVERITIES: readonly AuditSeverity[] = ['Action', 'Error', 'Exception', 'Security']
/** The same, for a lookup by any printed severity (every record asks). */
export const PROBLEM_SEVERITY_SET: ReadonlySet<string> = new Set(PROBLEM_SEVERITIES)

/**
 * Where a failure can come from: the troubleshooting guide's three places, and the platform (the OMAG
 * Server Platform or a server's configuration document). Labels and meanings: troubleshooting/sources.ts.
 */
export const FAILURE_SOURCES = ['metadata-server', 'third-party', 'connector', 'platform'] as const
export type FailureSource = (typeof FAILURE_SOURCES)[number]
/** A cause's source: one of the failure sources, or undetermined when the evidence does not establish one. */
export type CauseSource = FailureSource | 'undetermined'

/** Likely source of a message: a failure source, plain lifecycle chatter, or "read the nested message". */
export type MessageSource = FailureSource | 'lifecycle' | 'nested'

/**
 * How a record was written: console destination, SLF4J destination, JSON record, or non-audit output
 * (platform System.out, Spring Boot/logback, a saved REST response, free text naming IDs or exceptions).
 */
export type RecordFormat = 'console' | 'slf4j' | 'json' | 'platform' | 'logback' | 'rest' | 'text'

/** `postgres` and `kafka`: Egeria's database and event-topic audit log destinations. */
export type InputFormat = 'console' | 'json-lines' | 'omalrecord-dir' | 'mixed' | 'postgres' | 'kafka'

export interface AuditRecord {
  /** Index of the input this record came from. */
  input: number
  /** 1-based first and last line of the record in its input (for a directory: the file's index). */
  firstLine: number
  lastLine: number
  /** The file of a directory input (.omalrecord); lines then count files in time order. */
  file?: string
  format: RecordFormat
  /** True for Egeria audit records; false for platform and Spring Boot output kept for context. */
  audit: boolean
  /** ISO 8601 in UTC, when the line carried a time. */
  time?: string
  server?: string
  severity?: string
  messageId?: string
  text: string
  /** Every message ID in the record, outermost to innermost, starting with its own. */
  messageIds: string[]
  /**
   * messageIds are exactly those of messageId, text, exceptionMessage and the trace's first line, in that
   * order (completeAuditRecord read them): whoever reads more of the trace looks only at the rest.
   */
  messageIdsOfHead?: true
  connector?: string
  exceptionClass?: string
  exceptionMessage?: string
  /** Stack trace lines (capped); the first is the exception's toString(). */
  stackTrace?: string[]
  guid?: string
  furtherReading?: string
  /** Logback level for Spring Boot lines. */
  level?: string
  logger?: string
  /** A line was longer than the cap and was cut. */
  truncated?: boolean
  /** A saved integration daemon status answer, as the Status step reads it. */
  daemonStatus?: DaemonStatus
}

export interface EvidenceRef {
  input: number
  line: number
  /** The .omalrecord file, for directory inputs. */
  file?: string
}

export interface Finding {
  id: string
  connector?: string
  server?: string
  source: CauseSource
  subject: string
  rootMessageId?: string
  messageIds: string[]
  summary: string
  action: string
  evidence: EvidenceRef[]
  firstSeen?: string
  lastSeen?: string
  occurrences: number
}

export interface Cause {
  source: CauseSource
  /** For an undetermined source: the sources the evidence leaves open, to be checked. */
  candidates?: FailureSource[]
  subject: string
  verdict: string
  connectors: string[]
  findings: string[]
  action: string
}

/** A connector's state as inferred from its lifecycle messages in the log. */
export type InferredConnectorState =
  | 'initializing' | 'running' | 'failed' | 'initialize-failed' | 'config-failed' | 'stopped' | 'unknown'

export type ConnectorEventKind = 'initializing' | 'failure' | 'refresh' | 'refreshed' | 'restart' | 'stopped'

export interface ConnectorEvent {
  kind: ConnectorEventKind
  time?: string
  messageId?: string
  evidence: EvidenceRef
}

export interface ConnectorTimeline {
  name: string
  server?: string
  service?: string
  state: InferredConnectorState
  events: ConnectorEvent[]
  /** Events left out of `events` to keep memory bounded. */
  omittedEvents: number
  refreshes: number
  failures: number
  /** Time of the latest refresh heartbeat: runs of heartbeats are one event in `events`. */
  lastRefresh?: string
  /** Restarted again and again, failing the same way each time: another restart will not help. */
  restartLoop?: RestartLoop
}

export interface RestartLoop {
  /** Restarts in a row after which the connector failed with the same root message. */
  restarts: number
  rootMessageId: string
  /** The first of those restarts. */
  since?: string
}

/** How the lines of an input were accounted for: every line is part of a record or counted as unparsed. */
export interface LineCounts {
  lines: number
  records: number
  auditRecords: number
  unparsedLines: number
  blankLines: number
  truncatedLines: number
}

export interface InputSummary extends LineCounts {
  path: string
  format: InputFormat
  /** Byte offset after the last complete line of a plain file: where a live tail resumes. */
  endOffset?: number
  /** What was skipped and why (malformed topic events), first few only. */
  notes?: string[]
}

export interface AnalysisReport {
  records: number
  auditRecords: number
  unparsedLines: number
  servers: string[]
  inputs: InputSummary[]
  connectors: ConnectorTimeline[]
  findings: Finding[]
  causes: Cause[]
  severityCounts: Record<string, number>
}

/** A log's text with the name it is shown under (a file read by the browser, or a paste). */
export interface LogText {
  name: string
  text: string
}

/** An opened log in the app: the analysis plus the records kept for browsing. */
export interface LogSession {
  id: string
  name: string
  report: AnalysisReport
  /** Records kept for paging and search; the oldest are dropped past the cap (counted here). */
  storedRecords: number
  droppedRecords: number
  following: boolean
  /** Why a followed audit database or topic cannot be read just now (it keeps trying; records read are kept). */
  problem?: string
}

export interface RecordQuery {
  offset?: number
  limit?: number
  severities?: string[]
  server?: string
  connector?: string
  messageId?: string
  /** Only Egeria audit records (no platform or Spring Boot lines). */
  auditOnly?: boolean
}

export interface RecordPage {
  /** Records matching the filters. */
  total: number
  offset: number
  records: AuditRecord[]
}

/** Where to go among a session's records (after the filters of a `RecordQuery`). */
export type LocateTarget =
  /** The record holding this line of an input (an evidence line). */
  | { kind: 'line'; input: number; line: number; file?: string }
  /** The first record at or after this time. */
  | { kind: 'time'; time: string }
  /** The next or previous problem record (Error, Exception, Action, Security or a logback ERROR) from a position. */
  | { kind: 'problem'; from: number; direction: 'next' | 'previous' }

export interface LocateResult {
  /** Position among the filtered records; absent when no record matches. */
  position?: number
  /** Records matching the filters. */
  total: number
}

export interface SearchQuery {
  pattern: string
  ignoreCase?: boolean
  /** Records shown before and after each hit. */
  context?: number
  limit?: number
}

export interface SearchHit {
  /** Position of the record among the stored records. */
  index: number
  record: AuditRecord
  before: AuditRecord[]
  after: AuditRecord[]
}

export interface SearchResult {
  hits: SearchHit[]
  /** Records searched: all of them, unless the search stopped at its time limit first. */
  searched: number
  total: number
  /** The search reached its time limit after this many seconds; its hits are those found so far. */
  stoppedAfterSeconds?: number
}

export interface SeverityHistogram {
  bucketSeconds: number
  buckets: { start: string; counts: Record<string, number> }[]
}

/** How far opening a log has got: pushed while `logs.open` reads, about ten times a second. */
export interface LogOpenProgress {
  /** The id the renderer gave `logs.open`, so it can follow and cancel that opening. */
  openId: string
  bytesRead: number
  totalBytes: number
}

export interface LogAppended {
  sessionId: string
  newRecords: number
  report: AnalysisReport
  /** Set while a followed audit database or topic cannot be read; absent once it can again. */
  problem?: string
}
