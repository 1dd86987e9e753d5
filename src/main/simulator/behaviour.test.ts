/** Simulator behaviour over real HTTP: tokens, TLS, the world API, faults, the audit log files, updates, scale. */
import { readFileSync, readdirSync } from 'node:fs'
import { request } from 'node:https'

import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { call, reportNamed, reportsOf } from '../../../tests/support/sim-http'
import { ManualClock, startSimulator, type RunningSimulator, type SimulatorOptions } from '.'
import { conformanceScenario } from '../../../tests/support/conformance-scenario'
import { tempDir } from '../../../tests/temp-dir'
import { classifyFailure } from '../../shared/knowledge/classify'

const running: RunningSimulator[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()))
})
async function start(options: SimulatorOptions): Promise<RunningSimulator> {
  const sim = await startSimulator(options)
  running.push(sim)
  return sim
}
const clockAt = (iso = '2025-01-01T00:00:00.000Z'): ManualClock => new ManualClock(Date.parse(iso))
const base5 = '/servers/daemon1/open-metadata/integration-daemon/users/garygeeke'

describe('6.x token authentication', () => {
  it('issues RS256 JWTs, refuses calls without a valid bearer token, and rejects bad logins with 401', async () => {
    const sim = await start({ scenario: 'secured-quickstart', egeria: 6, clock: clockAt() })
    const status = '/servers/qs-integration-daemon/open-metadata/integration-daemon/status'
    const anonymous = await call(sim, 'GET', status)
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer')
    expect((await call(sim, 'GET', status, undefined, { Authorization: 'Bearer not.a.jwt' })).status).toBe(401)
    // The old /users/{userId} style also gets 401 first: the security filter runs before routing.
    expect((await call(sim, 'GET', '/servers/qs-integration-daemon/open-metadata/integration-daemon/users/garygeeke/status')).status).toBe(401)

    const badLogin = await call(sim, 'POST', '/api/token', { userId: 'garygeeke', password: 'wrong' })
    expect(badLogin.status).toBe(401)
    expect(badLogin.json).toMatchObject({ relatedHTTPCode: 401, exceptionClassName: 'org.springframework.security.authentication.BadCredentialsException' })

    const token = (await call(sim, 'POST', '/servers/qs-integration-daemon/api/token', { userId: 'erinoverview', password: 'secret' })).text
    const [header, claims] = token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>)
    expect(header).toMatchObject({ alg: 'RS256' })
    expect(claims).toMatchObject({ iss: 'self', sub: 'erinoverview' })
    expect(Number(claims!.exp) - Number(claims!.iat)).toBe(3600)
    const answer = await call(sim, 'GET', status, undefined, { Authorization: `Bearer ${token}` })
    expect(answer.json.class).toBe('IntegrationDaemonStatusResponse')
    // The origin stays open without a token.
    expect((await call(sim, 'GET', '/open-metadata/platform-services/server-platform/origin')).text).toBe('Egeria OMAG Server Platform (version 6.0)')
    // {1} of 404-001 is the token's user, or the delegating user.
    const unknown = await call(sim, 'GET', '/servers/nosuch/open-metadata/integration-daemon/status?delegatingUserId=peterprofile', undefined, { Authorization: `Bearer ${token}` })
    expect(unknown.json.exceptionErrorMessageParameters).toEqual(['nosuch', 'peterprofile'])
  })

  it('changes a password with newPassword and answers logout', async () => {
    const sim = await start({ scenario: 'secured-quickstart', egeria: 6, clock: clockAt() })
    expect((await call(sim, 'POST', '/api/token', { userId: 'peterprofile', password: 'secret', newPassword: 'n3w' })).status).toBe(200)
    expect((await call(sim, 'POST', '/api/token', { userId: 'peterprofile', password: 'secret' })).status).toBe(401)
    expect((await call(sim, 'POST', '/api/token', { userId: 'peterprofile', password: 'n3w' })).status).toBe(200)
    expect(sim.users.find((user) => user.userId === 'peterprofile')!.password).toBe('n3w')
    expect((await call(sim, 'GET', '/api/token/logout')).status).toBe(200)
  })

  it('5.0: the token endpoint also takes ?username=&password=', async () => {
    const sim = await start({ scenario: conformanceScenario, egeria: 5, clock: clockAt() })
    const answer = await call(sim, 'POST', '/api/token?username=garygeeke&password=secret')
    expect(answer.status).toBe(200)
    expect(answer.text.split('.')).toHaveLength(3)
  })

  it('refuses an expired token with an invalid_token challenge', async () => {
    const sim = await start({ scenario: 'secured-quickstart', egeria: 6, clock: clockAt(), tokenTtlSeconds: 0 })
    const token = (await call(sim, 'POST', '/api/token', { userId: 'garygeeke', password: 'secret' })).text
    const answer = await call(sim, 'GET', '/servers/qs-integration-daemon/open-metadata/integration-daemon/status', undefined, { Authorization: `Bearer ${token}` })
    expect(answer.status).toBe(401)
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token", error_description="Jwt expired at /)
  })
})

