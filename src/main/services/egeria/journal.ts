/** The action journal: append-only JSON lines in the data folder, readable and exportable. */
import { appendFileSync, closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { ActionReport, ConnectorState, DaemonStatus, JournalEntry } from '../../../shared/models/daemon'

export const JOURNAL_FILE = 'action-journal.jsonl'

const brief = (status: DaemonStatus | undefined, names: string[]): Pick<ConnectorState, 'name' | 'status' | 'failingMessageId'>[] => {
  const wanted = new Set(names)
  return (status?.connectors ?? [])
    .filter((connector) => wanted.has(connector.name))
    .map(({ name, status: state, failingMessageId }) => (failingMessageId ? { name, status: state, failingMessageId } : { name, status: state }))
}

/**
 * Connectors recorded per entry. An action on a whole daemon of 100,000 connectors wrote 28 MB in one
 * line; the entry keeps the first ones and says how many it left out (its summary counts them all).
 */
export const JOURNAL_CONNECTOR_LIMIT = 200

/** A journal entry from an action's report; the connection carries no secret by construction. */
export function journalEntry(
  connection: JournalEntry['connection'],
  report: ActionReport,
  before: DaemonStatus,
  after: DaemonStatus | undefined
): JournalEntry {
  const allNames = report.connectors.length > 0 ? report.connectors.map((entry) => entry.name) : before.connectors.map((entry) => entry.name)
  const names = allNames.slice(0, JOURNAL_CONNECTOR_LIMIT)
  const omitted = allNames.length - names.length + Math.max(0, report.calls.length - JOURNAL_CONNECTOR_LIMIT)
  return {
    time: report.finishedAt,
    connection: { ...connection },
    action: report.action,
    ...(report.configuration ? { configuration: report.configuration } : {}),
    scope: report.scope,
    before: brief(before, names),
    after: brief(after, names),
    outcome: {
      success: report.success,
      settle: report.settle,
      summary: report.summary,
      calls: report.calls.slice(0, JOURNAL_CONNECTOR_LIMIT),
      connectors: report.connectors.slice(0, JOURNAL_CONNECTOR_LIMIT)
    },
    ...(omitted > 0 ? { omitted: { connectors: allNames.length - names.length, calls: Math.max(0, report.calls.length - JOURNAL_CONNECTOR_LIMIT) } } : {})
  }
}

/** The journal moves to `action-journal.1.jsonl` (replacing the older one) when it outgrows this. */
export const JOURNAL_MAX_BYTES = 4 * 1024 * 1024
const READ_CHUNK_BYTES = 64 * 1024

/** The lines of a file from the last to the first, read backwards a chunk at a time (never whole). */
function* linesBackwards(path: string): Generator<string> {
  let handle: number
  try {
    handle = openSync(path, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  try {
    let position = fstatSync(handle).size
    let carry: Buffer = Buffer.alloc(0)
    while (position > 0) {
      const length = Math.min(READ_CHUNK_BYTES, position)
      position -= length
      const chunk = Buffer.alloc(length)
      readSync(handle, chunk, 0, length, position)
      let buffer = Buffer.concat([chunk, carry])
      let end = buffer.length
      for (let index = buffer.lastIndexOf(10, end - 1); index >= 0; index = buffer.lastIndexOf(10, end - 1)) {
        if (end - index > 1) yield buffer.toString('utf8', index + 1, end)
        end = index
        if (end === 0) break
      }
      buffer = buffer.subarray(0, end)
      carry = buffer
    }
    if (carry.length > 0) yield carry.toString('utf8')
  } finally {
    closeSync(handle)
  }
}

export class ActionJournal {
  readonly path: string
  readonly rotatedPath: string
  private readonly maxBytes: number

  constructor(dataDir: string, options: { maxBytes?: number } = {}) {
    this.path = join(dataDir, JOURNAL_FILE)
    this.rotatedPath = join(dataDir, JOURNAL_FILE.replace(/\.jsonl$/, '.1.jsonl'))
    this.maxBytes = options.maxBytes ?? JOURNAL_MAX_BYTES
  }

  append(entry: JournalEntry): void {
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 })
    const line = `${JSON.stringify(entry)}\n`
    const size = this.size()
    if (size > 0 && size + line.length > this.maxBytes) renameSync(this.path, this.rotatedPath)
    // A torn last line (a crash mid-write) must not swallow this entry: start it on a line of its own.
    appendFileSync(this.path, this.endsTorn() ? `\n${line}` : line, { encoding: 'utf8', mode: 0o600 })
  }

  /** Newest first, reading backwards only as far as needed; lines that do not parse are skipped and counted. */
  list(limit = 500): { entries: JournalEntry[]; unreadableLines: number } {
    const entries: JournalEntry[] = []
    let unreadableLines = 0
    for (const path of [this.path, this.rotatedPath]) {
      for (const line of linesBackwards(path)) {
        if (entries.length >= limit) return { entries, unreadableLines }
        if (!line.trim()) continue
        try {
          entries.push(JSON.parse(line) as JournalEntry)
        } catch {
          unreadableLines += 1
        }
      }
    }
    return { entries, unreadableLines }
  }

  /** The whole journal as a file the operator can save. */
  export(now = new Date()): { fileName: string; text: string; count: number } {
    const { entries } = this.list(Number.MAX_SAFE_INTEGER)
    return {
      fileName: `daemon-doctor-journal-${now.toISOString().slice(0, 19).replace(/[:T]/g, '-')}.jsonl`,
      text: entries
        .reverse()
        .map((entry) => JSON.stringify(entry))
        .join('\n')
        .concat(entries.length ? '\n' : ''),
      count: entries.length
    }
  }

  private size(): number {
    try {
      return statSync(this.path).size
    } catch {
      return 0
    }
  }

  private endsTorn(): boolean {
    const size = this.size()
    if (size === 0) return false
    const handle = openSync(this.path, 'r')
    try {
      const last = Buffer.alloc(1)
      readSync(handle, last, 0, 1, size - 1)
      return last[0] !== 10
    } finally {
      closeSync(handle)
    }
  }
}
