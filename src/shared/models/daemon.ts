/** One status model for every Egeria version: what the UI and the CLI render. */
import { counted } from '../counted'
import type { FailureClassification } from '../knowledge/classify'
import type { FailureSource } from './audit'
import type { ConfigurationChange, ConfigurationDiffLine } from './configuration'

export type { FailureSource }

export type EgeriaMajor = 3 | 4 | 5 | 6

/** Egeria's `IntegrationConnectorStatus` constant names (keyed by name: 5.0 renumbered the ordinals). */
export const CONNECTOR_STATUSES = [
  'INITIALIZED',
  'WAITING',
  'REFRESHING',
  'RUNNING',
  'STOPPED',
  'INITIALIZE_FAILED',
  'CONFIG_FAILED',
  'SHUTDOWN',
  'FAILED'
] as const
export type KnownConnectorStatus = (typeof CONNECTOR_STATUSES)[number]

/** `RESTARTING`: Egeria sends no status while a restart is in progress (the field is absent). */
export type ConnectorStatus = KnownConnectorStatus | 'RESTARTING' | (string & {})

export const FAILED_STATUSES: readonly string[] = ['FAILED', 'CONFIG_FAILED', 'INITIALIZE_FAILED']
export const HEALTHY_STATUSES: readonly string[] = ['WAITING', 'REFRESHING', 'RUNNING']
/** States a connector passes through on its way to a verdict: an action's outcome waits them out. */
export const TRANSITIONAL_STATUSES: readonly string[] = ['RESTARTING', 'INITIALIZED', 'REFRESHING']

/** Where a failing message comes from, by the log-analysis knowledge base (its message IDs are on the connector). */
export type ConnectorClassification = Omit<FailureClassification, 'messageIds' | 'rule'>

export interface ConnectorState {
  name: string
  status: ConnectorStatus
  /** The integration service URL marker (3.x–5.3) the connector runs under. */
  service?: string
  /** The integration group qualified name (4.0+). */
  group?: string
  lastStatusChange?: string
  lastRefreshTime?: string
  minMinutesBetweenRefresh?: number
  /** No refresh for well over its interval while the connector should be polled. */
  refreshOverdue: boolean
  failingMessage?: string
  /** Message IDs found in the failing message, first one first. */
  failingMessageIds: string[]
  failingMessageId?: string
  classification?: ConnectorClassification
  statistics?: Record<string, unknown>
}

export interface ServiceState {
  marker: string
  name?: string
  id?: number
  connectorNames: string[]
}

export interface GroupState {
  name: string
  guid?: string
  status?: string
  lastRefreshTime?: string
  connectorNames: string[]
}

export interface DaemonStatus {
  server: string
  platformUrl: string
  egeria: EgeriaMajor
  /** The platform origin text when it was read, for example `Egeria OMAG Server Platform (version 5.4)`. */
  platformVersion?: string
  fetchedAt: string
  services: ServiceState[]
  groups: GroupState[]
  connectors: ConnectorState[]
  /**
   * 5.0+: the daemon has loaded no connector yet (its status call fails on an empty daemon, so the
   * groups were read instead); they come once each group reads its configuration from its metadata server.
   */
  noConnectors?: boolean
  counts: { total: number; failed: number; healthy: number; other: number }
}

export function isFailedStatus(status: string): boolean {
  return FAILED_STATUSES.includes(status)
}

export function isHealthyStatus(status: string): boolean {
  return HEALTHY_STATUSES.includes(status)
}

export function isTransitionalStatus(status: string): boolean {
  return TRANSITIONAL_STATUSES.includes(status)
}

/** What an action applies to. */
export type ActionScope =
  | { kind: 'connector'; name: string }
  /** Several named connectors: one call each, like `failed`, but chosen by the operator. */
  | { kind: 'connectors'; names: string[] }
  | { kind: 'service'; marker: string }
  | { kind: 'group'; name: string }
  | { kind: 'failed' }
  | { kind: 'all' }
  /** The daemon itself, stopped and started again: it reads its configuration afresh (restart only). */
  | { kind: 'daemon' }

/** A daemon's connector counts in words: "1 connector: 1 healthy, 0 failed, 0 other". */
export function describeCounts(counts: DaemonStatus['counts']): string {
  return `${counted(counts.total, 'connector')}: ${counts.healthy} healthy, ${counts.failed} failed, ${counts.other} other`
}

/** An action's scope in words: "connector X", "the failed connectors"… */
export function describeScope(scope: ActionScope): string {
  switch (scope.kind) {
    case 'connector':
      return `connector ${scope.name}`
    case 'connectors':
      return scope.names.length === 1 ? `connector ${scope.names[0]}` : `${scope.names.length} connectors (${scope.names.join(', ')})`
    case 'service':
      return `integration service ${scope.marker}`
    case 'group':
      return `integration group ${scope.name}`
    case 'failed':
      return 'the failed connectors'
    case 'all':
      return 'all connectors'
    case 'daemon':
      return 'the daemon'
  }
}

