/** Egeria versions, their detection from the platform origin, and the paths each version serves. */
import type { EgeriaMajor } from '../../../shared/models/daemon'
import type { HttpCall } from './http'

export interface EgeriaVersion {
  major: EgeriaMajor
  /** Absent when only the major is known (an explicit connection setting or a probe by shape). */
  minor?: number
  /** The platform origin text it came from. */
  origin?: string
}

/** `Egeria OMAG Server Platform (version 5.4-SNAPSHOT)` → 5.4; undefined when no supported version is named. */
export function parseOrigin(text: string): EgeriaVersion | undefined {
  const match = /version\s+(\d+)\.(\d+)/i.exec(text)
  if (!match) return undefined
  const major = Number(match[1])
  if (major < 3) return undefined
  // Anything newer than 6 is treated as 6.x: 6.2 is UNVERIFIED, and the status route is reported unchanged.
  return { major: Math.min(major, 6) as EgeriaMajor, minor: Number(match[2]), origin: text.trim() }
}

const enc = encodeURIComponent

export function daemonBase(version: EgeriaVersion, server: string, userId: string): string {
  const base = `/servers/${enc(server)}/open-metadata/integration-daemon`
  return version.major >= 6 ? base : `${base}/users/${enc(userId)}`
}

export function platformBase(major: EgeriaMajor, userId: string): string {
  return major >= 6
    ? '/open-metadata/platform-services/server-platform'
    : `/open-metadata/platform-services/users/${enc(userId)}/server-platform`
}

/**
 * Daemon-wide `/integration-connectors/{restart,refresh}` arrived in 4.1. When only the major is known,
 * 4 is taken as 4.1+ (4.0 lived for weeks only); 3.x and 4.0 go through the per-service paths.
 */
export function hasDaemonWideConnectorCalls(version: EgeriaVersion): boolean {
  return version.major >= 5 || (version.major === 4 && (version.minor ?? 1) >= 1)
}

/** The per-service `/integration-services/{marker}/…` paths exist up to 5.3 (removed in 5.4). */
export function hasServiceCalls(version: EgeriaVersion): boolean {
  return version.major <= 4 || (version.major === 5 && (version.minor ?? 3) <= 3)
}

/** Integration groups, and their `refresh-config`, arrived in 4.0. */
export function hasGroupCalls(version: EgeriaVersion): boolean {
  return version.major >= 4
}

function serverInstancePath(version: EgeriaVersion, server: string, userId: string): string {
  const platformServices = version.major >= 5 || (version.major === 4 && (version.minor ?? 2) >= 2)
  return platformServices
    ? `${platformBase(version.major, userId)}/servers/${enc(server)}/instance`
    : `/open-metadata/admin-services/users/${enc(userId)}/servers/${enc(server)}/instance`
}

export const nameBody = (name: string): Record<string, string> => ({ class: 'NameRequestBody', name })

export interface OperationCall {
  method: HttpCall['method']
  path: string
  body?: unknown
  /** What the operator sees in the report and the journal. */
  label: string
}

