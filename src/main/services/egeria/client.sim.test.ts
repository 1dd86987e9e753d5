/** The client against the simulator over real HTTP(S), on every Egeria version. */
import { writeFileSync } from 'node:fs'

import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type RunningSimulator } from '../../simulator'
import { EgeriaClient, type DaemonTarget } from './client'
import { runAction } from './operations'
import { probeDaemon } from './probe'
import { tempDir } from '../../../../tests/temp-dir'

const COCO_RESOURCES = [
  'data/landing-area/hospitals/oak-dene/clinical-trials/drop-foot',
  'data/landing-area/hospitals/old-market/clinical-trials/drop-foot',
  'data/data-lake/research/clinical-trials/drop-foot/weekly-measurements'
]
const fast = { settleTimeoutMs: 10_000, pollIntervalMs: 100 }

let sim: RunningSimulator | undefined
const clients: EgeriaClient[] = []
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()))
  await sim?.close()
  sim = undefined
})

function clientFor(running: RunningSimulator, overrides: Partial<DaemonTarget> = {}, timeouts?: ConstructorParameters<typeof EgeriaClient>[1]): EgeriaClient {
  const client = new EgeriaClient(
    {
      platformUrl: running.url,
      server: running.servers[0]!.name,
      userId: 'garygeeke',
      password: 'secret',
      egeria: 'auto',
      tls: { mode: 'insecure' },
      ...overrides
    },
    timeouts
  )
  clients.push(client)
  return client
}

const outcomes = (connectors: { name: string; outcome: string }[]): Record<string, string> =>
  Object.fromEntries(connectors.map((entry) => [entry.name, entry.outcome]))

describe.each([3, 4, 5] as const)('Egeria %i: the seed guide story (coco-pharma)', (egeria) => {
  it('detects the version, reads the status and classifies the failures', async () => {
    sim = await startSimulator({ scenario: 'coco-pharma', egeria, port: 0, speed: 60 })
    const client = clientFor(sim)
    const status = await client.status()
    expect(client.knownVersion?.major).toBe(egeria)
    if (!status.ok) throw new Error(JSON.stringify(status.error))
    expect(status.value.egeria).toBe(egeria)
    expect(status.value.services.map((service) => service.marker).sort()).toEqual(['database-integrator', 'files-integrator'])
    expect(status.value.counts).toMatchObject({ total: 4, failed: 4 })
    const oakDene = status.value.connectors.find((connector) => connector.name === 'OakDeneLandingAreaFilesMonitor')!
    expect(oakDene).toMatchObject({
      status: egeria === 3 ? 'FAILED' : 'INITIALIZE_FAILED',
      service: 'files-integrator',
      failingMessageId: 'OMAG-MULTI-TENANT-404-001',
      classification: { source: 'metadata-server', subject: 'cocoMDS1' }
    })
  })

  it('restart of the failed connectors: three recover once the world is fixed, the wrong-type one fails the same way', async () => {
    sim = await startSimulator({ scenario: 'coco-pharma', egeria, port: 0, speed: 60 })
    sim.updateWorld({
      metadataServers: { cocoMDS1: { available: true } },
      resources: Object.fromEntries(COCO_RESOURCES.map((key) => [key, { available: true }]))
    })
    const result = await runAction(clientFor(sim), 'restart', { kind: 'failed' }, fast)
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    const { report } = result.value
    expect(report.calls).toHaveLength(4)
    expect(report.calls.every((call) => call.ok)).toBe(true)
    expect(report.settle).toBe('settled')
    expect(outcomes(report.connectors)).toEqual({
      DropFootClinicalTrialResultsFilesMonitor: 'recovered',
      OakDeneLandingAreaDatabaseMonitor: 'still-failing-same',
      OakDeneLandingAreaFilesMonitor: 'recovered',
      OldMarketLandingAreaFilesMonitor: 'recovered'
    })
    expect(report.success).toBe(false)
  })

  it('restart all uses the version\'s calls: per service on 3.x, one daemon-wide call from 4.1', async () => {
    sim = await startSimulator({ scenario: 'coco-pharma', egeria, port: 0, speed: 60 })
    sim.updateWorld({
      metadataServers: { cocoMDS1: { available: true } },
      resources: Object.fromEntries(COCO_RESOURCES.map((key) => [key, { available: true }]))
    })
    const result = await runAction(clientFor(sim), 'restart', { kind: 'all' }, fast)
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    expect(result.value.report.calls.map((call) => call.call)).toEqual(
      egeria === 3 ? ['restart service files-integrator', 'restart service database-integrator'] : ['restart all']
    )
    expect(result.value.report.connectors.filter((entry) => entry.outcome === 'recovered')).toHaveLength(3)
  })

  it('a new error after the metadata server returns but the directories are still missing', async () => {
    sim = await startSimulator({ scenario: 'coco-pharma', egeria, port: 0, speed: 60 })
    sim.updateWorld({ metadataServers: { cocoMDS1: { available: true } } })
    const result = await runAction(clientFor(sim), 'restart', { kind: 'connector', name: 'OakDeneLandingAreaFilesMonitor' }, fast)
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    const [verdict] = result.value.report.connectors
    expect(verdict).toMatchObject({ name: 'OakDeneLandingAreaFilesMonitor', outcome: 'failing-new-error', beforeMessageId: 'OMAG-MULTI-TENANT-404-001' })
    expect(verdict!.afterMessageId).toMatch(/^BASIC-FILES-INTEGRATION-CONNECTORS-404-/)
  })
})

