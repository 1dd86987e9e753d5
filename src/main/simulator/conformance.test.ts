/** Conformance per simulated release over real HTTP: every daemon REST row of the fact sheet, platform services, envelopes, shapes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, reportNamed, reportsOf } from '../../../tests/support/sim-http'
import { beanDifferences, consoleMessage, difference, fitsCatalogue, isRealRoute, loadAllowedDifferences, loadCatalogue, messageFamily, reviewDifferences, severityDisplayNames } from '../../../tests/support/real-catalogue'
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

/**
 * Every message the simulator prints or answers with, checked against the catalogue of the nearest release whose
 * jars Maven Central serves (3.4 for 3.4; 4.2 for 4.3, which is not served): the ID exists, the text fits its
 * template, an audit record has its severity, an FFDC envelope its HTTP status and actions. Families whose jars are
 * not served at any release cannot be checked and are named here.
 */
const catalogueReleases = { 3: '3.4', 4: '4.2' } as const
const familiesNotServed = ['BASIC-FILES-INTEGRATION-CONNECTORS', 'OMIS-DATABASE-INTEGRATOR', 'OMIS-FILES-INTEGRATOR']

interface SimulatorMessage {
  messageId: string
  text: string
  /** Console records: the severity printed. */
  severity?: string
  /** FFDC envelopes: what else they carry of the message. */
  envelope?: { relatedHTTPCode: unknown; systemAction: unknown; userAction: unknown }
}

/** The seed's story and the usual FFDC answers on the simulator: every REST answer and every message in them and in the audit log. */
async function simulatorStory(major: 3 | 4): Promise<{ answers: Record<string, unknown>[]; messages: SimulatorMessage[] }> {
  const clock = new ManualClock(Date.parse('2021-02-02T20:57:50.640Z'))
  const sim = await startSimulator({ scenario: 'coco-pharma', egeria: major, clock, speed: 10_000 })
  const base = '/servers/exchangeDL01/open-metadata/integration-daemon/users/garygeeke'
  const restart = major === 3 ? `${base}/integration-services/files-integrator/restart` : `${base}/integration-connectors/restart`
  const answers: Record<string, unknown>[] = []
  const status = async (): Promise<void> => {
    answers.push((await call(sim, 'GET', `${base}/status`)).json)
  }
  try {
    // The seed's story: cocoMDS1 down, back, restart, directories missing, created, restart, refresh.
    await status()
    sim.updateWorld({ metadataServers: { cocoMDS1: { available: true } } })
    clock.advance(11 * 60_000)
    await sim.tick()
    await status()
    await call(sim, 'POST', restart)
    await sim.tick()
    await status()
    sim.updateWorld({ resources: Object.fromEntries(Object.keys(sim.world().resources).map((key) => [key, { available: true }])) })
    await call(sim, 'POST', restart)
    await sim.tick()
    await status()
    await call(sim, 'POST', major === 3 ? `${base}/integration-services/files-integrator/refresh` : `${base}/integration-connectors/refresh`)
    // The FFDC answers an operator meets on the way.
    answers.push((await call(sim, 'GET', '/servers/nosuch/open-metadata/integration-daemon/users/garygeeke/status')).json)
    const unknownConnector = major === 3 ? `${base}/integration-services/files-integrator/connectors/Nope/configuration-properties` : `${base}/integration-connectors/Nope/configuration-properties`
    answers.push((await call(sim, 'GET', unknownConnector)).json)
    answers.push((await call(sim, 'POST', `${base}/integration-services/nosuch-integrator/restart`)).json)
    const split = (text: string): { messageId: string; text: string } => ({ messageId: text.split(' ')[0]!, text: text.slice(text.indexOf(' ') + 1) })
    const reports = answers.flatMap((answer) => reportsOf(answer).map((report) => report.failingExceptionMessage)).filter((text) => text !== undefined)
    const envelopes = answers
      .filter((answer) => typeof answer.exceptionErrorMessage === 'string')
      .map((answer) => ({
        ...split(answer.exceptionErrorMessage as string),
        envelope: { relatedHTTPCode: answer.relatedHTTPCode, systemAction: answer.exceptionSystemAction, userAction: answer.exceptionUserAction }
      }))
    return { answers, messages: [...sim.auditLines().map(consoleMessage).filter((message) => message !== undefined), ...reports.map(split), ...envelopes] }
  } finally {
    await sim.close()
  }
}

