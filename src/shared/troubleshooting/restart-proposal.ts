/**
 * The restart proposal: failing connectors grouped by their cause, each cause with the
 * precondition that must hold before a restart can help, and the connectors proposed for restart.
 */
import type { ConnectorState, DaemonStatus, ServerCheck } from '../models/daemon'
import { groupFailures, restartCanHelp, type FailureGroup } from './failure-groups'

export type Precondition =
  /** The app asks the connection's platform whether the metadata server is active. */
  | { kind: 'server-active'; server: string }
  /** Only the operator can tell (a directory, a third-party system, an unclassified failure). */
  | { kind: 'operator'; statement: string }
  /** Restarting cannot help: the daemon's configuration must change. */
  | { kind: 'cannot-help'; advice: string }

/** Failing connectors grouped from the daemon status (the log analysis has its own `Cause`). */
export interface StatusCause {
  /** Stable across polls: source and subject. */
  key: string
  source: FailureGroup['source']
  /** What is at fault: a server, a resource, or the connector itself. */
  subject: string
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

const CANNOT_HELP = 'Restarting the connector cannot help: its configuration is wrong.'
const CONFIGURATION_ADVICE =
  'Change the integration daemon’s configuration (move the connector to the right integration service or group, or fix its connector type), then restart the daemon.'

function preconditionOf(group: FailureGroup): Precondition {
  const first = group.connectors[0]!
  if (!group.connectors.some((connector) => restartCanHelp(group, connector))) {
    const action = first.classification?.action ?? CONFIGURATION_ADVICE
    return { kind: 'cannot-help', advice: `${CANNOT_HELP} ${action}` }
  }
  // The group's subject falls back to a connector name when the message names nothing.
  const named = first.classification?.subject
  if (group.source === 'metadata-server' && named) return { kind: 'server-active', server: named }
  if (group.source === 'metadata-server') return { kind: 'operator', statement: 'The metadata server these connectors call is running again' }
  if (group.source === 'third-party') {
    return {
      kind: 'operator',
      statement: named ? (/[/\\]/.test(named) ? `The directory ${named} has been created` : `${named} is available again`) : 'The third-party technology is available again'
    }
  }
  return { kind: 'operator', statement: 'The cause of this failure has been dealt with' }
}

const PRECONDITION_ORDER: Precondition['kind'][] = ['server-active', 'operator', 'cannot-help']

/** Failing connectors grouped by cause (the flow's grouping); causes that restarting can fix come first. */
export function causesOf(status: DaemonStatus): StatusCause[] {
  const causes = groupFailures(status.connectors).map((group): StatusCause => {
    const first = group.connectors[0]!
    return {
      key: `${group.source}|${group.subject}`,
      source: group.source,
      subject: group.subject,
      summary: first.classification?.summary ?? `${first.status}: ${first.failingMessageId ?? 'no message ID'}`,
      action: group.action,
      connectors: group.connectors,
      precondition: preconditionOf(group)
    }
  })
  // Stable: within a kind, the flow's order (metadata server first) stays.
  return causes.sort((a, b) => PRECONDITION_ORDER.indexOf(a.precondition.kind) - PRECONDITION_ORDER.indexOf(b.precondition.kind))
}

/** Whether a cause's precondition holds, from the platform's answer or the operator's confirmation. */
export function readinessOf(cause: StatusCause, checks: Record<string, ServerCheck | undefined>, confirmed: Record<string, boolean>): CauseReadiness {
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
export function needsOperator(cause: StatusCause, checks: Record<string, ServerCheck | undefined>): boolean {
  if (cause.precondition.kind === 'operator') return true
  if (cause.precondition.kind !== 'server-active') return false
  const state = checks[cause.precondition.server]?.state
  return state === 'unknown' || state === 'unreachable'
}

/** The connectors proposed for restart: those of every cause whose precondition holds. */
export function proposedConnectors(causes: StatusCause[], checks: Record<string, ServerCheck | undefined>, confirmed: Record<string, boolean>): string[] {
  return causes.filter((cause) => readinessOf(cause, checks, confirmed).ready).flatMap((cause) => cause.connectors.map((connector) => connector.name))
}

/** Metadata servers the proposal needs checked. */
export function serversToCheck(causes: StatusCause[]): string[] {
  return [...new Set(causes.flatMap((cause) => (cause.precondition.kind === 'server-active' ? [cause.precondition.server] : [])))]
}