export const paths = {
  status: (version: EgeriaVersion, server: string, userId: string): OperationCall => ({
    method: 'GET',
    path: `${daemonBase(version, server, userId)}/status`,
    label: 'GET status'
  }),
  restartConnector(version: EgeriaVersion, server: string, userId: string, name: string, marker?: string): OperationCall {
    const base = daemonBase(version, server, userId)
    if (hasDaemonWideConnectorCalls(version)) {
      return { method: 'POST', path: `${base}/integration-connectors/restart`, body: nameBody(name), label: `restart ${name}` }
    }
    return { method: 'POST', path: `${base}/integration-services/${enc(marker ?? '')}/restart`, body: nameBody(name), label: `restart ${name} (${marker})` }
  },
  refreshConnector(version: EgeriaVersion, server: string, userId: string, name: string, marker?: string): OperationCall {
    const base = daemonBase(version, server, userId)
    if (hasDaemonWideConnectorCalls(version)) {
      return { method: 'POST', path: `${base}/integration-connectors/refresh`, body: nameBody(name), label: `refresh ${name}` }
    }
    return { method: 'POST', path: `${base}/integration-services/${enc(marker ?? '')}/refresh`, body: nameBody(name), label: `refresh ${name} (${marker})` }
  },
  restartService: (version: EgeriaVersion, server: string, userId: string, marker: string): OperationCall => ({
    method: 'POST',
    path: `${daemonBase(version, server, userId)}/integration-services/${enc(marker)}/restart`,
    label: `restart service ${marker}`
  }),
  refreshService: (version: EgeriaVersion, server: string, userId: string, marker: string): OperationCall => ({
    method: 'POST',
    path: `${daemonBase(version, server, userId)}/integration-services/${enc(marker)}/refresh`,
    label: `refresh service ${marker}`
  }),
  /** Null for 3.x/4.0 restart-all: those go service by service. */
  restartAll(version: EgeriaVersion, server: string, userId: string): OperationCall | undefined {
    if (!hasDaemonWideConnectorCalls(version)) return undefined
    return { method: 'POST', path: `${daemonBase(version, server, userId)}/integration-connectors/restart`, label: 'restart all' }
  },
  refreshAll(version: EgeriaVersion, server: string, userId: string): OperationCall {
    const base = daemonBase(version, server, userId)
    return hasDaemonWideConnectorCalls(version)
      ? { method: 'POST', path: `${base}/integration-connectors/refresh`, label: 'refresh all' }
      : { method: 'POST', path: `${base}/refresh`, label: 'refresh all' }
  },
  /**
   * Stopping and starting the daemon's server: platform services from 4.2 (only the major known, 4 is
   * taken as 4.2+, since 4.3 is the 4.x in use: UNVERIFIED for 4.0/4.1 daemons), admin services before.
   */
  stopServer: (version: EgeriaVersion, server: string, userId: string): OperationCall => ({
    method: 'DELETE',
    path: serverInstancePath(version, server, userId),
    label: `stop server ${server}`
  }),
  startServer: (version: EgeriaVersion, server: string, userId: string): OperationCall => ({
    method: 'POST',
    path: serverInstancePath(version, server, userId),
    label: `start server ${server}`
  }),
  /** 4.0+: every integration group with its connectors; answers when the 5.0+ status call fails on an empty daemon. */
  groupSummaries: (version: EgeriaVersion, server: string, userId: string): OperationCall => ({
    method: 'GET',
    path: `${daemonBase(version, server, userId)}/integration-groups/summary`,
    label: 'GET integration group summaries'
  }),
  /** 4.0+: the group re-reads its configuration and connectors from its metadata server (a GET with a side effect). */
  reloadGroup: (version: EgeriaVersion, server: string, userId: string, group: string): OperationCall => ({
    method: 'GET',
    path: `${daemonBase(version, server, userId)}/integration-groups/${enc(group)}/refresh-config`,
    label: `re-read the configuration of group ${group}`
  }),
  /** 4.1+: the connector's configuration properties (fact sheet row 11). */
  connectorProperties: (version: EgeriaVersion, server: string, userId: string, name: string): OperationCall => ({
    method: 'GET',
    path: `${daemonBase(version, server, userId)}/integration-connectors/${enc(name)}/configuration-properties`,
    label: `read the configuration properties of ${name}`
  }),
  /** 4.1+: merges properties into the connector's connection, then the daemon restarts the connector. */
  updateProperties: (version: EgeriaVersion, server: string, userId: string, name: string, properties: Record<string, unknown>): OperationCall => ({
    method: 'POST',
    path: `${daemonBase(version, server, userId)}/integration-connectors/configuration-properties`,
    body: { class: 'ConnectorConfigPropertiesRequestBody', connectorName: name, mergeUpdate: true, configurationProperties: properties },
    // The label is journalled: it names the keys, never their values.
    label: `update configuration properties ${Object.keys(properties).join(', ')} of ${name}`
  }),
  /** 5.0+: a new endpoint address for the connector's connection, then the daemon restarts the connector. */
  updateEndpoint: (version: EgeriaVersion, server: string, userId: string, name: string, address: string): OperationCall => ({
    method: 'POST',
    path: `${daemonBase(version, server, userId)}/integration-connectors/${enc(name)}/endpoint-network-address`,
    body: { class: 'StringRequestBody', string: address },
    label: `set the endpoint address of ${name}`
  }),
  origin: (major: EgeriaMajor, userId: string): string => `${platformBase(major, userId)}/origin`,
  serverStatus: (major: EgeriaMajor, userId: string, server: string): string =>
    `${platformBase(major, userId)}/servers/${enc(server)}/status`,
  serverIsKnown: (major: EgeriaMajor, userId: string, server: string): string =>
    `${platformBase(major, userId)}/servers/${enc(server)}/is-known`,
  serverServices: (major: EgeriaMajor, userId: string, server: string): string =>
    `${platformBase(major, userId)}/servers/${enc(server)}/services`,
  token: '/api/token'
}
