/**
 * The flow's compass: from what the daemon reports now, what was found and the next safe action,
 * in the order the troubleshooting guide takes it (fix the cause, restart, then refresh).
 */
import { GROUP_CONFIGURATION_RETRY_MINUTES } from '../knowledge/daemon-behaviour'
import { extractMessageIds } from '../knowledge/message-ids'
import type { Cause } from '../models/audit'
import type { DaemonStatus } from '../models/daemon'
import { describeGroup, fixThenRestart, groupFailures } from './failure-groups'
import { refreshAdvice } from './refresh-timing'

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
  /** What the daemon's audit log analysis found: weighed with the status, most connectors blocked first. */
  logCauses?: readonly Cause[]
  /** The latest restart on this connection in this session brought connectors back and no refresh followed. */
  restartedWithoutRefresh?: boolean
}

export function nextSafeAction({ status, error, logCauses = [], restartedWithoutRefresh }: GuidanceInput): Guidance {
  if (error) return unreadableStatus(error, logCauses)
  if (!status) return { tone: 'unknown', found: 'The daemon’s status has not been read yet.', next: 'Read the status.', step: 'status' }
  if (status.noConnectors) return noConnectors(status, logCauses)
  const groups = groupFailures(status.connectors)
  const found = groups.length > 0 ? `${status.counts.failed} of ${status.counts.total} connectors failed: ${groups.map(describeGroup).join('; ')}.` : undefined
  const restartable = groups.find((group) => group.restartHelps)
  if (found && restartable) {
    // The knowledge base says the restart can help (its restartHelps trait): the fix, then the restart, each said once.
    const next = fixThenRestart(restartable.action, restartable.connectors.length)
    return { tone: 'problem', found, next, step: 'restart' }
  }
  if (found) {
    // Only faults no connector restart helps are left: the configuration is corrected (Step 3 shows it) and the daemon restarted
    // there, so the recovered connectors' refresh waits for that restart.
    const refreshAfter = restartedWithoutRefresh ? ` ${refreshAdvice('after-daemon-restart')}` : ''
    const next = `${groups[0]!.action} Restarting the connector alone cannot help.${refreshAfter}`
    return { tone: 'problem', found, next, step: 'restart' }
  }
  if (restartedWithoutRefresh) {
    return {
      tone: 'attention',
      found: 'Every connector is healthy again after a restart.',
      next: refreshAdvice('now'),
      step: 'refresh'
    }
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

/**
 * A status call that fails with an Egeria message was answered: the connection works, and the daemon's
 * own audit log says more than the error. Only a call that got no Egeria answer is a connection problem.
 */
function unreadableStatus(error: string, logCauses: readonly Cause[]): Guidance {
  const answeredWith = extractMessageIds(error)[0]
  if (!answeredWith) {
    return {
      tone: 'problem',
      found: `The daemon’s status cannot be read: ${error}`,
      next: 'Check the connection hop by hop (network, TLS, platform, server) before anything else.',
      step: 'status'
    }
  }
  const cause = logCauses[0]
  return cause
    ? {
        tone: 'problem',
        found: `The daemon answers, but its status call fails (${answeredWith}); its audit log says: ${cause.verdict}.`,
        next: cause.action,
        step: 'audit-log'
      }
    : {
        tone: 'problem',
        found: `The daemon answers, but its status call fails: ${error}`,
        next: 'Read the daemon’s audit log for why: the connection itself works.',
        step: 'audit-log'
      }
}

/** 5.0+: no group has loaded its connectors, because none could read its configuration from its metadata server. */
function noConnectors(status: DaemonStatus, logCauses: readonly Cause[]): Guidance {
  const groups = status.groups.map((group) => group.name)
  const which = groups.length === 1 ? `The integration group ${groups[0]}` : groups.length > 1 ? `The integration groups ${groups.join(', ')}` : 'No integration group'
  const server = logCauses.find((cause) => cause.source === 'metadata-server')?.subject
  const from = server ? `metadata server ${server}` : 'its metadata server'
  return {
    tone: 'problem',
    found: `The daemon has no connectors: ${which} has not loaded its connectors from ${from}.`,
    next: `Bring ${server ?? 'the metadata server'} back, then ask the group to re-read its configuration in step 2 (refresh-config), or wait: the daemon tries again by itself about every ${GROUP_CONFIGURATION_RETRY_MINUTES} minutes.`,
    step: 'status'
  }
}