describe('TLS', () => {
  it('serves HTTPS on 127.0.0.1 with a generated certificate that verifies against the returned PEM', async () => {
    const sim = await start({ scenario: conformanceScenario, egeria: 4, tls: true, clock: clockAt() })
    expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    expect(sim.caCertificatePem).toContain('BEGIN CERTIFICATE')
    const body = await new Promise<string>((resolve, reject) => {
      const req = request(`${sim.url}/open-metadata/platform-services/users/garygeeke/server-platform/origin`, { ca: sim.caCertificatePem }, (response) => {
        let text = ''
        response.on('data', (chunk: Buffer) => (text += chunk.toString()))
        response.on('end', () => resolve(text))
      })
      req.on('error', reject)
      req.end()
    })
    expect(body).toBe('Egeria OMAG Server Platform (version 4.3)\n')
    // Without trusting the certificate the handshake fails, as it should.
    await expect(fetch(`${sim.url}/open-metadata/platform-services/users/garygeeke/server-platform/origin`)).rejects.toThrow()
  })
})

describe('the world API and fault injection', () => {
  it('reads and patches the world, and rejects bad patches without changing anything', async () => {
    const sim = await start({ scenario: 'coco-pharma', egeria: 3, clock: clockAt('2021-02-02T20:57:50.640Z') })
    const world = await call(sim, 'GET', '/_sim/world')
    expect(world.json).toMatchObject({ metadataServers: { cocoMDS1: { available: false, platformURL: 'https://localhost:9444' } }, faults: [] })
    const patched = await call(sim, 'POST', '/_sim/world', { resources: { 'db.example:5432': { available: false } } })
    expect((patched.json.resources as Record<string, unknown>)['db.example:5432']).toEqual({ kind: 'endpoint', available: false })
    for (const bad of [{ metadataServers: { nosuch: { available: true } } }, { resources: { x: { available: 'yes' } } }, { surprise: 1 }]) {
      const answer = await call(sim, 'POST', '/_sim/world', bad)
      expect(answer.status).toBe(400)
      expect(typeof answer.json.error).toBe('string')
    }
    expect((await call(sim, 'POST', '/_sim/world', '{not json')).status).toBe(400)
    // A huge body is refused before it is buffered, and the simulator carries on.
    const huge = await call(sim, 'POST', '/servers/exchangeDL01/open-metadata/integration-daemon/users/garygeeke/refresh', `"${'x'.repeat(2_000_000)}"`)
    expect(huge.status).toBe(413)
    expect((await call(sim, 'GET', '/servers/exchangeDL01/open-metadata/integration-daemon/users/garygeeke/status')).status).toBe(200)
    expect(sim.world().metadataServers.cocoMDS1!.available).toBe(false)
  })

  it('injects HTTP 500, malformed JSON, connection resets, latency and hangs, per path pattern and count', async () => {
    const sim = await start({ scenario: conformanceScenario, egeria: 5, clock: clockAt() })
    sim.updateWorld({ faults: [{ pathPattern: '/status$', kind: 'http500', count: 1 }] })
    expect((await call(sim, 'GET', `${base5}/status`)).status).toBe(500)
    expect((await call(sim, 'GET', `${base5}/status`)).status).toBe(200) // count used up
    sim.updateWorld({ faults: [{ pathPattern: 'integration-groups', kind: 'malformed-json' }] })
    const malformed = await call(sim, 'GET', `${base5}/integration-groups/summary`)
    expect(malformed.status).toBe(200)
    expect(() => JSON.parse(malformed.text) as unknown).toThrow()
    expect((await call(sim, 'GET', `${base5}/status`)).json.relatedHTTPCode).toBe(200) // other paths unaffected
    sim.updateWorld({ faults: [{ kind: 'reset' }] })
    await expect(call(sim, 'GET', `${base5}/status`)).rejects.toThrow()
    sim.updateWorld({ faults: [{ kind: 'latency', ms: 150 }] })
    const began = performance.now()
    expect((await call(sim, 'GET', `${base5}/status`)).status).toBe(200)
    expect(performance.now() - began).toBeGreaterThanOrEqual(140)
    sim.updateWorld({ faults: [{ kind: 'hang' }] })
    await expect(fetch(`${sim.url}${base5}/status`, { signal: AbortSignal.timeout(200) })).rejects.toThrow()
    await call(sim, 'POST', '/_sim/world', { faults: [] })
    expect((await call(sim, 'GET', `${base5}/status`)).status).toBe(200)
  })
})

