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
  const failed = connectors.filter((connector) => isFailedStatus(connector.status))
  const groups = new Map<string, FailureGroup>()
  for (const connector of failed) {
    const classification = connector.classification
    const source: CauseSource = classification?.source ?? 'undetermined'
    const subject = classification?.subject ?? connector.name
    const key = classification?.source === 'connector' ? ownFaultsKey([faultOf(classification.rootMessageId, classification.summary, classification.subject)]) : `${source}\u0000${subject}`
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
  for (const group of groups.values()) if (group.source === 'connector') group.subject = connectorsSubject(group.connectors.map((connector) => connector.name))
  return [...groups.values()].sort((a, b) => SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] || a.subject.localeCompare(b.subject))
}

/** What is wrong with a connector itself, to tell one fault from another: its innermost message ID, meaning and what it names. */
export function faultOf(rootMessageId: string | undefined, meaning: string, named: string | undefined): string {
  return `${rootMessageId ?? ''}\u0000${meaning}\u0000${named ?? ''}`
}

/**
 * The cause of a connector's own faults. Such a fault (a wrong class, a bad property, a bug) is fixed
 * connector by connector, but connectors whose faults are all the same are one cause with many
 * connectors, not many causes saying the same: they share this key.
 */
export function ownFaultsKey(faults: Iterable<string>): string {
  return `connector\u0000${[...new Set(faults)].sort().join('\u0001')}`
}

/** The subject of a cause that is the connectors' own fault: "A", "A and B", "A, B and C", "A, B, C and 17 more". */
export function connectorsSubject(names: readonly string[]): string {
  const shown = names.slice(0, 3)
  const more = names.length - shown.length
  if (more > 0) return `${shown.join(', ')} and ${more} more`
  return shown.length < 2 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`
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
      return group.connectors.length === 1 ? `Connector ${group.subject} is misconfigured` : `${count} misconfigured or faulty the same way (${group.subject})`
    case 'platform':
      return `Platform or server configuration at fault (${group.subject}): ${count}`
    default:
      return `${count} failing for a reason the evidence does not establish`
  }
}
