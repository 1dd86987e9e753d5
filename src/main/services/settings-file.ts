/**
 * A versioned JSON settings document on disk, shared by every process that uses the data folder
 * (the desktop app, the browser host, the CLI). On disk it looks like
 *
 *     { "schemaVersion": 2, "connections": [ { "id": "…", "name": "…", … } ] }
 *
 * Every change is a read-modify-write under a lock that other processes respect, so two processes
 * saving at once never lose each other's changes; reads notice a file another process rewrote.
 * Writes are atomic (a temporary file renamed over the old one) and private (0600).
 *
 * A file that is empty, not JSON or not a JSON object is moved aside to
 * `<name>.json.unreadable-<time>`; one that fails the schema even after migration is copied there
 * before what could be kept is written. Both are reported as a `SettingsIssue`: the app starts with
 * what could be kept rather than losing it silently or refusing to start. A file written by a newer
 * version (a higher `schemaVersion`) is never rewritten: it opens read-only and says so.
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmdirSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import type { z } from 'zod'
import type { SettingsIssue } from '../../shared/api'
import { AppError } from '../../shared/result'

/** Upgrades a document from `from` to `from + 1`. */
export type Migration = (document: Record<string, unknown>) => Record<string, unknown>

export interface SettingsFileOptions<T> {
  dir: string
  name: string
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
  /** The document as it is on disk now (read again when another process has changed it). */
  read(): T
  /** Applies `change` to the latest document under the cross-process lock and writes the result. */
  update(change: (current: T) => T): T
  readonly issues: SettingsIssue[]
  /** Why the file must not be written (it comes from a newer version), or undefined. */
  readonly readOnlyReason: string | undefined
}

/** A lock left by a process that died is taken over after this long; real holds last milliseconds. */
const STALE_LOCK_MS = 10_000
const LOCK_WAIT_MS = 15_000
const sleeper = new Int32Array(new SharedArrayBuffer(4))

/** Runs `work` while holding `lockPath` (a directory: creating one is atomic on every platform). */
export function withFileLock<R>(lockPath: string, work: () => R): R {
  const started = Date.now()
  for (;;) {
    try {
      mkdirSync(lockPath, { mode: 0o700 })
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const age = (() => {
      try {
        return Date.now() - statSync(lockPath).mtimeMs
      } catch {
        return 0 // released meanwhile: try again at once
      }
    })()
    if (age > STALE_LOCK_MS) {
      try {
        rmdirSync(lockPath)
      } catch {
        // another process took it over first
      }
      continue
    }
    if (Date.now() - started > LOCK_WAIT_MS) {
      throw new AppError('conflict', `Another Daemon Doctor process has held ${lockPath} for more than ${LOCK_WAIT_MS / 1000} s: try again`)
    }
    Atomics.wait(sleeper, 0, 0, 2 + Math.random() * 8)
  }
  try {
    return work()
  } finally {
    rmdirSync(lockPath)
  }
}

/** Writes `text` to a temporary file beside `path`, flushes it and renames it over `path`. */
export function writeFileAtomic(path: string, text: string): void {
  const temporary = `${path}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`
  const handle = openSync(temporary, 'w', 0o600)
  try {
    writeSync(handle, text)
    fsyncSync(handle)
  } finally {
    closeSync(handle)
  }
  renameSync(temporary, path)
}

type Parsed = { kind: 'missing' } | { kind: 'unreadable'; reason: string } | { kind: 'document'; raw: Record<string, unknown> }

function parseFile(path: string): Parsed {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' }
    throw error
  }
  // A byte-order mark (an editor on Windows) is not corruption: read past it.
  text = text.replace(/^\uFEFF/, '')
  if (!text.trim()) return { kind: 'unreadable', reason: 'is empty' }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    return { kind: 'unreadable', reason: `is not valid JSON (${(error as Error).message})` }
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { kind: 'unreadable', reason: 'is JSON but not an object' }
  return { kind: 'document', raw: raw as Record<string, unknown> }
}