describe('connector lifecycle details', () => {
  it('restart clears the failure and the refresh time; config updates merge or replace and restart', async () => {
    const clock = clockAt()
    const sim = await start({ scenario: conformanceScenario, egeria: 5, clock, speed: 10_000 })
    await sim.tick()
    sim.updateWorld({ resources: { 'data/in': { available: false } } })
    clock.advance(11 * 60_000)
    await sim.tick()
    let report = reportNamed((await call(sim, 'GET', `${base5}/status`)).json, 'FilesA')
    expect(report.connectorStatus).toBe('FAILED')
    expect(report.failingExceptionMessage).toMatch(/^BASIC-FILES-INTEGRATION-CONNECTORS-404-001 The directory named data\/in /)
    await call(sim, 'POST', `${base5}/integration-connectors/restart`, { class: 'NameRequestBody', name: 'FilesA' })
    report = reportNamed((await call(sim, 'GET', `${base5}/status`)).json, 'FilesA')
    expect(report).toMatchObject({ connectorStatus: 'INITIALIZED' })
    expect(report.failingExceptionMessage).toBeUndefined()
    expect(report.lastRefreshTime).toBeUndefined()

    await call(sim, 'POST', `${base5}/integration-connectors/configuration-properties`, { connectorName: 'FilesA', mergeUpdate: true, configurationProperties: { b: 2 } })
    expect((await call(sim, 'GET', `${base5}/integration-connectors/FilesA/configuration-properties`)).json.properties).toEqual({ a: 1, b: 2 })
    await call(sim, 'POST', `${base5}/integration-connectors/configuration-properties`, { connectorName: 'FilesA', mergeUpdate: false, configurationProperties: { z: 9 } })
    expect((await call(sim, 'GET', `${base5}/integration-connectors/FilesA/configuration-properties`)).json).toEqual({ class: 'PropertiesResponse', relatedHTTPCode: 200, properties: { z: 9 } })

    await call(sim, 'POST', `${base5}/integration-connectors/FilesA/endpoint-network-address`, { class: 'StringRequestBody', string: 'data/elsewhere' })
    await sim.tick()
    report = reportNamed((await call(sim, 'GET', `${base5}/status`)).json, 'FilesA')
    expect(report.failingExceptionMessage).toContain('The directory named data/elsewhere ')
    const lines = sim.auditLines()
    expect(lines.some((line) => line.includes('INTEGRATION-DAEMON-SERVICES-0015 User garygeeke has updated the configuration properties of integration connector FilesA'))).toBe(true)
    expect(lines.some((line) => line.includes('INTEGRATION-DAEMON-SERVICES-0057'))).toBe(true)
  })

  it('a FAILED connector stays FAILED after a REST refresh once its cause is fixed; only a restart brings it back', async () => {
    const clock = clockAt()
    const sim = await start({ scenario: conformanceScenario, egeria: 5, clock, speed: 10_000 })
    await sim.tick()
    sim.updateWorld({ resources: { 'data/in': { available: false } } })
    clock.advance(11 * 60_000)
    await sim.tick()
    const failed = reportNamed((await call(sim, 'GET', `${base5}/status`)).json, 'FilesA')
    expect(failed.connectorStatus).toBe('FAILED')
    sim.updateWorld({ resources: { 'data/in': { available: true } } })
    await call(sim, 'POST', `${base5}/integration-connectors/refresh`, { class: 'NameRequestBody', name: 'FilesA' })
    await call(sim, 'POST', `${base5}/integration-connectors/refresh`)
    clock.advance(11 * 60_000)
    await sim.tick()
    const refreshed = reportNamed((await call(sim, 'GET', `${base5}/status`)).json, 'FilesA')
    expect(refreshed).toMatchObject({ connectorStatus: 'FAILED', failingExceptionMessage: failed.failingExceptionMessage })
    await call(sim, 'POST', `${base5}/integration-connectors/restart`, { class: 'NameRequestBody', name: 'FilesA' })
    expect(reportNamed((await call(sim, 'GET', `${base5}/status`)).json, 'FilesA').connectorStatus).not.toBe('FAILED')
  })

  it('a REST refresh is synchronous and takes the connector\'s (scaled) refresh time', async () => {
    const document = structuredClone(conformanceScenario)
    document.daemons[0]!.services![0]!.connectors[0]!.refreshDurationMs = 300
    const sim = await start({ scenario: document, egeria: 4, clock: clockAt(), speed: 1 })
    await sim.tick()
    const began = performance.now()
    const answer = await call(sim, 'POST', '/servers/daemon1/open-metadata/integration-daemon/users/garygeeke/integration-connectors/refresh', { class: 'NameRequestBody', name: 'FilesA' })
    expect(answer.json.relatedHTTPCode).toBe(200)
    expect(performance.now() - began).toBeGreaterThanOrEqual(280)
  })

  it('5.0+: refresh or restart of all on a daemon with no connectors fails with the NPE envelope', async () => {
    const sim = await start({ scenario: 'coco-pharma', egeria: 6, clock: clockAt('2021-02-02T20:57:50.640Z') })
    const token = (await call(sim, 'POST', '/api/token', { userId: 'garygeeke', password: 'secret' })).text
    const answer = await call(sim, 'POST', '/servers/exchangeDL01/open-metadata/integration-daemon/integration-connectors/restart', undefined, { Authorization: `Bearer ${token}` })
    expect(answer.json).toMatchObject({ class: 'VoidResponse', relatedHTTPCode: 400, exceptionErrorMessageId: 'OMAG-COMMON-400-016', exceptionClassName: 'org.odpi.openmetadata.frameworks.openmetadata.ffdc.PropertyServerException', exceptionSubclassName: 'org.odpi.openmetadata.frameworks.openmetadata.ffdc.PropertyServerException' })
  })

  it('6.x groups retry their configuration every 2,000,000 ms once the metadata server is back', async () => {
    const clock = clockAt('2021-02-02T20:57:50.640Z')
    const sim = await start({ scenario: 'coco-pharma', egeria: 6, clock, speed: 10_000 })
    sim.updateWorld({ metadataServers: { cocoMDS1: { available: true } } })
    clock.advance(1_999_000)
    await sim.tick()
    expect(sim.auditLines().some((line) => line.includes('INTEGRATION-DAEMON-SERVICES-0019'))).toBe(false)
    clock.advance(1_000)
    await sim.tick()
    expect(sim.auditLines().some((line) => line.includes('INTEGRATION-DAEMON-SERVICES-0019'))).toBe(true)
  })

  it('a flaky connector fails at the same seeded refreshes every run and recovers only by restart', async () => {
    const failuresPerRun: number[][] = []
    for (let run = 0; run < 2; run++) {
      const clock = clockAt()
      const sim = await start({ scenario: 'flaky-warehouse', egeria: 4, clock, speed: 100_000 })
      const failedAt: number[] = []
      for (let cycle = 0; cycle < 12; cycle++) {
        clock.advance(6 * 60_000)
        await sim.tick()
        const status = (await call(sim, 'GET', '/servers/integration-daemon/open-metadata/integration-daemon/users/garygeeke/status')).json
        const report = reportNamed(status, 'WarehousePostgresMonitor')
        if (report.connectorStatus === 'FAILED') {
          expect(report.failingExceptionMessage).toBe('An I/O error occurred while sending to the backend.')
          failedAt.push(cycle)
          await call(sim, 'POST', '/servers/integration-daemon/open-metadata/integration-daemon/users/garygeeke/integration-connectors/restart', { name: 'WarehousePostgresMonitor' })
        }
        expect(reportNamed(status, 'WarehouseExtractsFilesMonitor').connectorStatus).toBe('RUNNING')
      }
      failuresPerRun.push(failedAt)
      await sim.close()
    }
    expect(failuresPerRun[0]!.length).toBeGreaterThan(0)
    expect(failuresPerRun[0]!.length).toBeLessThan(12)
    expect(failuresPerRun[1]).toEqual(failuresPerRun[0])
  })

  it('runs the large estate: hundreds of connectors in several groups, all healthy', async () => {
    const sim = await start({ scenario: 'large-estate', egeria: 5, clock: clockAt(), speed: 100_000 })
    await sim.tick()
    const status = (await call(sim, 'GET', '/servers/estate-integration-daemon/open-metadata/integration-daemon/users/garygeeke/status')).json
    const reports = reportsOf(status)
    expect(reports.length).toBe(320)
    expect(new Set(reports.map((report) => report.connectorStatus))).toEqual(new Set(['WAITING']))
    expect(((status.integrationDaemonStatus as Record<string, unknown>).integrationGroupSummaries as unknown[]).length).toBe(4)
  })
})