for (const major of [3, 4] as const) {
  const profile = versionProfiles[major]
  const release = catalogueReleases[major]
  it(`Egeria ${profile.label}: the simulator's messages are those of real Egeria ${release}'s jars`, async () => {
    const catalogue = loadCatalogue(release)
    const servedFamilies = new Set(Object.keys(catalogue.messages).map(messageFamily))
    const { messages } = await simulatorStory(major)
    expect(messages.length).toBeGreaterThan(30)
    expect(messages.filter((message) => message.envelope).length).toBe(3)
    const unchecked = new Set<string>()
    const differences: string[] = []
    for (const { messageId, text, severity, envelope } of messages) {
      if (!servedFamilies.has(messageFamily(messageId))) {
        unchecked.add(messageFamily(messageId))
        continue
      }
      const real = catalogue.messages[messageId]
      if (!real) {
        differences.push(difference(messageId, 'missing', `not in Egeria ${release}`))
        continue
      }
      if (!fitsCatalogue(real, text)) differences.push(difference(messageId, 'text', `"${text}" does not fit "${real.text}"`))
      if (severity !== undefined && real.severity && severity !== severityDisplayNames[real.severity]) {
        differences.push(difference(messageId, 'severity', `${severity}, real ${real.severity}`))
      }
      if (envelope) {
        const status = Number(/-(\d{3})-\d{3}$/.exec(messageId)?.[1])
        if (envelope.relatedHTTPCode !== status) differences.push(difference(messageId, 'http-status', `${String(envelope.relatedHTTPCode)}, real ${status}`))
        if (envelope.systemAction !== real.systemAction || envelope.userAction !== real.userAction) {
          differences.push(difference(messageId, 'actions', `"${String(envelope.systemAction)}" / "${String(envelope.userAction)}"`))
        }
      }
    }
    expect([...unchecked].sort()).toEqual(familiesNotServed)
    const { unexplained, stale } = reviewDifferences(differences, loadAllowedDifferences('simulator', release))
    expect(unexplained).toEqual([])
    expect(stale.filter((entry) => !['field', 'type', 'enum'].includes(entry.aspect))).toEqual([])
  })
}

for (const major of [3, 4] as const) {
  const profile = versionProfiles[major]
  const release = catalogueReleases[major]
  it(`Egeria ${profile.label}: the simulator's REST answers have the fields, types and enum values of real Egeria ${release}'s beans`, async () => {
    const catalogue = loadCatalogue(release)
    const { answers } = await simulatorStory(major)
    // A daemon with an integration group too (4.x), healthy.
    const sim = await startSimulator({ scenario: conformanceScenario, egeria: major, clock: new ManualClock(Date.parse('2025-01-01T00:00:00.000Z')), speed: 10_000 })
    try {
      await sim.tick()
      answers.push((await call(sim, 'GET', '/servers/daemon1/open-metadata/integration-daemon/users/garygeeke/status')).json)
    } finally {
      await sim.close()
    }
    const statuses = answers.flatMap((answer) => reportsOf(answer).map((report) => report.connectorStatus))
    expect(new Set(statuses)).toEqual(new Set(major === 3 ? ['FAILED', 'RUNNING'] : ['INITIALIZE_FAILED', 'CONFIG_FAILED', 'FAILED', 'RUNNING']))
    const differences = answers.flatMap((answer) => beanDifferences(catalogue, String(answer.class), answer))
    const { unexplained, stale } = reviewDifferences(differences, loadAllowedDifferences('simulator', release))
    expect(unexplained).toEqual([])
    expect(stale.filter((entry) => ['field', 'type', 'enum'].includes(entry.aspect))).toEqual([])
  })
}

it("Egeria 4.3: the platform and admin services the simulator serves are real Egeria 4.2 routes", async () => {
  const catalogue = loadCatalogue('4.2')
  const platform = '/open-metadata/platform-services/users/garygeeke/server-platform'
  const calls: [string, string][] = [
    ['GET', `${platform}/origin`],
    ['GET', `${platform}/registered-services/integration-services`],
    ['GET', `${platform}/registered-services/governance-services`],
    ['GET', `${platform}/servers`],
    ['GET', `${platform}/servers/active`],
    ['GET', `${platform}/servers/daemon1/is-known`],
    ['GET', `${platform}/servers/daemon1/status`],
    ['GET', `${platform}/servers/daemon1/services`],
    ['GET', `${platform}/servers/daemon1/instance/status`],
    ['POST', `${platform}/servers/daemon1/instance`],
    ['DELETE', `${platform}/servers/daemon1/instance`]
  ]
  expect(calls.filter(([method, path]) => !isRealRoute(catalogue, method, path))).toEqual([])
  // And the simulator serves each of them on its 4.3 profile.
  const sim = await startSimulator({ scenario: conformanceScenario, egeria: 4, clock: new ManualClock(Date.parse('2025-01-01T00:00:00.000Z')), speed: 10_000 })
  try {
    for (const [, path] of calls.filter(([method]) => method === 'GET')) expect({ path, status: (await call(sim, 'GET', path)).status }).toEqual({ path, status: 200 })
  } finally {
    await sim.close()
  }
  // 4.2 has no server-operations module (5.0+), as the 4.3 profile says.
  expect(versionProfiles[4].serverOperations).toBe(false)
  expect(catalogue.routes!.some((route) => route.includes('/server-operations/'))).toBe(false)
})

it("Egeria 4.3: the platform origin has the form of real Egeria 4.2's", () => {
  const { platformOrigin } = loadCatalogue('4.2')
  expect(platformOrigin).toBe('Egeria OMAG Server Platform (version 4.2)\n')
  expect(versionProfiles[4].origin).toBe(platformOrigin!.replace('(version 4.2)', `(version ${versionProfiles[4].label})`))
})