function fileStamp(path: string): string | undefined {
  try {
    const info = statSync(path)
    return `${info.ino}:${info.size}:${info.mtimeMs}`
  } catch {
    return undefined
  }
}

export function openSettingsFile<T extends object>(options: SettingsFileOptions<T>): SettingsFile<T> {
  const now = options.now ?? (() => new Date())
  const path = join(options.dir, `${options.name}.json`)
  const lockPath = `${path}.lock`
  const issues: SettingsIssue[] = []
  let readOnlyReason: string | undefined
  let value: T = options.defaults()
  let stamp: string | undefined

  mkdirSync(options.dir, { recursive: true, mode: 0o700 })

  const backupName = (): string => {
    const base = `${path}.unreadable-${now().toISOString().replace(/[:.]/g, '-')}`
    let candidate = base
    for (let n = 2; existsSync(candidate); n += 1) candidate = `${base}-${n}`
    return candidate
  }
  const report = (message: string, backupPath?: string): void =>
    void issues.push({ id: `${options.name}-${issues.length + 1}`, file: path, ...(backupPath ? { backupPath } : {}), message })

  const persist = (next: T): void => {
    writeFileAtomic(path, `${JSON.stringify({ ...next, schemaVersion: options.version }, null, '\t')}\n`)
    value = next
    stamp = fileStamp(path)
  }

  /** Reads the file into `value`, repairing what it must; call with the lock held. */
  const load = (): void => {
    const parsed = parseFile(path)
    readOnlyReason = undefined
    if (parsed.kind === 'missing') return persist(options.defaults())
    if (parsed.kind === 'unreadable') {
      const backupPath = backupName()
      renameSync(path, backupPath)
      report(`${path} ${parsed.reason}; it was moved aside and a new empty file was started.`, backupPath)
      return persist(options.defaults())
    }
    const { raw } = parsed
    const version = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 1
    if (version > options.version) {
      readOnlyReason = `${path} was written by a newer Daemon Doctor (settings version ${version}; this one knows ${options.version}): it is shown read-only and left as it is. Update Daemon Doctor to change it.`
      if (!issues.some((issue) => issue.message === readOnlyReason)) report(readOnlyReason)
      const shown = options.schema.safeParse(raw)
      value = shown.success ? shown.data : (options.salvage?.(raw) ?? options.defaults())
      stamp = fileStamp(path)
      return
    }
    let migrated: Record<string, unknown> | undefined
    try {
      migrated = migrate(raw, version, options)
    } catch {
      migrated = undefined // a migration that meets a corrupt document: salvage below
    }
    const checked = migrated ? options.schema.safeParse(migrated) : undefined
    if (checked?.success) {
      value = checked.data
      stamp = fileStamp(path)
      if (version !== options.version) persist(value)
      return
    }
    const salvaged = options.salvage?.(raw)
    const backupPath = backupName()
    copyFileSync(path, backupPath)
    const kept = salvaged ? 'the entries that could be read were kept' : 'a new empty file was started'
    report(`${path} does not match the expected format; ${kept}.`, backupPath)
    persist(salvaged ?? options.defaults())
  }

  withFileLock(lockPath, load)

  return {
    path,
    issues,
    get readOnlyReason() {
      return readOnlyReason
    },
    read() {
      if (fileStamp(path) !== stamp) withFileLock(lockPath, load)
      return value
    },
    update(change) {
      return withFileLock(lockPath, () => {
        if (fileStamp(path) !== stamp) load()
        if (readOnlyReason) throw new AppError('read-only', readOnlyReason)
        persist(change(value))
        return value
      })
    }
  }
}

function migrate<T>(raw: Record<string, unknown>, from: number, options: SettingsFileOptions<T>): Record<string, unknown> {
  let document = { ...raw }
  let version = from
  while (version < options.version) {
    const step = options.migrations[version]
    if (!step) break
    document = step(document)
    version += 1
  }
  document.schemaVersion = version
  return document
}
