/**
 * Families of message IDs by prefix: what an ID's family alone tells (the Egeria releases that use it,
 * whether its texts name an integration connector or the partner metadata server). Longest prefix wins.
 */
export interface IdFamily {
  prefix: string
  /** The lowest Egeria major version whose servers write this family (a log using it is at least that). */
  fromMajor?: number
  /** The last Egeria major version that wrote this family. */
  untilMajor?: number
  /** Its texts name an integration connector (`… connector NAME …`). */
  namesConnector?: boolean
  /** The ID ending that names the metadata server the daemon calls (`… server X on platform URL`). */
  partnerSuffix?: string
  /** Raised on a call to a metadata server: a network or TLS failure below it is on the way to that server. */
  callsMetadataServer?: boolean
}

export const ID_FAMILIES: readonly IdFamily[] = [
  { prefix: 'INTEGRATION-DAEMON-SERVICES-', namesConnector: true },
  { prefix: 'OMIS-', fromMajor: 4, untilMajor: 4, namesConnector: true, partnerSuffix: '-0001' },
  { prefix: 'OMAG-ADMIN-503-', fromMajor: 4, callsMetadataServer: true },
  { prefix: 'OMAG-COMMON-503-', callsMetadataServer: true },
  { prefix: 'OMAG-COMMON-0002', callsMetadataServer: true },
  { prefix: 'CLIENT-SIDE-REST-API-CONNECTOR-', callsMetadataServer: true },
  { prefix: 'SERVER-OPS-', fromMajor: 5 },
  { prefix: 'OIF-CONNECTOR-', fromMajor: 5, namesConnector: true, partnerSuffix: '-0001' },
  { prefix: 'OPEN-GOVERNANCE-', fromMajor: 5, partnerSuffix: '-0002' }
]

/** The family of an ID, by its prefix (more specific prefixes are listed before the families they narrow). */
export function idFamilyOf(id: string): IdFamily | undefined {
  return ID_FAMILIES.find((family) => id.startsWith(family.prefix))
}

/** Whether the ID's text names the partner metadata server, by its family. */
export function namesPartnerServer(id: string): boolean {
  const suffix = idFamilyOf(id)?.partnerSuffix
  return suffix !== undefined && id.endsWith(suffix)
}
