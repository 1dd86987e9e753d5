/**
 * What each simulated Egeria release looks like from the outside. The CLI's `--egeria 3|4|5|6` picks one
 * concrete release per major version, so every feature flag below is a fact of one anchor in
 * shared/reference/egeria-api.md rather than a blend.
 *
 * - 3 → 3.4: the release of the seed guide's era (before INITIALIZE_FAILED/CONFIG_FAILED and before the
 *   connectorId/connection report fields of 3.8). Only this release reproduces the guide's payloads exactly:
 *   initialisation errors show as a sticky FAILED and service ids are 4004/4005.
 * - 4 → 4.3: status wrapper with groups, daemon-wide /integration-connectors paths, INITIALIZE_FAILED retried.
 * - 5 → 5.3: still has OMIS and /integration-services paths, WAITING/REFRESHING, the 5.3 ffdc package.
 * - 6 → 6.0: no userId in paths, bearer tokens, groups only, `networkAddress`, exceptionSubclassName.
 */
export type EgeriaMajor = 3 | 4 | 5 | 6

/** The integration daemon's REST calls, named for what they do (fact sheet §2 lists them by version). */
export const DAEMON_CALLS = [
  'status',
  'refresh-all-services',
  'refresh-service',
  'restart-service',
  'read-service-connector-properties',
  'update-service-connector-properties',
  'service-summaries',
  'group-summaries',
  'group-summary',
  'group-refresh-config',
  'read-connector-properties',
  'update-connector-properties',
  'refresh-connectors',
  'restart-connectors',
  'update-endpoint-address',
  'update-connection',
  'publish-open-lineage-event',
  'validate-connector'
] as const
export type DaemonCall = (typeof DAEMON_CALLS)[number]

export interface VersionProfile {
  major: EgeriaMajor
  label: string
  /** Body of GET …/server-platform/origin. */
  origin: string
  userIdInPath: boolean
  tokenAuth: boolean
  /** Status payload shape: flat service summaries (3.x) or the integrationDaemonStatus wrapper. */
  flatStatus: boolean
  integrationServices: boolean
  groups: boolean
  /** 5.0+: the top-level integrationConnectorReports list. */
  topLevelReports: boolean
  /** 3.8+: connectorId, connection, connectorInstanceId in reports. */
  reportConnectorDetail: boolean
  /** 5.1+: connectorGUID in the top-level list. */
  reportConnectorGuid: boolean
  /** 3.5+: INITIALIZE_FAILED / CONFIG_FAILED (before: FAILED). */
  initFailedStatuses: boolean
  /** ≤ 4.x: the daemon thread re-initialises INITIALIZE_FAILED connectors on its refresh cycle. */
  retriesInitializeFailed: boolean
  /** 5.0+: WAITING / REFRESHING for polled connectors. */
  waitingStatus: boolean
  /** 5.0+: GET /status on a daemon with no connectors fails with OMAG-COMMON-400-016 (NPE). */
  emptyDaemonNpe: boolean
  ffdcPackage: string
  exceptionSubclass: boolean
  endpointAddressField: 'address' | 'networkAddress'
  /** Console audit message set: 2021-style OMAG-ADMIN/OMIS or SERVER-OPS/OIF. */
  auditEra: 'omag-admin' | 'server-ops'
  /** The daemon REST calls this release serves (fact sheet §2). */
  daemonCalls: ReadonlySet<DaemonCall>
  /** 4.2+: platform-services /servers/{s}/instance/status. */
  platformInstanceStatus: boolean
  /** 5.0+: the server-operations module. */
  serverOperations: boolean
  /** 3.x: OMIS ids in the 4000 range as in the 2021 docs; 3.15+: 600–611. */
  serviceIdBase: 'docs-2021' | 'omis-600'
  /** 4.x+: INTEGRATION-DAEMON-SERVICES-0043 reports each refresh's duration (in 3.4's jars 0043 is the thread shutting down). */
  refreshTimeMessage: boolean
}

const connectorsFfdc = 'org.odpi.openmetadata.frameworks.connectors.ffdc'
const openMetadataFfdc = 'org.odpi.openmetadata.frameworks.openmetadata.ffdc'

