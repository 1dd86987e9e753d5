/** The seed guide's coco-pharma story, step by step over real HTTP, on every simulated release. */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { call, reportNamed, reportsOf } from '../../../tests/support/sim-http'
import { ManualClock, startSimulator, type RunningSimulator } from '.'

const start = Date.parse('2021-02-02T20:57:50.640Z')
const minutes = (count: number): number => count * 60_000
const files = ['OakDeneLandingAreaFilesMonitor', 'OldMarketLandingAreaFilesMonitor', 'DropFootClinicalTrialResultsFilesMonitor']
const databaseMonitor = 'OakDeneLandingAreaDatabaseMonitor'
const directories = {
  'data/landing-area/hospitals/oak-dene/clinical-trials/drop-foot': { available: true },
  'data/landing-area/hospitals/old-market/clinical-trials/drop-foot': { available: true },
  'data/data-lake/research/clinical-trials/drop-foot/weekly-measurements': { available: true }
}
const serverDown = 'OMAG-MULTI-TENANT-404-001 The OMAG Server cocoMDS1 is not available to service a request from user exchangeDL01npa'
const wrongType =
  'OMIS-DATABASE-INTEGRATOR-400-001 Integration connector OakDeneLandingAreaDatabaseMonitor is not of the correct type to run in the Database Integrator OMIS integration service.  It must inherit from org.odpi.openmetadata.integrationservices.database.connector.DatabaseIntegratorConnector'
// Copied verbatim from the seed guide's second status payload.
const oakDeneMissing =
  "BASIC-FILES-INTEGRATION-CONNECTORS-404-001 The directory named data/landing-area/hospitals/oak-dene/clinical-trials/drop-foot in the Connection object Connection{displayName='null', description='null', connectorType=ConnectorType{displayName='null', description='null', connectorProviderClassName='org.odpi.openmetadata.adapters.connectors.integration.basicfiles.DataFilesMonitorIntegrationProvider', recognizedAdditionalProperties=null, recognizedSecuredProperties=null, recognizedConfigurationProperties=null, qualifiedName='null', additionalProperties=null, type=null, guid='null', url='null', classifications=null}, endpoint=Endpoint{displayName='null', description='null', address='data/landing-area/hospitals/oak-dene/clinical-trials/drop-foot', protocol='null', encryptionMethod='null', qualifiedName='null', additionalProperties=null, type=null, guid='null', url='null', classifications=null}, userId='null', encryptedPassword='null', clearPassword='null', configurationProperties=null, securedProperties=null, assetSummary='null', qualifiedName='null', additionalProperties=null, meanings=null, securityTags=null, searchKeywords=null, confidentialityGovernanceClassification=null, confidenceGovernanceClassification=null, criticalityGovernanceClassification=null, retentionGovernanceClassification=null, type=null, GUID='null', URL='null', classifications=null, extendedProperties=null, headerVersion=0} does not exist"

let sim: RunningSimulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

async function startStory(egeria: 3 | 4 | 5 | 6, clock: ManualClock): Promise<RunningSimulator> {
  sim = await startSimulator({ scenario: 'coco-pharma', egeria, clock, speed: 10_000 })
  return sim
}