describe('5.0+ blocking connectors', () => {
  it('run on a dedicated thread (RUNNING, never refreshed) and fail in engage() when their broker goes away', async () => {
    const document = structuredClone(conformanceScenario)
    document.resources = { ...document.resources, 'kafka:9092': { kind: 'endpoint', available: true }, 'lineage.topic': { kind: 'topic', available: true } }
    document.daemons[0]!.groups![0]!.connectors.push({
      name: 'LineageListener', id: 'id-lineage', providerClass: 'org.example.OpenLineageProvider', endpoint: 'lineage.topic',
      refreshMinutes: 0, behaviour: 'topic', usesBlockingCalls: true, requires: ['kafka:9092']
    })
    const sim = await start({ scenario: document, egeria: 5, clock: clockAt(), speed: 100_000 })
    const status = async (): Promise<Record<string, unknown>> => (await call(sim, 'GET', `${base5}/status`)).json
    await sim.tick()
    let listener = reportNamed(await status(), 'LineageListener')
    expect(listener.connectorStatus).toBe('RUNNING')
    expect(listener.lastRefreshTime).toBeUndefined()
    expect(reportNamed(await status(), 'FilesA').connectorStatus).toBe('WAITING')
    sim.updateWorld({ resources: { 'kafka:9092': { available: false } } })
    await sim.tick()
    listener = reportNamed(await status(), 'LineageListener')
    expect(listener).toMatchObject({ connectorStatus: 'FAILED', failingExceptionMessage: 'Connection refused: kafka:9092' })
    expect(sim.auditLines().some((line) => line.includes('The integration connector LineageListener method engage has returned'))).toBe(true)
  })
})