export const versionProfiles: Record<EgeriaMajor, VersionProfile> = {
  3: {
    major: 3,
    label: '3.4',
    origin: 'Egeria OMAG Server Platform (version 3.4)\n',
    userIdInPath: true,
    tokenAuth: false,
    flatStatus: true,
    integrationServices: true,
    groups: false,
    topLevelReports: false,
    reportConnectorDetail: false,
    reportConnectorGuid: false,
    initFailedStatuses: false,
    retriesInitializeFailed: false,
    waitingStatus: false,
    emptyDaemonNpe: false,
    ffdcPackage: connectorsFfdc,
    exceptionSubclass: false,
    endpointAddressField: 'address',
    auditEra: 'omag-admin',
    daemonCalls: new Set<DaemonCall>(['status', 'refresh-all-services', 'refresh-service', 'restart-service', 'read-service-connector-properties', 'update-service-connector-properties']),
    platformInstanceStatus: false,
    serverOperations: false,
    serviceIdBase: 'docs-2021',
    refreshTimeMessage: false
  },
  4: {
    major: 4,
    label: '4.3',
    origin: 'Egeria OMAG Server Platform (version 4.3)\n',
    userIdInPath: true,
    tokenAuth: false,
    flatStatus: false,
    integrationServices: true,
    groups: true,
    topLevelReports: false,
    reportConnectorDetail: true,
    reportConnectorGuid: false,
    initFailedStatuses: true,
    retriesInitializeFailed: true,
    waitingStatus: false,
    emptyDaemonNpe: false,
    ffdcPackage: connectorsFfdc,
    exceptionSubclass: false,
    endpointAddressField: 'address',
    auditEra: 'omag-admin',
    daemonCalls: new Set<DaemonCall>(['status', 'refresh-service', 'restart-service', 'service-summaries', 'group-summaries', 'group-summary', 'group-refresh-config', 'read-connector-properties', 'update-connector-properties', 'refresh-connectors', 'restart-connectors']),
    platformInstanceStatus: true,
    serverOperations: false,
    serviceIdBase: 'omis-600',
    refreshTimeMessage: true
  },
  5: {
    major: 5,
    label: '5.3',
    // 3.x–5.0 append a newline; later releases do not (fact sheet §7.1).
    origin: 'Egeria OMAG Server Platform (version 5.3)',
    userIdInPath: true,
    tokenAuth: false,
    flatStatus: false,
    integrationServices: true,
    groups: true,
    topLevelReports: true,
    reportConnectorDetail: true,
    reportConnectorGuid: true,
    initFailedStatuses: true,
    retriesInitializeFailed: false,
    waitingStatus: true,
    emptyDaemonNpe: true,
    ffdcPackage: openMetadataFfdc,
    exceptionSubclass: false,
    endpointAddressField: 'address',
    auditEra: 'server-ops',
    daemonCalls: new Set<DaemonCall>(['status', 'refresh-service', 'restart-service', 'service-summaries', 'group-summaries', 'group-summary', 'group-refresh-config', 'read-connector-properties', 'update-connector-properties', 'refresh-connectors', 'restart-connectors', 'update-endpoint-address', 'update-connection']),
    platformInstanceStatus: true,
    serverOperations: true,
    serviceIdBase: 'omis-600',
    refreshTimeMessage: true
  },
  6: {
    major: 6,
    label: '6.0',
    origin: 'Egeria OMAG Server Platform (version 6.0)',
    userIdInPath: false,
    tokenAuth: true,
    flatStatus: false,
    integrationServices: false,
    groups: true,
    topLevelReports: true,
    reportConnectorDetail: true,
    reportConnectorGuid: true,
    initFailedStatuses: true,
    retriesInitializeFailed: false,
    waitingStatus: true,
    emptyDaemonNpe: true,
    ffdcPackage: openMetadataFfdc,
    exceptionSubclass: true,
    endpointAddressField: 'networkAddress',
    auditEra: 'server-ops',
    daemonCalls: new Set<DaemonCall>(['status', 'group-summaries', 'group-summary', 'group-refresh-config', 'read-connector-properties', 'update-connector-properties', 'refresh-connectors', 'restart-connectors', 'update-endpoint-address', 'update-connection', 'publish-open-lineage-event', 'validate-connector']),
    platformInstanceStatus: true,
    serverOperations: true,
    serviceIdBase: 'omis-600',
    refreshTimeMessage: true
  }
}