describe('coco-pharma on Egeria 3.x (the guide itself)', () => {
  const base = '/servers/exchangeDL01/open-metadata/integration-daemon/users/garygeeke'

  it('walks the guide: down, sticky FAILED, restart, directories missing, directories created, RUNNING, refresh', async () => {
    const clock = new ManualClock(start)
    const running = await startStory(3, clock)

    // Stage 1: cocoMDS1 is down; every connector FAILED at initialize, the payload exactly as the guide's.
    let status = (await call(running, 'GET', `${base}/status`)).json
    expect(status.class).toBe('IntegrationDaemonStatusResponse')
    expect(status.relatedHTTPCode).toBe(200)
    const summaries = status.integrationServiceSummaries as Record<string, unknown>[]
    expect(summaries.map((summary) => [summary.integrationServiceId, summary.integrationServiceURLMarker])).toEqual([
      [4005, 'files-integrator'],
      [4004, 'database-integrator']
    ])
    for (const name of files) {
      const report = reportNamed(status, name)
      expect(Object.keys(report)).toEqual(['connectorName', 'connectorStatus', 'lastStatusChange', 'lastRefreshTime', 'minMinutesBetweenRefresh', 'failingExceptionMessage'])
      expect(report).toMatchObject({ connectorStatus: 'FAILED', minMinutesBetweenRefresh: 10, failingExceptionMessage: serverDown })
      expect(report.lastStatusChange).toMatch(/^2021-02-02T20:57:50\.\d{3}\+00:00$/)
    }
    const databaseFailedAt = reportNamed(status, databaseMonitor).lastStatusChange
    expect(reportNamed(status, databaseMonitor)).toMatchObject({ connectorStatus: 'FAILED', failingExceptionMessage: wrongType })

    const lines = running.auditLines()
    expect(lines[0]).toBe('Tue Feb 02 20:57:50 GMT 2021 exchangeDL01 Startup OMRS-AUDIT-0064 The Open Metadata Repository Services (OMRS) has initialized the audit log for the Integration Daemon called exchangeDL01')
    expect(lines).toContain(`Tue Feb 02 20:57:50 GMT 2021 exchangeDL01 Exception INTEGRATION-DAEMON-SERVICES-0031 The integration connector OldMarketLandingAreaFilesMonitor method initialize has returned with a org.odpi.openmetadata.frameworks.connectors.ffdc.InvalidParameterException exception containing message ${serverDown}`)
    expect(lines[lines.length - 1]).toBe('Tue Feb 02 20:57:50 GMT 2021 exchangeDL01 Startup OMAG-ADMIN-0004 The exchangeDL01 server has successfully completed start up.  The following services are running: [Open Metadata Repository Services (OMRS), Files Integrator OMIS, Database Integrator OMIS, Integration Daemon Services]')
    expect(lines).toHaveLength(28)
    // Byte for byte the guide's start-up log (tests/fixtures/seed-guide-startup.txt is copied from it).
    const guideLines = readFileSync(new URL('../../../tests/fixtures/seed-guide-startup.txt', import.meta.url), 'utf8').trimEnd().split('\n')
    expect(lines).toEqual(guideLines)

    // The guide's registered-services lookup gives the service URL markers.
    const registered = await call(running, 'GET', '/open-metadata/platform-services/users/garygeeke/server-platform/registered-services/integration-services')
    expect((registered.json.services as { serviceURLMarker: string }[]).map((service) => service.serviceURLMarker)).toEqual([
      'files-integrator', 'security-integrator', 'database-integrator', 'lineage-integrator', 'catalog-integrator', 'organization-integrator'
    ])

    // Stage 2: cocoMDS1 comes back, but FAILED is sticky; the refresh cycle only stamps lastRefreshTime.
    await call(running, 'POST', '/_sim/world', { metadataServers: { cocoMDS1: { available: true } } })
    clock.advance(minutes(11))
    await running.tick()
    status = (await call(running, 'GET', `${base}/status`)).json
    for (const name of files) {
      expect(reportNamed(status, name)).toMatchObject({ connectorStatus: 'FAILED', failingExceptionMessage: serverDown, lastRefreshTime: '2021-02-02T21:08:50.640+00:00' })
    }

    // Stage 3: restart the Files Integrator OMIS; the directories are missing (the connector itself reports it).
    const restart = await call(running, 'POST', `${base}/integration-services/files-integrator/restart`)
    expect(restart.json).toEqual({ class: 'VoidResponse', relatedHTTPCode: 200 })
    clock.advance(minutes(1))
    await running.tick()
    status = (await call(running, 'GET', `${base}/status`)).json
    expect(reportNamed(status, 'OakDeneLandingAreaFilesMonitor')).toMatchObject({ connectorStatus: 'FAILED', failingExceptionMessage: oakDeneMissing })
    for (const name of files) expect(reportNamed(status, name).failingExceptionMessage).toMatch(/^BASIC-FILES-INTEGRATION-CONNECTORS-404-001 The directory named /)
    expect(reportNamed(status, databaseMonitor).lastStatusChange).toBe(databaseFailedAt)

    // Stage 4: the directories are created and the connectors restarted: RUNNING, no failure message.
    running.updateWorld({ resources: directories })
    await call(running, 'POST', `${base}/integration-services/files-integrator/restart`, { class: 'NameRequestBody' })
    clock.advance(minutes(1))
    await running.tick()
    status = (await call(running, 'GET', `${base}/status`)).json
    for (const name of files) {
      const report = reportNamed(status, name)
      expect(report.connectorStatus).toBe('RUNNING')
      expect(report.failingExceptionMessage).toBeUndefined()
    }
    expect(reportNamed(status, databaseMonitor)).toMatchObject({ connectorStatus: 'FAILED', failingExceptionMessage: wrongType })

    // Stage 5: the periodic refresh (every 10 minutes) and the REST refresh both move lastRefreshTime.
    const before = reportNamed(status, files[0]!).lastRefreshTime
    clock.advance(minutes(11))
    await running.tick()
    status = (await call(running, 'GET', `${base}/status`)).json
    const periodic = reportNamed(status, files[0]!).lastRefreshTime
    expect(periodic).not.toBe(before)
    clock.advance(minutes(1))
    const refresh = await call(running, 'POST', `${base}/integration-services/files-integrator/refresh`, { class: 'NameRequestBody', name: files[0] })
    expect(refresh.json.relatedHTTPCode).toBe(200)
    status = (await call(running, 'GET', `${base}/status`)).json
    expect(Date.parse(reportNamed(status, files[0]!).lastRefreshTime!)).toBe(Date.parse(periodic!) + minutes(1))
    expect(reportNamed(status, files[1]!).lastRefreshTime).toBe(periodic)
    expect(running.auditLines().some((line) => line.includes('INTEGRATION-DAEMON-SERVICES-0042'))).toBe(true)
  })
})

