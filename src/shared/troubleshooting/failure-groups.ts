/** Failing connectors grouped into causes: one thing to fix each, and whether a restart can help. */
import { counted } from '../counted'
import { isFailedStatus, type ConnectorState } from '../models/daemon'
import type { CauseSource } from './sources'

/** "3 connectors", "1 connector". */
export function connectorCount(count: number): string {
  return counted(count, 'connector')
}

/** Failing connectors that share a source and subject: one thing to fix. */
export interface FailureGroup {
  source: CauseSource
  /** The metadata server, resource or connector at fault; the connector names when the message does not say. */
  subject: string
  connectors: ConnectorState[]
  /** The knowledge base's next action for the first connector of the group. */
  action: string
  /** Restarting the connectors can help once the cause is fixed; false for a connector's own configuration. */
  restartHelps: boolean
}

const SOURCE_ORDER: Record<CauseSource, number> = { platform: 0, 'metadata-server': 1, 'third-party': 2, connector: 3, undetermined: 4 }

/** Failed connectors grouped by cause, the platform and metadata server first since everything else waits on them. */
export function groupFailures(connectors: readonly ConnectorState[]): FailureGroup[] {
  const groups = new Map<string, FailureGroup>()
  for (const connector of connectors) {
    if (!isFailedStatus(connector.status)) continue
    const classification = connector.classification
    const source: CauseSource = classification?.source ?? 'undetermined'
    // A connector's own fault is its own group: every wrong type or bad property is fixed on its own.
    const subject = source === 'connector' ? connector.name : (classification?.subject ?? connector.name)
    const key = `${source}\u0000${subject}`
    const group = groups.get(key)
    if (group) group.connectors.push(connector)
    else {
      groups.set(key, {
        source,
        subject,
        connectors: [connector],
        action: classification?.action ?? 'Read the failing message and the audit log around its last status change.',
        restartHelps: classification?.restartHelps ?? (source !== 'connector' && source !== 'platform')
      })
    }
  }
  return [...groups.values()].sort((a, b) => SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] || a.subject.localeCompare(b.subject))
}

/** The clause of a cause's action that already restarts the failing connector or connectors ("…, then restart the FAILED connectors."). */
const CONNECTOR_RESTART = /\brestart (?:the |its )?(FAILED )?connectors?\b/i

/**
 * The fix of a cause a restart can help, then the restart of its connectors, each said once: an action
 * that already restarts the connectors gets the group's count in that clause, any other gets the restart after it.
 */
export function fixThenRestart(action: string, connectors: number): string {
  if (!CONNECTOR_RESTART.test(action)) return `${action} Once that is fixed, restart its ${connectorCount(connectors)}.`
  return action.replace(CONNECTOR_RESTART, (_clause, failed: string | undefined) => `restart its ${counted(connectors, `${failed ?? ''}connector`)}`)
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
    case 'platform':
      return `Platform or server configuration at fault (${group.subject}): ${count}`
    default:
      return `${count} failing for a reason the evidence does not establish`
  }
}