export type ActionKind = 'restart' | 'refresh'

/**
 * What the journal records: a restart or refresh, a configuration change (which restarts the
 * connector), or a group re-reading its configuration from its metadata server.
 */
export type RecordedAction = ActionKind | 'configure' | 'reload-group'

export const ACTION_LABELS: Record<RecordedAction, string> = {
  restart: 'Restart',
  refresh: 'Refresh',
  configure: 'Configuration change',
  'reload-group': 'Configuration re-read'
}

/** A configuration change as recorded: what changed, field by field (secrets masked). */
export interface ConfigurationRecord {
  connector: string
  change: ConfigurationChange['kind']
  diff: ConfigurationDiffLine[]
  /** The same fields as read back from the daemon after the change. */
  readBack: ConfigurationDiffLine[]
}

export type ConnectorOutcomeKind = 'recovered' | 'still-failing-same' | 'failing-new-error' | 'unchanged' | 'now-failing' | 'healthy'

export interface ConnectorOutcome {
  name: string
  before?: string
  after?: string
  beforeMessageId?: string
  afterMessageId?: string
  /** `lastRefreshTime` before and after: a refresh shows in these, not in the status. */
  beforeRefreshTime?: string
  afterRefreshTime?: string
  outcome: ConnectorOutcomeKind
  /** Plain-language sentence for the operator. */
  verdict: string
}

/** One call an action made, as the journal keeps it (a record of what happened, not a `Result`). */
export interface ActionCallRecord {
  /** What was called, for example `POST …/integration-connectors/restart name=X`. */
  call: string
  ok: boolean
  error?: string
}

export interface ActionReport {
  id: string
  action: RecordedAction
  /** Configuration changes only. */
  configuration?: ConfigurationRecord
  scope: ActionScope
  startedAt: string
  finishedAt: string
  calls: ActionCallRecord[]
  /** `settled`: the affected connectors stopped changing; `timeout`: they did not within the limit; `stopped`: the operator stopped waiting. */
  settle: 'settled' | 'timeout' | 'stopped' | 'not-verified'
  connectors: ConnectorOutcome[]
  /** True when every affected connector ends healthy and every call succeeded. */
  success: boolean
  summary: string
}

/**
 * Whether a server (typically the metadata server a connector calls) is active, as the connection's
 * platform says. `unknown`: the platform does not host it, so the app cannot tell from here.
 */
export interface ServerCheck {
  server: string
  /** The platform that was asked: the connection's own. */
  platformUrl: string
  state: 'active' | 'inactive' | 'unknown' | 'unreachable'
  serverType?: string
  /** Plain-language answer for the operator, saying what to do when the state is not `active`. */
  verdict: string
  checkedAt: string
}

export interface ProbeHop {
  id: 'tcp' | 'tls' | 'platform' | 'server' | 'daemon' | 'status'
  label: string
  state: 'pass' | 'fail' | 'skipped' | 'warn'
  ms?: number
  verdict: string
  details?: Record<string, string | number | boolean>
}

export interface ProbeReport {
  platformUrl: string
  server: string
  startedAt: string
  hops: ProbeHop[]
  /** The first failing hop's verdict, or a pass sentence. */
  answer: string
  ok: boolean
  egeria?: EgeriaMajor
}

export interface ActionProgress {
  actionId: string
  connectionId: string
  phase: 'before' | 'calling' | 'waiting' | 'after' | 'done'
  message: string
  done?: number
  total?: number
}

export interface JournalEntry {
  time: string
  connection: { id?: string; name?: string; platformUrl: string; server: string; userId?: string }
  action: RecordedAction
  configuration?: ConfigurationRecord
  scope: ActionScope
  before: Pick<ConnectorState, 'name' | 'status' | 'failingMessageId'>[]
  after: Pick<ConnectorState, 'name' | 'status' | 'failingMessageId'>[]
  outcome: Pick<ActionReport, 'success' | 'settle' | 'summary' | 'calls'> & { connectors: ConnectorOutcome[] }
  /** Connectors and calls left out of a very large action's entry (its summary still counts them). */
  omitted?: { connectors: number; calls: number }
}

/** One entry of a watched connection's history, pushed as the `daemon.snapshot` event. */
export interface StatusSnapshot {
  connectionId: string
  status?: DaemonStatus
  /** Why the status could not be read this time. */
  error?: string
  /** Connectors whose status or failing message ID changed since the previous snapshot. */
  changed: string[]
  at: string
}

export interface JournalPage {
  entries: JournalEntry[]
  /** Lines that did not parse (a torn write); kept in the file, skipped here. */
  unreadableLines: number
}

export interface JournalExport {
  fileName: string
  text: string
  count: number
}
