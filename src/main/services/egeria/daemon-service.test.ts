/** The app's daemon service against the simulator: read-only, journal, serialised actions, poller. */
import { readFileSync } from 'node:fs'
import type { ServerResponse } from 'node:http'

import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Connection } from '../../../shared/models/connection'
import type { ActionProgress, StatusSnapshot } from '../../../shared/models/daemon'
import { json, startTestServer, trickle } from '../../../../tests/support/test-server'
import { startSimulator, type RunningSimulator } from '../../simulator'
import { AppError } from '../../../shared/result'
import { DaemonService, toAppError, type DaemonServiceDeps } from './daemon-service'
import { JOURNAL_FILE } from './journal'
import { tempDir } from '../../../../tests/temp-dir'
import { simulatorConnection } from '../../../../tests/support/sim-connection'

let sim: RunningSimulator | undefined
let service: DaemonService | undefined
afterEach(async () => {
  await service?.dispose()
  await sim?.close()
  sim = service = undefined
})

function setup(
  running: { url: string; servers: readonly { name: string }[] },
  overrides: Partial<Connection> = {},
  callTimeouts?: DaemonServiceDeps['callTimeouts']
): { service: DaemonService; dataDir: string; events: { channel: string; payload: unknown }[]; connection: Connection } {
  const dataDir = tempDir('dd-daemon-')
  const connection = simulatorConnection(running, overrides)
  const events: { channel: string; payload: unknown }[] = []
  service = new DaemonService({
    dataDir,
    connection: () => connection,
    password: () => 'secret',
    emit: (namespace, event, payload) => void events.push({ channel: `${namespace}:${String(event)}`, payload }),
    intervals: { quickMs: 50, idleMs: 100, quickForMs: 500 },
    settleTimeoutMs: 10_000,
    callTimeouts
  })
  return { service, dataDir, events, connection }
}

