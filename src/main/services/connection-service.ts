import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { EmitEvent, ExportedConnections, ImportOutcome, RemovedConnection } from '../../shared/api'
import {
  connectionDraftSchema,
  type Connection,
  type ConnectionDraft,
  EGERIA_VERSIONS,
  ENVIRONMENTS,
  tlsSettingsSchema
} from '../../shared/models/connection'
import { auditDestinationSchema, type AuditDestination } from '../../shared/models/audit-destination'
import { AppError } from '../../shared/result'
import { fieldErrors } from '../../shared/validation'
import type { SecretStore } from './secret-store'
import { openSettingsFile, type SettingsFile } from './settings-file'

const storedConnectionSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  platformUrl: z.string().min(1),
  serverName: z.string().min(1),
  userId: z.string().min(1),
  egeriaVersion: z.enum(EGERIA_VERSIONS),
  tls: tlsSettingsSchema,
  environment: z.enum(ENVIRONMENTS),
  readOnly: z.boolean(),
  auditLogPath: z.string().optional(),
  auditDestination: auditDestinationSchema.optional(),
  demo: z.boolean().optional(),
  createdAt: z.string(),
  updatedAt: z.string()
})
type StoredConnection = z.infer<typeof storedConnectionSchema>

const connectionsDocumentSchema = z.object({ connections: z.array(storedConnectionSchema) })
type ConnectionsDocument = z.infer<typeof connectionsDocumentSchema>

export const CONNECTIONS_SCHEMA_VERSION = 2

/**
 * Version 1 (the first preview) kept `url`, a boolean `insecure` and a numeric `version`;
 * version 2 names the platform root URL explicitly and makes TLS a mode.
 */
const migrations = {
  1: (document: Record<string, unknown>) => ({
    ...document,
    connections: (Array.isArray(document.connections) ? document.connections : []).map((entry) => {
      const { url, insecure, version, ...rest } = entry as Record<string, unknown>
      return {
        ...rest,
        platformUrl: rest.platformUrl ?? url,
        tls: rest.tls ?? { mode: insecure === true ? 'insecure' : 'system' },
        egeriaVersion: rest.egeriaVersion ?? (version === undefined ? 'auto' : String(version)),
        environment: rest.environment ?? 'dev',
        readOnly: rest.readOnly ?? false
      }
    })
  })
}

const EXPORT_FORMAT = 'daemon-doctor/connections'
/** The one connection the app manages itself: it points at the built-in demo simulator. */
export const DEMO_CONNECTION_ID = 'd3e0d3e0-0000-4000-8000-00000000de30'
const UNDO_WINDOW_MS = 10 * 60_000

export interface ConnectionServiceDeps {
  dataDir: string
  secrets: SecretStore
  emit: EmitEvent
  now?: () => Date
  newId?: () => string
}

/** Saved server connections: validation, persistence, secrets, undo, import and export. */
export class ConnectionService {
  private readonly file: SettingsFile<ConnectionsDocument>
  private readonly secrets: SecretStore
  private readonly emit: EmitEvent
  private readonly now: () => Date
  private readonly newId: () => string
  private readonly pendingUndo = new Map<string, { stored: StoredConnection; password?: string; expires: number }>()

  constructor(deps: ConnectionServiceDeps) {
    this.secrets = deps.secrets
    this.emit = deps.emit
    this.now = deps.now ?? (() => new Date())
    this.newId = deps.newId ?? randomUUID
    this.file = openSettingsFile({
      dir: deps.dataDir,
      name: 'connections',
      schema: connectionsDocumentSchema,
      version: CONNECTIONS_SCHEMA_VERSION,
      migrations,
      defaults: () => ({ connections: [] }),
      salvage: (raw) => {
        const entries = Array.isArray(raw.connections) ? raw.connections : []
        const valid = entries.flatMap((entry) => {
          const parsed = storedConnectionSchema.safeParse(entry)
          return parsed.success ? [parsed.data] : []
        })
        return valid.length > 0 ? { connections: valid } : undefined
      },
      now: this.now
    })
  }

  get settingsIssues(): SettingsFile<ConnectionsDocument>['issues'] {
    return this.file.issues
  }

