/** JSON payloads of the daemon's REST responses, shaped per release (fact sheet §3). */
import type { SimulatedConnector, SimulatedGroup, SimulatedService, SimulatedDaemon } from './daemon'
import { integrationServiceId, integrationServiceWiki, type VersionProfile } from './versions'

/** `yyyy-MM-dd'T'HH:mm:ss.SSS+00:00`, as Jackson writes java.util.Date. */
export function egeriaDate(epochMs: number | undefined): string | undefined {
  return epochMs === undefined ? undefined : new Date(epochMs).toISOString().replace('Z', '+00:00')
}

/** Drops undefined fields and empty lists, as @JsonInclude(NON_NULL) with null-for-empty getters does. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined && !(Array.isArray(field) && field.length === 0))
  ) as T
}

export function connectionJson(profile: VersionProfile, connector: SimulatedConnector): Record<string, unknown> {
  const { providerClass, endpoint, configurationProperties } = connector.config
  return compact({
    class: 'Connection',
    // UNVERIFIED: the nested class values of ConnectorType and Endpoint (fact sheet §12).
    connectorType: { class: 'ConnectorType', connectorProviderClassName: providerClass },
    endpoint: endpoint === undefined ? undefined : { class: 'Endpoint', [profile.endpointAddressField]: endpoint },
    configurationProperties
  })
}

type ReportPlace = 'service' | 'group' | 'top'

export function connectorReport(profile: VersionProfile, connector: SimulatedConnector, place: ReportPlace): Record<string, unknown> {
  const detail = profile.reportConnectorDetail
  const topLevel = place === 'top'
  // 5.4+ quirk: the top-level list repeats connectorId as connectorInstanceId.
  const instanceId = topLevel && profile.major >= 6 ? connector.config.id : connector.instanceId
  return compact({
    connectorId: detail ? connector.config.id : undefined,
    connectorGUID: topLevel && profile.reportConnectorGuid ? connector.guid : undefined,
    connectorName: connector.config.name,
    connection: detail ? connectionJson(profile, connector) : undefined,
    connectorInstanceId: detail ? instanceId : undefined,
    connectorStatus: connector.status,
    lastStatusChange: egeriaDate(connector.lastStatusChange),
    lastRefreshTime: egeriaDate(connector.lastRefreshTime),
    minMinutesBetweenRefresh: connector.config.refreshMinutes,
    failingExceptionMessage: connector.failingExceptionMessage,
    statistics: connector.config.statistics
  })
}

export function serviceSummary(profile: VersionProfile, daemon: SimulatedDaemon, service: SimulatedService): Record<string, unknown> {
  return compact({
    integrationServiceId: integrationServiceId(profile, service.info),
    integrationServiceFullName: service.info.fullName,
    integrationServiceURLMarker: service.info.marker,
    integrationServiceDescription: service.info.description,
    integrationServiceWiki: integrationServiceWiki(profile, service.info.marker),
    integrationConnectorReports: service.connectorNames.map((name) => connectorReport(profile, daemon.connectors.get(name)!, 'service'))
  })
}

export function groupSummary(profile: VersionProfile, daemon: SimulatedDaemon, group: SimulatedGroup): Record<string, unknown> {
  // Only ASSIGNED, CONFIGURING and RUNNING are ever produced (§4.2).
  const status = !group.loaded ? 'ASSIGNED' : group.connectorNames.length === 0 ? 'CONFIGURING' : 'RUNNING'
  return compact({
    integrationGroupName: group.qualifiedName,
    integrationGroupGUID: group.loaded ? group.guid : undefined,
    integrationGroupDescription: group.description,
    integrationGroupStatus: status,
    integrationConnectorReports: group.connectorNames.map((name) => connectorReport(profile, daemon.connectors.get(name)!, 'group'))
  })
}

export function daemonStatusPayload(profile: VersionProfile, daemon: SimulatedDaemon): Record<string, unknown> {
  const services = profile.integrationServices ? [...daemon.services.values()].map((service) => serviceSummary(profile, daemon, service)) : []
  if (profile.flatStatus) return compact({ integrationServiceSummaries: services })
  return {
    integrationDaemonStatus: compact({
      integrationServiceSummaries: services,
      integrationGroupSummaries: [...daemon.groups.values()].map((group) => groupSummary(profile, daemon, group)),
      integrationConnectorReports: profile.topLevelReports
        ? [...daemon.connectors.values()].map((connector) => connectorReport(profile, connector, 'top'))
        : undefined
    })
  }
}