describe('stopping and starting the daemon', () => {
  it('4.2+: DELETE …/instance stops it (404-001 on its API), POST …/instance starts it afresh', async () => {
    const sim = await start({ scenario: conformanceScenario, egeria: 4, clock: clockAt(), speed: 10_000 })
    const platform = '/open-metadata/platform-services/users/garygeeke/server-platform'
    const status = '/servers/daemon1/open-metadata/integration-daemon/users/garygeeke/status'
    expect((await call(sim, 'DELETE', `${platform}/servers/daemon1/instance`)).json).toEqual({ class: 'VoidResponse', relatedHTTPCode: 200 })
    expect((await call(sim, 'GET', status)).json).toMatchObject({ relatedHTTPCode: 404, exceptionErrorMessageId: 'OMAG-MULTI-TENANT-404-001' })
    expect((await call(sim, 'GET', `${platform}/servers/active`)).json.serverList).toEqual(['mds1'])
    expect((await call(sim, 'GET', `${platform}/servers/daemon1/is-known`)).json.flag).toBe(true)
    expect(sim.auditLines().some((line) => line.includes('OMAG-ADMIN-0006 The daemon1 server has completed shutdown'))).toBe(true)
    const started = await call(sim, 'POST', `${platform}/servers/daemon1/instance`)
    expect(started.json).toMatchObject({ class: 'SuccessMessageResponse', relatedHTTPCode: 200 })
    expect(started.json.successMessage).toMatch(/^Wed Jan 01 00:00:00 GMT 2025 daemon1 is running the following services: \[Open Metadata Repository Services \(OMRS\), Files Integrator OMIS, Integration Daemon Services\]$/)
    expect(reportNamed((await call(sim, 'GET', status)).json, 'FilesA').connectorStatus).toBe('RUNNING')
  })

  it('3.x: the admin services start and stop the server', async () => {
    const sim = await start({ scenario: conformanceScenario, egeria: 3, clock: clockAt() })
    const admin = '/open-metadata/admin-services/users/garygeeke/servers/daemon1/instance'
    await call(sim, 'DELETE', admin)
    expect((await call(sim, 'GET', '/servers/daemon1/open-metadata/integration-daemon/users/garygeeke/status')).json.relatedHTTPCode).toBe(404)
    expect((await call(sim, 'POST', admin)).json.class).toBe('SuccessMessageResponse')
    expect((await call(sim, 'GET', '/servers/daemon1/open-metadata/integration-daemon/users/garygeeke/status')).json.relatedHTTPCode).toBe(200)
  })
})

