/** Pieces both action steps (restart and refresh) use: status pill, progress, errors, elapsed time. */
import type { ActionKind } from '../../../../shared/models/daemon'
import type { AppErrorData } from '../../../../shared/result'
import { useNow } from '../../lib/use-now'
import { useAppStore } from '../../store'
import type { RunningAction } from '../../store/actions-slice'
import { categoryOf } from '../status/status-view'
import './actions.css'

const CATEGORY_ICON = { failed: '✖', healthy: '✔', other: '◌' } as const

export function StatusPill({ status }: { status?: string }): React.JSX.Element {
  if (!status) {
    return (
      <span className="status-pill status-other">
        <span aria-hidden="true">–</span> absent
      </span>
    )
  }
  const category = categoryOf(status)
  return (
    <span className={`status-pill status-${category}`}>
      <span aria-hidden="true">{CATEGORY_ICON[category]}</span> {status}
    </span>
  )
}

export function formatElapsed(seconds: number): string {
  const minutes = Math.floor(seconds / 60)
  return minutes > 0 ? `${minutes} min ${String(seconds % 60).padStart(2, '0')} s` : `${seconds} s`
}

const PHASE_LABEL = {
  before: 'Reading the status before the action',
  calling: 'Calling the daemon',
  waiting: 'Waiting for the connectors to settle',
  after: 'Reading the status after',
  done: 'Done'
} as const

/** The running action of a connection: phase, progress bar, elapsed time and Stop waiting. */
export function ActionProgressPanel({ connectionId, kind }: { connectionId: string; kind: ActionKind }): React.JSX.Element | null {
  const running = useAppStore((state) => state.actions[connectionId]?.running)
  if (!running || running.kind !== kind) return null
  return <RunningProgress connectionId={connectionId} running={running} />
}

function RunningProgress({ connectionId, running }: { connectionId: string; running: RunningAction }): React.JSX.Element {
  const stopWaiting = useAppStore((state) => state.stopWaiting)
  const elapsed = Math.max(0, Math.floor((useNow(1_000) - running.startedAt) / 1_000))
  const kind = running.kind
  const progress = running.progress
  const total = progress?.total
  const done = progress?.done
  const verb = kind === 'restart' ? 'Restarting' : 'Refreshing'
  return (
    <section className="action-progress" aria-label={`${verb} in progress`} aria-busy="true">
      <div className="action-progress-head">
        <span className="spinner" aria-hidden="true" />
        <strong>
          {verb} {running.names.length > 0 ? `${running.names.length} connector${running.names.length === 1 ? '' : 's'}` : 'connectors'}
        </strong>
        <span className="muted elapsed">elapsed {formatElapsed(elapsed)}</span>
        <button type="button" onClick={() => void stopWaiting(connectionId)} disabled={running.stopping}>
          {running.stopping ? 'Stopping…' : 'Stop waiting'}
        </button>
      </div>
      <progress
        className="action-bar"
        aria-label={`${verb} progress`}
        {...(total ? { value: progress?.phase === 'waiting' || progress?.phase === 'done' ? total : (done ?? 0), max: total } : {})}
      />
      <p className="action-phase" role="status" aria-live="polite">
        {progress ? (
          <>
            <strong>{PHASE_LABEL[progress.phase]}</strong>
            {total ? ` (${Math.min(done ?? 0, total)} of ${total} call${total === 1 ? '' : 's'} sent)` : ''}
            {progress.message !== PHASE_LABEL[progress.phase] && `: ${progress.message}`}
          </>
        ) : (
          'Starting…'
        )}
      </p>
      {running.stopping && (
        <p className="muted small">
          Daemon Doctor stops waiting; the daemon may still carry on with what it was asked. The outcome below shows what was seen so far.
        </p>
      )}
    </section>
  )
}

/** What to do about an action that failed to run, by error kind. */
export function errorAdvice(error: AppErrorData): string {
  switch (error.code) {
    case 'unauthorized':
      return 'The platform refused the credentials: edit the connection’s user ID and password, then try again.'
    case 'timeout':
      return 'The daemon did not answer in time. It may be busy: check the Status step, then try again; nothing was retried automatically.'
    case 'unavailable':
      return 'The daemon could not be reached. Use “Check the connection” in the Status step to see where the chain breaks, then try again.'
    case 'read-only':
      return 'This connection is read-only. Edit the connection to allow actions if you are entitled to change this daemon.'
    case 'invalid-input':
      return 'The daemon’s connectors changed since the proposal was made: read the status again and review the proposal.'
    case 'busy':
      return 'Another action runs on this daemon: wait for it to finish.'
    default:
      return 'Try again; if it keeps failing, check the Status step.'
  }
}

export function ActionErrorCallout({ connectionId, kind }: { connectionId: string; kind: ActionKind }): React.JSX.Element | null {
  const failure = useAppStore((state) => state.actions[connectionId]?.error)
  const dismiss = useAppStore((state) => state.dismissActionError)
  if (!failure || failure.kind !== kind) return null
  return (
    <div className="callout error action-error" role="alert">
      <span aria-hidden="true">✖</span>
      <div>
        <strong>The {kind} did not run: </strong>
        {failure.error.message}
        <div>{errorAdvice(failure.error)}</div>
      </div>
      <button type="button" onClick={() => dismiss(connectionId)}>
        Dismiss
      </button>
    </div>
  )
}
