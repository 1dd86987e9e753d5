import { ACTION_LABELS, type RecordedAction } from '../../../../shared/models/daemon'
import type { JournalFilters } from './journal-view'

interface Props {
  filters: JournalFilters
  onChange(filters: JournalFilters): void
  /** How many entries the filters let through, for example "2 of 3 entries". */
  shown: string
}

/** The journal's filters: this connection or all, the action, the outcome. */
export function JournalFilterBar({ filters, onChange, shown }: Props): React.JSX.Element {
  return (
    <div className="journal-filters" role="group" aria-label="Filter the journal">
      <label>
        Connection
        <select value={filters.connection} onChange={(event) => onChange({ ...filters, connection: event.target.value as JournalFilters['connection'] })}>
          <option value="this">This connection</option>
          <option value="all">All connections</option>
        </select>
      </label>
      <label>
        Action
        <select value={filters.action} onChange={(event) => onChange({ ...filters, action: event.target.value as JournalFilters['action'] })}>
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
        <select value={filters.outcome} onChange={(event) => onChange({ ...filters, outcome: event.target.value as JournalFilters['outcome'] })}>
          <option value="any">Any outcome</option>
          <option value="success">Succeeded</option>
          <option value="problem">Not fully successful</option>
        </select>
      </label>
      <span className="muted" aria-live="polite">
        {shown}
      </span>
    </div>
  )
}
