/**
 * The confirmation of a restart or refresh: a modal dialog naming the daemon, the environment and
 * the connectors. Production connections, "all" and a restart of the daemon itself need the daemon's
 * server name typed.
 */
import { useId, useState } from 'react'
import type { Connection } from '../../../../shared/models/connection'
import type { ActionKind } from '../../../../shared/models/daemon'
import { EnvironmentBadge } from '../../components/Badges'
import { useModalDialog } from '../../components/use-modal-dialog'

export interface ConfirmActionProps {
  connection: Connection
  kind: ActionKind
  /** Connector names in scope; empty with `scopeAll` or `wholeDaemon`. */
  connectors: string[]
  scopeAll?: boolean
  /** The daemon itself is stopped and started again. */
  wholeDaemon?: boolean
  /** What the operator should know before confirming (cost, what happens next). */
  consequence: string
  onConfirm(): void
  onCancel(): void
}

export function mustTypeName(connection: Connection, scopeAll: boolean): boolean {
  return connection.environment === 'prod' || scopeAll
}

export function ConfirmActionDialog(props: ConfirmActionProps): React.JSX.Element {
  const { connection, kind, connectors, scopeAll = false, wholeDaemon = false, consequence, onConfirm, onCancel } = props
  const [typed, setTyped] = useState('')
  const titleId = useId()
  const typedId = useId()
  const typing = mustTypeName(connection, scopeAll || wholeDaemon)
  const { dialog, trapFocus } = useModalDialog(typing ? 'input' : 'button.cancel')
  const allowed = !typing || typed.trim() === connection.serverName
  const verb = kind === 'restart' ? 'Restart' : 'Refresh'
  const what = wholeDaemon ? 'the daemon' : scopeAll ? 'all connectors' : `${connectors.length} connector${connectors.length === 1 ? '' : 's'}`

  return (
    <dialog
      ref={dialog}
      className={`confirm-dialog env-top-${connection.environment}`}
      aria-labelledby={titleId}
      aria-modal="true"
      onKeyDown={trapFocus}
      onCancel={(event) => {
        // Escape: the state decides whether the dialog shows, so close through it.
        event.preventDefault()
        onCancel()
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault()
          if (allowed) onConfirm()
        }}
      >
        <h2 id={titleId}>
          {verb} {what} on {connection.serverName}?
        </h2>
        <dl className="confirm-facts">
          <dt>Daemon</dt>
          <dd>
            <code>{connection.serverName}</code> on <code>{connection.platformUrl}</code>
          </dd>
          <dt>Connection</dt>
          <dd>{connection.name}</dd>
          <dt>Environment</dt>
          <dd>
            <EnvironmentBadge environment={connection.environment} />
          </dd>
          <dt>Connectors</dt>
          <dd>
            {wholeDaemon ? (
              <strong>The daemon stops, and every connector with it; it then starts again from its configuration</strong>
            ) : scopeAll ? (
              <strong>Every connector of the daemon, healthy ones included</strong>
            ) : (
              <ul className="confirm-connectors">
                {connectors.map((name) => (
                  <li key={name}>
                    <code>{name}</code>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
        <p className="confirm-consequence">{consequence}</p>
        {typing && (
          <div className="field">
            <label htmlFor={typedId}>
              {connection.environment === 'prod' ? 'This is a production daemon. ' : ''}Type the daemon’s name <code>{connection.serverName}</code> to confirm
            </label>
            <input id={typedId} value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" spellCheck={false} />
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className={connection.environment === 'prod' || scopeAll || wholeDaemon ? 'primary danger-fill' : 'primary'} disabled={!allowed}>
            {verb} {what}
          </button>
          <button type="button" className="cancel" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  )
}
