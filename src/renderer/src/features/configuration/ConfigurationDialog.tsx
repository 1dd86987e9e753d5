/**
 * A connector's configuration from the daemon's own API (4.1+), and its correction: endpoint address
 * (5.0+) or properties, with the diff, the confirmation and the verified outcome before and after.
 */
import { useId } from 'react'
import type { ActionReport } from '../../../../shared/models/daemon'
import type { AppErrorData } from '../../../../shared/result'
import { useModalDialog } from '../../components/use-modal-dialog'
import { clockTime } from '../../lib/time'
import { useAppStore } from '../../store'
import { ConfigurationChangeForm } from './ConfigurationChangeForm'
import { ConfigurationFacts } from './ConfigurationFacts'
import { DiffTable } from './DiffTable'
import './configuration.css'

export function ConfigurationDialog({ connectionId }: { connectionId: string }): React.JSX.Element | null {
  const view = useAppStore((state) => state.configurations[connectionId])
  const connection = useAppStore((state) => state.connections.find((candidate) => candidate.id === connectionId))
  const close = useAppStore((state) => state.closeConfiguration)
  const change = useAppStore((state) => state.changeConfiguration)
  const titleId = useId()
  const { dialog, trapFocus } = useModalDialog('button.cancel')
  if (!view?.connector || !connection) return null
  const connector = view.connector
  return (
    <dialog
      ref={dialog}
      className={`confirm-dialog configuration-dialog env-top-${connection.environment}`}
      aria-labelledby={titleId}
      aria-modal="true"
      onKeyDown={trapFocus}
      onCancel={(event) => {
        event.preventDefault()
        close(connectionId)
      }}
    >
      <h2 id={titleId}>Configuration of {connector}</h2>
      <p className="muted small">
        As the daemon <code>{connection.serverName}</code> reports it now{view.configuration ? `, read ${clockTime(view.configuration.readAt)}` : ''}.
      </p>
      {view.loading && <p className="muted">Reading the configuration…</p>}
      {view.error && <ReadProblem error={view.error} />}
      {view.configuration && <ConfigurationFacts configuration={view.configuration} />}
      {view.lastChange && <ChangeOutcome report={view.lastChange} />}
      {view.changeError && (
        <p className="callout error" role="alert">
          <span aria-hidden="true">✖ </span>
          Nothing was changed: {view.changeError.message}
        </p>
      )}
      {view.configuration && (
        <ConfigurationChangeForm
          key={view.configuration.readAt}
          connection={connection}
          configuration={view.configuration}
          busy={view.changing}
          onChange={(requested) => void change(connectionId, { connector, change: requested })}
        />
      )}
      <div className="form-actions">
        <button type="button" className="cancel" onClick={() => close(connectionId)}>
          Close
        </button>
      </div>
    </dialog>
  )
}

/** Why there is no configuration to show: a limit of the daemon's Egeria version is information (with what to do instead), anything else an error. */
function ReadProblem({ error }: { error: AppErrorData }): React.JSX.Element {
  if (error.code === 'unsupported') {
    return (
      <p className="callout info" role="status">
        <span aria-hidden="true">ℹ </span>
        <strong>Not available on this version:</strong> {error.message}.
      </p>
    )
  }
  return (
    <p className="callout error" role="alert">
      <span aria-hidden="true">✖ </span>
      {error.message}
    </p>
  )
}

function ChangeOutcome({ report }: { report: ActionReport }): React.JSX.Element {
  const record = report.configuration
  return (
    <section className={`callout ${report.success ? 'success' : 'error'}`} aria-label="Configuration change outcome" role="status">
      <p>
        <strong>
          <span aria-hidden="true">{report.success ? '✔ ' : '✖ '}</span>
          {report.summary}
        </strong>
      </p>
      {record && record.readBack.length > 0 && <DiffTable lines={record.readBack} caption="Read back from the daemon after the change" afterLabel="After" />}
      {report.connectors.map((outcome) => (
        <p key={outcome.name} className="small">
          Status: {outcome.before ?? 'absent'} → {outcome.after ?? 'absent'}
        </p>
      ))}
    </section>
  )
}