describe('correcting a connector of the wrong type', () => {
  it('takes effect when the daemon restarts, not when the connector does', async () => {
    const sim = await start({ scenario: 'coco-pharma', egeria: 4, clock: clockAt('2021-02-02T20:57:50.640Z'), speed: 10_000 })
    const base = '/servers/exchangeDL01/open-metadata/integration-daemon/users/garygeeke'
    const database = 'OakDeneLandingAreaDatabaseMonitor'
    const failing = async (): Promise<unknown> => reportNamed((await call(sim, 'GET', `${base}/status`)).json, database).failingExceptionMessage
    expect(await failing()).toMatch(/^OMIS-DATABASE-INTEGRATOR-400-001 /)
    expect(() => sim.updateWorld({ connectorConfigs: { OakDeneLandingAreaFilesMonitor: { wrongType: false } } })).toThrow(/no connector of the wrong type/)
    expect(sim.updateWorld({ connectorConfigs: { [database]: { wrongType: false } } }).connectorConfigs[database]).toEqual({ wrongType: false })
    expect((await call(sim, 'POST', `${base}/integration-connectors/restart`, { class: 'NameRequestBody', name: database })).json.relatedHTTPCode).toBe(200)
    await sim.tick()
    expect(await failing()).toMatch(/^OMIS-DATABASE-INTEGRATOR-400-001 /) // a connector restart reuses the configuration the daemon started with
    const platform = '/open-metadata/platform-services/users/garygeeke/server-platform/servers/exchangeDL01/instance'
    await call(sim, 'DELETE', platform)
    await call(sim, 'POST', platform)
    await sim.tick()
    expect(await failing()).not.toMatch(/400-001/) // now it fails only on what else is wrong (cocoMDS1 down)
  })
})

describe('a connector of the wrong type without OMIS (6.x groups)', () => {
  it('logs 0010 and fails with the cast failure, which the knowledge base reads as that connector\'s fault', async () => {
    const clock = clockAt('2021-02-02T20:57:50.640Z')
    const sim = await start({ scenario: 'coco-pharma', egeria: 6, clock, speed: 10_000 })
    const database = 'OakDeneLandingAreaDatabaseMonitor'
    sim.updateWorld({ metadataServers: { cocoMDS1: { available: true } } })
    clock.advance(2_000_000) // the group re-reads its configuration and creates its connectors
    await sim.tick()
    const lines = sim.auditLines()
    expect(lines.some((line) => line.includes(`INTEGRATION-DAEMON-SERVICES-0010 The connection for integration connector named ${database} created a connector of class`))).toBe(true)
    const failure = lines.find((line) => line.includes('INTEGRATION-DAEMON-SERVICES-0037') && line.includes(database))
    const cast = /containing message (class \S+ cannot be cast to class org\.odpi\.openmetadata\.frameworks\.integration\.connectors\.IntegrationConnector .*\)) when/.exec(failure ?? '')?.[1]
    expect(failure).toContain('java.lang.ClassCastException')
    expect(classifyFailure(cast ?? '', 6)).toMatchObject({ source: 'connector', rule: 'not-an-integration-connector', restartHelps: false })
  })
})

