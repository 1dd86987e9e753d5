/**
 * A versioned JSON settings document on disk, read once and written through.
 *
 * The file itself is handled by electron-store (desktop) or conf (browser host, CLI, tests): the
 * same library underneath, the same format, atomic writes. On disk it looks like
 *
 *     { "schemaVersion": 2, "connections": [ { "id": "…", "name": "…", … } ] }
 *
 * A file that is not JSON, or that fails the schema even after migration, is moved aside to
 * `<name>.json.unreadable-<time>` and reported as a `SettingsIssue`; the app starts with what
 * could be kept rather than losing it silently or refusing to start.
 */
import { existsSync, renameSync, copyFileSync } from 'node:fs'
import { join } from 'node:path'
import type { z } from 'zod'
import type { SettingsIssue } from '../../shared/api'

/** The subset of electron-store / conf that we use. */
export interface JsonFileStore {
  readonly path: string
  readonly store: Record<string, unknown>
  set(key: string, value: unknown): void
}

export type JsonFileStoreFactory = (options: { cwd: string; name: string }) => JsonFileStore

/** Upgrades a document from `from` to `from + 1`. */
export type Migration = (document: Record<string, unknown>) => Record<string, unknown>

export interface SettingsFileOptions<T> {
  dir: string
  name: string
  open: JsonFileStoreFactory
  schema: z.ZodType<T>
  version: number
  /** `migrations[n]` upgrades version n to n + 1; a document without `schemaVersion` is version 1. */
  migrations: Record<number, Migration>
  /** When the document cannot be used whole, keep what can be kept (e.g. the valid entries). */
  salvage?: (document: Record<string, unknown>) => T | undefined
  defaults: () => T
  now?: () => Date
}

export interface SettingsFile<T> {
  readonly path: string
  read(): T
  write(value: T): void
  readonly issues: SettingsIssue[]
}

export function openSettingsFile<T extends object>(options: SettingsFileOptions<T>): SettingsFile<T> {
  const now = options.now ?? (() => new Date())
  const path = join(options.dir, `${options.name}.json`)
  const issues: SettingsIssue[] = []

  const moveAside = (message: string, keepOriginal: boolean): void => {
    const backupPath = `${path}.unreadable-${now().toISOString().replace(/[:.]/g, '-')}`
    if (keepOriginal) copyFileSync(path, backupPath)
    else renameSync(path, backupPath)
    issues.push({ id: `${options.name}-${issues.length + 1}`, file: path, backupPath, message })
  }

  let store: JsonFileStore
  let raw: Record<string, unknown>
  try {
    store = options.open({ cwd: options.dir, name: options.name })
    raw = store.store
  } catch (error) {
    if (!existsSync(path)) throw error
    moveAside(`${path} is not valid JSON (${(error as Error).message}); a new empty file was started.`, false)
    store = options.open({ cwd: options.dir, name: options.name })
    raw = store.store
  }

  let value: T
  const fresh = Object.keys(raw).length === 0
  if (fresh) {
    value = options.defaults()
  } else {
    const parsed = options.schema.safeParse(migrate(raw, options))
    if (parsed.success) {
      value = parsed.data
    } else {
      const salvaged = options.salvage?.(raw)
      value = salvaged ?? options.defaults()
      const kept = salvaged ? 'the entries that could be read were kept' : 'a new empty file was started'
      moveAside(`${path} does not match the expected format; ${kept}.`, true)
    }
  }

  const persist = (next: T): void => {
    for (const [key, entry] of Object.entries({ ...next, schemaVersion: options.version })) {
      store.set(key, entry)
    }
  }
  if (fresh || issues.length > 0 || raw.schemaVersion !== options.version) persist(value)

  return {
    path,
    issues,
    read: () => value,
    write(next) {
      persist(next)
      value = next
    }
  }
}

function migrate<T>(raw: Record<string, unknown>, options: SettingsFileOptions<T>): Record<string, unknown> {
  let document = { ...raw }
  let version = typeof document.schemaVersion === 'number' ? document.schemaVersion : 1
  while (version < options.version) {
    const step = options.migrations[version]
    if (!step) break
    document = step(document)
    version += 1
  }
  document.schemaVersion = version
  return document
}
