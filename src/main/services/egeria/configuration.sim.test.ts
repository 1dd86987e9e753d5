/** Seeing and correcting a connector's configuration through the daemon service, over real HTTP against the simulator. */
import { afterEach, describe, expect, it } from 'vitest'
import type { Connection } from '../../../shared/models/connection'
import { MASKED } from '../../../shared/models/configuration'
import { loadScenario, startSimulator, withMetadataServersOnPlatform, type RunningSimulator } from '../../simulator'
import { tempDir } from '../../../../tests/temp-dir'
import { DaemonService } from './daemon-service'
import { simulatorConnection } from '../../../../tests/support/sim-connection'

const OAK_DENE = 'OakDeneLandingAreaFilesMonitor'
const MISSING_DIRECTORY = 'data/landing-area/hospitals/oak-dene/clinical-trials/drop-foot'
const EXISTING_DIRECTORY = 'data/landing-area/hospitals/oak-dene/clinical-trials/drop-foot-v2'

let sim: RunningSimulator | undefined
let service: DaemonService | undefined
afterEach(async () => {
  await service?.dispose()
  await sim?.close()
  sim = service = undefined
})

async function startCoco(egeria: 3 | 4 | 5 | 6): Promise<RunningSimulator> {
  const running = await startSimulator({ scenario: withMetadataServersOnPlatform(loadScenario('coco-pharma')), egeria, port: 0, speed: 60 })
  running.updateWorld({ metadataServers: { cocoMDS1: { available: true } }, resources: { [EXISTING_DIRECTORY]: { available: true } } })
  return running
}

function daemonService(running: RunningSimulator, overrides: Partial<Connection> = {}): DaemonService {
  const connection = simulatorConnection(running, overrides)
  service = new DaemonService({ dataDir: tempDir('dd-configure-'), connection: () => connection, password: () => 'secret', emit: () => undefined, settleTimeoutMs: 15_000 })
  return service
}

/** On 6.x the group's connectors exist only once the group has read its configuration from cocoMDS1. */
async function withConnectors(daemon: DaemonService, egeria: number): Promise<void> {
  if (egeria === 6) await daemon.reloadGroup('c1', 'Egeria:IntegrationGroup:Default')
}

describe.each([5, 6] as const)('Egeria %i: endpoint address', (egeria) => {
  it('shows the configuration, changes the endpoint, and verifies before and after', async () => {
    sim = await startCoco(egeria)
    const daemon = daemonService(sim)
    await withConnectors(daemon, egeria)
    const before = await daemon.configuration('c1', OAK_DENE)
    expect(before).toMatchObject({
      connector: OAK_DENE,
      egeria,
      endpointAddress: MISSING_DIRECTORY,
      minMinutesBetweenRefresh: 10,
      changeable: { properties: true, endpoint: true },
      connectorProviderClass: expect.stringContaining('DataFilesMonitorIntegrationProvider')
    })
    expect(before.group ?? before.service).toBeTruthy()
    expect((await daemon.status('c1')).connectors.find((entry) => entry.name === OAK_DENE)?.status).toMatch(/FAILED/)

    const report = await daemon.configure('c1', { connector: OAK_DENE, change: { kind: 'endpoint', address: EXISTING_DIRECTORY } })
    expect(report.configuration).toEqual({
      connector: OAK_DENE,
      change: 'endpoint',
      diff: [{ field: 'endpoint address', before: MISSING_DIRECTORY, after: EXISTING_DIRECTORY }],
      readBack: [{ field: 'endpoint address', before: MISSING_DIRECTORY, after: EXISTING_DIRECTORY }]
    })
    expect(report.calls).toEqual([{ call: `set the endpoint address of ${OAK_DENE}`, ok: true }])
    expect(report.connectors[0]).toMatchObject({ name: OAK_DENE, outcome: 'recovered' })
    expect(report.success).toBe(true)
    expect((await daemon.configuration('c1', OAK_DENE)).endpointAddress).toBe(EXISTING_DIRECTORY)
    expect(daemon.listJournal().entries[0]).toMatchObject({ action: 'configure', configuration: { connector: OAK_DENE, change: 'endpoint' }, outcome: { success: true } })
  })

  it('refuses an empty or malformed address, an unknown connector and a read-only connection, and changes nothing', async () => {
    sim = await startCoco(egeria)
    const daemon = daemonService(sim)
    await withConnectors(daemon, egeria)
    const attempts = [
      [{ connector: OAK_DENE, change: { kind: 'endpoint', address: '' } }, /empty/],
      [{ connector: OAK_DENE, change: { kind: 'endpoint', address: 'db.coco:54x2' } }, /port .* must be a number/],
      [{ connector: OAK_DENE, change: { kind: 'endpoint', address: 'data/landing\narea' } }, /control character/],
      [{ connector: 'NoSuchConnector', change: { kind: 'endpoint', address: EXISTING_DIRECTORY } }, /no connector named NoSuchConnector .*nothing was changed/],
      [{ connector: OAK_DENE, change: { kind: 'endpoint', address: MISSING_DIRECTORY } }, /already has this configuration/]
    ] as const
    for (const [request, message] of attempts) {
      await expect(daemon.configure('c1', request)).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(message) })
    }
    expect((await daemon.configuration('c1', OAK_DENE)).endpointAddress).toBe(MISSING_DIRECTORY)
    await expect(daemon.configuration('c1', 'NoSuchConnector')).rejects.toThrow(/no connector named NoSuchConnector/)

    const readOnly = daemonService(sim, { readOnly: true })
    await expect(readOnly.configure('c1', { connector: OAK_DENE, change: { kind: 'endpoint', address: EXISTING_DIRECTORY } })).rejects.toMatchObject({ code: 'read-only' })
    expect((await readOnly.configuration('c1', OAK_DENE)).endpointAddress).toBe(MISSING_DIRECTORY)
    expect(readOnly.listJournal().entries).toHaveLength(0)
  })

  it('reports a change the daemon refuses, never sends it twice, and journals it', async () => {
    sim = await startCoco(egeria)
    const daemon = daemonService(sim)
    await withConnectors(daemon, egeria)
    // One refusal only: a retry would get through and move the endpoint.
    sim.updateWorld({ faults: [{ pathPattern: 'endpoint-network-address', kind: 'http500', count: 1 }] })
    const report = await daemon.configure('c1', { connector: OAK_DENE, change: { kind: 'endpoint', address: EXISTING_DIRECTORY } })
    expect(report.success).toBe(false)
    expect(report.calls[0]).toMatchObject({ ok: false, error: expect.stringContaining('500') })
    expect(report.summary).toMatch(/was refused: .*Nothing was changed/)
    expect(report.configuration?.readBack).toEqual([{ field: 'endpoint address', before: MISSING_DIRECTORY, after: MISSING_DIRECTORY }])
    expect((await daemon.configuration('c1', OAK_DENE)).endpointAddress).toBe(MISSING_DIRECTORY)
    expect(daemon.listJournal().entries[0]).toMatchObject({ action: 'configure', outcome: { success: false } })
  })
})

