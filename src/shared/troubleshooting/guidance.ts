/**
 * The flow's compass: from what the daemon reports now, what was found and the next safe action,
 * in the order the troubleshooting guide takes it (fix the cause, restart, then refresh).
 */
import type { DaemonStatus } from '../models/daemon'
import { describeGroup, groupFailures } from './failure-groups'

/** The steps of the troubleshooting flow, in the guide's order. */
export const TROUBLESHOOTING_STEPS = ['audit-log', 'status', 'restart', 'refresh', 'report'] as const
export type TroubleshootingStep = (typeof TROUBLESHOOTING_STEPS)[number]

export interface Guidance {
  tone: 'ok' | 'attention' | 'problem' | 'unknown'
  /** What was found, in one sentence. */
  found: string
  /** The next safe action. */
  next: string
  /** Where in the flow that action is taken. */
  step?: TroubleshootingStep
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
    const next = `${groups[0]!.action} Restarting the connector alone cannot help.`
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
