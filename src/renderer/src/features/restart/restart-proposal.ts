/**
 * The restart proposal: failing connectors grouped by their cause, each cause with the
 * precondition that must hold before a restart can help, and the connectors proposed for restart.
 */
import { FAILURE_SOURCE_LABELS, type FailureSource } from '../../../../shared/models/audit'
import { isFailedStatus, type ConnectorState, type DaemonStatus, type ServerCheck } from '../../../../shared/models/daemon'

export type Precondition =
  /** The app asks the connection's platform whether the metadata server is active. */
  | { kind: 'server-active'; server: string }
  /** Only the operator can tell (a directory, a third-party system, an unclassified failure). */
  | { kind: 'operator'; statement: string }
  /** Restarting cannot help: the daemon's configuration must change. */
  | { kind: 'cannot-help'; advice: string }

export interface Cause {
  /** Stable across polls: source and subject. */
  key: string
  source: FailureSource | 'unknown'
  subject?: string
  /** What is wrong, for example "The directory the connector monitors does not exist." */
  summary: string
  /** The knowledge base's next action. */
  action: string
  connectors: ConnectorState[]
  precondition: Precondition
}

export interface CauseReadiness {
  ready: boolean
  /** Still being checked: not ready, but not a reason to worry yet. */
  pending: boolean
  reason: string
}

export const SOURCE_LABEL: Record<Cause['source'], string> = {
  ...FAILURE_SOURCE_LABELS,
  connector: 'Connector configuration',
  unknown: 'Unclassified failure'
}

const CANNOT_HELP = 'Restarting the connector cannot help: its configuration is wrong.'
const CONFIGURATION_ADVICE =
  'Change the integration daemon’s configuration (move the connector to the right integration service or group, or fix its connector type), then restart the daemon.'

function preconditionOf(source: Cause['source'], subject: string | undefined, connector: ConnectorState): Precondition {
  if (source === 'connector' || connector.status === 'CONFIG_FAILED') {
    // The knowledge base's action often ends by saying so too: say it once, first.
    const action = (connector.classification?.action ?? CONFIGURATION_ADVICE).replace(/\s*\(restarting the connector cannot help\)/i, '')
    return { kind: 'cannot-help', advice: `${CANNOT_HELP} ${action}` }
  }
  if (source === 'metadata-server' && subject) return { kind: 'server-active', server: subject }
  if (source === 'metadata-server') return { kind: 'operator', statement: 'The metadata server these connectors call is running again' }
  if (source === 'third-party') {
    return {
      kind: 'operator',
      statement: subject
        ? /[/\\]/.test(subject)
          ? `The directory ${subject} has been created`
          : `${subject} is available again`
        : 'The third-party technology is available again'
    }
  }
  return { kind: 'operator', statement: 'The cause of this failure has been dealt with' }
}

/** Failing connectors grouped by source and subject; causes that restarting can fix come first. */
export function causesOf(status: DaemonStatus): Cause[] {
  const causes = new Map<string, Cause>()
  for (const connector of status.connectors) {
    if (!isFailedStatus(connector.status)) continue
    const classification = connector.classification
    const source: Cause['source'] = classification?.source ?? 'unknown'
    const subject = classification?.subject
    const precondition = preconditionOf(source, subject, connector)
    // A CONFIG_FAILED connector stays apart from a restartable cause with the same subject.
    const key = `${source}|${subject ?? ''}|${precondition.kind === 'cannot-help' ? 'config' : 'restart'}`
    const existing = causes.get(key)
    if (existing) {
      existing.connectors.push(connector)
      continue
    }
    causes.set(key, {
      key,
      source,
      subject,
      summary: classification?.summary ?? `${connector.status}: ${connector.failingMessageId ?? 'no message ID'}`,
      action: classification?.action ?? 'Find the cause in the audit log, deal with it, then restart the connector.',
      connectors: [connector],
      precondition
    })
  }
  const order: Precondition['kind'][] = ['server-active', 'operator', 'cannot-help']
  return [...causes.values()].sort((a, b) => order.indexOf(a.precondition.kind) - order.indexOf(b.precondition.kind))
}

/** Whether a cause's precondition holds, from the platform's answer or the operator's confirmation. */
export function readinessOf(cause: Cause, checks: Record<string, ServerCheck | undefined>, confirmed: Record<string, boolean>): CauseReadiness {
  const precondition = cause.precondition
  switch (precondition.kind) {
    case 'cannot-help':
      return { ready: false, pending: false, reason: 'Restarting cannot help' }
    case 'operator':
      return confirmed[cause.key]
        ? { ready: true, pending: false, reason: 'Confirmed by you' }
        : { ready: false, pending: false, reason: 'Waiting for your confirmation' }
    case 'server-active': {
      const check = checks[precondition.server]
      if (!check) return { ready: false, pending: true, reason: `Checking whether ${precondition.server} is active…` }
      if (check.state === 'active') return { ready: true, pending: false, reason: `${precondition.server} is active` }
      if (check.state === 'inactive') return { ready: false, pending: false, reason: `${precondition.server} is not active` }
      // The platform cannot tell: the operator can.
      return confirmed[cause.key]
        ? { ready: true, pending: false, reason: 'Confirmed by you' }
        : { ready: false, pending: false, reason: 'Cannot be checked from here: waiting for your confirmation' }
    }
  }
}

/** Whether the operator must (and may) confirm this cause themselves. */
export function needsOperator(cause: Cause, checks: Record<string, ServerCheck | undefined>): boolean {
  if (cause.precondition.kind === 'operator') return true
  if (cause.precondition.kind !== 'server-active') return false
  const state = checks[cause.precondition.server]?.state
  return state === 'unknown' || state === 'unreachable'
}

/** The connectors proposed for restart: those of every cause whose precondition holds. */
export function proposedConnectors(causes: Cause[], checks: Record<string, ServerCheck | undefined>, confirmed: Record<string, boolean>): string[] {
  return causes.filter((cause) => readinessOf(cause, checks, confirmed).ready).flatMap((cause) => cause.connectors.map((connector) => connector.name))
}

/** Metadata servers the proposal needs checked. */
export function serversToCheck(causes: Cause[]): string[] {
  return [...new Set(causes.flatMap((cause) => (cause.precondition.kind === 'server-active' ? [cause.precondition.server] : [])))]
}

/** "3 connectors", "1 connector". */
export function connectorCount(count: number): string {
  return `${count} connector${count === 1 ? '' : 's'}`
}
