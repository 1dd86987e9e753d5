import { useAppStore } from '../../store'
import type { LogView } from '../../store/logs-slice'
import { CausesPanel } from './CausesPanel'
import { LogViewer } from './LogViewer'
import { RecordDetails } from './RecordDetails'
import { SeverityTimeline } from './SeverityTimeline'
import './audit-log.css'

/**
 * One opened log, causes first: what is failing and what to do, then when it started (timeline),
 * then the records themselves with the selected line explained beside them.
 */
export function LogWorkspace({ owner, view, egeriaMajor, onOpenOther }: { owner: string; view: LogView; egeriaMajor?: number; onOpenOther?: () => void }): React.JSX.Element {
  const setFollowing = useAppStore((state) => state.setLogFollowing)
  const session = view.session!
  const report = session.report
  const destination = view.source?.kind === 'destination' ? view.source.destination : undefined
  const live = view.source?.kind === 'live' || destination !== undefined
  const title = destination ? (destination.kind === 'postgres' ? 'Audit database' : 'Audit topic') : live ? 'Live audit log' : 'Log'
  const unparsed = report.unparsedLines
  return (
    <div className="log-workspace">
      <div className="source-bar">
        <div className="source-name">
          <span aria-hidden="true">{live ? '◉ ' : '▤ '}</span>
          <strong>{title}</strong> <code title={session.name}>{session.name}</code>
          <span className="muted">
            {' '}
            · {report.records.toLocaleString()} record{report.records === 1 ? '' : 's'}{report.servers.length > 0 && ` from ${report.servers.join(', ')}`}
          </span>
        </div>
        <div className="source-actions">
          {live && (
            <>
              <span className={`follow-state ${session.following ? 'following' : 'paused'}`} role="status">
                <span aria-hidden="true">{session.following ? '● ' : '❚❚ '}</span>
                {session.following
                  ? `Following: new ${destination ? 'records appear as Egeria writes them' : 'lines appear as the daemon writes them'}`
                  : `Paused: new ${destination ? 'records' : 'lines'} are not read`}
              </span>
              <button type="button" aria-pressed={!session.following} onClick={() => void setFollowing(owner, !session.following)}>
                {session.following ? 'Pause' : 'Resume following'}
              </button>
            </>
          )}
          {onOpenOther && (
            <button type="button" onClick={onOpenOther}>
              Open other logs…
            </button>
          )}
        </div>
      </div>
      {session.problem && (
        <p className="callout warning" role="alert">
          <span aria-hidden="true">⚠ </span>
          {session.problem}
        </p>
      )}
      {report.inputs.flatMap((input) => input.notes ?? []).map((note) => (
        <p key={note} className="callout info">
          <span aria-hidden="true">ℹ </span>
          {note}
        </p>
      ))}
      {unparsed > 0 && (
        <p className="callout info">
          <span aria-hidden="true">ℹ </span>
          {unparsed.toLocaleString()} {destination ? `event${unparsed === 1 ? '' : 's'} did not hold audit records and ${unparsed === 1 ? 'was' : 'were'} skipped` : `line${unparsed === 1 ? ' did not look like an audit record and was kept as a plain line' : 's did not look like audit records and were kept as plain lines'}`}.
        </p>
      )}
      <CausesPanel owner={owner} report={report} />
      {view.pins.length > 0 && (
        <p className="pins-note">
          <span aria-hidden="true">★ </span>
          {view.pins.length} line{view.pins.length === 1 ? '' : 's'} pinned as evidence
          {owner !== 'offline' && ': they go into the incident report'}.
        </p>
      )}
      <SeverityTimeline owner={owner} />
      <div className="viewer-and-details">
        <LogViewer owner={owner} view={view} />
        <RecordDetails owner={owner} egeriaMajor={egeriaMajor} />
      </div>
    </div>
  )
}
