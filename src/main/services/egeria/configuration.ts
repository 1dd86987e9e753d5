/**
 * Seeing and correcting a connector's configuration through the daemon's own API (4.1+): read it,
 * change its properties (4.1+) or endpoint address (5.0+), which restarts the connector, then verify
 * before and after. The change call is never retried.
 */
import { randomUUID } from 'node:crypto'
import {
  changeUnavailable,
  configurationDiff,
  endpointAddressProblem,
  maskProperties,
  showValue,
  type ConfigurationDiffLine,
  type ConfigurationRequest,
  type ConnectorConfiguration
} from '../../../shared/models/configuration'
import { isHealthyStatus, type ActionReport, type DaemonStatus } from '../../../shared/models/daemon'
import type { Result } from '../../../shared/result'
import type { EgeriaClient } from './client'
import { describeFailure, type CallFailure } from './http'
import { judgeConnector, settleConnectors, type ActionOptions, type ActionResult } from './operations'
import { paths } from './version'

type Json = Record<string, unknown>

const asObject = (value: unknown): Json | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined)
const asList = (value: unknown): Json[] => (Array.isArray(value) ? value.map(asObject).filter((entry): entry is Json => entry !== undefined) : [])

/** A connector's report in a raw status answer, with the group or service it sits in; the top-level 5.0+ list carries its connection. */
export function findConnectorReport(raw: unknown, name: string): { report: Json; group?: string; service?: string } | undefined {
  const root = asObject(raw) ?? {}
  const body = asObject(root.integrationDaemonStatus) ?? root
  const found: { report: Json; group?: string; service?: string } = { report: {} }
  const pick = (reports: Json[]): Json | undefined => reports.find((report) => report.connectorName === name)
  for (const service of asList(body.integrationServiceSummaries)) {
    const report = pick(asList(service.integrationConnectorReports))
    if (report) Object.assign(found, { report, service: String(service.integrationServiceURLMarker ?? '') || undefined })
  }
  for (const group of asList(body.integrationGroupSummaries)) {
    const report = pick(asList(group.integrationConnectorReports))
    if (report) Object.assign(found, { report: { ...found.report, ...report }, group: String(group.integrationGroupName ?? '') || undefined })
  }
  const top = pick(asList(body.integrationConnectorReports))
  if (top) found.report = { ...found.report, ...top }
  return found.report.connectorName === name ? found : undefined
}

const SECRET_FIELDS = ['clearPassword', 'encryptedPassword', 'securedProperties'] as const

/** The configuration view from a connector's report and its properties answer; secrets never leave here unmasked. */
export function configurationFrom(
  found: { report: Json; group?: string; service?: string },
  properties: Json,
  egeria: ConnectorConfiguration['egeria'],
  readAt: string
): ConnectorConfiguration {
  const connection = asObject(found.report.connection)
  const endpoint = asObject(connection?.endpoint)
  const address = endpoint?.networkAddress ?? endpoint?.address
  const minutes = found.report.minMinutesBetweenRefresh
  const notes = [
    "Permitted synchronisation is not reported by the daemon's API: the audit log's INTEGRATION-DAEMON-SERVICES-0008 line for this connector names it."
  ]
  if (!connection) notes.push('The status report carries no connection for this connector, so its endpoint is not shown.')
  return {
    connector: String(found.report.connectorName),
    egeria,
    service: found.service,
    group: found.group,
    minMinutesBetweenRefresh: typeof minutes === 'number' ? minutes : undefined,
    configurationProperties: maskProperties(properties),
    endpointAddress: typeof address === 'string' ? address : undefined,
    connectorProviderClass: showValue(asObject(connection?.connectorType)?.connectorProviderClassName),
    connectionUserId: typeof connection?.userId === 'string' ? connection.userId : undefined,
    maskedSecrets: SECRET_FIELDS.filter((field) => connection?.[field] !== undefined && connection[field] !== null),
    changeable: { properties: changeUnavailable(egeria, 'properties') === undefined, endpoint: changeUnavailable(egeria, 'endpoint') === undefined },
    notes,
    readAt
  }
}

/** Reads a connector's configuration from the daemon: its report in the status, then its properties. */
export async function readConfiguration(client: EgeriaClient, connector: string, signal?: AbortSignal): Promise<Result<ConnectorConfiguration, CallFailure>> {
  const version = await client.detectVersion(signal)
  if (!version.ok) return version
  const { major } = version.value
  const unavailable = changeUnavailable(major, 'properties')
  if (unavailable) return { ok: false, error: { kind: 'unsupported', message: unavailable } }
  const { server, userId } = client.target
  const status = await client.raw<unknown>({ ...paths.status(version.value, server, userId), kind: 'status', expect: 'json', signal }, major)
  if (!status.ok) return status
  const found = findConnectorReport(status.value, connector)
  if (!found) return { ok: false, error: { kind: 'config', message: `The daemon reports no connector named ${connector}` } }
  const answer = await client.raw<Json>({ ...paths.connectorProperties(version.value, server, userId, connector), kind: 'status', expect: 'json', signal }, major)
  if (!answer.ok) return answer
  return { ok: true, value: configurationFrom(found, asObject(answer.value.properties) ?? {}, major, new Date().toISOString()) }
}

