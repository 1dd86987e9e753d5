import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ffdcError } from './envelope'
import { normaliseStatus, isRefreshOverdue, majorFromStatusShape } from './normalise'
import { judgeConnector, planAction } from './operations'
import { daemonBase, parseOrigin, paths } from './version'
import { CONNECTOR_STATUSES } from '../../../shared/models/daemon'
import { isRealRoute, loadCatalogue } from '../../../../tests/support/real-catalogue'

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../../tests/fixtures/${name}`, import.meta.url), 'utf8'))
const context = { server: 'exchangeDL01', platformUrl: 'https://localhost:9443', egeria: 3 as const, now: new Date('2021-02-02T21:05:00.000Z') }

describe('message IDs and the FFDC envelope', () => {
  it('parses the fact sheet 404-001 envelope with its chain, parameters and properties', () => {
    const envelope = ffdcError({
      class: 'VoidResponse',
      relatedHTTPCode: 404,
      exceptionClassName: 'org.odpi.openmetadata.frameworks.connectors.ffdc.InvalidParameterException',
      actionDescription: 'refreshService',
      exceptionErrorMessage: 'OMAG-MULTI-TENANT-404-001 The OMAG Server cocoMDS1 is not available to service a request from user garygeeke',
      exceptionErrorMessageId: 'OMAG-MULTI-TENANT-404-001',
      exceptionErrorMessageParameters: ['cocoMDS1', 'garygeeke'],
      exceptionSystemAction: 'The system is unable to process the request because the server is not running on the called platform.',
      exceptionUserAction: 'Verify that the correct server is being called …',
      exceptionProperties: { serverName: 'cocoMDS1', parameterName: 'serverName' }
    })
    expect(envelope).toMatchObject({
      relatedHTTPCode: 404,
      messageId: 'OMAG-MULTI-TENANT-404-001',
      messageIds: ['OMAG-MULTI-TENANT-404-001'],
      parameters: ['cocoMDS1', 'garygeeke'],
      actionDescription: 'refreshService',
      properties: { serverName: 'cocoMDS1' }
    })
  })

  it('treats relatedHTTPCode 200 and non-envelopes as success', () => {
    expect(ffdcError({ class: 'VoidResponse', relatedHTTPCode: 200 })).toBeUndefined()
    expect(ffdcError([1, 2])).toBeUndefined()
    expect(ffdcError('text')).toBeUndefined()
  })

  it('puts the envelope ID first and then the IDs quoted in its message', () => {
    const envelope = ffdcError({
      relatedHTTPCode: 400,
      exceptionErrorMessageId: 'OMAG-COMMON-400-016',
      exceptionErrorMessage: 'OMAG-COMMON-400-016 An unexpected java.lang.NullPointerException … error message was OMRS-REPOSITORY-500-001 boom',
      exceptionCausedBy: 'java.lang.NullPointerException'
    })
    expect(envelope?.messageIds).toEqual(['OMAG-COMMON-400-016', 'OMRS-REPOSITORY-500-001'])
    expect(envelope?.exceptionCausedBy).toBe('java.lang.NullPointerException')
  })
})

describe('versions and paths', () => {
  it('reads the version from the platform origin', () => {
    expect(parseOrigin('Egeria OMAG Server Platform (version 5.4-SNAPSHOT)\n')).toMatchObject({ major: 5, minor: 4 })
    expect(parseOrigin('Egeria OMAG Server Platform (version 3.15)')).toMatchObject({ major: 3, minor: 15 })
    expect(parseOrigin('Egeria OMAG Server Platform (version 6.2)')).toMatchObject({ major: 6, minor: 2 })
    expect(parseOrigin('nginx')).toBeUndefined()
    // The text Egeria 4.2's platform services answer with, read out of its jar (tests/fixtures/real-egeria).
    const realOrigin = (fixture('real-egeria/4.2/message-catalogue.json') as { platformOrigin: string }).platformOrigin
    expect(realOrigin).toBe('Egeria OMAG Server Platform (version 4.2)\n')
    expect(parseOrigin(realOrigin)).toMatchObject({ major: 4, minor: 2 })
  })

  it('drops {userId} from 6.x paths only', () => {
    expect(daemonBase({ major: 5 }, 'd1', 'gary')).toBe('/servers/d1/open-metadata/integration-daemon/users/gary')
    expect(daemonBase({ major: 6 }, 'd1', 'gary')).toBe('/servers/d1/open-metadata/integration-daemon')
    expect(paths.origin(6, 'gary')).toBe('/open-metadata/platform-services/server-platform/origin')
    expect(paths.origin(3, 'gary')).toBe('/open-metadata/platform-services/users/gary/server-platform/origin')
  })

  it('maps connector calls to each version', () => {
    expect(paths.restartConnector({ major: 3 }, 'd', 'u', 'C1', 'files-integrator')).toMatchObject({
      method: 'POST',
      path: '/servers/d/open-metadata/integration-daemon/users/u/integration-services/files-integrator/restart',
      body: { class: 'NameRequestBody', name: 'C1' }
    })
    expect(paths.restartConnector({ major: 4, minor: 0 }, 'd', 'u', 'C1', 'files-integrator').path).toContain('/integration-services/files-integrator/restart')
    expect(paths.restartConnector({ major: 4, minor: 3 }, 'd', 'u', 'C1').path).toBe('/servers/d/open-metadata/integration-daemon/users/u/integration-connectors/restart')
    expect(paths.refreshConnector({ major: 6 }, 'd', 'u', 'C 1').path).toBe('/servers/d/open-metadata/integration-daemon/integration-connectors/refresh')
    expect(paths.refreshAll({ major: 3 }, 'd', 'u').path).toBe('/servers/d/open-metadata/integration-daemon/users/u/refresh')
    const refreshAll = paths.refreshAll({ major: 5, minor: 4 }, 'd', 'u')
    expect(refreshAll.path).toBe('/servers/d/open-metadata/integration-daemon/users/u/integration-connectors/refresh')
    // No body means "all connectors".
    expect(refreshAll.body).toBeUndefined()
    expect(paths.restartAll({ major: 3 }, 'd', 'u')).toBeUndefined()
  })
})

describe('the client against real Egeria 4.2', () => {
  it('calls only platform-services routes that 4.2 declares', () => {
    const catalogue = loadCatalogue('4.2')
    const version = { major: 4 as const, minor: 2 }
    const calls = [
      ['GET', paths.origin(4, 'gary')],
      ['GET', paths.serverStatus(4, 'gary', 'exchangeDL01')],
      ['GET', paths.serverIsKnown(4, 'gary', 'exchangeDL01')],
      ['GET', paths.serverServices(4, 'gary', 'exchangeDL01')],
      [paths.stopServer(version, 'exchangeDL01', 'gary').method, paths.stopServer(version, 'exchangeDL01', 'gary').path],
      [paths.startServer(version, 'exchangeDL01', 'gary').method, paths.startServer(version, 'exchangeDL01', 'gary').path]
    ] as const
    expect(calls.filter(([method, path]) => !isRealRoute(catalogue, method, path))).toEqual([])
    // The matcher does tell a wrong path from a right one.
    expect(isRealRoute(catalogue, 'GET', '/open-metadata/platform-services/server-platform/origin')).toBe(false)
  })
})

describe('status normalisation', () => {
  it('knows every connector and group status that real Egeria 3.4 and 4.2 define', () => {
    for (const release of ['3.4', '4.2']) {
      const { shapes } = fixture(`real-egeria/${release}/message-catalogue.json`) as { shapes: Record<string, { enumConstants?: string[] }> }
      expect(shapes.IntegrationConnectorStatus!.enumConstants!.filter((status) => !(CONNECTOR_STATUSES as readonly string[]).includes(status))).toEqual([])
    }
    // The group statuses of 4.2's IntegrationGroupStatus pass through as they are.
    const { shapes } = fixture('real-egeria/4.2/message-catalogue.json') as { shapes: Record<string, { enumConstants?: string[] }> }
    for (const groupStatus of shapes.IntegrationGroupStatus!.enumConstants!) {
      const status = { class: 'IntegrationDaemonStatusResponse', relatedHTTPCode: 200, integrationDaemonStatus: { integrationGroupSummaries: [{ integrationGroupName: 'G', integrationGroupStatus: groupStatus, integrationConnectorReports: [] }] } }
      expect(normaliseStatus(status, { ...context, egeria: 4 }).groups[0]!.status).toBe(groupStatus)
    }
  })

  it('reads the seed guide 3.x status: services, failures, message IDs and classification', () => {
    const status = normaliseStatus(fixture('status-3x-failed.json'), context)
    expect(status.services.map((service) => service.marker)).toEqual(['files-integrator', 'database-integrator'])
    expect(status.counts).toEqual({ total: 4, failed: 4, healthy: 0, other: 0 })
    const oakDene = status.connectors.find((connector) => connector.name === 'OakDeneLandingAreaFilesMonitor')!
    expect(oakDene).toMatchObject({
      status: 'FAILED',
      service: 'files-integrator',
      lastStatusChange: '2021-02-02T20:57:50.647+00:00',
      lastRefreshTime: '2021-02-02T21:01:11.399+00:00',
      minMinutesBetweenRefresh: 10,
      failingMessageId: 'OMAG-MULTI-TENANT-404-001',
      refreshOverdue: false
    })
    expect(oakDene.classification).toMatchObject({ source: 'metadata-server', subject: 'cocoMDS1' })
    const database = status.connectors.find((connector) => connector.name === 'OakDeneLandingAreaDatabaseMonitor')!
    expect(database.failingMessageId).toBe('OMIS-DATABASE-INTEGRATOR-400-001')
    expect(database.classification?.source).toBe('connector')
  })

  it('merges 5.x+ top-level reports with group membership and treats an absent status as a restart in progress', () => {
    const body = {
      class: 'IntegrationDaemonStatusResponse',
      relatedHTTPCode: 200,
      integrationDaemonStatus: {
        integrationGroupSummaries: [
          {
            integrationGroupName: 'Egeria:IntegrationGroup:Default',
            integrationGroupGUID: 'g1',
            integrationGroupStatus: 'RUNNING',
            integrationConnectorReports: [
              { connectorId: 'c1', connectorName: 'A', connectorStatus: 'WAITING', minMinutesBetweenRefresh: 60 },
              { connectorId: 'c2', connectorName: 'B', minMinutesBetweenRefresh: 60 }
            ]
          }
        ],
        integrationConnectorReports: [
          { connectorId: 'c1', connectorGUID: 'x', connectorName: 'A', connectorStatus: 'WAITING', lastStatusChange: '2026-06-28T10:00:00.000+00:00', lastRefreshTime: '2026-06-28T10:00:01.000+00:00', minMinutesBetweenRefresh: 60 },
          { connectorId: 'c2', connectorName: 'B', minMinutesBetweenRefresh: 60 }
        ]
      }
    }
    expect(majorFromStatusShape(body)).toBe(5)
    const status = normaliseStatus(body, { ...context, egeria: 6, now: new Date('2026-06-28T10:30:00Z') })
    expect(status.groups).toEqual([
      { name: 'Egeria:IntegrationGroup:Default', guid: 'g1', status: 'RUNNING', lastRefreshTime: undefined, connectorNames: ['A', 'B'] }
    ])
    expect(status.connectors.map((connector) => [connector.name, connector.status, connector.group, connector.lastRefreshTime])).toEqual([
      ['A', 'WAITING', 'Egeria:IntegrationGroup:Default', '2026-06-28T10:00:01.000+00:00'],
      ['B', 'RESTARTING', 'Egeria:IntegrationGroup:Default', undefined]
    ])
  })

  it('refuses answers that carry no daemon status', () => {
    expect(() => normaliseStatus({ hello: 'world' }, context)).toThrow(/no integration daemon status/)
    expect(() => normaliseStatus('x', context)).toThrow(/not a JSON object/)
  })

  it('flags a refresh as overdue only when well past the interval for polled connectors', () => {
    const now = new Date('2026-01-01T12:00:00Z')
    const base = { status: 'WAITING', minMinutesBetweenRefresh: 60 }
    expect(isRefreshOverdue({ ...base, lastRefreshTime: '2026-01-01T10:30:00.000+00:00' }, 5, now)).toBe(false)
    expect(isRefreshOverdue({ ...base, lastRefreshTime: '2026-01-01T09:30:00.000+00:00' }, 5, now)).toBe(true)
    expect(isRefreshOverdue({ ...base, status: 'RUNNING', lastRefreshTime: '2026-01-01T09:30:00.000+00:00' }, 5, now)).toBe(false)
    expect(isRefreshOverdue({ ...base, status: 'RUNNING', lastRefreshTime: '2026-01-01T09:30:00.000+00:00' }, 4, now)).toBe(true)
    expect(isRefreshOverdue({ ...base, minMinutesBetweenRefresh: 0, lastRefreshTime: '2020-01-01T00:00:00.000+00:00' }, 5, now)).toBe(false)
    expect(isRefreshOverdue({ ...base, status: 'FAILED', lastRefreshTime: '2020-01-01T00:00:00.000+00:00' }, 5, now)).toBe(false)
  })
})

describe('action planning and verdicts', () => {
  const before = normaliseStatus(fixture('status-3x-failed.json'), context)
  const after = normaliseStatus(fixture('status-3x-after-restart.json'), context)

  it('plans one call per failed connector on 3.x, through each connector\'s service', () => {
    const planned = planAction('restart', { kind: 'failed' }, before, { major: 3 }, 'exchangeDL01', 'gary')
    // Connectors are sorted by name: DropFoot…, OakDeneLandingAreaDatabaseMonitor, OakDene…Files…, OldMarket…
    expect(planned.ok && planned.value.calls.map((call) => call.path.split('/integration-daemon/users/gary')[1])).toEqual([
      '/integration-services/files-integrator/restart',
      '/integration-services/database-integrator/restart',
      '/integration-services/files-integrator/restart',
      '/integration-services/files-integrator/restart'
    ])
  })

  it('restarts all on 3.x service by service and explains unknown scopes', () => {
    const all = planAction('restart', { kind: 'all' }, before, { major: 3 }, 'd', 'u')
    expect(all.ok && all.value.calls.map((call) => call.label)).toEqual(['restart service files-integrator', 'restart service database-integrator'])
    const unknown = planAction('restart', { kind: 'connector', name: 'Nope' }, before, { major: 3 }, 'd', 'u')
    expect(unknown).toMatchObject({ ok: false, error: expect.stringContaining('no connector named Nope') })
    const group = planAction('refresh', { kind: 'group', name: 'G' }, before, { major: 3 }, 'd', 'u')
    expect(group).toMatchObject({ ok: false })
    const service = planAction('refresh', { kind: 'service', marker: 'files-integrator' }, before, { major: 3 }, 'd', 'u')
    expect(service.ok && service.value.affected).toHaveLength(3)
  })

  // The guide restarted files-integrator only: the database monitor kept its lastStatusChange, untouched.
  it('judges the seed guide restart of files-integrator: three recovered, the database monitor unchanged', () => {
    const verdicts = before.connectors.map((connector) =>
      judgeConnector(connector.name, connector, after.connectors.find((entry) => entry.name === connector.name))
    )
    expect(Object.fromEntries(verdicts.map((verdict) => [verdict.name, verdict.outcome]))).toEqual({
      DropFootClinicalTrialResultsFilesMonitor: 'recovered',
      OakDeneLandingAreaDatabaseMonitor: 'unchanged',
      OakDeneLandingAreaFilesMonitor: 'recovered',
      OldMarketLandingAreaFilesMonitor: 'recovered'
    })
  })

  it('tells a new error and an untouched connector apart', () => {
    const failed = before.connectors[0]!
    expect(judgeConnector('x', failed, failed).outcome).toBe('unchanged')
    // Restarted (new lastStatusChange) but the same error again.
    expect(judgeConnector('x', failed, { ...failed, lastStatusChange: 'later' }).outcome).toBe('still-failing-same')
    expect(
      judgeConnector('x', failed, { ...failed, lastStatusChange: 'later', failingMessage: 'OTHER-500-001 boom', failingMessageId: 'OTHER-500-001' }).outcome
    ).toBe('failing-new-error')
    expect(judgeConnector('x', { ...failed, status: 'WAITING' }, failed).outcome).toBe('now-failing')
  })
})
