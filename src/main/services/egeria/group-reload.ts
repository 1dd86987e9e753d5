/**
 * An integration group re-reads its configuration from its metadata server (`refresh-config`, 4.0+):
 * the 5.0+ way out of a daemon with no connectors once the metadata server is back. Never retried.
 */
import { randomUUID } from 'node:crypto'
import { counted } from '../../../shared/counted'
import type { ActionReport } from '../../../shared/models/daemon'
import type { EgeriaClient } from './client'
import { describeFailure } from './http'
import { judgeConnector, settleConnectors, type ActionOptions, type ActionResult } from './operations'
import { hasGroupCalls, paths } from './version'

export async function runGroupReload(client: EgeriaClient, group: string, options: ActionOptions = {}): Promise<ActionResult> {
  const now = options.now ?? (() => new Date())
  const progress = options.onProgress ?? (() => {})
  const id = randomUUID()
  const startedAt = now().toISOString()
  const version = await client.detectVersion(options.signal)
  if (!version.ok) return version
  if (!hasGroupCalls(version.value)) {
    const message = `Egeria ${version.value.major}.x has no integration groups: a group re-reads its configuration (refresh-config) from Egeria 4.0 on. Restart the daemon to make it read its configuration afresh`
    return { ok: false, error: { kind: 'unsupported', message } }
  }
  progress({ actionId: id, phase: 'before', message: 'Reading the status before the action' })
  const before = await client.status(options.signal)
  if (!before.ok) return before
  if (!before.value.groups.some((entry) => entry.name === group)) {
    const known = before.value.groups.map((entry) => entry.name).join(', ') || 'none'
    return { ok: false, error: { kind: 'config', message: `The daemon runs no integration group ${group} (known: ${known})` } }
  }
  const operation = paths.reloadGroup(version.value, client.target.server, client.target.userId, group)
  progress({ actionId: id, phase: 'calling', message: `${operation.label}…`, done: 0, total: 1 })
  const result = await client.operate(operation, 'restart', options.signal)
  const call = result.ok ? { call: operation.label, ok: true } : { call: operation.label, ok: false, error: describeFailure(result.error) }

  progress({ actionId: id, phase: 'waiting', message: `Waiting for the connectors of ${group} to settle`, done: 1, total: 1 })
  const first = await client.status(options.signal)
  const names = first.ok ? (first.value.groups.find((entry) => entry.name === group)?.connectorNames ?? []) : []
  const { after, settle } = await settleConnectors(client, names, options)
  const afterNames = after?.groups.find((entry) => entry.name === group)?.connectorNames ?? names
  const connectors = after
    ? afterNames.map((name) => judgeConnector(name, before.value.connectors.find((c) => c.name === name), after.connectors.find((c) => c.name === name)))
    : []
  const healthy = connectors.filter((entry) => entry.outcome === 'healthy' || entry.outcome === 'recovered').length
  const success = call.ok && settle === 'settled' && afterNames.length > 0 && healthy === afterNames.length
  const summary = !call.ok
    ? `The group ${group} could not be asked to re-read its configuration: ${call.error}`
    : afterNames.length === 0
      ? `The group ${group} re-read its configuration but has no connectors yet: is its metadata server running?`
      : `The group ${group} re-read its configuration: ${counted(afterNames.length, 'connector')}, ${healthy} healthy`
  const report: ActionReport = {
    id,
    action: 'reload-group',
    scope: { kind: 'group', name: group },
    startedAt,
    finishedAt: now().toISOString(),
    calls: [call],
    settle,
    connectors,
    success,
    summary
  }
  progress({ actionId: id, phase: 'done', message: summary })
  return { ok: true, value: { report, before: before.value, after } }
}
