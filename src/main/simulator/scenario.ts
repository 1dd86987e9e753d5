/** Scenario documents: the daemons, connectors, metadata servers and third-party resources of a simulated estate. */
import { readFileSync, existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { builtInScenarioNames, scenariosDir } from './scenario-files'
import { z } from 'zod'

const resourceKind = z.enum(['directory', 'endpoint', 'topic'])

const connectorSchema = z.object({
  name: z.string().min(1),
  /** The configured connector id (a GUID in real configurations). */
  id: z.string().min(1),
  providerClass: z.string().min(1),
  /** Endpoint address: a directory for the files monitors, host:port for databases, a topic name… */
  endpoint: z.string().optional(),
  refreshMinutes: z.number().int().min(0).default(60),
  /** The third-party technology (metadataSourceQualifiedName) named in OMIS-…-0002. */
  thirdParty: z.string().optional(),
  permittedSynchronization: z.enum(['FROM_THIRD_PARTY', 'TO_THIRD_PARTY', 'BOTH_DIRECTIONS']).default('FROM_THIRD_PARTY'),
  /** How the connector uses its resources: which failure message it produces when one is missing. */
  behaviour: z.enum(['files-monitor', 'database', 'topic', 'generic']).default('generic'),
  /** Resource keys (paths, host:port, topic names) that must be available for start() and refresh(). */
  requires: z.array(z.string()).default([]),
  /** 5.0+: runs engage() on a dedicated thread (status RUNNING, never refreshed by the daemon). */
  usesBlockingCalls: z.boolean().default(false),
  /** The connector's class does not implement the interface of its integration service (OMIS-…-400-001). */
  wrongType: z.boolean().default(false),
  /** Simulated milliseconds one refresh() takes. */
  refreshDurationMs: z.number().int().min(0).default(250),
  /** Fails now and then: probability per refresh and the message it throws. */
  flaky: z.object({ failureRate: z.number().min(0).max(1), message: z.string() }).optional(),
  configurationProperties: z.record(z.string(), z.unknown()).optional(),
  statistics: z.record(z.string(), z.unknown()).optional()
})

const serviceSchema = z.object({
  /** OMIS URL marker, e.g. files-integrator. */
  marker: z.string().min(1),
  metadataServer: z.string().min(1),
  connectors: z.array(connectorSchema)
})

const groupSchema = z.object({
  qualifiedName: z.string().min(1),
  guid: z.string().min(1),
  description: z.string().optional(),
  metadataServer: z.string().min(1),
  connectors: z.array(connectorSchema)
})

const daemonSchema = z.object({
  name: z.string().min(1),
  /** The daemon's own user (localServerUserId), named in OMAG-MULTI-TENANT-404-001 from its connectors. */
  serverUserId: z.string().min(1),
  maxPageSize: z.number().int().default(100),
  securityConnector: z.string().optional(),
  /** Integration services (OMIS). On 6.x, which has none, their connectors run in the default group. */
  services: z.array(serviceSchema).default([]),
  /** Integration groups (4.x+). On 3.x, which has none, their connectors run in the matching service. */
  groups: z.array(groupSchema).default([]),
  /** Group used on 6.x for connectors declared under services. */
  defaultGroup: z.object({ qualifiedName: z.string(), guid: z.string() }).default({
    qualifiedName: 'Egeria:IntegrationGroup:Default',
    guid: 'b1a33c5e-0d1e-4b73-9e16-5d9a1e7a0001'
  })
})

export const scenarioSchema = z.object({
  name: z.string().min(1),
  description: z.string().default(''),
  /** Simulated clock start (ISO); default: the real time at start. */
  startTime: z.string().datetime({ offset: true }).optional(),
  /** Zone label printed in the console audit log's Date.toString() (times are UTC). */
  auditTimeZoneLabel: z.string().default('GMT'),
  /** Release majors this scenario is meant for; empty means all. */
  egeria: z.array(z.union([z.literal(3), z.literal(4), z.literal(5), z.literal(6)])).default([]),
  users: z.array(z.object({ userId: z.string(), password: z.string() })).default([
    { userId: 'garygeeke', password: 'secret' }
  ]),
  /** The userId shown in CLI hints and used in `/users/{userId}` examples. */
  defaultUser: z.string().default('garygeeke'),
  metadataServers: z.record(
    z.string(),
    z.object({
      platformURL: z.string(),
      available: z.boolean().default(true),
      /** Hosted on the simulated platform itself (listed as a known server; daemon calls give 404-002). */
      onPlatform: z.boolean().default(false),
      serverType: z.string().default('Metadata Access Store')
    })
  ),
  resources: z
    .record(z.string(), z.object({ kind: resourceKind, available: z.boolean().default(true) }))
    .default({}),
  daemons: z.array(daemonSchema).min(1),
  /** Seed for the pseudo-random flaky failures, so runs are repeatable. */
  randomSeed: z.number().int().default(42)
})

export type ScenarioDocument = z.input<typeof scenarioSchema>
export type Scenario = z.output<typeof scenarioSchema>
export type ScenarioConnector = z.output<typeof connectorSchema>
export type ResourceKind = z.infer<typeof resourceKind>

/** Validates a scenario document; the error lists every problem with its JSON path. */
export function parseScenario(document: unknown, source = 'scenario'): Scenario {
  const parsed = scenarioSchema.safeParse(document)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    throw new Error(`${source} is not a valid scenario: ${problems.join('; ')}`)
  }
  return parsed.data
}

/**
 * The scenario with its metadata servers hosted on the simulated platform itself, as the demo runs it:
 * the app can then check whether they are active the way it would on a single-platform install.
 */
export function withMetadataServersOnPlatform(scenario: Scenario): Scenario {
  const metadataServers = Object.fromEntries(Object.entries(scenario.metadataServers).map(([name, server]) => [name, { ...server, onPlatform: true }]))
  return { ...scenario, metadataServers }
}

/** A built-in scenario by name, or a scenario file by path. */
export function loadScenario(nameOrPath: string): Scenario {
  const isPath = nameOrPath.includes('/') || nameOrPath.includes('\\') || nameOrPath.endsWith('.json')
  const file = isPath ? resolve(nameOrPath) : join(scenariosDir(), `${nameOrPath}.json`)
  if (!isPath && !/^[a-z0-9-]+$/.test(nameOrPath)) throw new Error(`Unknown scenario "${nameOrPath}"`)
  if (!existsSync(file)) {
    throw new Error(isPath ? `Scenario file ${file} does not exist` : `Unknown scenario "${nameOrPath}" (built in: ${builtInScenarioNames().join(', ')})`)
  }
  let document: unknown
  try {
    document = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new Error(`Scenario file ${file} is not valid JSON: ${(error as Error).message}`)
  }
  return parseScenario(document, file)
}
