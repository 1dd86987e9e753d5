import type { ActionReport } from '../../../../shared/models/daemon'
import { clockTime } from '../../lib/time'
import { StatusPill } from '../restart/ActionParts'
import { OUTCOME } from '../restart/BeforeAfter'
import { connectorCount } from '../../../../shared/troubleshooting/failure-groups'
import { refreshLabel, refreshMovedSeconds } from './refresh-scope'

/** The outcome: each connector's lastRefreshTime before → after, and any that failed during the refresh. */
export function RefreshResult({ report }: { report: ActionReport }): React.JSX.Element {
  const failedDuring = report.connectors.filter((entry) => entry.outcome === 'now-failing' || entry.outcome === 'failing-new-error')
  const moved = report.connectors.filter((entry) => (refreshMovedSeconds(entry.beforeRefreshTime, entry.afterRefreshTime) ?? 0) > 0)
  const seconds = Math.max(0, Math.round((Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 1000))
  const ok = failedDuring.length === 0 && report.calls.every((entry) => entry.ok)
  return (
    <section className={`action-result ${ok ? 'result-ok' : 'result-partial'}`} aria-label="Refresh outcome">
      <p className="result-summary">
        <span aria-hidden="true">{ok ? '✔ ' : '⚠ '}</span>
        <strong>
          {moved.length} of {connectorCount(report.connectors.length)} refreshed
          {failedDuring.length > 0 ? `; ${failedDuring.length} failed during the refresh` : ''}.
        </strong>{' '}
        <span className="muted small">
          Took {seconds} s; finished {clockTime(report.finishedAt)}. Refresh times are the daemon’s own clock.
        </span>
      </p>
      {report.calls
        .filter((entry) => !entry.ok)
        .map((entry) => (
          <p key={entry.call} className="action-failed-calls">
            <span aria-hidden="true">✖ </span>
            <code>{entry.call}</code>: {entry.error}
          </p>
        ))}
      <table className="refresh-table refresh-outcome">
        <thead>
          <tr>
            <th scope="col">Connector</th>
            <th scope="col">Last refresh before</th>
            <th scope="col" aria-label="moved to" />
            <th scope="col">Last refresh after</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {report.connectors.map((entry) => {
            const delta = refreshMovedSeconds(entry.beforeRefreshTime, entry.afterRefreshTime)
            const didMove = (delta ?? 0) > 0
            const failedNow = entry.outcome === 'now-failing' || entry.outcome === 'failing-new-error'
            const outcome = OUTCOME[entry.outcome]
            return (
              <tr key={entry.name} className={failedNow ? 'failed-during' : undefined} data-moved={didMove}>
                <th scope="row">{entry.name}</th>
                <td>
                  <time dateTime={entry.beforeRefreshTime}>{refreshLabel(entry.beforeRefreshTime)}</time>
                </td>
                <td className={`moved-arrow ${didMove ? 'act-tone-ok' : 'act-tone-warn'}`} aria-hidden="true">
                  →
                </td>
                <td className={didMove ? 'time-moved' : 'time-still'}>
                  <time dateTime={entry.afterRefreshTime}>{refreshLabel(entry.afterRefreshTime)}</time>{' '}
                  <span className="small">
                    {didMove ? (
                      <>
                        <span aria-hidden="true">✔ </span>
                        {delta === Number.POSITIVE_INFINITY ? 'first refresh' : `moved ${delta} s on`}
                      </>
                    ) : (
                      <>
                        <span aria-hidden="true">⚠ </span>did not move
                      </>
                    )}
                  </span>
                </td>
                <td>
                  <StatusPill status={entry.after} />{' '}
                  {failedNow && (
                    <span className={`ba-outcome act-tone-${outcome.tone}`}>
                      <span aria-hidden="true">{outcome.icon}</span> {outcome.label}
                    </span>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {failedDuring.map((entry) => (
        <p key={entry.name} className="callout error">
          <span aria-hidden="true">✖</span>
          {entry.verdict}
        </p>
      ))}
    </section>
  )
}