  list(): Connection[] {
    return this.file
      .read()
      .connections.map((stored) => this.toConnection(stored))
      .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }))
  }

  get(id: string): Connection {
    return this.toConnection(this.find(id))
  }

  /** The password of a saved connection: for the main-process client only, never the renderer. */
  password(id: string): string | undefined {
    return this.secrets.get(id)
  }

  /**
   * Keeps (or with `null` forgets) where this daemon's audit log is kept in Egeria's audit database or
   * topic. `password`: absent keeps the saved one, `null` or '' removes it.
   */
  setAuditDestination(id: string, destination: AuditDestination | null, password?: string | null): Connection {
    let updated: StoredConnection | undefined
    this.commit((connections) => {
      const stored = connections.find((entry) => entry.id === id)
      if (!stored) throw new AppError('not-found', 'That connection no longer exists')
      const next: StoredConnection = { ...stored, updatedAt: this.now().toISOString() }
      if (destination) next.auditDestination = destination
      else delete next.auditDestination
      updated = next
      return connections.map((entry) => (entry.id === id ? next : entry))
    })
    if (!destination || password === null || password === '') this.secrets.delete(auditDestinationSecret(id))
    else if (password !== undefined) this.secrets.set(auditDestinationSecret(id), password)
    this.announce()
    return this.toConnection(updated!)
  }

  /** The saved audit database or topic password: for the main process only, never the renderer. */
  auditDestinationPassword(id: string): string | undefined {
    return this.secrets.get(auditDestinationSecret(id))
  }

  save(draft: ConnectionDraft): Connection {
    const parsed = connectionDraftSchema.safeParse(draft)
    if (!parsed.success) {
      throw new AppError('invalid-input', 'Some fields need attention', fieldErrors(parsed.error))
    }
    const { password, id, ...fields } = parsed.data
    const timestamp = this.now().toISOString()
    const newId = id ? undefined : this.newId()
    let stored: StoredConnection | undefined
    this.commit((connections) => {
      const existing = id ? connections.find((entry) => entry.id === id) : undefined
      if (id && !existing) throw new AppError('not-found', 'That connection no longer exists')
      if (existing?.demo) throw new AppError('conflict', 'The demo connection is managed by Daemon Doctor; duplicate it to edit a copy')
      const clash = connections.find((entry) => entry.id !== id && entry.name.toLowerCase() === fields.name.toLowerCase())
      if (clash) {
        throw new AppError('conflict', 'Another connection already has this name', {
          name: 'Another connection already has this name'
        })
      }
      const next: StoredConnection = {
        ...fields,
        id: existing?.id ?? newId!,
        createdAt: existing?.createdAt ?? timestamp,
        updatedAt: timestamp
      }
      if (next.tls.mode !== 'ca-file') delete next.tls.caFile
      if (!next.auditLogPath) delete next.auditLogPath
      if (!next.auditDestination) delete next.auditDestination
      stored = next
      return existing ? connections.map((entry) => (entry.id === next.id ? next : entry)) : [...connections, next]
    })
    if (password === null || password === '') this.secrets.delete(stored!.id)
    else if (password !== undefined) this.secrets.set(stored!.id, password)
    this.announce()
    return this.toConnection(stored!)
  }

  /** Creates or repoints the demo connection (the simulator gets a new port each start). */
  saveDemo(fields: Pick<StoredConnection, 'name' | 'platformUrl' | 'serverName' | 'userId' | 'egeriaVersion' | 'auditLogPath'>, password?: string): Connection {
    const existing = this.file.read().connections.find((entry) => entry.id === DEMO_CONNECTION_ID)
    const timestamp = this.now().toISOString()
    const stored: StoredConnection = {
      ...fields,
      id: DEMO_CONNECTION_ID,
      tls: { mode: 'system' },
      environment: 'dev',
      readOnly: false,
      demo: true,
      createdAt: existing?.createdAt ?? timestamp,
      updatedAt: timestamp
    }
    if (password === undefined) this.secrets.delete(DEMO_CONNECTION_ID)
    else this.secrets.set(DEMO_CONNECTION_ID, password)
    this.commit((connections) => [...connections.filter((entry) => entry.id !== DEMO_CONNECTION_ID), stored])
    this.announce()
    return this.toConnection(stored)
  }

  /** Drops the demo connection, e.g. one left over from a run whose simulator is gone. */
  removeDemo(): void {
    if (!this.file.read().connections.some((entry) => entry.id === DEMO_CONNECTION_ID)) return
    this.secrets.delete(DEMO_CONNECTION_ID)
    this.secrets.delete(auditDestinationSecret(DEMO_CONNECTION_ID))
    this.commit((connections) => connections.filter((entry) => entry.id !== DEMO_CONNECTION_ID))
    this.announce()
  }

  duplicate(id: string): Connection {
    const source = this.find(id)
    const copyId = this.newId()
    let copy: StoredConnection | undefined
    this.commit((connections) => {
      copy = {
        ...source,
        demo: undefined,
        tls: { ...source.tls },
        id: copyId,
        name: uniqueName(`${source.name} (copy)`, takenNames(connections)),
        createdAt: this.now().toISOString(),
        updatedAt: this.now().toISOString()
      }
      return [...connections, copy]
    })
    const password = this.secrets.get(id)
    if (password !== undefined) this.secrets.set(copyId, password)
    this.announce()
    return this.toConnection(copy!)
  }

  remove(id: string): RemovedConnection {
    const stored = this.find(id)
    const password = this.secrets.get(id)
    this.secrets.delete(id)
    this.secrets.delete(auditDestinationSecret(id))
    this.commit((connections) => connections.filter((entry) => entry.id !== id))
    this.announce()
    const undoToken = this.newId()
    this.dropExpiredUndo()
    this.pendingUndo.set(undoToken, { stored, password, expires: this.now().getTime() + UNDO_WINDOW_MS })
    return { removed: this.toConnection(stored), undoToken }
  }

  undoRemove(undoToken: string): Connection {
    this.dropExpiredUndo()
    const pending = this.pendingUndo.get(undoToken)
    if (!pending) throw new AppError('not-found', 'Nothing to undo: the deletion is too old or was already undone')
    this.pendingUndo.delete(undoToken)
    let stored: StoredConnection | undefined
    this.commit((connections) => {
      stored = { ...pending.stored, name: uniqueName(pending.stored.name, takenNames(connections)) }
      return [...connections, stored]
    })
    if (pending.password !== undefined) this.secrets.set(stored!.id, pending.password)
    this.announce()
    return this.toConnection(stored!)
  }

  exportJson(ids?: string[]): ExportedConnections {
    const wanted = ids ? new Set(ids) : undefined
    const connections = this.file
      .read()
      .connections.filter((entry) => !wanted || wanted.has(entry.id))
      .filter((entry) => !entry.demo)
      .map(({ id: _id, createdAt: _created, updatedAt: _updated, demo: _demo, ...portable }) => portable)
    const exportedAt = this.now().toISOString()
    return {
      fileName: `daemon-doctor-connections-${exportedAt.slice(0, 19).replace(/[:T]/g, '-')}.json`,
      json: JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt, connections }, null, 2),
      count: connections.length
    }
  }

  importJson(json: string): ImportOutcome {
    let document: unknown
    try {
      document = JSON.parse(json)
    } catch (error) {
      throw new AppError('invalid-input', `This file is not JSON: ${(error as Error).message}`)
    }
    const entries =
      document && typeof document === 'object' && Array.isArray((document as { connections?: unknown }).connections)
        ? ((document as { connections: unknown[] }).connections)
        : undefined
    if (!entries) {
      throw new AppError('invalid-input', 'This file has no "connections" list: export connections from Daemon Doctor first')
    }
    const valid: Omit<StoredConnection, 'id' | 'createdAt' | 'updatedAt'>[] = []
    const skipped: ImportOutcome['skipped'] = []
    const timestamp = this.now().toISOString()
    for (const entry of entries) {
      const candidate = { ...(entry as Record<string, unknown>), id: undefined, password: undefined }
      const parsed = connectionDraftSchema.safeParse(candidate)
      const name = typeof (entry as { name?: unknown })?.name === 'string' ? (entry as { name: string }).name : '(unnamed)'
      if (!parsed.success) {
        const reasons = Object.entries(fieldErrors(parsed.error)).map(([field, message]) => `${field}: ${message}`)
        skipped.push({ name, reason: reasons.join('; ') })
        continue
      }
      const { password: _password, id: _id, ...fields } = parsed.data
      valid.push(fields)
    }
    let imported: StoredConnection[] = []
    if (valid.length > 0) {
      this.commit((connections) => {
        // One set of taken names for the whole import: checking each name against the list was quadratic.
        const taken = takenNames(connections)
        imported = valid.map((fields) => ({ ...fields, name: uniqueName(fields.name, taken), id: this.newId(), createdAt: timestamp, updatedAt: timestamp }))
        return [...connections, ...imported]
      })
      this.announce()
    }
    return { imported: imported.map((stored) => this.toConnection(stored)), skipped }
  }

  private find(id: string): StoredConnection {
    const stored = this.file.read().connections.find((entry) => entry.id === id)
    if (!stored) throw new AppError('not-found', 'That connection no longer exists')
    return stored
  }

  /** Changes the saved list as it is on disk now, under the lock other processes respect. */
  private commit(change: (connections: StoredConnection[]) => StoredConnection[]): void {
    this.file.update((document) => ({ connections: change(document.connections) }))
  }

  private announce(): void {
    this.emit('connections', 'changed', this.list())
  }

  private dropExpiredUndo(): void {
    const now = this.now().getTime()
    for (const [token, pending] of this.pendingUndo) if (pending.expires < now) this.pendingUndo.delete(token)
  }

  private toConnection(stored: StoredConnection): Connection {
    const connection: Connection = { ...stored, tls: { ...stored.tls }, hasPassword: this.secrets.get(stored.id) !== undefined }
    if (stored.auditDestination) connection.hasAuditDestinationPassword = this.secrets.get(auditDestinationSecret(stored.id)) !== undefined
    return connection
  }
}

const takenNames = (connections: StoredConnection[]): Set<string> => new Set(connections.map((entry) => entry.name.toLowerCase()))

/** `wanted`, or `wanted 2`, `wanted 3`… whichever is free; the name chosen is added to `taken`. */
function uniqueName(wanted: string, taken: Set<string>): string {
  let candidate = wanted
  for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${wanted} ${n}`
  taken.add(candidate.toLowerCase())
  return candidate
}

/** The secret-store key of a connection's audit database or topic password. */
function auditDestinationSecret(id: string): string {
  return `${id}:audit-destination`
}