describe('Egeria 3: refresh and services', () => {
  it('a refresh leaves a FAILED connector unchanged (only a restart brings it back)', async () => {
    sim = await startSimulator({ scenario: 'coco-pharma', egeria: 3, port: 0, speed: 60 })
    sim.updateWorld({ metadataServers: { cocoMDS1: { available: true } } })
    const result = await runAction(clientFor(sim), 'refresh', { kind: 'service', marker: 'files-integrator' }, fast)
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    expect(result.value.report.calls).toEqual([{ call: 'refresh service files-integrator', ok: true }])
    expect(new Set(result.value.report.connectors.map((entry) => entry.outcome))).toEqual(new Set(['unchanged']))
    expect(result.value.report.success).toBe(false)
  })

  it('refuses an unknown connector before calling anything', async () => {
    sim = await startSimulator({ scenario: 'coco-pharma', egeria: 3, port: 0 })
    const result = await runAction(clientFor(sim), 'restart', { kind: 'connector', name: 'NoSuchConnector' }, fast)
    expect(result).toMatchObject({ ok: false, error: { kind: 'config', message: expect.stringContaining('no connector named NoSuchConnector') } })
  })
})

describe('Egeria 6: tokens, TLS and groups (secured-quickstart)', () => {
  it('refuses the self-signed certificate when verifying, accepts it with its CA file or verification off', async () => {
    sim = await startSimulator({ scenario: 'secured-quickstart', egeria: 6, port: 0, tls: true })
    const caFile = join(tempDir('dd-sim-ca-'), 'ca.pem')
    writeFileSync(caFile, sim.caCertificatePem!)
    expect(await clientFor(sim, { tls: { mode: 'system' } }).status()).toMatchObject({ ok: false, error: { kind: 'tls' } })
    const withCa = await clientFor(sim, { tls: { mode: 'ca-file', caFile } }).status()
    expect(withCa).toMatchObject({ ok: true, value: { egeria: 6, counts: { total: 3, failed: 0 } } })
    expect(await clientFor(sim, { tls: { mode: 'insecure' } }).status()).toMatchObject({ ok: true })
    const probe = await probeDaemon(clientFor(sim, { tls: { mode: 'ca-file', caFile } }))
    expect(probe.ok).toBe(true)
    expect(probe.hops.find((hop) => hop.id === 'tls')).toMatchObject({ state: 'pass', details: { verified: true } })
    const refused = await probeDaemon(clientFor(sim, { tls: { mode: 'system' } }))
    expect(refused.hops.map((hop) => hop.state)).toEqual(['pass', 'fail', 'skipped', 'skipped', 'skipped', 'skipped'])
  })

  it('renews an expired token once and reports bad credentials as unauthorized', async () => {
    sim = await startSimulator({ scenario: 'secured-quickstart', egeria: 6, port: 0, tokenTtlSeconds: 1 })
    const client = clientFor(sim)
    expect((await client.status()).ok).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    const afterExpiry = await client.status()
    expect(afterExpiry).toMatchObject({ ok: true, value: { counts: { total: 3 } } })
    const wrong = await clientFor(sim, { password: 'wrong' }).status()
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'unauthorized', httpStatus: 401, message: 'Bad credentials' } })
    const none = await clientFor(sim, { password: undefined }).status()
    expect(none).toMatchObject({ ok: false, error: { kind: 'config' } })
  })

  it('a connector whose directory disappears is now failing after a refresh', async () => {
    sim = await startSimulator({ scenario: 'secured-quickstart', egeria: 6, port: 0 })
    // Let the first refresh after start-up happen while the directory is still there.
    await sim.tick()
    sim.updateWorld({ resources: { 'loading-bay/secured-files': { available: false } } })
    const result = await runAction(clientFor(sim), 'refresh', { kind: 'connector', name: 'SecuredFilesMonitor' }, fast)
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    expect(result.value.report.connectors).toEqual([
      expect.objectContaining({ name: 'SecuredFilesMonitor', before: 'WAITING', after: 'FAILED', outcome: 'now-failing' })
    ])
    expect(result.value.report.success).toBe(false)
  })

  it('restart of a whole group verifies every connector of it', async () => {
    sim = await startSimulator({ scenario: 'secured-quickstart', egeria: 6, port: 0, speed: 60 })
    const result = await runAction(clientFor(sim), 'restart', { kind: 'group', name: 'Egeria:IntegrationGroup:Default' }, fast)
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    expect(result.value.report.calls).toHaveLength(3)
    expect(result.value.report.settle, JSON.stringify(result.value)).toBe('settled')
    expect(result.value.report.connectors.map((entry) => entry.after)).toEqual(['WAITING', 'WAITING', 'WAITING'])
    expect(result.value.report.success).toBe(true)
  })
})

