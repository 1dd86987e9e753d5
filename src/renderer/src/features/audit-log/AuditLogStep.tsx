import { useEffect, useState } from 'react'
import { useAppStore } from '../../store'
import { LogOpeningProgress } from './LogOpeningProgress'
import { LogSourcePicker } from './LogSourcePicker'
import { LogWorkspace } from './LogWorkspace'
import { sentence } from './log-view'
import './audit-log.css'

/**
 * Step 1: the connection's audit log file, opened and followed live, causes first. Without a file
 * (or to look at other logs) the operator opens files or pastes text instead.
 */
export function AuditLogStep({ connectionId }: { connectionId: string }): React.JSX.Element {
  const connection = useAppStore((state) => state.connections.find((c) => c.id === connectionId))
  const view = useAppStore((state) => state.logs[connectionId])
  const egeriaMajor = useAppStore((state) => state.daemons[connectionId]?.status?.egeria)
  const openConnectionLog = useAppStore((state) => state.openConnectionLog)
  const navigate = useAppStore((state) => state.navigate)
  const [pickingOver, setPickingOver] = useState<string>()
  const path = connection?.auditLogPath

  const openConnectionDestination = useAppStore((state) => state.openConnectionDestination)
  const destination = connection?.auditDestination
  useEffect(() => {
    if (path) void openConnectionLog(connectionId, path)
    else if (destination) void openConnectionDestination(connectionId, destination)
  }, [connectionId, path, destination, openConnectionLog, openConnectionDestination])

  const session = view?.session
  // The picker belongs to the log it was opened over: once another log replaces that one, it has done its job.
  const picking = pickingOver !== undefined && pickingOver === session?.id
  return (
    <div className="audit-log-step">
      {view?.error && (
        <p className="callout error" role="alert">
          <span aria-hidden="true">✖ </span>
          {sentence(view.error.message)}
          {path && view.errorSource === 'live' && ' Check that the file exists and can be read, or open the log another way below.'}
          {path && (
            <button type="button" onClick={() => void openConnectionLog(connectionId, path)}>
              Try again
            </button>
          )}
        </p>
      )}
      {!session && !path && !destination && (
        <div className="callout info">
          <span aria-hidden="true">ℹ </span>
          <span>
            This connection has no audit log file. Set the daemon’s console log in the connection to follow it live here, or open a copy of
            the log below.
          </span>
          <button type="button" onClick={() => navigate({ kind: 'edit-connection', id: connectionId })}>
            Edit the connection
          </button>
        </div>
      )}
      {!session && <LogOpeningProgress owner={connectionId} what={path ? <code>{path}</code> : 'the log'} />}
      {(!session && !view?.opening) || picking ? <LogSourcePicker owner={connectionId} compact={!!session} /> : null}
      {session && path && view?.source?.kind !== 'live' && (
        <p className="callout info">
          <span aria-hidden="true">ℹ </span>
          <span>
            Showing logs you opened, not the daemon’s live audit log <code>{path}</code>.
          </span>
          <button type="button" onClick={() => void openConnectionLog(connectionId, path, true)}>
            Back to the live audit log
          </button>
        </p>
      )}
      {session && view && (
        <LogWorkspace owner={connectionId} view={view} egeriaMajor={egeriaMajor} onOpenOther={() => setPickingOver(picking ? undefined : session.id)} />
      )}
    </div>
  )
}
