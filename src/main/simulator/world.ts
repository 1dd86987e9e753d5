/** The world behind the daemons: metadata servers and third-party resources that come and go, plus injected HTTP faults. */
import { z } from 'zod'
import type { ResourceKind, Scenario, ScenarioConnector } from './scenario'

export interface MetadataServerState {
  platformURL: string
  available: boolean
  onPlatform: boolean
  serverType: string
}

export interface ResourceState {
  kind: ResourceKind
  available: boolean
}

export const faultSchema = z.object({
  /** Regular expression matched against the request path (and query); absent = every daemon/platform path. */
  pathPattern: z.string().optional(),
  kind: z.enum(['latency', 'hang', 'http500', 'malformed-json', 'reset']),
  /** Added delay for `latency` (real milliseconds). */
  ms: z.number().int().min(0).max(600_000).default(0),
  /** How many requests it applies to; absent = until cleared. */
  count: z.number().int().min(1).optional()
})

export type Fault = z.output<typeof faultSchema>

export interface World {
  metadataServers: Record<string, MetadataServerState>
  resources: Record<string, ResourceState>
  faults: Fault[]
  /** Connectors whose stored configuration is of the wrong type (OMIS-…-400-001), by name. */
  connectorConfigs: Record<string, ConnectorConfigState>
}

/**
 * A connector as the daemon's stored configuration describes it. The operator corrects it outside the
 * daemon (configuration document, admin services); a running daemon does not see the change until it
 * is restarted, as in Egeria, where a connector restart reuses the configuration the server started with.
 */
export interface ConnectorConfigState {
  wrongType: boolean
}

export const worldPatchSchema = z
  .object({
    metadataServers: z
      .record(z.string(), z.object({ available: z.boolean().optional(), platformURL: z.string().optional() }).strict())
      .optional(),
    resources: z
      .record(
        z.string(),
        z.object({ available: z.boolean().optional(), kind: z.enum(['directory', 'endpoint', 'topic']).optional() }).strict()
      )
      .optional(),
    /** Replaces the list of injected faults ([] clears them). */
    faults: z.array(faultSchema).optional(),
    connectorConfigs: z.record(z.string(), z.object({ wrongType: z.boolean().optional() }).strict()).optional()
  })
  .strict()

export type WorldPatch = z.input<typeof worldPatchSchema>

export function worldFromScenario(scenario: Scenario): World {
  const metadataServers: Record<string, MetadataServerState> = {}
  for (const [name, server] of Object.entries(scenario.metadataServers)) metadataServers[name] = { ...server }
  const resources: Record<string, ResourceState> = {}
  for (const [key, resource] of Object.entries(scenario.resources)) resources[key] = { ...resource }
  const connectorConfigs: Record<string, ConnectorConfigState> = {}
  for (const daemon of scenario.daemons) {
    for (const connector of [...daemon.services, ...daemon.groups].flatMap((container) => container.connectors)) {
      if (connector.wrongType) connectorConfigs[connector.name] = { wrongType: true }
    }
  }
  return { metadataServers, resources, faults: [], connectorConfigs }
}

/** A daemon's configuration as stored now: the scenario's, with the operator's corrections. */
export function storedConfiguration(daemon: Scenario['daemons'][number], world: World): Scenario['daemons'][number] {
  const stored = (connector: ScenarioConnector): ScenarioConnector => ({ ...connector, wrongType: world.connectorConfigs[connector.name]?.wrongType ?? connector.wrongType })
  return {
    ...daemon,
    services: daemon.services.map((service) => ({ ...service, connectors: service.connectors.map(stored) })),
    groups: daemon.groups.map((group) => ({ ...group, connectors: group.connectors.map(stored) }))
  }
}

/** Guesses the kind of a resource first named in a patch: host:port is an endpoint, a path a directory. */
function inferKind(key: string): ResourceKind {
  if (/^[\w.-]+:\d+$/.test(key)) return 'endpoint'
  return key.includes('/') ? 'directory' : 'topic'
}

/** Applies a validated patch in place; unknown metadata servers are an error, unknown resources are added. */
export function applyWorldPatch(world: World, patchInput: unknown): void {
  const parsed = worldPatchSchema.safeParse(patchInput)
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; '))
  }
  const patch = parsed.data
  for (const name of Object.keys(patch.metadataServers ?? {})) {
    if (!world.metadataServers[name]) throw new Error(`metadataServers.${name}: no such metadata server in this scenario`)
  }
  for (const name of Object.keys(patch.connectorConfigs ?? {})) {
    if (!world.connectorConfigs[name]) throw new Error(`connectorConfigs.${name}: no connector of the wrong type by that name in this scenario`)
  }
  for (const [name, change] of Object.entries(patch.metadataServers ?? {})) {
    const server = world.metadataServers[name]
    if (server) Object.assign(server, definedOnly(change))
  }
  for (const [key, change] of Object.entries(patch.resources ?? {})) {
    const existing = world.resources[key] ?? { kind: change.kind ?? inferKind(key), available: true }
    world.resources[key] = { ...existing, ...definedOnly(change) }
  }
  if (patch.faults) world.faults = patch.faults
  for (const [name, change] of Object.entries(patch.connectorConfigs ?? {})) {
    Object.assign(world.connectorConfigs[name]!, definedOnly(change))
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>
}

/** The simulated clock: real time scaled by a speed factor from a chosen start, or driven by tests. */
export interface SimClock {
  now(): number
}

export function scaledClock(startMs: number, speed: number, realNow: () => number = Date.now): SimClock {
  const realStart = realNow()
  return { now: () => Math.round(startMs + (realNow() - realStart) * speed) }
}

/** A clock that only moves when told to: for deterministic tests. */
export class ManualClock implements SimClock {
  constructor(private current: number) {}
  now(): number {
    return this.current
  }
  advance(ms: number): void {
    this.current += ms
  }
}
