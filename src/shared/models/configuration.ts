/**
 * A connector's configuration as the running daemon reports it, and the changes the daemon accepts
 * while it runs (fact sheet rows 11–16): configuration properties from 4.1, the endpoint address from 5.0.
 */
import type { Result } from '../result'
import type { EgeriaMajor } from './daemon'

/** Shown instead of a secret's value: the value never leaves the main process. */
export const MASKED = '••••••'

export interface ConnectorConfiguration {
  connector: string
  egeria: EgeriaMajor
  service?: string
  group?: string
  minMinutesBetweenRefresh?: number
  /** `GET …/integration-connectors/{name}/configuration-properties`; secrets masked. */
  configurationProperties: Record<string, unknown>
  /** From the connection in the daemon's status report (absent when the report carries no connection). */
  endpointAddress?: string
  connectorProviderClass?: string
  /** The connection's own user ID, when it has one. */
  connectionUserId?: string
  /** Names of the connection's secret fields that are set (their values are never shown). */
  maskedSecrets: string[]
  /** What this version lets the operator change while the daemon runs. */
  changeable: { properties: boolean; endpoint: boolean }
  /** Facts the daemon's API does not give, said plainly. */
  notes: string[]
  readAt: string
}

export type ConfigurationChange =
  | { kind: 'endpoint'; address: string }
  /** Merged into the connector's properties: keys not named keep their values. */
  | { kind: 'properties'; properties: Record<string, unknown> }

export interface ConfigurationRequest {
  connector: string
  change: ConfigurationChange
}

/** One changed field: `endpoint address` or `property KEY`. */
export interface ConfigurationDiffLine {
  field: string
  before?: string
  after?: string
}

/** Keys whose values are secrets by their name (a password in a connector's properties is common). */
const SECRET_KEY = /pass(word)?|secret|token|credential|api[-_]?key|private[-_]?key/i

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key)
}

export function maskProperties(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, isSecretKey(key) ? MASKED : value]))
}

export const showValue = (value: unknown): string | undefined =>
  value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(value)

/** What would change, field by field; empty when the change sets what is already there. */
export function configurationDiff(configuration: ConnectorConfiguration, change: ConfigurationChange): ConfigurationDiffLine[] {
  if (change.kind === 'endpoint') {
    return configuration.endpointAddress === change.address
      ? []
      : [{ field: 'endpoint address', before: configuration.endpointAddress, after: change.address }]
  }
  const lines: ConfigurationDiffLine[] = []
  for (const [key, value] of Object.entries(change.properties)) {
    const before = showValue(configuration.configurationProperties[key])
    // A masked secret cannot be compared: setting one always counts as a change.
    if (!isSecretKey(key) && before === showValue(value)) continue
    lines.push({ field: `property ${key}`, before, after: isSecretKey(key) ? MASKED : showValue(value) })
  }
  return lines
}

/**
 * A problem with an endpoint address, or undefined when it looks usable: a directory path, a URL
 * (`jdbc:postgresql://db:5432/sales`, `https://…`) or `host:port`.
 */
export function endpointAddressProblem(address: string): string | undefined {
  if (address.trim().length === 0) return 'The endpoint address is empty: give a directory, a URL or host:port'
  if (address !== address.trim()) return 'The endpoint address starts or ends with spaces: remove them'
  if (/[\u0000-\u001f\u007f]/.test(address)) return 'The endpoint address contains a control character (a pasted line break?)'
  if (address.length > 2000) return 'The endpoint address is longer than 2000 characters'
  const url = /^([a-z][a-z0-9+.-]*):\/\/([^/]*)/i.exec(address) ?? /^jdbc:[a-z0-9]+:\/\/([^/]*)/i.exec(address)
  if (url) {
    const authority = url[url.length - 1]!
    if (authority.length === 0 && !/^file:/i.test(address)) return `The address ${address} names no host after ://`
    const port = /:([^:@\]]*)$/.exec(authority)?.[1]
    if (port !== undefined && !validPort(port)) return `The port in ${address} must be a number from 1 to 65535`
    return undefined
  }
  const hostPort = /^([^\s/:]+):([^/\\]*)$/.exec(address)
  if (hostPort && !validPort(hostPort[2]!)) {
    return `The port in ${address} must be a number from 1 to 65535 (host:port)`
  }
  return undefined
}

const validPort = (text: string): boolean => /^\d{1,5}$/.test(text) && Number(text) >= 1 && Number(text) <= 65535

/**
 * `KEY=VALUE` pairs as properties. A value that reads as JSON (true, 42, "x", [..], {..}) keeps its
 * type, since connectors read booleans and numbers from their properties; anything else is a string.
 */
export function parsePropertyAssignments(assignments: string[]): Result<Record<string, unknown>, string> {
  if (assignments.length === 0) return { ok: false, error: 'No property was given: use KEY=VALUE' }
  const properties: Record<string, unknown> = {}
  for (const assignment of assignments) {
    const equals = assignment.indexOf('=')
    if (equals <= 0) return { ok: false, error: `${assignment} is not KEY=VALUE` }
    const key = assignment.slice(0, equals).trim()
    if (!key) return { ok: false, error: `${assignment} has an empty key` }
    if (key in properties) return { ok: false, error: `The property ${key} is given twice` }
    properties[key] = typedValue(assignment.slice(equals + 1))
  }
  return { ok: true, value: properties }
}

function typedValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/** Why this change cannot be made while the daemon runs on this version, or undefined when it can. */
export function changeUnavailable(egeria: EgeriaMajor, change: ConfigurationChange['kind']): string | undefined {
  if (change === 'endpoint' && egeria < 5) {
    return `Egeria ${egeria}.x cannot change a connector's endpoint while the daemon runs (5.0+): change it in the daemon's configuration document, then restart the daemon`
  }
  if (egeria < 4) {
    return "Egeria 3.x cannot show or change a connector's configuration through the daemon's connector API (4.1+): change the configuration document, then restart the daemon"
  }
  return undefined
}
