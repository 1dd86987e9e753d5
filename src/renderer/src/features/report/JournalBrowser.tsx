import { useEffect, useMemo, useState } from 'react'
import { ACTION_LABELS, describeScope } from '../../../../shared/models/daemon'
import { dateTime } from '../../lib/time'
import { useAppStore } from '../../store'
import { JournalEntryDetails } from './JournalEntryDetails'
import { JournalFilterBar } from './JournalFilterBar'
import { DEFAULT_JOURNAL_FILTERS, entryKey, filterJournal, type JournalFilters } from './journal-view'

/** Every restart, refresh and configuration change recorded, newest first, each with its connectors before → after. */
export function JournalBrowser({ connectionId }: { connectionId: string }): React.JSX.Element {
  const connection = useAppStore((state) => state.connections.find((candidate) => candidate.id === connectionId))
  const journal = useAppStore((state) => state.journal)
  const loadJournal = useAppStore((state) => state.loadJournal)
  const exportJournal = useAppStore((state) => state.exportJournal)
  const [filters, setFilters] = useState<JournalFilters>(DEFAULT_JOURNAL_FILTERS)
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set())

  useEffect(() => {
    void loadJournal()
  }, [loadJournal])

  const entries = useMemo(
    () => (connection ? filterJournal(journal.entries, filters, connection) : []),
    [journal.entries, filters, connection]
  )
  const filtered = filters.connection !== 'all' || filters.action !== 'any' || filters.outcome !== 'any'
  const toggle = (key: string): void =>
    setExpanded((current) => {
      const next = new Set(current)
      if (!next.delete(key)) next.add(key)
      return next
    })

  return (
    <section className="report-section journal" aria-labelledby="journal-heading">
      <div className="report-header">
        <div>
          <h3 id="journal-heading">Action journal</h3>
          <p className="muted">Every restart, refresh and configuration change Daemon Doctor ran, with each connector’s status before and after.</p>
        </div>
        <div className="toolbar">
          <button type="button" onClick={() => void loadJournal()} disabled={journal.loading}>
            <span aria-hidden="true">↻ </span>
            {journal.loading ? 'Reading…' : 'Reload'}
          </button>
          <button type="button" onClick={() => void exportJournal()} disabled={journal.entries.length === 0}>
            Export journal
          </button>
        </div>
      </div>

      <JournalFilterBar filters={filters} onChange={setFilters} shown={journal.loaded ? `${entries.length} of ${journal.entries.length} entries` : ''} />

      {journal.error && (
        <p className="callout error" role="alert">
          <span aria-hidden="true">✖ </span>
          The journal could not be read: {journal.error.message}
          <button type="button" onClick={() => void loadJournal()}>
            Try again
          </button>
        </p>
      )}
      {journal.unreadableLines > 0 && (
        <p className="callout warning">
          <span aria-hidden="true">⚠ </span>
          {journal.unreadableLines} journal line{journal.unreadableLines === 1 ? '' : 's'} could not be read (an interrupted write) and
          {journal.unreadableLines === 1 ? ' is' : ' are'} left out here; the file keeps {journal.unreadableLines === 1 ? 'it' : 'them'}.
        </p>
      )}

      {journal.loaded && !journal.error && journal.entries.length === 0 && (
        <div className="empty-state">
          <p>
            <strong>No actions recorded yet.</strong>
          </p>
          <p>Restarts (step 3) and refreshes (step 4) are recorded here with each connector’s status before and after.</p>
        </div>
      )}
      {journal.entries.length > 0 && entries.length === 0 && (
        <div className="empty-state">
          <p>No journal entry matches these filters{filters.connection === 'this' ? ' for this connection' : ''}.</p>
          {filtered && (
            <button type="button" onClick={() => setFilters({ connection: 'all', action: 'any', outcome: 'any' })}>
              Show every entry
            </button>
          )}
        </div>
      )}

      {entries.length > 0 && (
        <ol className="journal-list">
          {entries.map((entry, index) => {
            const key = entryKey(entry, index)
            const open = expanded.has(key)
            return (
              <li key={key} className={`journal-entry ${entry.outcome.success ? 'entry-ok' : 'entry-problem'}`}>
                <button type="button" className="journal-entry-head" aria-expanded={open} aria-controls={`journal-${index}`} onClick={() => toggle(key)}>
                  <span className="chevron" aria-hidden="true">
                    {open ? '▾' : '▸'}
                  </span>
                  <time dateTime={entry.time}>{dateTime(entry.time)}</time>
                  <span className="journal-title">
                    <strong>{ACTION_LABELS[entry.action]}</strong> of {describeScope(entry.scope)}
                    {filters.connection === 'all' && <span className="muted"> on {entry.connection.name ?? entry.connection.server}</span>}
                  </span>
                  <OutcomeBadge success={entry.outcome.success} />
                </button>
                {open && <JournalEntryDetails id={`journal-${index}`} entry={entry} />}
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}

function OutcomeBadge({ success }: { success: boolean }): React.JSX.Element {
  return (
    <span className={`tone-badge ${success ? 'tone-ok' : 'tone-err'}`}>
      <span aria-hidden="true">{success ? '✔' : '✖'}</span> {success ? 'Succeeded' : 'Not fully successful'}
    </span>
  )
}