describe('DaemonService', () => {
  it('refuses actions on a read-only connection but still reads the status', async () => {
    sim = await startSimulator({ scenario: 'coco-pharma', egeria: 4, port: 0 })
    const { service: daemon } = setup(sim, { readOnly: true })
    await expect(daemon.restart('c1', { kind: 'all' })).rejects.toMatchObject({ code: 'read-only' })
    expect((await daemon.status('c1')).counts.failed).toBe(4)
  })

  it('journals each action without secrets, serialises concurrent actions and reports progress', async () => {
    sim = await startSimulator({ scenario: 'coco-pharma', egeria: 5, port: 0, speed: 60 })
    sim.updateWorld({ metadataServers: { cocoMDS1: { available: true } } })
    const { service: daemon, dataDir, events } = setup(sim)
    const [first, second] = await Promise.all([
      daemon.restart('c1', { kind: 'connector', name: 'OakDeneLandingAreaDatabaseMonitor' }),
      daemon.refresh('c1', { kind: 'connector', name: 'OakDeneLandingAreaDatabaseMonitor' })
    ])
    // The second action started only after the first had finished.
    expect(Date.parse(second.startedAt)).toBeGreaterThanOrEqual(Date.parse(first.finishedAt))
    expect(first.connectors[0]).toMatchObject({ outcome: 'still-failing-same' })
    const progress = events.filter((event) => event.channel === 'daemon:progress').map((event) => (event.payload as ActionProgress).phase)
    expect(progress.filter((phase) => phase === 'done')).toHaveLength(2)
    const raw = readFileSync(join(dataDir, JOURNAL_FILE), 'utf8')
    expect(raw).not.toContain('secret')
    const { entries } = daemon.listJournal()
    expect(entries.map((entry) => entry.action)).toEqual(['refresh', 'restart'])
    expect(entries[1]).toMatchObject({
      connection: { id: 'c1', name: 'Coco exchange', server: 'exchangeDL01' },
      scope: { kind: 'connector', name: 'OakDeneLandingAreaDatabaseMonitor' },
      before: [{ name: 'OakDeneLandingAreaDatabaseMonitor', status: 'CONFIG_FAILED' }],
      outcome: { success: false }
    })
    expect(daemon.journal.export().count).toBe(2)
  })

  it('polls while watched, pushes changes, and pauses when hidden', async () => {
    sim = await startSimulator({ scenario: 'coco-pharma', egeria: 5, port: 0, speed: 60 })
    const { service: daemon, events } = setup(sim)
    await daemon.watch('c1', true)
    const snapshots = (): StatusSnapshot[] => events.filter((event) => event.channel === 'daemon:snapshot').map((event) => event.payload as StatusSnapshot)
    await expect.poll(() => snapshots().length, { timeout: 5_000 }).toBeGreaterThan(0)
    expect(snapshots()[0]!.status?.counts.failed).toBe(4)
    sim.updateWorld({ metadataServers: { cocoMDS1: { available: true } } })
    await daemon.restart('c1', { kind: 'connector', name: 'OakDeneLandingAreaFilesMonitor' })
    await expect.poll(() => snapshots().some((snapshot) => snapshot.changed.includes('OakDeneLandingAreaFilesMonitor')), { timeout: 5_000 }).toBe(true)
    const history = await daemon.watch('c1', false)
    expect(history.length).toBeGreaterThan(1)
  })

  it('stops calling the daemon while nobody looks', async () => {
    const server = await startTestServer((request, response) =>
      request.url?.endsWith('/origin')
        ? void response.end('Egeria OMAG Server Platform (version 5.3)')
        : json(response, { class: 'IntegrationDaemonStatusResponse', relatedHTTPCode: 200, integrationDaemonStatus: {} })
    )
    try {
      const { service: daemon } = setup({ url: server.url, servers: [{ name: 'd1', serverType: 'Integration Daemon' }] } as RunningSimulator)
      const statusCalls = (): number => server.requests.filter((entry) => entry.url.endsWith('/status')).length
      await daemon.watch('c1', true)
      await expect.poll(statusCalls, { timeout: 3_000 }).toBeGreaterThan(2)
      await daemon.watch('c1', false)
      await new Promise((resolve) => setTimeout(resolve, 150))
      const paused = statusCalls()
      await new Promise((resolve) => setTimeout(resolve, 400))
      expect(statusCalls()).toBe(paused)
      await daemon.watch('c1', true)
      await expect.poll(statusCalls, { timeout: 3_000 }).toBeGreaterThan(paused)
    } finally {
      await service?.dispose()
      service = undefined
      await server.close()
    }
  })

  it('stops polling a connection deleted while watched, and on forget', async () => {
    const server = await startTestServer((request, response) =>
      request.url?.endsWith('/origin')
        ? void response.end('Egeria OMAG Server Platform (version 5.3)')
        : json(response, { class: 'IntegrationDaemonStatusResponse', relatedHTTPCode: 200, integrationDaemonStatus: {} })
    )
    let deleted = false
    const base = setup({ url: server.url, servers: [{ name: 'd1', serverType: 'Integration Daemon' }] } as RunningSimulator)
    const lookup = (): Connection => {
      if (deleted) throw new AppError('not-found', 'That connection no longer exists')
      return { ...base.connection }
    }
    const daemon = new DaemonService({
      dataDir: base.dataDir,
      connection: lookup,
      password: () => undefined,
      emit: () => {},
      intervals: { quickMs: 50, idleMs: 50, quickForMs: 500 }
    })
    try {
      const statusCalls = (): number => server.requests.filter((entry) => entry.url.endsWith('/status')).length
      await daemon.watch('c1', true)
      await expect.poll(statusCalls, { timeout: 3_000 }).toBeGreaterThan(1)
      deleted = true
      await new Promise((resolve) => setTimeout(resolve, 200))
      const afterDelete = statusCalls()
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(statusCalls()).toBe(afterDelete)

      deleted = false
      await daemon.watch('c1', true)
      await expect.poll(statusCalls, { timeout: 3_000 }).toBeGreaterThan(afterDelete)
      await daemon.forget('c1')
      const afterForget = statusCalls()
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(statusCalls()).toBeLessThanOrEqual(afterForget + 1)
      expect(await daemon.watch('c1', false)).toEqual([])
    } finally {
      await daemon.dispose()
      await service?.dispose()
      service = undefined
      await server.close()
    }
  })

  it('cancels a status read and a probe that a trickling platform would keep running', async () => {
    const hostile = await startTestServer((_request, response) => trickle(response, 2_000))
    try {
      const { service: daemon } = setup({ url: hostile.url, servers: [{ name: 'exchangeDL01' }] }, { egeriaVersion: '3' })
      const status = daemon.status('c1')
      const probe = daemon.probe('c1')
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(await daemon.cancel('c1')).toBe(true)
      await expect(status).rejects.toMatchObject({ code: 'cancelled' })
      const report = await probe
      expect(report.ok).toBe(false)
      expect(report.hops.find((hop) => hop.state === 'fail')?.verdict).toContain('Stopped waiting')
      expect(await daemon.cancel('c1')).toBe(false)
    } finally {
      await hostile.close()
    }
  })

  it('tells a platform that answers too slowly (timeout) from one that cannot be reached (unavailable)', async () => {
    const slow = await startTestServer((_request, response) => trickle(response, 2_000))
    try {
      const { service: daemon } = setup({ url: slow.url, servers: [{ name: 'exchangeDL01' }] }, { egeriaVersion: '3' }, { status: { connectMs: 1_000, responseMs: 300 } })
      await expect(daemon.status('c1')).rejects.toMatchObject({ code: 'timeout', message: expect.stringMatching(/300 ms/) })
    } finally {
      await slow.close()
    }
    const gone = await startTestServer((_request, response) => json(response, {}))
    await gone.close()
    const { service: daemon } = setup({ url: gone.url, servers: [{ name: 'exchangeDL01' }] }, { egeriaVersion: '3' })
    await expect(daemon.status('c1')).rejects.toMatchObject({ code: 'unavailable' })
    // No connection within the time (a firewall, a hung host) is a daemon that cannot be reached, not a busy one.
    expect(toAppError({ kind: 'timeout', phase: 'connect', ms: 5_000, message: 'No connection within 5000 ms' }).code).toBe('unavailable')
  })

  it.each([
    ['an HTTP 500', (response: ServerResponse) => json(response, { message: 'boom' }, 500)],
    ['a reset connection', (response: ServerResponse) => response.socket?.destroy()]
  ])('sends a restart whose call fails with %s exactly once, and reports the failure', async (_case, fail) => {
    const failedStatus = readFileSync(join(import.meta.dirname, '../../../../tests/fixtures/status-3x-failed.json'), 'utf8')
    const platform = await startTestServer((request, response) => {
      if (request.method === 'POST') fail(response)
      else {
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end(failedStatus)
      }
    })
    try {
      const { service: daemon } = setup({ url: platform.url, servers: [{ name: 'exchangeDL01' }] }, { egeriaVersion: '3' })
      const report = await daemon.restart('c1', { kind: 'connector', name: 'OakDeneLandingAreaFilesMonitor' })
      expect(platform.requests.filter((request) => request.method === 'POST')).toHaveLength(1)
      expect(report.success).toBe(false)
      expect(report.calls).toEqual([expect.objectContaining({ ok: false, call: expect.stringContaining('restart OakDeneLandingAreaFilesMonitor') })])
    } finally {
      await platform.close()
    }
  })
})
