/**
 * The Egeria integration daemon simulator (plain Node, no electron): an OMAG platform on 127.0.0.1 hosting the
 * daemons of a scenario, with the REST API, status payloads, errors, tokens and audit log of one Egeria release.
 */
import { createServer as createHttpServer, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { generate } from 'selfsigned'
import { AuditLog } from './audit-log'
import { SimulatedDaemon } from './daemon'
import { createRequestHandler, type PlatformState } from './http-server'
import { loadScenario, parseScenario, type Scenario, type ScenarioDocument } from './scenario'
import { TokenService } from './tokens'
import { versionProfiles, type EgeriaMajor } from './versions'
import { applyWorldPatch, scaledClock, storedConfiguration, worldFromScenario, type SimClock, type World, type WorldPatch } from './world'

export type { ScenarioDocument, Scenario } from './scenario'
export type { World, WorldPatch, Fault, SimClock } from './world'
export { ManualClock } from './world'
export { loadScenario, withMetadataServersOnPlatform } from './scenario'
export { builtInScenarioNames } from './scenario-files'
export { versionProfiles } from './versions'
export type { EgeriaMajor } from './versions'

export interface SimulatorOptions {
  /** A built-in scenario name (resources/scenarios/<name>.json), a path to a scenario file, or a document. */
  scenario: string | ScenarioDocument
  egeria: EgeriaMajor
  /** 0 (default) picks a free port. */
  port?: number
  tls?: boolean
  /** Console-format audit log file (appended). */
  auditLogFile?: string
  /** Directory for one JSON .omalrecord file per audit record. */
  auditJsonDir?: string
  /** Simulated time runs this many times faster than real time (default 1). */
  speed?: number
  host?: '127.0.0.1'
  /** Replaces the scaled clock, e.g. a ManualClock in tests (then call tick() after advancing it). */
  clock?: SimClock
  /** 6.x token lifetime (default 3600 s, as Egeria). */
  tokenTtlSeconds?: number
  /** Real milliseconds between polling passes (default max(10, 1000/speed)). */
  pollIntervalMs?: number
}

export interface SimulatorServerInfo {
  name: string
  serverType: string
  /** Base URL of the daemon's REST API for the default user (≤ 5.x) or the token user (6.x). */
  daemonURL?: string
}

export interface RunningSimulator {
  /** Platform root URL, e.g. https://127.0.0.1:40123 */
  url: string
  /** The major asked for and the concrete release imitated, e.g. { major: 3, label: '3.4' } (see versions.ts). */
  egeria: { major: EgeriaMajor; label: string }
  scenario: string
  servers: SimulatorServerInfo[]
  /** 6.x users for POST /api/token; ≤ 5.x the users are only path segments, listed for convenience. */
  users: { userId: string; password: string }[]
  defaultUser: string
  caCertificatePem?: string
  world(): World
  updateWorld(patch: WorldPatch): World
  /** Runs one polling pass now (refreshes due connectors); resolves when their refreshes complete. */
  tick(): Promise<void>
  /** The console audit lines written so far (kept in memory as well as in the file). */
  auditLines(): string[]
  close(): Promise<void>
}

export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  if (options.host !== undefined && options.host !== '127.0.0.1') throw new Error('The simulator listens on 127.0.0.1 only')
  const profile = versionProfiles[options.egeria]
  if (!profile) throw new Error(`Unsupported Egeria version ${String(options.egeria)} (3, 4, 5 or 6)`)
  const speed = options.speed ?? 1
  if (!(speed > 0) || speed > 1_000_000) throw new Error('speed must be between 0 and 1,000,000')
  const scenario: Scenario = typeof options.scenario === 'string' ? loadScenario(options.scenario) : parseScenario(options.scenario)
  if (scenario.egeria.length > 0 && !scenario.egeria.includes(profile.major)) {
    throw new Error(`Scenario ${scenario.name} is meant for Egeria ${scenario.egeria.join(' or ')}, not ${profile.major}`)
  }
  const clock = options.clock ?? scaledClock(scenario.startTime ? Date.parse(scenario.startTime) : Date.now(), speed)
  const world = worldFromScenario(scenario)
  const audit = new AuditLog({
    file: options.auditLogFile,
    jsonDir: options.auditJsonDir,
    zoneLabel: scenario.auditTimeZoneLabel,
    exceptionSupplement: profile.auditEra === 'server-ops'
  })
  const random = mulberry32(scenario.randomSeed)
  const timers = new Set<NodeJS.Timeout>()
  const realDelay = (simMs: number): Promise<void> =>
    simMs <= 0
      ? Promise.resolve()
      : new Promise((resolve) => {
          const timer = setTimeout(() => {
            timers.delete(timer)
            resolve()
          }, Math.min(simMs / speed, 600_000))
          timers.add(timer)
        })

  const daemonContext = { profile, world, clock, audit, realDelay, random, zoneLabel: scenario.auditTimeZoneLabel }
  const daemons = new Map<string, SimulatedDaemon>()
  const stopped = new Set<string>()
  for (const config of scenario.daemons) daemons.set(config.name, new SimulatedDaemon(config, daemonContext))
  for (const daemon of daemons.values()) daemon.start()

  const tokens = profile.major >= 5 ? await TokenService.create(options.tokenTtlSeconds ?? 3600) : undefined
  const hung = new Set<ServerResponse>()
  // Shared with the token endpoint, so a 6.x password change shows here too.
  const users = scenario.users.map((user) => ({ ...user }))
  const state: PlatformState = {
    profile,
    daemons,
    stopDaemon(name) {
      daemons.get(name)?.shutdown()
      stopped.add(name)
    },
    startDaemon(name) {
      const daemon = new SimulatedDaemon(storedConfiguration(scenario.daemons.find((candidate) => candidate.name === name)!, world), daemonContext)
      daemons.set(name, daemon)
      stopped.delete(name)
      daemon.start()
      return daemon
    },
    isRunning: (name) => daemons.has(name) && !stopped.has(name),
    world: () => world,
    patchWorld: (patch) => applyWorldPatch(world, patch),
    users,
    tokens,
    now: Date.now,
    hung
  }
  const handler = createRequestHandler(state)
  let caCertificatePem: string | undefined
  let server: Server
  if (options.tls) {
    const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
      keySize: 2048,
      notAfterDate: new Date(Date.now() + 365 * 86_400_000),
      algorithm: 'sha256',
      extensions: [
        { name: 'basicConstraints', cA: true },
        { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] }
      ]
    })
    caCertificatePem = pems.cert
    server = createHttpsServer({ key: pems.private, cert: pems.cert }, handler)
  } else {
    server = createHttpServer(handler)
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`

  const pollAll = (): void => {
    for (const daemon of daemons.values()) if (!stopped.has(daemon.name)) daemon.poll()
  }
  const pollTimer = options.clock ? undefined : setInterval(pollAll, options.pollIntervalMs ?? Math.max(10, 1000 / speed))
  pollTimer?.unref()

  const userSegment = (user: string): string => (profile.userIdInPath ? `/users/${encodeURIComponent(user)}` : '')
  const servers: SimulatorServerInfo[] = [
    ...[...daemons.values()].map((daemon) => ({
      name: daemon.name,
      serverType: daemon.serverType,
      daemonURL: `${url}/servers/${encodeURIComponent(daemon.name)}/open-metadata/integration-daemon${userSegment(scenario.defaultUser)}`
    })),
    ...Object.entries(world.metadataServers)
      .filter(([, metadata]) => metadata.onPlatform)
      .map(([name, metadata]) => ({ name, serverType: metadata.serverType }))
  ]

  let closed = false
  return {
    url,
    egeria: { major: profile.major, label: profile.label },
    scenario: scenario.name,
    servers,
    users,
    defaultUser: scenario.defaultUser,
    caCertificatePem,
    world: () => structuredClone(world),
    updateWorld(patch) {
      applyWorldPatch(world, patch)
      return structuredClone(world)
    },
    async tick() {
      pollAll()
      await Promise.all([...daemons.values()].flatMap((daemon) => [...daemon.connectors.values()].map((connector) => connector.busy)))
    },
    auditLines: () => audit.records.map((record) => audit.mainLine(record)),
    async close() {
      if (closed) return
      closed = true
      if (pollTimer) clearInterval(pollTimer)
      for (const timer of timers) clearTimeout(timer)
      for (const response of hung) response.destroy()
      for (const daemon of daemons.values()) if (!stopped.has(daemon.name)) daemon.shutdown()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

/** A small seeded PRNG so flaky connectors fail at the same points on every run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}
