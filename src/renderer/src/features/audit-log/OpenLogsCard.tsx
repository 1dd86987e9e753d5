import { useAppStore } from '../../store'
import './audit-log.css'

/** The home screen's way into offline inspection: no connection needed. */
export function OpenLogsCard(): React.JSX.Element {
  const navigate = useAppStore((state) => state.navigate)
  return (
    <section className="open-logs-card" aria-labelledby="open-logs-heading">
      <div>
        <h2 id="open-logs-heading">
          <span aria-hidden="true">▤ </span>Open log files
        </h2>
        <p className="muted">
          Inspect audit logs offline — files sent by a colleague, a .gz archive, or text pasted from a terminal. Several files are merged by
          time.
        </p>
      </div>
      <button type="button" onClick={() => navigate({ kind: 'logs' })}>
        Open log files
      </button>
    </section>
  )
}
