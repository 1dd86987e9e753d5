/**
 * Restart and refresh with verification: status before, the calls (never retried), polling until the
 * affected connectors settle, status after, and a verdict per connector.
 */
import { counted } from '../../../shared/counted'
import { foldDumps } from '../../../shared/readable-message'
import { randomUUID } from 'node:crypto'
import { setTimeout as delay } from 'node:timers/promises'
import {
  describeScope,
  isFailedStatus,
  isHealthyStatus,
  isTransitionalStatus,
  type ActionCallRecord,
  type ActionKind,
  type ActionProgress,
  type ActionReport,
  type ActionScope,
  type ConnectorOutcome,
  type ConnectorState,
  type DaemonStatus
} from '../../../shared/models/daemon'
import type { Result } from '../../../shared/result'
import type { EgeriaClient } from './client'
import { deadlineSignal, describeFailure, type CallFailure } from './http'
import { hasServiceCalls, paths, type EgeriaVersion, type OperationCall } from './version'

export interface ActionOptions {
  /** Aborting stops waiting (for the call and for the settle); the daemon may carry on. */
  signal?: AbortSignal
  onProgress?: (progress: Omit<ActionProgress, 'connectionId'>) => void
  /** How long to poll for the affected connectors to settle after the calls. */
  settleTimeoutMs?: number
  pollIntervalMs?: number
  now?: () => Date
}

export interface ActionPlan {
  calls: OperationCall[]
  affected: string[]
}

/** Which calls an action needs on this version, and which connectors it should affect. */
export function planAction(
  action: ActionKind,
  scope: ActionScope,
  status: DaemonStatus,
  version: EgeriaVersion,
  server: string,
  userId: string
): Result<ActionPlan, string> {
  const byName = new Map(status.connectors.map((connector) => [connector.name, connector]))
  const perConnector = (names: string[]): OperationCall[] =>
    names.map((name) => {
      const marker = byName.get(name)?.service
      return action === 'restart'
        ? paths.restartConnector(version, server, userId, name, marker)
        : paths.refreshConnector(version, server, userId, name, marker)
    })
  switch (scope.kind) {
    case 'connector': {
      if (!byName.has(scope.name)) {
        const known = status.connectors.map((connector) => connector.name).join(', ') || 'none'
        return { ok: false, error: `The daemon reports no connector named ${scope.name} (known: ${known})` }
      }
      return { ok: true, value: { calls: perConnector([scope.name]), affected: [scope.name] } }
    }
    case 'connectors': {
      const names = [...new Set(scope.names)]
      const unknown = names.filter((name) => !byName.has(name))
      // All or nothing: a typo must not turn "restart these three" into "restart two of them".
      if (names.length === 0) return { ok: false, error: 'No connectors were named' }
      if (unknown.length > 0) {
        const known = status.connectors.map((connector) => connector.name).join(', ') || 'none'
        return { ok: false, error: `The daemon reports no connector named ${unknown.join(', ')} (known: ${known})` }
      }
      // Egeria restarts one named connector per call (NameRequestBody): one call each.
      return { ok: true, value: { calls: perConnector(names), affected: names } }
    }
    case 'service': {
      const service = status.services.find((entry) => entry.marker === scope.marker)
      if (!service) {
        const known = status.services.map((entry) => entry.marker).join(', ')
        return {
          ok: false,
          error: known
            ? `The daemon runs no integration service ${scope.marker} (known: ${known})`
            : `Egeria ${version.major}${version.minor !== undefined ? `.${version.minor}` : ''} has no integration services: use --group or --connector`
        }
      }
      if (!hasServiceCalls(version)) return { ok: false, error: 'This Egeria version has no per-service calls' }
      const call =
        action === 'restart'
          ? paths.restartService(version, server, userId, scope.marker)
          : paths.refreshService(version, server, userId, scope.marker)
      return { ok: true, value: { calls: [call], affected: service.connectorNames } }
    }
    case 'group': {
      const group = status.groups.find((entry) => entry.name === scope.name)
      if (!group) {
        const known = status.groups.map((entry) => entry.name).join(', ') || 'none'
        return { ok: false, error: `The daemon runs no integration group ${scope.name} (known: ${known})` }
      }
      // Egeria has no group-wide restart or refresh of connectors: one call per connector.
      return { ok: true, value: { calls: perConnector(group.connectorNames), affected: group.connectorNames } }
    }
    case 'failed': {
      const failed = status.connectors.filter((connector) => isFailedStatus(connector.status)).map((connector) => connector.name)
      return { ok: true, value: { calls: perConnector(failed), affected: failed } }
    }
    case 'daemon': {
      if (action !== 'restart') return { ok: false, error: 'The daemon as a whole can be restarted, not refreshed' }
      const calls = [paths.stopServer(version, server, userId), paths.startServer(version, server, userId)]
      return { ok: true, value: { calls, affected: status.connectors.map((connector) => connector.name) } }
    }
    case 'all': {
      const affected = status.connectors.map((connector) => connector.name)
      if (action === 'refresh') return { ok: true, value: { calls: [paths.refreshAll(version, server, userId)], affected } }
      const all = paths.restartAll(version, server, userId)
      // 3.x and 4.0 restart service by service.
      const calls = all ? [all] : status.services.map((service) => paths.restartService(version, server, userId, service.marker))
      return { ok: true, value: { calls, affected } }
    }
  }
}