describe('the audit log files', () => {
  it('writes the console format to a file and one JSON record per audit record, consistent with the status', async () => {
    const dir = tempDir('sim-audit-')
    const file = join(dir, 'daemon.log')
    const jsonDir = join(dir, 'records')
    const clock = clockAt('2021-02-02T20:57:50.640Z')
    const sim = await start({ scenario: 'coco-pharma', egeria: 5, clock, auditLogFile: file, auditJsonDir: jsonDir, speed: 10_000 })
    const text = readFileSync(file, 'utf8')
    expect(text).toContain('Tue Feb 02 20:57:50 GMT 2021 exchangeDL01 Startup SERVER-OPS-0004 The exchangeDL01 server has successfully completed start up.')
    expect(text).toContain('exchangeDL01 Startup OIF-CONNECTOR-0001 ')
    expect(text).toMatch(/exchangeDL01 Error INTEGRATION-DAEMON-SERVICES-0036 The integration service OakDeneLandingAreaFilesMonitor method setContext has returned with a .* when attempting to connect to the associated metadata access server/)
    const records = readdirSync(jsonDir).filter((name) => name.endsWith('.omalrecord'))
    expect(records.length).toBe(sim.auditLines().length)
    const parsed = records.map((name) => JSON.parse(readFileSync(join(jsonDir, name), 'utf8')) as Record<string, unknown>)
    expect(parsed.some((record) => record.messageId === 'INTEGRATION-DAEMON-SERVICES-0036' && record.severity === 'Error' && typeof record.timeStamp === 'number')).toBe(true)
    // Exception records on a 5+ console carry the supplementary line.
    sim.updateWorld({ metadataServers: { cocoMDS1: { available: true } } })
    await call(sim, 'POST', '/servers/exchangeDL01/open-metadata/integration-daemon/users/garygeeke/integration-connectors/refresh')
    expect(readFileSync(file, 'utf8')).toMatch(/Exception INTEGRATION-DAEMON-SERVICES-0031 Supplementary information: log record id [0-9a-f-]{36} org\.odpi\.openmetadata\.frameworks\.connectors\.ffdc\.ConnectorCheckedException returned message of BASIC-FILES/)
  })
})

describe('restart during a refresh', () => {
  it('the old refresh does not stamp the restarted connector, which gets its own first refresh', async () => {
    const document = structuredClone(conformanceScenario)
    document.daemons[0]!.services![0]!.connectors[0]!.refreshDurationMs = 200
    const clock = clockAt()
    const sim = await start({ scenario: document, egeria: 5, clock, speed: 1 })
    await sim.tick()
    clock.advance(11 * 60_000)
    const refreshing = sim.tick() // FilesA is REFRESHING for 200 ms
    const base = '/servers/daemon1/open-metadata/integration-daemon/users/garygeeke'
    expect(reportNamed((await call(sim, 'GET', `${base}/status`)).json, 'FilesA').connectorStatus).toBe('REFRESHING')
    await call(sim, 'POST', `${base}/integration-connectors/restart`, { name: 'FilesA' })
    await refreshing
    let report = reportNamed((await call(sim, 'GET', `${base}/status`)).json, 'FilesA')
    expect(report.connectorStatus).toBe('INITIALIZED')
    expect(report.lastRefreshTime).toBeUndefined()
    await sim.tick()
    report = reportNamed((await call(sim, 'GET', `${base}/status`)).json, 'FilesA')
    expect(report.connectorStatus).toBe('WAITING')
  })
})

describe('the scaled clock', () => {
  it('runs the periodic refresh on its own, speed times faster than real time', async () => {
    const sim = await start({ scenario: conformanceScenario, egeria: 4, speed: 60_000 })
    const base = '/servers/daemon1/open-metadata/integration-daemon/users/garygeeke'
    await new Promise((resolve) => setTimeout(resolve, 50))
    const first = Date.parse(reportNamed((await call(sim, 'GET', `${base}/status`)).json, 'FilesA').lastRefreshTime!)
    await new Promise((resolve) => setTimeout(resolve, 250))
    const later = Date.parse(reportNamed((await call(sim, 'GET', `${base}/status`)).json, 'FilesA').lastRefreshTime!)
    // 250 ms real is 250 simulated minutes: the 10-minute refresh has run many times.
    expect(later - first).toBeGreaterThanOrEqual(10 * 60_000)
  })
})