describe('Egeria 6: a daemon with no connectors', () => {
  it('shows its groups instead of the failed status call, and the group re-reads its configuration', async () => {
    sim = await startCoco(6)
    sim.updateWorld({ metadataServers: { cocoMDS1: { available: false } } })
    const daemon = daemonService(sim)
    const empty = await daemon.status('c1')
    expect(empty).toMatchObject({ noConnectors: true, connectors: [], groups: [{ name: 'Egeria:IntegrationGroup:Default', status: 'ASSIGNED', connectorNames: [] }] })
    const probe = await daemon.probe('c1')
    expect(probe.hops.find((hop) => hop.id === 'status')).toMatchObject({
      state: 'warn',
      verdict: expect.stringMatching(/^exchangeDL01 has no connectors yet: its integration group Egeria:IntegrationGroup:Default \(ASSIGNED\) has not loaded them from its metadata server\. Egeria's status call fails until they do, so the groups were read instead$/)
    })
    expect(probe.answer).toMatch(/^exchangeDL01 has no connectors yet/)

    const stillDown = await daemon.reloadGroup('c1', 'Egeria:IntegrationGroup:Default')
    expect(stillDown.summary).toMatch(/has no connectors yet: is its metadata server running/)
    sim.updateWorld({ metadataServers: { cocoMDS1: { available: true } } })
    const report = await daemon.reloadGroup('c1', 'Egeria:IntegrationGroup:Default')
    expect(report.calls).toEqual([{ call: 're-read the configuration of group Egeria:IntegrationGroup:Default', ok: true }])
    expect(report.connectors.map((entry) => entry.name)).toHaveLength(4)
    expect(report.summary).toMatch(/re-read its configuration: 4 connectors, \d healthy$/)
    const loaded = await daemon.status('c1')
    expect(loaded.noConnectors).toBeUndefined()
    expect(loaded.groups[0]?.connectorNames).toHaveLength(4)
    expect(daemon.listJournal().entries.map((entry) => entry.action)).toEqual(['reload-group', 'reload-group'])
    await expect(daemon.reloadGroup('c1', 'NoSuchGroup')).rejects.toThrow(/no integration group NoSuchGroup \(known: Egeria:IntegrationGroup:Default\)/)
  })
})

describe.each([4, 5] as const)('Egeria %i: configuration properties', (egeria) => {
  it('merges properties, masks secrets, and reads the new values back', async () => {
    sim = await startCoco(egeria)
    const daemon = daemonService(sim)
    const report = await daemon.configure('c1', { connector: OAK_DENE, change: { kind: 'properties', properties: { waitForDirectory: true, password: 'hunter2' } } })
    expect(report.calls[0]).toMatchObject({ ok: true, call: `update configuration properties waitForDirectory, password of ${OAK_DENE}` })
    expect(report.configuration?.diff).toEqual([
      { field: 'property waitForDirectory', after: 'true' },
      { field: 'property password', after: MASKED }
    ])
    expect(JSON.stringify(daemon.listJournal().entries[0])).not.toContain('hunter2')
    const after = await daemon.configuration('c1', OAK_DENE)
    expect(after.configurationProperties).toEqual({ waitForDirectory: true, password: MASKED })
  })
})

describe('Egeria 4: the endpoint', () => {
  it('says the endpoint cannot change while the daemon runs, before sending anything', async () => {
    sim = await startCoco(4)
    const daemon = daemonService(sim)
    expect((await daemon.configuration('c1', OAK_DENE)).changeable).toEqual({ properties: true, endpoint: false })
    await expect(daemon.configure('c1', { connector: OAK_DENE, change: { kind: 'endpoint', address: EXISTING_DIRECTORY } })).rejects.toThrow(/5\.0\+.*configuration document, then restart the daemon/)
  })
})

describe('Egeria 3', () => {
  it('says plainly that the configuration is not available through the daemon', async () => {
    sim = await startCoco(3)
    const daemon = daemonService(sim)
    await expect(daemon.configuration('c1', OAK_DENE)).rejects.toThrow(/Egeria 3\.x cannot show or change/)
    // A limit of the version, not a failure: the app shows it as information.
    await expect(daemon.configuration('c1', OAK_DENE)).rejects.toMatchObject({ code: 'unsupported' })
    await expect(daemon.configure('c1', { connector: OAK_DENE, change: { kind: 'properties', properties: { a: 1 } } })).rejects.toThrow(/Egeria 3\.x/)
  })
})
