/** The action journal: append-only JSON lines in the data folder, readable and exportable. */
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { ActionReport, ConnectorState, DaemonStatus, JournalEntry } from '../../../shared/models/daemon'

export const JOURNAL_FILE = 'action-journal.jsonl'

const brief = (status: DaemonStatus | undefined, names: string[]): Pick<ConnectorState, 'name' | 'status' | 'failingMessageId'>[] =>
  (status?.connectors ?? [])
    .filter((connector) => names.includes(connector.name))
    .map(({ name, status: state, failingMessageId }) => (failingMessageId ? { name, status: state, failingMessageId } : { name, status: state }))

/** A journal entry from an action's report; the connection carries no secret by construction. */
export function journalEntry(
  connection: JournalEntry['connection'],
  report: ActionReport,
  before: DaemonStatus,
  after: DaemonStatus | undefined
): JournalEntry {
  const names = report.connectors.length > 0 ? report.connectors.map((entry) => entry.name) : before.connectors.map((entry) => entry.name)
  return {
    time: report.finishedAt,
    connection: { ...connection },
    action: report.action,
    ...(report.configuration ? { configuration: report.configuration } : {}),
    scope: report.scope,
    before: brief(before, names),
    after: brief(after, names),
    outcome: { success: report.success, settle: report.settle, summary: report.summary, calls: report.calls, connectors: report.connectors }
  }
}

export class ActionJournal {
  readonly path: string

  constructor(dataDir: string) {
    this.path = join(dataDir, JOURNAL_FILE)
  }

  append(entry: JournalEntry): void {
    mkdirSync(dirname(this.path), { recursive: true })
    appendFileSync(this.path, `${JSON.stringify(entry)}\n`, 'utf8')
  }

  /** Newest first; lines that do not parse (a torn write) are skipped and counted. */
  list(limit = 500): { entries: JournalEntry[]; unreadableLines: number } {
    let text: string
    try {
      text = readFileSync(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], unreadableLines: 0 }
      throw error
    }
    const entries: JournalEntry[] = []
    let unreadableLines = 0
    for (const line of text.split('\n')) {
      if (!line.trim()) continue
      try {
        entries.push(JSON.parse(line) as JournalEntry)
      } catch {
        unreadableLines += 1
      }
    }
    return { entries: entries.reverse().slice(0, limit), unreadableLines }
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
}
