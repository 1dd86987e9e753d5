/** A small estate with one OMIS connector and one group connector, all healthy: the conformance tests' daemon. */
import type { ScenarioDocument } from '../../src/main/simulator'

export const filesProvider = 'org.odpi.openmetadata.adapters.connectors.integration.basicfiles.DataFilesMonitorIntegrationProvider'
export const groupName = 'Egeria:IntegrationGroup:Default'

export const conformanceScenario: ScenarioDocument = {
  name: 'conformance',
  startTime: '2025-01-01T00:00:00.000Z',
  users: [{ userId: 'garygeeke', password: 'secret' }],
  metadataServers: { mds1: { platformURL: 'https://localhost:9443', available: true, onPlatform: true } },
  resources: { 'data/in': { kind: 'directory', available: true } },
  daemons: [
    {
      name: 'daemon1',
      serverUserId: 'daemon1npa',
      services: [
        {
          marker: 'files-integrator',
          metadataServer: 'mds1',
          connectors: [{ name: 'FilesA', id: 'id-files-a', providerClass: filesProvider, endpoint: 'data/in', refreshMinutes: 10, behaviour: 'files-monitor', configurationProperties: { a: 1 } }]
        }
      ],
      groups: [
        {
          qualifiedName: groupName,
          guid: 'guid-group-default',
          metadataServer: 'mds1',
          connectors: [{ name: 'CatalogB', id: 'id-catalog-b', providerClass: 'org.example.CatalogProvider', refreshMinutes: 60 }]
        }
      ]
    }
  ]
}
