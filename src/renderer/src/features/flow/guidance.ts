/**
 * The flow's compass: from what the daemon reports now, what was found and the next safe action,
 * in the order the troubleshooting guide takes it (fix the cause, restart, then refresh).
 */
import type { FailureSource } from '../../../../shared/models/audit'
import { isFailedStatus, type ConnectorState, type DaemonStatus } from '../../../../shared/models/daemon'
import type { FlowStep } from '../../store/ui-slice'

/** "3 connectors", "1 connector". */
export function connectorCount(count: number): string {
  return `${count} connector${count === 1 ? '' : 's'}`
}

/** Failing connectors that share a source and subject: one thing to fix. */
export interface FailureGroup {
  source: FailureSource | 'unknown'
  /** The metadata server, resource or connector at fault; the connector names when the message does not say. */
  subject: string
  connectors: ConnectorState[]
  /** The knowledge base's next action for the first connector of the group. */
  action: string
  /** Restarting the connectors can help once the cause is fixed; false for a connector's own configuration. */
  restartHelps: boolean
}

const SOURCE_ORDER: Record<FailureGroup['source'], number> = { 'metadata-server': 0, 'third-party': 1, connector: 2, unknown: 3 }

/** Failed connectors grouped by cause, the metadata server first since everything else waits on it. */
export function groupFailures(connectors: readonly ConnectorState[]): FailureGroup[] {
  const groups = new Map<string, FailureGroup>()
  for (const connector of connectors) {
    if (!isFailedStatus(connector.status)) continue
    const source = connector.classification?.source ?? 'unknown'
    // A connector's own fault is its own group: every wrong type or bad property is fixed on its own.
    const subject = source === 'connector' ? connector.name : (connector.classification?.subject ?? connector.name)
    const key = `${source}\u0000${subject}`
    const group = groups.get(key)
    if (group) group.connectors.push(connector)
    else {
      groups.set(key, {
        source,
        subject,
        connectors: [connector],
        action: connector.classification?.action ?? 'Read the failing message and the audit log around its last status change.',
        restartHelps: source !== 'connector'
      })
    }
  }
  return [...groups.values()].sort((a, b) => SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] || a.subject.localeCompare(b.subject))
}

/**
 * Whether restarting this connector can bring it back once its group's cause is fixed: not for a
 * connector's own configuration, nor for one whose creation failed (CONFIG_FAILED), which the daemon
 * only retries from a corrected configuration.
 */
export function restartCanHelp(group: FailureGroup, connector: ConnectorState): boolean {
  return group.restartHelps && connector.status !== 'CONFIG_FAILED'
}

export function describeGroup(group: FailureGroup): string {
  const count = connectorCount(group.connectors.length)
  switch (group.source) {
    case 'metadata-server':
      return `Metadata server ${group.subject} unavailable: ${count}`
    case 'third-party':
      return `${group.subject} unavailable: ${count}`
    case 'connector':
      return `Connector ${group.subject} is misconfigured`
    default:
      return `${count} failing for a reason the knowledge base does not know`
  }
}

export interface Guidance {
  tone: 'ok' | 'attention' | 'problem' | 'unknown'
  /** What was found, in one sentence. */
  found: string
  /** The next safe action. */
  next: string
  /** Where in the flow that action is taken. */
  step?: FlowStep
}

export interface GuidanceInput {
  status?: DaemonStatus
  /** The last read failed (the status may be an older good one). */
  error?: string
  /** The latest restart on this connection in this session brought connectors back and no refresh followed. */
  restartedWithoutRefresh?: boolean
}

export function nextSafeAction({ status, error, restartedWithoutRefresh }: GuidanceInput): Guidance {
  if (error) {
    return {
      tone: 'problem',
      found: `The daemon’s status cannot be read: ${error}`,
      next: 'Check the connection hop by hop (network, TLS, platform, server) before anything else.',
      step: 'status'
    }
  }
  if (!status) return { tone: 'unknown', found: 'The daemon’s status has not been read yet.', next: 'Read the status.', step: 'status' }
  const groups = groupFailures(status.connectors)
  const found = groups.length > 0 ? `${status.counts.failed} of ${status.counts.total} connectors failed: ${groups.map(describeGroup).join('; ')}.` : undefined
  const restartable = groups.find((group) => group.restartHelps)
  if (found && restartable) {
    // Most knowledge-base actions already end with the restart; say it only when they do not.
    const next = /restart/i.test(restartable.action) ? restartable.action : `${restartable.action} Then restart the connectors whose cause is fixed.`
    return { tone: 'problem', found, next, step: 'restart' }
  }
  if (restartedWithoutRefresh) {
    return {
      tone: 'attention',
      found: found ?? 'Every connector is healthy again after a restart.',
      next: 'Refresh the recovered connectors so they catch up on what changed during the outage.',
      step: 'refresh'
    }
  }
  if (found) {
    // Only connectors' own faults are left: the fix is in the daemon's configuration, outside this app.
    const action = groups[0]!.action
    const next = /cannot help/i.test(action) ? action : `${action} Restarting the connector alone cannot help.`
    return { tone: 'problem', found, next, step: 'report' }
  }
  const overdue = status.connectors.filter((connector) => connector.refreshOverdue).length
  if (overdue > 0) {
    return {
      tone: 'attention',
      found: `No connector failed, but ${overdue} ${overdue === 1 ? 'is' : 'are'} overdue for a refresh.`,
      next: 'Look at the audit log for what holds them up before refreshing.',
      step: 'audit-log'
    }
  }
  return {
    tone: 'ok',
    found: `All ${status.counts.total} connectors are healthy.`,
    next: 'Save the incident report with what was wrong and what was done.',
    step: 'report'
  }
}
