/** Registered-services listings of the simulated platform (fact sheet §7.1). */
import { integrationServiceCatalog, integrationServiceInfo, integrationServiceWiki, seedGuideIntegrationServiceOrder, type VersionProfile } from './versions'

interface ServiceEntry {
  serviceId: number
  serviceName: string
  serviceURLMarker: string
  serviceDescription: string
  serverType?: string
}

// A representative subset of each kind; the simulator only needs the entries a daemon operator looks for.
const catalog: Record<string, ServiceEntry[]> = {
  'access-services': [
    { serviceId: 200, serviceName: 'Asset Consumer OMAS', serviceURLMarker: 'asset-consumer', serviceDescription: 'Access assets through connectors.' },
    { serviceId: 206, serviceName: 'Asset Manager OMAS', serviceURLMarker: 'asset-manager', serviceDescription: 'Manage metadata from a third party asset manager.' },
    { serviceId: 215, serviceName: 'Governance Engine OMAS', serviceURLMarker: 'governance-engine', serviceDescription: 'Provide metadata services and watch dog notification to the governance action services.' }
  ],
  'engine-services': [
    { serviceId: 1300, serviceName: 'Governance Action OMES', serviceURLMarker: 'governance-action', serviceDescription: 'Executes requested governance action services.' }
  ],
  'view-services': [
    { serviceId: 810, serviceName: 'Runtime Manager', serviceURLMarker: 'runtime-manager', serviceDescription: 'Manage the operational state of the open metadata ecosystem.' }
  ],
  'governance-services': [
    { serviceId: 182, serviceName: 'Integration Daemon Services', serviceURLMarker: 'integration-daemon', serviceDescription: 'Run integration connectors that exchange metadata with third party technologies.', serverType: 'Integration Daemon' },
    { serviceId: 180, serviceName: 'Engine Host Services', serviceURLMarker: 'engine-host', serviceDescription: 'Run governance engines.', serverType: 'Engine Host' }
  ],
  'common-services': [
    { serviceId: 2, serviceName: 'Open Metadata Repository Services (OMRS)', serviceURLMarker: 'repository-services', serviceDescription: 'Exchange metadata between repositories.' }
  ]
}

export const registeredServiceKinds = ['access-services', 'engine-services', 'view-services', 'governance-services', 'common-services', 'integration-services'] as const

/** The `services` list for one kind (or all kinds when kind is undefined); undefined if the release lacks the kind. */
export function registeredServices(profile: VersionProfile, kind?: string): Record<string, unknown>[] | undefined {
  if (kind === 'integration-services') return profile.integrationServices ? integrationServices(profile) : undefined
  if (kind !== undefined) {
    const entries = catalog[kind]
    return entries?.map((entry) => serviceJson(profile, entry))
  }
  const all = Object.values(catalog).flat().map((entry) => serviceJson(profile, entry))
  return profile.integrationServices ? [...all, ...integrationServices(profile)] : all
}

function serviceJson(profile: VersionProfile, entry: ServiceEntry): Record<string, unknown> {
  return {
    serviceId: entry.serviceId,
    serviceName: entry.serviceName,
    serviceDevelopmentStatus: 'STABLE',
    serviceURLMarker: entry.serviceURLMarker,
    serviceDescription: entry.serviceDescription,
    serviceWiki: `https://egeria-project.org/services/${entry.serviceURLMarker}/`,
    ...(profile.major >= 6 && entry.serverType ? { serverType: entry.serverType } : {})
  }
}

function integrationServices(profile: VersionProfile): Record<string, unknown>[] {
  if (profile.serviceIdBase === 'docs-2021') {
    // The seed guide's 3.x answer, field for field and in its order.
    return seedGuideIntegrationServiceOrder.map((marker) => {
      const info = integrationServiceInfo(marker)!
      return { serviceName: info.fullName, serviceURLMarker: marker, serviceDescription: info.description, serviceWiki: integrationServiceWiki(profile, marker) }
    })
  }
  return integrationServiceCatalog.map((info) => ({
    serviceId: info.id600,
    serviceName: info.fullName,
    serviceDevelopmentStatus: 'TECHNICAL_PREVIEW',
    serviceURLMarker: info.marker,
    serviceDescription: info.description,
    serviceWiki: integrationServiceWiki(profile, info.marker)
  }))
}