const fingerprint = (connector: ConnectorState | undefined): string =>
  connector ? `${connector.status}|${connector.lastStatusChange ?? ''}|${connector.failingMessage ?? ''}` : 'absent'

const errorKey = (connector: ConnectorState): string => connector.failingMessageId ?? connector.failingMessage ?? ''

export function judgeConnector(name: string, before: ConnectorState | undefined, after: ConnectorState | undefined): ConnectorOutcome {
  const base = {
    name,
    before: before?.status,
    after: after?.status,
    beforeMessageId: before?.failingMessageId,
    afterMessageId: after?.failingMessageId,
    beforeRefreshTime: before?.lastRefreshTime,
    afterRefreshTime: after?.lastRefreshTime
  }
  if (!after) return { ...base, outcome: 'now-failing', verdict: `${name} is no longer reported by the daemon` }
  const wasFailed = before ? isFailedStatus(before.status) : false
  const isFailed = isFailedStatus(after.status)
  if (fingerprint(before) === fingerprint(after)) {
    return {
      ...base,
      outcome: 'unchanged',
      verdict: wasFailed
        ? `${name} is unchanged: still ${after.status}, the action had no visible effect`
        : `${name} is unchanged (${after.status})`
    }
  }
  if (wasFailed && !isFailed) {
    return isHealthyStatus(after.status)
      ? { ...base, outcome: 'recovered', verdict: `${name} recovered: ${before!.status} → ${after.status}` }
      : { ...base, outcome: 'unchanged', verdict: `${name} left ${before!.status} but has not settled (${after.status})` }
  }
  if (wasFailed && isFailed) {
    return errorKey(before!) === errorKey(after)
      ? { ...base, outcome: 'still-failing-same', verdict: `${name} is still ${after.status} with the same error${after.failingMessageId ? ` (${after.failingMessageId})` : ''}` }
      : { ...base, outcome: 'failing-new-error', verdict: `${name} is ${after.status} with a new error: ${after.failingMessage ? foldDumps(after.failingMessage) : (after.failingMessageId ?? 'no message')}` }
  }
  if (isFailed) {
    return { ...base, outcome: 'now-failing', verdict: `${name} was ${before?.status ?? 'absent'} and is now ${after.status}: ${after.failingMessage ?? 'no message'}` }
  }
  return { ...base, outcome: 'healthy', verdict: `${name} is ${after.status}` }
}

export type ActionResult = Result<{ report: ActionReport; before: DaemonStatus; after?: DaemonStatus }, CallFailure>

/** Runs one action end to end. Callers serialise actions per daemon (see `ActionQueue`). */
export async function runAction(client: EgeriaClient, action: ActionKind, scope: ActionScope, options: ActionOptions = {}): Promise<ActionResult> {
  const now = options.now ?? (() => new Date())
  const progress = options.onProgress ?? (() => {})
  const id = randomUUID()
  const startedAt = now().toISOString()
  progress({ actionId: id, phase: 'before', message: 'Reading the status before the action' })
  const before = await client.status(options.signal)
  if (!before.ok) return before
  const version = client.knownVersion!
  const planned = planAction(action, scope, before.value, version, client.target.server, client.target.userId)
  if (!planned.ok) return { ok: false, error: { kind: 'config', message: planned.error } }
  const { calls: plan, affected } = planned.value

  const calls: ActionCallRecord[] = []
  for (const [index, operation] of plan.entries()) {
    if (options.signal?.aborted) {
      calls.push({ call: operation.label, ok: false, error: 'not sent: the operator stopped the action' })
      continue
    }
    progress({ actionId: id, phase: 'calling', message: `${operation.label}…`, done: index, total: plan.length })
    const result = await client.operate(operation, action, options.signal)
    calls.push(
      result.ok
        ? { call: operation.label, ok: true }
        : {
            call: operation.label,
            ok: false,
            error:
              result.error.kind === 'cancelled'
                ? 'stopped waiting for the answer: the daemon may still be working on it'
                : describeFailure(result.error)
          }
    )
  }
  progress({ actionId: id, phase: 'waiting', message: 'Waiting for the connectors to settle', done: plan.length, total: plan.length })

  const { after, settle } = await settleConnectors(client, affected, options)

  const beforeByName = new Map(before.value.connectors.map((connector) => [connector.name, connector]))
  const afterByName = new Map((after?.connectors ?? []).map((connector) => [connector.name, connector]))
  const connectors = after ? affected.map((name) => judgeConnector(name, beforeByName.get(name), afterByName.get(name))) : []
  const callsOk = calls.every((entry) => entry.ok)
  const allHealthy = connectors.every((entry) => entry.outcome === 'recovered' || entry.outcome === 'healthy' || (entry.outcome === 'unchanged' && isHealthyStatus(entry.after ?? '')))
  const success = callsOk && settle === 'settled' && allHealthy
  const report: ActionReport = {
    id,
    action,
    scope,
    startedAt,
    finishedAt: now().toISOString(),
    calls,
    settle,
    connectors,
    success,
    summary: summarise(action, scope, calls, connectors, settle, success)
  }
  progress({ actionId: id, phase: 'done', message: report.summary })
  return { ok: true, value: { report, before: before.value, after } }
}

