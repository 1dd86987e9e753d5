/**
 * The built-in demo: Egeria's own troubleshooting story (coco-pharma) running in the simulator
 * in-process, on a free loopback port, with its audit log in the data folder and a saved
 * connection pointing at it, so a fresh machine shows the whole job with nothing else running.
 */
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { DemoEgeriaVersion, DemoInfo, DemoWorld, DemoWorldPatch } from '../../shared/models/demo'
import { AppError } from '../../shared/result'
import { loadScenario, withMetadataServersOnPlatform, type RunningSimulator, type SimulatorOptions } from '../simulator'
import type { ConnectionService } from './connection-service'

export const DEMO_SCENARIO = 'coco-pharma'
const DEMO_DAEMON = 'exchangeDL01'
/** Simulated minutes pass 60 times faster: the 10-minute refresh cycle shows within seconds. */
const DEMO_SPEED = 60

export interface DemoServiceDeps {
  connections: ConnectionService
  dataDir: string
  startSimulator: (options: SimulatorOptions) => Promise<RunningSimulator>
}

export class DemoService {
  private simulator?: RunningSimulator
  private starting?: Promise<DemoInfo>

  constructor(private readonly deps: DemoServiceDeps) {
    // A demo connection saved by an earlier run points at a simulator that no longer exists.
    deps.connections.removeDemo()
  }

  get auditLogPath(): string {
    return join(this.deps.dataDir, 'demo', `${DEMO_DAEMON}.log`)
  }

  info(): DemoInfo {
    const simulator = this.simulator
    if (!simulator) return { running: false, scenario: DEMO_SCENARIO }
    return {
      running: true,
      scenario: DEMO_SCENARIO,
      egeria: { major: simulator.egeria.major as DemoEgeriaVersion, label: simulator.egeria.label },
      connectionId: this.deps.connections.list().find((c) => c.demo)?.id,
      platformUrl: simulator.url,
      auditLogPath: this.auditLogPath
    }
  }

  /** Concurrent starts share one simulator; another Egeria version restarts it. */
  async start(egeria: DemoEgeriaVersion = 3): Promise<DemoInfo> {
    if (this.starting) await this.starting.catch(() => undefined)
    if (this.simulator?.egeria.major === egeria) return this.info()
    this.starting = this.launch(egeria)
    try {
      return await this.starting
    } finally {
      this.starting = undefined
    }
  }

  async stop(): Promise<DemoInfo> {
    const simulator = this.simulator
    this.simulator = undefined
    await simulator?.close()
    this.deps.connections.removeDemo()
    return this.info()
  }

  world(): DemoWorld {
    return toDemoWorld(this.running().world())
  }

  updateWorld(patch: DemoWorldPatch): DemoWorld {
    const world = this.running().world()
    for (const name of Object.keys(patch.metadataServers ?? {})) {
      if (!world.metadataServers[name]) throw new AppError('not-found', `The demo has no metadata server named ${name}`)
    }
    for (const key of Object.keys(patch.resources ?? {})) {
      if (!world.resources[key]) throw new AppError('not-found', `The demo has no resource ${key}`)
    }
    for (const name of Object.keys(patch.connectorConfigs ?? {})) {
      if (!world.connectorConfigs[name]) throw new AppError('not-found', `The demo has no connector of the wrong type named ${name}`)
    }
    return toDemoWorld(this.running().updateWorld(patch))
  }

  async dispose(): Promise<void> {
    await this.stop()
  }

  private async launch(egeria: DemoEgeriaVersion): Promise<DemoInfo> {
    await this.simulator?.close()
    this.simulator = undefined
    mkdirSync(join(this.deps.dataDir, 'demo'), { recursive: true })
    rmSync(this.auditLogPath, { force: true })
    const scenario = loadScenario(DEMO_SCENARIO)
    const simulator = await this.deps.startSimulator({
      // The guide's story, but told now: ages and overdue refreshes then read as they would live.
      scenario: { ...withMetadataServersOnPlatform(scenario), startTime: new Date().toISOString() },
      egeria,
      port: 0,
      auditLogFile: this.auditLogPath,
      speed: DEMO_SPEED
    })
    this.simulator = simulator
    simulator.updateWorld({ metadataServers: Object.fromEntries(Object.keys(scenario.metadataServers).map((name) => [name, { platformURL: simulator.url }])) })
    const user = simulator.users.find((candidate) => candidate.userId === simulator.defaultUser)
    this.deps.connections.saveDemo(
      {
        name: 'Demo daemon (coco-pharma)',
        platformUrl: simulator.url,
        serverName: DEMO_DAEMON,
        userId: simulator.defaultUser,
        egeriaVersion: String(egeria) as '3' | '4' | '5' | '6',
        auditLogPath: this.auditLogPath
      },
      egeria === 6 ? user?.password : undefined
    )
    return this.info()
  }

  private running(): RunningSimulator {
    if (!this.simulator) throw new AppError('unavailable', 'The demo daemon is not running: start it from the home screen')
    return this.simulator
  }
}

function toDemoWorld(world: ReturnType<RunningSimulator['world']>): DemoWorld {
  return {
    metadataServers: Object.fromEntries(
      Object.entries(world.metadataServers).map(([name, server]) => [name, { available: server.available, platformURL: server.platformURL }])
    ),
    resources: Object.fromEntries(
      Object.entries(world.resources).map(([key, resource]) => [key, { available: resource.available, kind: resource.kind }])
    ),
    connectorConfigs: world.connectorConfigs
  }
}
