/** Turns any version's `IntegrationDaemonStatusResponse` into the one `DaemonStatus` model. */
import {
  isFailedStatus,
  isHealthyStatus,
  type ConnectorState,
  type DaemonStatus,
  type EgeriaMajor,
  type GroupState,
  type ServiceState
} from '../../../shared/models/daemon'
import { classifyFailingMessage } from './classify'
import { extractMessageIds } from '../../../shared/knowledge'

type Json = Record<string, unknown>
const obj = (value: unknown): Json | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.map(obj).filter((entry): entry is Json => !!entry) : [])
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

/**
 * A refresh is overdue when none happened for well over the interval: twice the interval, and at
 * least 15 minutes late, so a slow refresh of a busy connector is not flagged.
 */
export function isRefreshOverdue(
  connector: Pick<ConnectorState, 'status' | 'lastRefreshTime' | 'minMinutesBetweenRefresh'>,
  major: EgeriaMajor,
  now: Date
): boolean {
  const interval = connector.minMinutesBetweenRefresh ?? 0
  if (interval <= 0 || !connector.lastRefreshTime) return false
  // 5.0+ RUNNING connectors use a dedicated thread and are never refreshed; failed ones are skipped.
  const polled = connector.status === 'WAITING' || connector.status === 'REFRESHING' || (major <= 4 && connector.status === 'RUNNING')
  if (!polled) return false
  const last = Date.parse(connector.lastRefreshTime)
  if (Number.isNaN(last)) return false
  const lateMinutes = (now.getTime() - last) / 60_000 - interval
  return lateMinutes > Math.max(interval, 15)
}

function toConnector(report: Json, major: EgeriaMajor, now: Date): ConnectorState {
  const failingMessage = str(report.failingExceptionMessage)
  const ids = extractMessageIds(failingMessage)
  const minutes = typeof report.minMinutesBetweenRefresh === 'number' ? report.minMinutesBetweenRefresh : undefined
  const state: ConnectorState = {
    name: str(report.connectorName) ?? '(unnamed connector)',
    // Absent while a restart is in progress (Egeria nulls the status before re-initialising).
    status: str(report.connectorStatus) ?? 'RESTARTING',
    lastStatusChange: str(report.lastStatusChange),
    lastRefreshTime: str(report.lastRefreshTime),
    minMinutesBetweenRefresh: minutes,
    refreshOverdue: false,
    failingMessage,
    failingMessageIds: ids,
    failingMessageId: ids[0],
    classification: failingMessage ? classifyFailingMessage(failingMessage, major) : undefined,
    statistics: obj(report.statistics)
  }
  state.refreshOverdue = isRefreshOverdue(state, major, now)
  return state
}

export class MalformedStatusError extends Error {}

export function normaliseStatus(
  body: unknown,
  context: { server: string; platformUrl: string; egeria: EgeriaMajor; platformVersion?: string; now?: Date }
): DaemonStatus {
  const now = context.now ?? new Date()
  const response = obj(body)
  if (!response) throw new MalformedStatusError('The status answer is not a JSON object')
  const wrapped = obj(response.integrationDaemonStatus)
  // ≤ 3.x: service summaries directly on the response; 4.0+: inside integrationDaemonStatus.
  const holder = wrapped ?? response
  if (!wrapped && !('integrationServiceSummaries' in response) && response.class !== 'IntegrationDaemonStatusResponse') {
    throw new MalformedStatusError('The answer carries no integration daemon status')
  }
  const byName = new Map<string, ConnectorState>()
  const merge = (report: Json, membership: { service?: string; group?: string }): string => {
    const fresh = toConnector(report, context.egeria, now)
    const existing = byName.get(fresh.name)
    const merged = existing ? { ...fresh, ...stripUndefined(existing) } : fresh
    if (membership.service) merged.service = membership.service
    if (membership.group) merged.group = membership.group
    byName.set(fresh.name, merged)
    return fresh.name
  }
  // The 5.0+ top-level list is the fullest report of each connector, so it goes first.
  for (const report of list(holder.integrationConnectorReports)) merge(report, {})
  const services: ServiceState[] = list(holder.integrationServiceSummaries).map((summary) => {
    const marker = str(summary.integrationServiceURLMarker) ?? String(summary.integrationServiceId ?? '')
    return {
      marker,
      name: str(summary.integrationServiceFullName),
      id: typeof summary.integrationServiceId === 'number' ? summary.integrationServiceId : undefined,
      connectorNames: list(summary.integrationConnectorReports).map((report) => merge(report, { service: marker }))
    }
  })
  const groups: GroupState[] = list(holder.integrationGroupSummaries).map((summary) => {
    const name = str(summary.integrationGroupName) ?? '(unnamed group)'
    return {
      name,
      guid: str(summary.integrationGroupGUID),
      status: str(summary.integrationGroupStatus),
      lastRefreshTime: str(summary.lastRefreshTime),
      connectorNames: list(summary.integrationConnectorReports).map((report) => merge(report, { group: name }))
    }
  })
  const connectors = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name))
  const failed = connectors.filter((connector) => isFailedStatus(connector.status)).length
  const healthy = connectors.filter((connector) => isHealthyStatus(connector.status)).length
  return {
    server: context.server,
    platformUrl: context.platformUrl,
    egeria: context.egeria,
    platformVersion: context.platformVersion,
    fetchedAt: now.toISOString(),
    services,
    groups,
    connectors,
    counts: { total: connectors.length, failed, healthy, other: connectors.length - failed - healthy }
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>
}

/** The shape of a status answer, for telling versions apart when the origin cannot be read. */
export function majorFromStatusShape(body: unknown): EgeriaMajor | undefined {
  const response = obj(body)
  if (!response) return undefined
  if (Array.isArray(response.integrationServiceSummaries)) return 3
  const wrapped = obj(response.integrationDaemonStatus)
  if (!wrapped) return undefined
  return 'integrationConnectorReports' in wrapped ? 5 : 4
}