/**
 * Polls the status until the affected connectors stop changing and none is in a transitional
 * state, or the settle time runs out, or the operator stops waiting.
 */
export async function settleConnectors(
  client: EgeriaClient,
  affected: string[],
  options: Pick<ActionOptions, 'signal' | 'settleTimeoutMs' | 'pollIntervalMs'>
): Promise<{ after?: DaemonStatus; settle: ActionReport['settle'] }> {
  const settleTimeoutMs = options.settleTimeoutMs ?? 60_000
  const pollIntervalMs = options.pollIntervalMs ?? 1_000
  let after: DaemonStatus | undefined
  let settle: ActionReport['settle'] = 'timeout'
  let previous: string | undefined
  // The settle wait ends when it says, even in the middle of a slow status call.
  const settleDeadline = deadlineSignal(settleTimeoutMs, options.signal)
  const settleSignal = settleDeadline.signal
  while (!settleSignal.aborted) {
    const snapshot = await client.status(settleSignal)
    if (snapshot.ok) {
      after = snapshot.value
      const states = affected.map((name) => after!.connectors.find((connector) => connector.name === name))
      // Stability ignores timestamps: a polled connector stamps a new one on every refresh cycle.
      const key = states.map((state) => (state ? `${state.status}|${state.failingMessage ?? ''}` : 'absent')).join('\n')
      const calm = states.every((state) => !state || !isTransitionalStatus(state.status))
      if (calm && key === previous) {
        settle = 'settled'
        break
      }
      previous = key
    }
    try {
      await delay(pollIntervalMs, undefined, { signal: settleSignal })
    } catch {
      break
    }
  }
  settleDeadline.clear()
  if (options.signal?.aborted) settle = 'stopped'
  if (!after) settle = settle === 'stopped' ? 'stopped' : 'not-verified'
  return { after, settle }
}

function summarise(
  action: ActionKind,
  scope: ActionScope,
  calls: ActionCallRecord[],
  connectors: ConnectorOutcome[],
  settle: ActionReport['settle'],
  success: boolean
): string {
  const what = `${action === 'restart' ? 'Restart' : 'Refresh'} of ${describeScope(scope)}`
  if (calls.length === 0) return `${what}: nothing to do (no connectors in scope)`
  const failedCalls = calls.filter((entry) => !entry.ok)
  if (failedCalls.length === calls.length) return `${what} failed: ${failedCalls[0]!.error}`
  const counts = new Map<string, number>()
  for (const entry of connectors) counts.set(entry.outcome, (counts.get(entry.outcome) ?? 0) + 1)
  const parts = [...counts].map(([outcome, count]) => `${count} ${outcome.replace(/-/g, ' ')}`)
  const waited =
    settle === 'timeout' ? ' (did not settle in time)' : settle === 'stopped' ? ' (stopped waiting)' : settle === 'not-verified' ? ' (status unreadable afterwards)' : ''
  return `${what} ${success ? 'worked' : 'did not fully work'}${waited}: ${parts.join(', ') || 'no connectors reported'}${failedCalls.length ? `; ${counted(failedCalls.length, 'call')} failed` : ''}`
}

/** Serialises actions per daemon: a second action waits until the first has finished. */
export class ActionQueue {
  private readonly tails = new Map<string, Promise<unknown>>()

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve()
    const next = previous.then(work, work)
    const tail = next.catch(() => undefined)
    this.tails.set(key, tail)
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key)
    })
    return next
  }
}

export const daemonKey = (platformUrl: string, server: string): string => `${platformUrl.replace(/\/+$/, '')}|${server}`
