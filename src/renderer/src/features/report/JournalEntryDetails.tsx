import type { JournalEntry } from '../../../../shared/models/daemon'
import { comparisonRows, outcomeLabel, statusTone, type ComparisonRow } from '../../../../shared/models/report'
import { DiffTable } from '../configuration/DiffTable'

/** An expanded journal entry: its summary, failed calls, a configuration change's diff, and each connector before → after. */
export function JournalEntryDetails({ id, entry }: { id: string; entry: JournalEntry }): React.JSX.Element {
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
      {entry.configuration && (
        <DiffTable
          lines={entry.configuration.diff}
          caption={`Configuration of ${entry.configuration.connector} changed`}
          afterLabel="Asked for"
          readBack={entry.configuration.readBack}
        />
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