export interface IntegrationServiceInfo {
  marker: string
  fullName: string
  description: string
  id600: number
  /** The 2021 docs' ids (only 4004 and 4005 are attested; the others follow the same offset, UNVERIFIED). */
  id2021: number
  /** Base class a connector must inherit from to run in this OMIS (OMIS-…-400-001 text). */
  connectorBaseClass: string
}

function omis(marker: string, id: number, description: string, pkg: string, cls: string): IntegrationServiceInfo {
  const word = marker.replace('-integrator', '')
  return {
    marker,
    fullName: `${word.charAt(0).toUpperCase()}${word.slice(1)} Integrator OMIS`,
    description,
    id600: id,
    id2021: id + 3400,
    connectorBaseClass: `org.odpi.openmetadata.integrationservices.${pkg}.connector.${cls}`
  }
}

/** OMIS at 3.15–5.3 (fact sheet §3.2); descriptions from the seed guide where it lists them. */
export const integrationServiceCatalog: IntegrationServiceInfo[] = [
  omis('catalog-integrator', 600, 'Exchange metadata with third party data catalogs.', 'catalog', 'CatalogIntegratorConnector'),
  omis('api-integrator', 601, 'Exchange metadata with third party API Gateways.', 'api', 'APIIntegratorConnector'),
  omis('topic-integrator', 602, 'Exchange metadata with third party event brokers.', 'topic', 'TopicIntegratorConnector'),
  omis('display-integrator', 603, 'Exchange metadata with applications that display data to users.', 'display', 'DisplayIntegratorConnector'),
  omis('database-integrator', 604, 'Extract metadata such as schema, tables and columns from database managers.', 'database', 'DatabaseIntegratorConnector'),
  omis('files-integrator', 605, 'Extract metadata about files stored in a file system or file manager.', 'files', 'FilesIntegratorConnector'),
  omis('lineage-integrator', 606, 'Manage capture of lineage from a third party tool.', 'lineage', 'LineageIntegratorConnector'),
  omis('organization-integrator', 607, 'Load information about the teams and people in an organization and return collaboration activity.', 'organization', 'OrganizationIntegratorConnector'),
  omis('security-integrator', 608, 'Distribute security properties to security enforcement points.', 'security', 'SecurityIntegratorConnector'),
  omis('analytics-integrator', 609, 'Exchange metadata with third party analytics tools.', 'analytics', 'AnalyticsIntegratorConnector'),
  omis('search-integrator', 610, 'Exchange metadata with third party search technologies.', 'search', 'SearchIntegratorConnector'),
  omis('infrastructure-integrator', 611, 'Exchange metadata about IT infrastructure.', 'infrastructure', 'InfrastructureIntegratorConnector')
]

/** The registered integration services exactly as the seed guide's 3.x platform lists them, in that order. */
export const seedGuideIntegrationServiceOrder = [
  'files-integrator',
  'security-integrator',
  'database-integrator',
  'lineage-integrator',
  'catalog-integrator',
  'organization-integrator'
]

export function integrationServiceInfo(marker: string): IntegrationServiceInfo | undefined {
  return integrationServiceCatalog.find((service) => service.marker === marker)
}

export function integrationServiceId(profile: VersionProfile, service: IntegrationServiceInfo): number {
  return profile.serviceIdBase === 'docs-2021' ? service.id2021 : service.id600
}

export function integrationServiceWiki(profile: VersionProfile, marker: string): string {
  return profile.serviceIdBase === 'docs-2021'
    ? `https://egeria.odpi.org/open-metadata-implementation/integration-services/${marker}/`
    : `https://egeria-project.org/services/omis/${marker}/overview/`
}
