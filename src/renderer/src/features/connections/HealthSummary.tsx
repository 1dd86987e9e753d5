import { ageOf } from '../status/status-view'
import { useNow } from '../../lib/use-now'
import { useAppStore } from '../../store'

/**
 * One daemon's health at a glance on Home: counts by status as icon + text, when it was last
 * checked, or why it could not be read. Reading the status is cheap (one GET), so Home reads every
 * saved daemon on arrival and every minute while it is shown.
 */
export function HealthSummary({ connectionId }: { connectionId: string }): React.JSX.Element {
  const view = useAppStore((state) => state.daemons[connectionId])
  const now = useNow(15_000)
  if (!view || (!view.status && !view.error)) {
    return (
      <span className="health muted" aria-live="polite">
        <span aria-hidden="true">◌ </span>
        {view?.loading ? 'Checking status…' : 'Not checked yet'}
      </span>
    )
  }
  const { status, error } = view
  return (
    <span className="health" aria-live="polite">
      {error && (
        <span className="health-error">
          <span aria-hidden="true">✖ </span>Status unavailable: {error.message}
        </span>
      )}
      {status && !error && (
        <>
          {status.counts.failed > 0 && (
            <span className="health-count health-failed">
              <span aria-hidden="true">✖ </span>
              {status.counts.failed} failed
            </span>
          )}
          {status.counts.other > 0 && (
            <span className="health-count health-other">
              <span aria-hidden="true">◐ </span>
              {status.counts.other} other
            </span>
          )}
          {status.counts.healthy > 0 && (
            <span className="health-count health-healthy">
              <span aria-hidden="true">✔ </span>
              {status.counts.healthy} healthy
            </span>
          )}
          <span>
            {status.counts.total} {status.counts.total === 1 ? 'connector' : 'connectors'}
          </span>
        </>
      )}
      {status && (
        <span className="muted" title={status.fetchedAt}>
          checked {ageOf(status.fetchedAt, now)}
          {error ? ' (last good read)' : ''}
        </span>
      )}
    </span>
  )
}
