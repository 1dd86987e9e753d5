import { useEffect, useMemo, useState } from 'react'
import { ACTION_LABELS, describeScope, type JournalEntry, type RecordedAction } from '../../../../shared/models/daemon'
import { comparisonRows, outcomeLabel, statusTone, type ComparisonRow } from '../../../../shared/models/report'
import { useAppStore } from '../../store'
import { DEFAULT_JOURNAL_FILTERS, entryKey, filterJournal, type JournalFilters } from './journal-view'
import { dateTime } from '../../lib/time'

/** Every restart and refresh recorded, newest first, each with its connectors before → after. */
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
          <p className="muted">Every restart and refresh Daemon Doctor ran, with each connector’s status before and after.</p>
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

      <div className="journal-filters" role="group" aria-label="Filter the journal">
        <label>
          Connection
          <select value={filters.connection} onChange={(event) => setFilters({ ...filters, connection: event.target.value as JournalFilters['connection'] })}>
            <option value="this">This connection</option>
            <option value="all">All connections</option>
          </select>
        </label>
        <label>
          Action
          <select value={filters.action} onChange={(event) => setFilters({ ...filters, action: event.target.value as JournalFilters['action'] })}>
            <option value="any">Any action</option>
            {(Object.keys(ACTION_LABELS) as RecordedAction[]).map((action) => (
              <option key={action} value={action}>
                {ACTION_LABELS[action]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Outcome
          <select value={filters.outcome} onChange={(event) => setFilters({ ...filters, outcome: event.target.value as JournalFilters['outcome'] })}>
            <option value="any">Any outcome</option>
            <option value="success">Succeeded</option>
            <option value="problem">Not fully successful</option>
          </select>
        </label>
        <span className="muted" aria-live="polite">
          {journal.loaded && `${entries.length} of ${journal.entries.length} entries`}
        </span>
      </div>

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
                {open && <EntryDetails id={`journal-${index}`} entry={entry} />}
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

function EntryDetails({ id, entry }: { id: string; entry: JournalEntry }): React.JSX.Element {
  const rows = comparisonRows(entry)
  const failedCalls = entry.outcome.calls.filter((call) => !call.ok)
  return (
    <div id={id} className="journal-details">
      <p>
        {entry.outcome.summary} <span className="muted">(verification: {entry.outcome.settle})</span>
      </p>
      {failedCalls.length > 0 && (
        <ul className="failed-calls">
          {failedCalls.map((call) => (
            <li key={call.call}>
              <span aria-hidden="true">✖ </span>
              <code>{call.call}</code> failed: {call.error ?? 'no reason given'}
            </li>
          ))}
        </ul>
      )}
      {rows.length === 0 ? (
        <p className="muted">No connector was in scope.</p>
      ) : (
        <table className="comparison">
          <caption className="visually-hidden">Connectors before and after the {entry.action}</caption>
          <thead>
            <tr>
              <th scope="col">Connector</th>
              <th scope="col">Before</th>
              <th scope="col" aria-hidden="true" />
              <th scope="col">After</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.name}>
                <th scope="row">
                  <code>{row.name}</code>
                </th>
                <td>
                  <StateCell state={row.before} />
                </td>
                <td className="arrow" aria-hidden="true">
                  →
                </td>
                <td>
                  <StateCell state={row.after} />
                </td>
                <td>
                  <OutcomeCell row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}

function StateCell({ state }: { state: ComparisonRow['before'] }): React.JSX.Element {
  const tone = statusTone(state?.status)
  return (
    <span className="state-cell">
      <span className={`tone-badge tone-${tone.tone}`}>
        <span aria-hidden="true">{tone.icon}</span> {state?.status ?? 'not reported'}
      </span>
      {state?.messageId && <code className="small">{state.messageId}</code>}
    </span>
  )
}

function OutcomeCell({ row }: { row: ComparisonRow }): React.JSX.Element {
  if (!row.outcome) return <span className="muted">–</span>
  const label = outcomeLabel(row.outcome)
  return (
    <span className="state-cell">
      <span className={`tone-badge tone-${label.tone}`}>
        <span aria-hidden="true">{label.icon}</span> {label.text}
      </span>
      {row.verdict && <span className="small">{row.verdict}</span>}
    </span>
  )
}
