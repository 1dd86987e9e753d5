/** Conformance per simulated release over real HTTP: every daemon REST row of the fact sheet, platform services, envelopes, shapes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, reportNamed } from '../../../tests/support/sim-http'
import { conformanceScenario, filesProvider, groupName } from '../../../tests/support/conformance-scenario'
import { ManualClock, startSimulator, versionProfiles, type RunningSimulator } from '.'
import type { DaemonCall } from './versions'

interface Row {
  call: DaemonCall
  method: 'GET' | 'POST'
  path: string
  body?: unknown
  responseClass: string
}

const group = encodeURIComponent(groupName)
function rows(major: 3 | 4 | 5 | 6): Row[] {
  const addressField = versionProfiles[major].endpointAddressField
  return [
    { call: 'status', method: 'GET', path: '/status', responseClass: 'IntegrationDaemonStatusResponse' },
    { call: 'refresh-all-services', method: 'POST', path: '/refresh', responseClass: 'VoidResponse' },
    { call: 'refresh-service', method: 'POST', path: '/integration-services/files-integrator/refresh', body: { class: 'NameRequestBody', name: 'FilesA' }, responseClass: 'VoidResponse' },
    { call: 'restart-service', method: 'POST', path: '/integration-services/files-integrator/restart', responseClass: 'VoidResponse' },
    { call: 'read-service-connector-properties', method: 'GET', path: '/integration-services/files-integrator/connectors/FilesA/configuration-properties', responseClass: 'PropertiesResponse' },
    { call: 'update-service-connector-properties', method: 'POST', path: '/integration-services/files-integrator/connectors/configuration-properties', body: { class: 'ConnectorConfigPropertiesRequestBody', connectorName: 'FilesA', mergeUpdate: true, configurationProperties: { b: 2 } }, responseClass: 'VoidResponse' },
    { call: 'service-summaries', method: 'GET', path: '/integration-services/summary', responseClass: 'IntegrationServiceSummaryResponse' },
    { call: 'group-summaries', method: 'GET', path: '/integration-groups/summary', responseClass: 'IntegrationGroupSummariesResponse' },
    { call: 'group-summary', method: 'GET', path: `/integration-groups/${group}/summary`, responseClass: 'IntegrationGroupSummaryResponse' },
    { call: 'group-refresh-config', method: 'GET', path: `/integration-groups/${group}/refresh-config`, responseClass: 'VoidResponse' },
    { call: 'read-connector-properties', method: 'GET', path: '/integration-connectors/FilesA/configuration-properties', responseClass: 'PropertiesResponse' },
    { call: 'update-connector-properties', method: 'POST', path: '/integration-connectors/configuration-properties', body: { class: 'ConnectorConfigPropertiesRequestBody', connectorName: 'FilesA', mergeUpdate: true, configurationProperties: { c: 3 } }, responseClass: 'VoidResponse' },
    { call: 'refresh-connectors', method: 'POST', path: '/integration-connectors/refresh', responseClass: 'VoidResponse' },
    { call: 'restart-connectors', method: 'POST', path: '/integration-connectors/restart', body: { class: 'NameRequestBody', name: 'FilesA' }, responseClass: 'VoidResponse' },
    { call: 'update-endpoint-address', method: 'POST', path: '/integration-connectors/FilesA/endpoint-network-address', body: { class: 'StringRequestBody', string: 'data/in' }, responseClass: 'VoidResponse' },
    { call: 'update-connection', method: 'POST', path: '/integration-connectors/FilesA/connection', body: { class: 'Connection', connectorType: { class: 'ConnectorType', connectorProviderClassName: filesProvider }, endpoint: { class: 'Endpoint', [addressField]: 'data/in' } }, responseClass: 'VoidResponse' },
    { call: 'publish-open-lineage-event', method: 'POST', path: '/publish-open-lineage-event', body: '{"eventType":"COMPLETE"}', responseClass: 'VoidResponse' },
    { call: 'validate-connector', method: 'GET', path: `/validate-connector/${filesProvider}`, responseClass: 'ConnectorReportResponse' }
  ]
}

const packages = {
  3: 'org.odpi.openmetadata.frameworks.connectors.ffdc',
  4: 'org.odpi.openmetadata.frameworks.connectors.ffdc',
  5: 'org.odpi.openmetadata.frameworks.openmetadata.ffdc',
  6: 'org.odpi.openmetadata.frameworks.openmetadata.ffdc'
}

for (const major of [3, 4, 5, 6] as const) {
  const profile = versionProfiles[major]
  describe(`Egeria ${profile.label}`, () => {
    let sim: RunningSimulator
    let headers: Record<string, string> = {}
    const clock = new ManualClock(Date.parse('2025-01-01T00:00:00.000Z'))
    const users = profile.userIdInPath ? '/users/garygeeke' : ''
    const base = `/servers/daemon1/open-metadata/integration-daemon${users}`
    const platform = `/open-metadata/platform-services${users}/server-platform`
    const get = (path: string): ReturnType<typeof call> => call(sim, 'GET', path, undefined, headers)
    const post = (path: string, body?: unknown): ReturnType<typeof call> => call(sim, 'POST', path, body, headers)

    beforeAll(async () => {
      sim = await startSimulator({ scenario: conformanceScenario, egeria: major, clock, speed: 10_000 })
      if (profile.tokenAuth) {
        const token = await call(sim, 'POST', '/api/token', { userId: 'garygeeke', password: 'secret' })
        expect(token.status).toBe(200)
        headers = { Authorization: `Bearer ${token.text}` }
      }
      await sim.tick()
    })
    afterAll(async () => sim.close())

    it('answers every daemon REST call this release has, and Spring 404 for the others', async () => {
      for (const row of rows(major)) {
        const answer = row.method === 'GET' ? await get(`${base}${row.path}`) : await post(`${base}${row.path}`, row.body)
        if (profile.daemonCalls.has(row.call)) {
          expect({ call: row.call, status: answer.status, class: answer.json.class, code: answer.json.relatedHTTPCode }).toEqual({ call: row.call, status: 200, class: row.responseClass, code: 200 })
        } else {
          expect({ call: row.call, status: answer.status, error: answer.json.error }).toEqual({ call: row.call, status: 404, error: 'Not Found' })
        }
      }
      // The other path style is not served at all.
      const otherStyle = profile.userIdInPath ? '/servers/daemon1/open-metadata/integration-daemon/status' : '/servers/daemon1/open-metadata/integration-daemon/users/garygeeke/status'
      expect((await get(otherStyle)).status).toBe(404)
      expect((await post(`${base}/status`)).status).toBe(405)
    })

    it('shapes the status payload as this release does', async () => {
      await sim.tick() // the row walk restarted FilesA; its first refresh follows on the next polling pass
      const status = (await get(`${base}/status`)).json
      const files = reportNamed(status, 'FilesA')
      if (profile.flatStatus) {
        expect(Object.keys(status)).toEqual(['class', 'relatedHTTPCode', 'integrationServiceSummaries'])
      } else {
        const wrapper = status.integrationDaemonStatus as Record<string, unknown>
        const expected = [
          ...(profile.integrationServices ? ['integrationServiceSummaries'] : []),
          'integrationGroupSummaries',
          ...(profile.topLevelReports ? ['integrationConnectorReports'] : [])
        ]
        expect(Object.keys(wrapper)).toEqual(expected)
        const nested = (wrapper.integrationGroupSummaries as { integrationConnectorReports: Record<string, unknown>[]; integrationGroupStatus: string }[])[0]!
        expect(nested.integrationGroupStatus).toBe('RUNNING')
        expect(nested.integrationConnectorReports[0]!.connectorGUID).toBeUndefined()
      }
      expect(files.connectorStatus).toBe(profile.waitingStatus ? 'WAITING' : 'RUNNING')
      expect(files.lastRefreshTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/)
      expect(files.minMinutesBetweenRefresh).toBe(10)
      expect(files.connectorId !== undefined).toBe(profile.reportConnectorDetail)
      expect(files.connectorGUID !== undefined).toBe(profile.reportConnectorGuid)
      if (profile.reportConnectorDetail) {
        expect((files.connection as { endpoint: Record<string, unknown> }).endpoint[profile.endpointAddressField]).toBe('data/in')
      }
    })

    it('returns the FFDC envelopes of this release', async () => {
      const unknownServer = (await get(`/servers/nosuch/open-metadata/integration-daemon${users}/status`)).json
      expect(unknownServer).toMatchObject({
        class: 'IntegrationDaemonStatusResponse',
        relatedHTTPCode: 404,
        exceptionClassName: `${packages[major]}.InvalidParameterException`,
        actionDescription: 'getIntegrationDaemonStatus',
        exceptionErrorMessage: 'OMAG-MULTI-TENANT-404-001 The OMAG Server nosuch is not available to service a request from user garygeeke',
        exceptionErrorMessageId: 'OMAG-MULTI-TENANT-404-001',
        exceptionErrorMessageParameters: ['nosuch', 'garygeeke'],
        exceptionProperties: { serverName: 'nosuch', parameterName: 'serverName' }
      })
      expect(unknownServer.exceptionSystemAction).toMatch(major >= 6 ? /^The system cannot process the request because/ : /^The system is unable to process the request because/)
      expect(unknownServer.exceptionSubclassName !== undefined).toBe(major >= 6)
      // A server on the platform that is not a daemon.
      expect((await get(`/servers/mds1/open-metadata/integration-daemon${users}/status`)).json.exceptionErrorMessageId).toBe('OMAG-MULTI-TENANT-404-002')

      const unknownConnector = major === 3
        ? (await get(`${base}/integration-services/files-integrator/connectors/Nope/configuration-properties`)).json
        : (await get(`${base}/integration-connectors/Nope/configuration-properties`)).json
      expect(unknownConnector).toMatchObject({ class: 'PropertiesResponse', relatedHTTPCode: 400, exceptionErrorMessageId: 'INTEGRATION-DAEMON-SERVICES-400-031', exceptionProperties: { parameterName: 'connectorName' } })
      expect(unknownConnector.exceptionErrorMessage).toBe(
        major === 3
          ? 'INTEGRATION-DAEMON-SERVICES-400-031 Integration connector named Nope is not running in the integration service Files Integrator OMIS in integration daemon daemon1'
          : 'INTEGRATION-DAEMON-SERVICES-400-031 Integration connector named Nope is not running in the integration daemon daemon1'
      )
      if (profile.integrationServices) {
        const unknownMarker = (await post(`${base}/integration-services/nosuch-integrator/restart`)).json
        expect(unknownMarker).toMatchObject({ class: 'VoidResponse', relatedHTTPCode: 400, exceptionErrorMessageId: 'INTEGRATION-DAEMON-SERVICES-400-030' })
        // 3.x swaps the inserts (fact sheet §4.6 item 3).
        expect(unknownMarker.exceptionErrorMessageParameters).toEqual(major === 3 ? ['daemon1', 'nosuch-integrator'] : ['nosuch-integrator', 'daemon1'])
      }
      if (profile.groups) {
        const unknownGroup = (await get(`${base}/integration-groups/NoGroup/summary`)).json
        expect(unknownGroup).toMatchObject({ relatedHTTPCode: 400, exceptionErrorMessage: 'INTEGRATION-DAEMON-SERVICES-400-034 Integration group named NoGroup is not running in the integration daemon daemon1' })
      }
      if (major >= 4) {
        const nullName = (await post(`${base}/integration-connectors/configuration-properties`, { class: 'ConnectorConfigPropertiesRequestBody' })).json
        expect(nullName.exceptionErrorMessageId).toBe('OMAG-COMMON-400-006')
        expect((await post(`${base}/integration-connectors/configuration-properties`)).status).toBe(400)
      }
      const badJson = await call(sim, 'POST', `${base}/${major >= 4 ? 'integration-connectors/restart' : 'integration-services/files-integrator/restart'}`, '{"name":', headers)
      expect(badJson.status).toBe(400)
    })

    it('serves the platform services of this release', async () => {
      const origin = await get(`${platform}/origin`)
      expect(origin.text).toBe(profile.origin)
      expect(origin.text).toContain(`(version ${profile.label})`)
      const registered = await get(`${platform}/registered-services/integration-services`)
      if (profile.integrationServices) expect((registered.json.services as unknown[]).length).toBeGreaterThan(0)
      else expect(registered.status).toBe(404)
      const governance = (await get(`${platform}/registered-services/governance-services`)).json
      expect((governance.services as { serviceURLMarker: string }[]).map((service) => service.serviceURLMarker)).toContain('integration-daemon')
      expect((await get(`${platform}/servers`)).json).toEqual({ class: 'ServerListResponse', relatedHTTPCode: 200, serverList: ['daemon1', 'mds1'] })
      sim.updateWorld({ metadataServers: { mds1: { available: false } } })
      expect((await get(`${platform}/servers/active`)).json.serverList).toEqual(['daemon1'])
      sim.updateWorld({ metadataServers: { mds1: { available: true } } })
      expect((await get(`${platform}/servers/daemon1/is-known`)).json.flag).toBe(true)
      expect((await get(`${platform}/servers/other/is-known`)).json.flag).toBe(false)
      expect((await get(`${platform}/servers/daemon1/status`)).json).toMatchObject({ class: 'ServerStatusResponse', serverName: 'daemon1', serverType: 'Integration Daemon', active: true })
      const services = (await get(`${platform}/servers/daemon1/services`)).json
      expect(services.serverServicesList).toContain('Integration Daemon Services')
      const instance = await get(`${platform}/servers/daemon1/instance/status`)
      if (profile.platformInstanceStatus) expect(instance.json).toMatchObject({ class: 'OMAGServerStatusResponse', serverStatus: { serverName: 'daemon1', serverActiveStatus: 'RUNNING' } })
      else expect(instance.status).toBe(404)
      const operations = await get(`/open-metadata/server-operations${users}/servers/daemon1/instance/status`)
      if (profile.serverOperations) expect(operations.json.class).toBe('OMAGServerStatusResponse')
      else expect(operations.status).toBe(404)
    })
  })
}
