/** One cause of the restart proposal: its connectors, what must be true before a restart helps, and the operator's word on it. */
import type { ConnectorState, ServerCheck } from '../../../../shared/models/daemon'
import { connectorCount } from '../../../../shared/troubleshooting/failure-groups'
import { needsOperator, readinessOf, type StatusCause } from '../../../../shared/troubleshooting/restart-proposal'
import { SOURCE_INFO } from '../../../../shared/troubleshooting/sources'
import { clockTime } from '../../lib/time'
import { useAppStore } from '../../store'
import type { ActionsView } from '../../store/actions-slice'
import { ConfigurationLinks } from '../configuration/ConfigurationLinks'
import { StatusPill } from './ActionParts'

export interface CauseCardProps {
  connectionId: string
  cause: StatusCause
  actions: ActionsView
  disabled: boolean
  onRestartDaemon(): void
}

export function CauseCard({ connectionId, cause, actions, disabled, onRestartDaemon }: CauseCardProps): React.JSX.Element {
  const selectConnector = useAppStore((state) => state.selectConnector)
  const readiness = readinessOf(cause, actions.serverChecks, actions.confirmed)
  const proposed = readiness.ready
  const cannotHelp = cause.precondition.kind === 'cannot-help'
  const tone = cannotHelp ? 'config' : proposed ? 'ready' : readiness.pending ? 'pending' : 'blocked'
  const badge = cannotHelp
    ? { icon: '⊘', text: 'Restarting cannot help' }
    : proposed
      ? { icon: '✔', text: 'Ready: restart proposed' }
      : readiness.pending
        ? { icon: '◌', text: 'Checking…' }
        : { icon: '✖', text: `Blocked: ${readiness.reason}` }
  const headingId = `cause-${cause.key.replace(/[^\w-]/g, '_')}`
  return (
    <li className={`restart-cause restart-cause-${tone}`} aria-labelledby={headingId}>
      <div className="restart-cause-head">
        <h4 id={headingId}>
          {SOURCE_INFO[cause.source].heading}
          {/* The connectors' own fault, or a subject that is only a connector's name: the connectors are listed below already. */}
          {cause.source !== 'connector' && !cause.connectors.some((connector) => connector.name === cause.subject) && (
            <>
              {' '}
              <code>{cause.subject}</code>
            </>
          )}
          <span className="muted">: {connectorCount(cause.connectors.length)}</span>
        </h4>
        <span className={`readiness readiness-${tone}`}>
          <span aria-hidden="true">{badge.icon}</span> {badge.text}
        </span>
      </div>
      <p className="restart-cause-summary">{cause.summary}</p>
      <PreconditionView connectionId={connectionId} cause={cause} actions={actions} disabled={disabled} onRestartDaemon={onRestartDaemon} />
      {cause.source !== 'metadata-server' && (
        <ConfigurationLinks connectionId={connectionId} connectors={cause.connectors.map((connector) => connector.name)} />
      )}
      <ul className="restart-cause-connectors" aria-label={`Connectors failing because of ${SOURCE_INFO[cause.source].heading.toLowerCase()} ${cause.subject ?? ''}`}>
        {cause.connectors.map((connector) => (
          <ConnectorChoice
            key={connector.name}
            connector={connector}
            selectable={!cannotHelp}
            selected={actions.selection[connector.name] ?? proposed}
            disabled={disabled}
            onChange={(value) => selectConnector(connectionId, connector.name, value)}
          />
        ))}
      </ul>
    </li>
  )
}

function ConnectorChoice(props: { connector: ConnectorState; selectable: boolean; selected: boolean; disabled: boolean; onChange(value: boolean): void }): React.JSX.Element {
  const { connector, selectable, selected, disabled, onChange } = props
  const details = (
    <>
      <span className="choice-name">{connector.name}</span>
      <StatusPill status={connector.status} />
      {connector.failingMessageId && <mark className="message-id">{connector.failingMessageId}</mark>}
    </>
  )
  return (
    <li className="connector-choice">
      {selectable ? (
        <label>
          <input type="checkbox" checked={selected} disabled={disabled} onChange={(event) => onChange(event.target.checked)} />
          {details}
        </label>
      ) : (
        <span className="not-selectable">
          <span className="visually-hidden">Not selectable: </span>
          {details}
        </span>
      )}
    </li>
  )
}

function PreconditionView({ connectionId, cause, actions, disabled, onRestartDaemon }: CauseCardProps): React.JSX.Element {
  const confirmCause = useAppStore((state) => state.confirmCause)
  const checkServers = useAppStore((state) => state.checkServers)
  const precondition = cause.precondition
  const operatorBox = (statement: string): React.JSX.Element => (
    <label className="check operator-check">
      <input type="checkbox" checked={actions.confirmed[cause.key] ?? false} disabled={disabled} onChange={(event) => confirmCause(connectionId, cause.key, event.target.checked)} />
      {statement}
    </label>
  )
  if (precondition.kind === 'cannot-help') {
    const corrected = actions.confirmed[cause.key] ?? false
    return (
      <div className="precondition precondition-config">
        <p>
          <strong>What to do instead: </strong>
          {precondition.advice}
        </p>
        {/* The configuration is changed outside Daemon Doctor; the daemon restart that applies it is here. */}
        {operatorBox('The daemon’s configuration has been corrected (I changed it outside Daemon Doctor)')}
        <button type="button" className="danger" disabled={disabled || !corrected} onClick={onRestartDaemon}>
          Restart the daemon…
        </button>
      </div>
    )
  }
  if (precondition.kind === 'operator') {
    return (
      <div className="precondition">
        <p className="muted">
          Daemon Doctor cannot check this from here. {cause.action}
        </p>
        {operatorBox(precondition.statement)}
      </div>
    )
  }
  const check: ServerCheck | undefined = actions.serverChecks[precondition.server]
  const icon = !check ? '◌' : check.state === 'active' ? '✔' : check.state === 'inactive' ? '✖' : '⚠'
  return (
    <div className="precondition">
      <p className={`server-check server-${check?.state ?? 'pending'}`}>
        {/* Only the verdict is live: the check time changes on every re-check and would be read out each time. */}
        <span aria-live="polite">
          <span aria-hidden="true">{icon} </span>
          {check ? check.verdict : `Asking the platform whether ${precondition.server} is active…`}
        </span>
        {check && <span className="muted small">(checked {clockTime(check.checkedAt)})</span>}
        <button type="button" onClick={() => void checkServers(connectionId, [precondition.server])} disabled={actions.checking}>
          {actions.checking ? 'Checking…' : 'Check again'}
        </button>
      </p>
      {needsOperator(cause, actions.serverChecks) && operatorBox(`${precondition.server} is running again (I checked on its own platform)`)}
    </div>
  )
}
