/** Restart of chosen connectors and the metadata-server check, through the daemon service over real HTTP. */
import { afterEach, describe, expect, it } from 'vitest'
import type { Connection } from '../../../shared/models/connection'
import { loadScenario, startSimulator, withMetadataServersOnPlatform, type RunningSimulator } from '../../simulator'
import { tempDir } from '../../../../tests/temp-dir'
import { DaemonService } from './daemon-service'
import { simulatorConnection } from '../../../../tests/support/sim-connection'

const FILES = ['OakDeneLandingAreaFilesMonitor', 'OldMarketLandingAreaFilesMonitor']
const COCO_DIRECTORIES = [
  'data/landing-area/hospitals/oak-dene/clinical-trials/drop-foot',
  'data/landing-area/hospitals/old-market/clinical-trials/drop-foot',
  'data/data-lake/research/clinical-trials/drop-foot/weekly-measurements'
]

let sim: RunningSimulator | undefined
let service: DaemonService | undefined
afterEach(async () => {
  await service?.dispose()
  await sim?.close()
  sim = service = undefined
})

/** coco-pharma with cocoMDS1 hosted on the simulated platform, as the demo runs it. */
async function startCoco(egeria: 3 | 4 | 5 | 6): Promise<RunningSimulator> {
  return startSimulator({ scenario: withMetadataServersOnPlatform(loadScenario('coco-pharma')), egeria, port: 0, speed: 60 })
}

function daemonService(running: RunningSimulator, overrides: Partial<Connection> = {}): DaemonService {
  const connection = simulatorConnection(running, overrides)
  service = new DaemonService({
    dataDir: tempDir('dd-actions-'),
    connection: () => connection,
    password: () => 'secret',
    emit: () => undefined,
    settleTimeoutMs: 15_000
  })
  return service
}

describe.each([3, 4, 5, 6] as const)('Egeria %i', (egeria) => {
  it('tells whether the metadata server is active, and says when it cannot tell', async () => {
    sim = await startCoco(egeria)
    const daemon = daemonService(sim)
    const down = await daemon.checkServer('c1', 'cocoMDS1')
    expect(down).toMatchObject({ server: 'cocoMDS1', state: 'inactive', platformUrl: sim.url })
    expect(down.verdict).toContain('not active')

    sim.updateWorld({ metadataServers: { cocoMDS1: { available: true } } })
    expect(await daemon.checkServer('c1', 'cocoMDS1')).toMatchObject({ state: 'active', serverType: 'Metadata Server' })
    // The daemon itself is a server of this platform too.
    expect(await daemon.checkServer('c1', 'exchangeDL01')).toMatchObject({ state: 'active' })

    const elsewhere = await daemon.checkServer('c1', 'cocoMDS9')
    expect(elsewhere.state).toBe('unknown')
    expect(elsewhere.verdict).toContain('cannot tell')
  })
})

// 6.x coco-pharma has no connectors until the group configuration is read from cocoMDS1 (about 33 simulated minutes).
describe.each([3, 4, 5] as const)('Egeria %i', (egeria) => {

  it('restarts exactly the chosen connectors, one call each, and journals the scope', async () => {
    sim = await startCoco(egeria)
    sim.updateWorld({ metadataServers: { cocoMDS1: { available: true } }, resources: Object.fromEntries(COCO_DIRECTORIES.map((key) => [key, { available: true }])) })
    const daemon = daemonService(sim)
    const report = await daemon.restart('c1', { kind: 'connectors', names: FILES })
    expect(report.calls).toHaveLength(2)
    expect(report.calls.every((entry) => entry.ok)).toBe(true)
    expect(report.connectors.map((entry) => [entry.name, entry.outcome])).toEqual(FILES.map((name) => [name, 'recovered']))
    expect(report.summary).toContain('2 connectors')

    const status = await daemon.status('c1')
    // The connectors that were not chosen are left alone.
    expect(status.connectors.find((entry) => entry.name === 'DropFootClinicalTrialResultsFilesMonitor')?.status).toMatch(/FAILED/)
    expect(daemon.listJournal().entries[0]).toMatchObject({ action: 'restart', scope: { kind: 'connectors', names: FILES } })

    // Let simulated time pass so a refresh stamps a later lastRefreshTime than the restart's first refresh.
    await new Promise((resolve) => setTimeout(resolve, 300))
    const refresh = await daemon.refresh('c1', { kind: 'connectors', names: FILES })
    expect(refresh.calls).toHaveLength(2)
    for (const entry of refresh.connectors) {
      expect(entry.beforeRefreshTime).toBeDefined()
      expect(Date.parse(entry.afterRefreshTime!)).toBeGreaterThan(Date.parse(entry.beforeRefreshTime!))
    }
  })
})

describe.each([3, 4, 5] as const)('Egeria %i: restarting the daemon', (egeria) => {
  it('stops and starts it, so a corrected configuration takes effect, and verifies every connector', async () => {
    sim = await startCoco(egeria)
    sim.updateWorld({ metadataServers: { cocoMDS1: { available: true } }, resources: Object.fromEntries(COCO_DIRECTORIES.map((key) => [key, { available: true }])) })
    const daemon = daemonService(sim)
    const database = 'OakDeneLandingAreaDatabaseMonitor'
    // A connector restart cannot fix a connector of the wrong type, even once its configuration is corrected.
    sim.updateWorld({ connectorConfigs: { [database]: { wrongType: false } } })
    const connectorRestart = await daemon.restart('c1', { kind: 'connector', name: database })
    expect(connectorRestart.connectors[0]).toMatchObject({ name: database, outcome: 'still-failing-same' })

    const report = await daemon.restart('c1', { kind: 'daemon' })
    expect(report.calls.map((entry) => [entry.call, entry.ok])).toEqual([['stop server exchangeDL01', true], ['start server exchangeDL01', true]])
    expect(report.connectors.find((entry) => entry.name === database)).toMatchObject({ outcome: 'recovered' })
    expect(report.success).toBe(true)
    expect(report.summary).toMatch(/^Restart of the daemon worked/)
    expect(daemon.listJournal().entries[0]).toMatchObject({ action: 'restart', scope: { kind: 'daemon' } })
    await expect(daemon.refresh('c1', { kind: 'daemon' })).rejects.toThrow(/can be restarted, not refreshed/)
  })
})

describe('restart of chosen connectors', () => {
  it('refuses the whole action when one name is unknown, before calling anything', async () => {
    sim = await startCoco(5)
    sim.updateWorld({ metadataServers: { cocoMDS1: { available: true } } })
    const daemon = daemonService(sim)
    const before = await daemon.status('c1')
    await expect(daemon.restart('c1', { kind: 'connectors', names: [FILES[0]!, 'NoSuchConnector'] })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('NoSuchConnector')
    })
    const after = await daemon.status('c1')
    const statusOf = (status: typeof before, name: string): string | undefined => status.connectors.find((entry) => entry.name === name)?.status
    expect(statusOf(after, FILES[0]!)).toBe(statusOf(before, FILES[0]!))
    expect(daemon.listJournal().entries).toHaveLength(0)
  })

  it('answers `unreachable` with the reason when the platform cannot be asked', async () => {
    sim = await startCoco(4)
    const daemon = daemonService(sim, { platformUrl: 'http://127.0.0.1:9' })
    const check = await daemon.checkServer('c1', 'cocoMDS1')
    expect(check.state).toBe('unreachable')
    expect(check.verdict).toMatch(/could not be asked about cocoMDS1/)
  })
})