describe('coco-pharma on Egeria 4.3', () => {
  const base = '/servers/exchangeDL01/open-metadata/integration-daemon/users/garygeeke'

  it('retries INITIALIZE_FAILED by itself, then sticks in FAILED until a restart', async () => {
    const clock = new ManualClock(start)
    const running = await startStory(4, clock)
    let status = (await call(running, 'GET', `${base}/status`)).json
    expect(status.integrationDaemonStatus).toBeDefined()
    for (const name of files) expect(reportNamed(status, name)).toMatchObject({ connectorStatus: 'INITIALIZE_FAILED', failingExceptionMessage: serverDown })
    expect(reportNamed(status, databaseMonitor)).toMatchObject({ connectorStatus: 'CONFIG_FAILED', failingExceptionMessage: wrongType })
    // Once at start-up and once more on the daemon thread's immediate first retry.
    expect(running.auditLines().filter((line) => line.includes('INTEGRATION-DAEMON-SERVICES-0036'))).toHaveLength(6)

    running.updateWorld({ metadataServers: { cocoMDS1: { available: true } } })
    clock.advance(minutes(11))
    await running.tick()
    status = (await call(running, 'GET', `${base}/status`)).json
    expect(reportNamed(status, files[0]!).connectorStatus).toBe('FAILED')
    expect(reportNamed(status, files[0]!).failingExceptionMessage).toBe(oakDeneMissing)

    running.updateWorld({ resources: directories })
    clock.advance(minutes(11))
    await running.tick()
    expect(reportNamed((await call(running, 'GET', `${base}/status`)).json, files[0]!).connectorStatus).toBe('FAILED')

    await call(running, 'POST', `${base}/integration-connectors/restart`, { class: 'NameRequestBody', name: files[0] })
    await running.tick()
    status = (await call(running, 'GET', `${base}/status`)).json
    expect(reportNamed(status, files[0]!).connectorStatus).toBe('RUNNING')
    expect(reportNamed(status, files[1]!).connectorStatus).toBe('FAILED')
  })
})