describe('refresh as a long job', () => {
  it('stops waiting when the operator cancels a refresh that does not return, and says so', async () => {
    sim = await startSimulator({ scenario: 'secured-quickstart', egeria: 6, port: 0 })
    await sim.tick()
    sim.updateWorld({ faults: [{ kind: 'hang', pathPattern: '/integration-connectors/refresh' }] })
    const stop = new AbortController()
    const phases: string[] = []
    const running = runAction(clientFor(sim), 'refresh', { kind: 'all' }, {
      ...fast,
      signal: stop.signal,
      onProgress: (progress) => {
        phases.push(progress.phase)
        if (progress.phase === 'calling') setTimeout(() => stop.abort(), 200)
      }
    })
    const result = await running
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    expect(result.value.report.calls).toEqual([{ call: 'refresh all', ok: false, error: expect.stringContaining('stopped waiting') }])
    expect(result.value.report.settle).toBe('stopped')
    expect(result.value.report.success).toBe(false)
    expect(phases).toEqual(['before', 'calling', 'waiting', 'done'])
  })
})

describe('the probe and hostile answers', () => {
  it('names the first failing hop: unknown server, and a server that is not a daemon', async () => {
    sim = await startSimulator({ scenario: 'secured-quickstart', egeria: 6, port: 0 })
    const unknown = await probeDaemon(clientFor(sim, { server: 'exchangeDL99' }))
    expect(unknown.ok).toBe(false)
    expect(unknown.hops.find((hop) => hop.state === 'fail')?.id).toBe('server')
    expect(unknown.answer).toContain('exchangeDL99')
    const notDaemon = await probeDaemon(clientFor(sim, { server: 'qs-metadata-store' }))
    expect(notDaemon.hops.find((hop) => hop.state === 'fail')).toMatchObject({ id: 'daemon' })
  })

  it('times out a hanging daemon and reports malformed JSON', async () => {
    sim = await startSimulator({ scenario: 'coco-pharma', egeria: 5, port: 0 })
    const client = clientFor(sim, {}, { timeouts: { status: { connectMs: 2_000, responseMs: 300 } } })
    expect((await client.status()).ok).toBe(true)
    sim.updateWorld({ faults: [{ kind: 'hang', pathPattern: '/status' }] })
    expect(await client.status()).toMatchObject({ ok: false, error: { kind: 'timeout', phase: 'response' } })
    sim.updateWorld({ faults: [{ kind: 'malformed-json', pathPattern: '/status' }] })
    expect(await client.status()).toMatchObject({ ok: false, error: { kind: 'malformed' } })
  })
})
