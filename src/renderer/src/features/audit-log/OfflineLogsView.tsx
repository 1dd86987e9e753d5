import { useAppStore } from '../../store'
import { OFFLINE_LOG } from '../../store/logs-slice'
import { LogOpeningProgress } from './LogOpeningProgress'
import { LogSourcePicker } from './LogSourcePicker'
import { LogWorkspace } from './LogWorkspace'
import { sentence } from './log-view'
import './audit-log.css'

/** Offline inspection: log files, pasted text or Egeria's audit database or topic, with no connection; the same tools as step 1. */
export function OfflineLogsView(): React.JSX.Element {
  const view = useAppStore((state) => state.logs[OFFLINE_LOG])
  const closeLog = useAppStore((state) => state.closeLog)
  const navigate = useAppStore((state) => state.navigate)
  return (
    <section className="screen wide" aria-labelledby="offline-logs-heading">
      <header className="screen-header">
        <div>
          <h1 id="offline-logs-heading">Log files</h1>
          <p className="muted">
            Read an integration daemon’s audit log without connecting to it: what failed, why, and what to do.
          </p>
        </div>
        <div className="toolbar">
          {view?.session && (
            <button type="button" onClick={() => void closeLog(OFFLINE_LOG)}>
              Close this log
            </button>
          )}
          <button type="button" onClick={() => navigate({ kind: 'home' })}>
            Back to connections
          </button>
        </div>
      </header>
      {view?.error && (
        <p className="callout error offline-error" role="alert">
          <span aria-hidden="true">✖ </span>
          {sentence(view.error.message)}
          {view.errorSource !== 'destination' && ' Check the path and that Daemon Doctor may read it, or choose or drop the file instead.'}
        </p>
      )}
      {view?.session ? (
        <div className="step-panel">
          <LogWorkspace owner={OFFLINE_LOG} view={view} />
        </div>
      ) : view?.opening ? (
        <LogOpeningProgress owner={OFFLINE_LOG} what="the log" />
      ) : (
        <LogSourcePicker owner={OFFLINE_LOG} />
      )}
    </section>
  )
}
