/**
 * The argument schema of every `AppApi` method. Checked against the interface at compile time;
 * both hosts validate every call with it before a service sees the arguments.
 */
import { z } from 'zod'
import type { AppApi, Namespace } from './api'
import { auditDestinationSchema } from './models/audit-destination'
import { connectionDraftSchema } from './models/connection'
import type { ConfigurationRequest } from './models/configuration'
import type { ActionScope } from './models/daemon'
import { DEMO_EGERIA_VERSIONS } from './models/demo'

type ArgsSchemas = {
  [N in Namespace]: {
    [M in keyof AppApi[N]]: AppApi[N][M] extends (...args: infer A) => unknown ? z.ZodType<A> : never
  }
}

const id = z.string().min(1).max(200)
const name = z.string().min(1).max(1000)

const actionScope: z.ZodType<ActionScope> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('connector'), name }),
  z.object({ kind: z.literal('connectors'), names: z.array(name).min(1).max(5_000) }),
  z.object({ kind: z.literal('service'), marker: name }),
  z.object({ kind: z.literal('group'), name }),
  z.object({ kind: z.literal('failed') }),
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('daemon') })
])
const configurationRequest: z.ZodType<ConfigurationRequest> = z
  .object({
    connector: name,
    change: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('endpoint'), address: z.string().max(2000) }).strict(),
      z.object({ kind: z.literal('properties'), properties: z.record(z.string().min(1).max(400), z.unknown()) }).strict()
    ])
  })
  .strict()
const zone = z.string().max(40).optional()
const recordQuerySchema = z.object({
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
  severities: z.array(z.string().max(40)).max(20).optional(),
  server: z.string().max(200).optional(),
  connector: z.string().max(400).optional(),
  messageId: z.string().max(200).optional(),
  auditOnly: z.boolean().optional()
})
const searchQuerySchema = z.object({
  pattern: z.string().min(1).max(500),
  ignoreCase: z.boolean().optional(),
  context: z.number().int().min(0).max(20).optional(),
  limit: z.number().int().min(1).max(500).optional()
})
const locateTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('line'), input: z.number().int().min(0), line: z.number().int().min(0), file: z.string().max(4096).optional() }),
  z.object({ kind: z.literal('time'), time: z.iso.datetime({ offset: true }) }),
  z.object({ kind: z.literal('problem'), from: z.number().int().min(-1), direction: z.enum(['next', 'previous']) })
])

export const argsSchemas = {
  app: {
    info: z.tuple([]),
    dismissSettingsIssue: z.tuple([id]),
    openExternal: z.tuple([z.string().max(2048)])
  },
  connections: {
    list: z.tuple([]),
    save: z.tuple([connectionDraftSchema]),
    duplicate: z.tuple([id]),
    remove: z.tuple([id]),
    undoRemove: z.tuple([id]),
    exportJson: z.tuple([z.array(id).max(10_000).optional()]),
    importJson: z.tuple([z.string().max(10_000_000)]),
    setAuditDestination: z.tuple([id, auditDestinationSchema.nullable(), z.string().max(1024).nullable().optional()])
  },
  daemon: {
    status: z.tuple([id]),
    probe: z.tuple([id]),
    restart: z.tuple([id, actionScope]),
    refresh: z.tuple([id, actionScope]),
    reloadGroup: z.tuple([id, name]),
    configuration: z.tuple([id, name]),
    configure: z.tuple([id, configurationRequest]),
    cancel: z.tuple([id]),
    checkServer: z.tuple([id, z.string().min(1).max(200)]),
    watch: z.tuple([id, z.boolean()])
  },
  journal: {
    list: z.tuple([z.number().int().min(1).max(100_000).optional()]),
    export: z.tuple([])
  },
  report: {
    incident: z.tuple([
      id,
      z
        .object({
          pins: z
            .array(z.object({ input: z.string().max(4096), line: z.number().int().min(0), text: z.string().max(100_000) }).strict())
            .max(1000)
            .optional(),
          since: z.iso.datetime().optional()
        })
        .strict()
        .optional()
    ])
  },
  demo: {
    info: z.tuple([]),
    start: z.tuple([z.union(DEMO_EGERIA_VERSIONS.map((v) => z.literal(v))).optional()]),
    stop: z.tuple([]),
    world: z.tuple([]),
    updateWorld: z.tuple([
      z
        .object({
          metadataServers: z.record(z.string().max(200), z.object({ available: z.boolean() }).strict()).optional(),
          resources: z.record(z.string().max(1000), z.object({ available: z.boolean() }).strict()).optional(),
          connectorConfigs: z.record(z.string().max(1000), z.object({ wrongType: z.boolean() }).strict()).optional()
        })
        .strict()
    ])
  },
  logs: {
    // The browser host's JSON turns a skipped zone before an openId into null.
    open: z.tuple([z.array(z.string().min(1).max(4096)).min(1).max(100), zone.nullable().transform((value) => value ?? undefined), id.optional()]),
    cancel: z.tuple([id]),
    openText: z.tuple([z.string().max(100_000_000), z.string().max(200).optional(), zone]),
    openTexts: z.tuple([z.array(z.object({ name: z.string().min(1).max(400), text: z.string().max(100_000_000) })).min(1).max(100), zone]),
    openDestination: z.tuple([auditDestinationSchema, z.string().max(1024).optional()]),
    openConnectionDestination: z.tuple([id]),
    records: z.tuple([id, recordQuerySchema.optional()]),
    locate: z.tuple([id, locateTargetSchema, recordQuerySchema.optional()]),
    search: z.tuple([id, searchQuerySchema]),
    histogram: z.tuple([id, z.number().int().min(1).max(31_536_000).optional()]),
    follow: z.tuple([id]),
    unfollow: z.tuple([id]),
    close: z.tuple([id])
  }
} satisfies ArgsSchemas

export function argsSchemaFor(namespace: Namespace, method: string): z.ZodType<unknown[]> {
  return (argsSchemas[namespace] as Record<string, z.ZodType<unknown[]>>)[method]!
}