const refusal = (message: string): ActionResult => ({ ok: false, error: { kind: 'config', message } })

/** Checks a requested change before anything is sent; the message says what to fix. */
export function changeProblem(request: ConfigurationRequest, status: DaemonStatus): string | undefined {
  if (!status.connectors.some((connector) => connector.name === request.connector)) {
    const known = status.connectors.map((connector) => connector.name).join(', ') || 'none'
    return `The daemon reports no connector named ${request.connector} (known: ${known}); nothing was changed`
  }
  const unavailable = changeUnavailable(status.egeria, request.change.kind)
  if (unavailable) return unavailable
  if (request.change.kind === 'endpoint') return endpointAddressProblem(request.change.address)
  if (Object.keys(request.change.properties).length === 0) return 'No property was given: nothing to change'
  return undefined
}

/**
 * Changes a connector's configuration and verifies it: the status and configuration before, one call
 * (never retried), the connector settling after the restart the daemon does itself, and the
 * configuration read back.
 */
export async function runConfigure(client: EgeriaClient, request: ConfigurationRequest, options: ActionOptions = {}): Promise<ActionResult> {
  const now = options.now ?? (() => new Date())
  const progress = options.onProgress ?? (() => {})
  const id = randomUUID()
  const startedAt = now().toISOString()
  const name = request.connector
  progress({ actionId: id, phase: 'before', message: `Reading ${name} and its configuration before the change` })
  const before = await client.status(options.signal)
  if (!before.ok) return before
  const problem = changeProblem(request, before.value)
  if (problem) return refusal(problem)
  const configurationBefore = await readConfiguration(client, name, options.signal)
  if (!configurationBefore.ok) return configurationBefore
  const diff = configurationDiff(configurationBefore.value, request.change)
  if (diff.length === 0) return refusal(`${name} already has this configuration: nothing to change`)

  const version = client.knownVersion!
  const { server, userId } = client.target
  const operation =
    request.change.kind === 'endpoint'
      ? paths.updateEndpoint(version, server, userId, name, request.change.address)
      : paths.updateProperties(version, server, userId, name, request.change.properties)
  progress({ actionId: id, phase: 'calling', message: `${operation.label}…`, done: 0, total: 1 })
  const result = await client.operate(operation, 'restart', options.signal)
  const call = result.ok
    ? { call: operation.label, ok: true }
    : { call: operation.label, ok: false, error: result.error.kind === 'cancelled' ? 'stopped waiting for the answer: the daemon may still be working on it' : describeFailure(result.error) }

  progress({ actionId: id, phase: 'waiting', message: `Waiting for ${name} to restart and settle`, done: 1, total: 1 })
  // A refused change restarts nothing: one status read shows that nothing moved.
  const { after, settle } = result.ok ? await settleConnectors(client, [name], options) : await readOnce(client, options.signal)
  const configurationAfter = await readConfiguration(client, name, options.signal)
  const readBack: ConfigurationDiffLine[] = configurationAfter.ok
    ? diff.map((line) => ({ ...line, after: readBackValue(configurationAfter.value, line.field) }))
    : []
  const applied = configurationAfter.ok && readBack.every((line, index) => line.after === diff[index]!.after)
  const outcome = after ? judgeConnector(name, before.value.connectors.find((c) => c.name === name), after.connectors.find((c) => c.name === name)) : undefined
  const healthy = outcome !== undefined && isHealthyStatus(outcome.after ?? '')
  const success = call.ok && settle === 'settled' && applied && healthy
  const what = `Configuration change of ${name} (${diff.map((line) => line.field).join(', ')})`
  const summary = !call.ok
    ? `${what} was refused: ${call.error}. Nothing was changed.`
    : `${what} ${success ? 'worked' : 'did not fully work'}: ${!applied ? 'the daemon does not report the new value; ' : ''}${outcome?.verdict ?? 'the status could not be read afterwards'}`
  const report: ActionReport = {
    id,
    action: 'configure',
    configuration: { connector: name, change: request.change.kind, diff, readBack },
    scope: { kind: 'connector', name },
    startedAt,
    finishedAt: now().toISOString(),
    calls: [call],
    settle,
    connectors: outcome ? [outcome] : [],
    success,
    summary
  }
  progress({ actionId: id, phase: 'done', message: summary })
  return { ok: true, value: { report, before: before.value, after } }
}

function readBackValue(configuration: ConnectorConfiguration, field: string): string | undefined {
  if (field === 'endpoint address') return configuration.endpointAddress
  return showValue(configuration.configurationProperties[field.replace(/^property /, '')])
}

async function readOnce(client: EgeriaClient, signal?: AbortSignal): Promise<{ after?: DaemonStatus; settle: ActionReport['settle'] }> {
  const status = await client.status(signal)
  return status.ok ? { after: status.value, settle: 'settled' } : { settle: 'not-verified' }
}
