/** The journal browser's filters, kept pure for tests. */
import type { JournalEntry, RecordedAction } from '../../../../shared/models/daemon'
import type { Connection } from '../../../../shared/models/connection'

export interface JournalFilters {
  connection: 'this' | 'all'
  action: RecordedAction | 'any'
  outcome: 'any' | 'success' | 'problem'
}

export const DEFAULT_JOURNAL_FILTERS: JournalFilters = { connection: 'this', action: 'any', outcome: 'any' }

/** Entries written before ids were recorded match on the daemon's address instead. */
export function isEntryFor(entry: JournalEntry, connection: Pick<Connection, 'id' | 'platformUrl' | 'serverName'>): boolean {
  if (entry.connection.id) return entry.connection.id === connection.id
  return entry.connection.platformUrl === connection.platformUrl && entry.connection.server === connection.serverName
}

export function filterJournal(
  entries: readonly JournalEntry[],
  filters: JournalFilters,
  connection: Pick<Connection, 'id' | 'platformUrl' | 'serverName'>
): JournalEntry[] {
  return entries.filter(
    (entry) =>
      (filters.connection === 'all' || isEntryFor(entry, connection)) &&
      (filters.action === 'any' || entry.action === filters.action) &&
      (filters.outcome === 'any' || (filters.outcome === 'success') === entry.outcome.success)
  )
}

/** A stable key for an entry: the journal has no ids, but time + connection + action is unique in practice. */
export function entryKey(entry: JournalEntry, index: number): string {
  return `${entry.time}|${entry.connection.id ?? entry.connection.server}|${entry.action}|${index}`
}