describe('coco-pharma on Egeria 5.3', () => {
  const base = '/servers/exchangeDL01/open-metadata/integration-daemon/users/garygeeke'

  it('needs a REST refresh to leave INITIALIZE_FAILED, then restarts into WAITING', async () => {
    const clock = new ManualClock(start)
    const running = await startStory(5, clock)
    running.updateWorld({ metadataServers: { cocoMDS1: { available: true } } })
    clock.advance(minutes(30))
    await running.tick()
    let status = (await call(running, 'GET', `${base}/status`)).json
    expect(reportNamed(status, files[0]!).connectorStatus).toBe('INITIALIZE_FAILED')

    await call(running, 'POST', `${base}/integration-connectors/refresh`)
    status = (await call(running, 'GET', `${base}/status`)).json
    expect(reportNamed(status, files[0]!)).toMatchObject({ connectorStatus: 'FAILED', failingExceptionMessage: oakDeneMissing })
    expect(reportNamed(status, databaseMonitor).connectorStatus).toBe('CONFIG_FAILED')

    running.updateWorld({ resources: directories })
    await call(running, 'POST', `${base}/integration-connectors/restart`)
    await running.tick()
    status = (await call(running, 'GET', `${base}/status`)).json
    for (const name of files) expect(reportNamed(status, name).connectorStatus).toBe('WAITING')
    const refreshedAt = reportNamed(status, files[0]!).lastRefreshTime
    clock.advance(minutes(11))
    await running.tick()
    status = (await call(running, 'GET', `${base}/status`)).json
    expect(Date.parse(reportNamed(status, files[0]!).lastRefreshTime!)).toBe(Date.parse(refreshedAt!) + minutes(11))
  })
})

describe('coco-pharma on Egeria 6.0', () => {
  const base = '/servers/exchangeDL01/open-metadata/integration-daemon'

  it('starts with an empty daemon (group not yet configured), then loads the group from cocoMDS1', async () => {
    const clock = new ManualClock(start)
    const running = await startStory(6, clock)
    const token = (await call(running, 'POST', '/api/token', { userId: 'peterprofile', password: 'secret' })).text
    const auth = { Authorization: `Bearer ${token}` }
    let status = (await call(running, 'GET', `${base}/status`, undefined, auth)).json
    expect(status).toMatchObject({ relatedHTTPCode: 400, exceptionErrorMessageId: 'OMAG-COMMON-400-016', exceptionCausedBy: 'java.lang.NullPointerException' })
    const groups = (await call(running, 'GET', `${base}/integration-groups/summary`, undefined, auth)).json
    expect(groups.integrationGroupSummaries).toEqual([{ integrationGroupName: 'Egeria:IntegrationGroup:Default', integrationGroupStatus: 'ASSIGNED' }])

    running.updateWorld({ metadataServers: { cocoMDS1: { available: true } } })
    const group = encodeURIComponent('Egeria:IntegrationGroup:Default')
    expect((await call(running, 'GET', `${base}/integration-groups/${group}/refresh-config`, undefined, auth)).json).toEqual({ class: 'VoidResponse', relatedHTTPCode: 200 })
    await running.tick()
    status = (await call(running, 'GET', `${base}/status`, undefined, auth)).json
    expect(reportsOf(status)).toHaveLength(4)
    expect(reportNamed(status, files[0]!).connectorStatus).toBe('FAILED')
    expect(reportNamed(status, files[0]!).failingExceptionMessage).toContain("networkAddress='data/landing-area/hospitals/oak-dene/clinical-trials/drop-foot'")
    expect(reportNamed(status, databaseMonitor).connectorStatus).toBe('CONFIG_FAILED')

    running.updateWorld({ resources: directories })
    await call(running, 'POST', `${base}/integration-connectors/restart`, undefined, auth)
    await running.tick()
    status = (await call(running, 'GET', `${base}/status`, undefined, auth)).json
    for (const name of files) expect(reportNamed(status, name).connectorStatus).toBe('WAITING')
  })
})
