/** Step 3: restart what the diagnosis says can recover, after checking that its cause is fixed. */
import { useEffect, useMemo, useState } from 'react'
import type { ConnectorState, ServerCheck } from '../../../../shared/models/daemon'
import { useAppStore } from '../../store'
import { emptyActions, type ActionsView } from '../../store/actions-slice'
import { ActionErrorCallout, ActionProgressPanel, StatusPill } from './ActionParts'
import { BeforeAfter } from './BeforeAfter'
import { connectorCount } from '../../../../shared/troubleshooting/failure-groups'
import { ConfirmActionDialog } from './ConfirmActionDialog'
import { SOURCE_INFO } from '../../../../shared/troubleshooting/sources'
import {
  causesOf,
  needsOperator,
  proposedConnectors,
  readinessOf,
  serversToCheck,
  type Cause
} from '../../../../shared/troubleshooting/restart-proposal'
import './restart.css'
import { clockTime } from '../../lib/time'

/** While a metadata server is down, ask its platform again this often (cheap platform calls). */
const RECHECK_MS = 5_000

export function RestartStep({ connectionId }: { connectionId: string }): React.JSX.Element {
  const connection = useAppStore((state) => state.connections.find((candidate) => candidate.id === connectionId))
  const view = useAppStore((state) => state.daemons[connectionId])
  const actions = useAppStore((state) => state.actions[connectionId]) ?? emptyActions
  const checkServers = useAppStore((state) => state.checkServers)
  const runDaemonAction = useAppStore((state) => state.runDaemonAction)
  const resetSelection = useAppStore((state) => state.resetSelection)
  const navigate = useAppStore((state) => state.navigate)
  const [confirming, setConfirming] = useState<{ scope: 'chosen' | 'all' | 'daemon' } | undefined>()

  const status = view?.status
  const causes = useMemo(() => (status ? causesOf(status) : []), [status])
  const servers = serversToCheck(causes)
  const serverKey = servers.join('\n')
  // Only a server the platform reports down can come up by itself; "cannot tell" stays so.
  const blockedServer = servers.some((server) => actions.serverChecks[server]?.state === 'inactive')
  const running = actions.running

  useEffect(() => {
    if (!serverKey) return
    const names = serverKey.split('\n')
    void checkServers(connectionId, names)
    if (!blockedServer || running) return
    const timer = setInterval(() => void checkServers(connectionId, names, { quiet: true }), RECHECK_MS)
    return () => clearInterval(timer)
  }, [connectionId, serverKey, blockedServer, running, checkServers])

  const proposed = proposedConnectors(causes, actions.serverChecks, actions.confirmed)
  const restartable = causes.filter((cause) => cause.precondition.kind !== 'cannot-help').flatMap((cause) => cause.connectors.map((connector) => connector.name))
  const selected = restartable.filter((name) => actions.selection[name] ?? proposed.includes(name))
  const unconfirmed = selected.filter((name) => !proposed.includes(name))
  const adjusted = Object.keys(actions.selection).length > 0
  const readOnly = connection?.readOnly ?? false

  if (!connection) return <p className="muted">This connection no longer exists.</p>
  return (
    <div className="restart-step">
      <Announcer actions={actions} />
      {readOnly && (
        <p className="callout info" role="note">
          <span aria-hidden="true">⊘</span>
          {connection.name} is read-only: Daemon Doctor shows what it would restart but does not change this daemon. Edit the connection to allow
          actions.
        </p>
      )}
      <ActionErrorCallout connectionId={connectionId} kind="restart" />
      <ActionProgressPanel connectionId={connectionId} kind="restart" />
      {running && running.kind !== 'restart' && (
        <p className="callout info" role="status">
          <span aria-hidden="true">⏳</span>A {running.kind} runs on this daemon: restart is available once it has finished.
        </p>
      )}
      {actions.lastRestart && !running && (
        <>
          <BeforeAfter report={actions.lastRestart} label="Restart outcome: before and after" />
          {actions.earlierRestarts.length > 0 && (
            <details className="earlier-restarts">
              <summary>Earlier restarts in this session ({actions.earlierRestarts.length})</summary>
              {actions.earlierRestarts.map((report) => (
                <BeforeAfter key={report.id} report={report} label={`Restart at ${clockTime(report.finishedAt)}`} />
              ))}
            </details>
          )}
          <NextStep causes={causes} recovered={actions.recovered.length} onRefresh={() => navigate({ kind: 'flow', connectionId, step: 'refresh' })} />
        </>
      )}
      {view?.error && !status && (
        <p className="callout error" role="alert">
          <span aria-hidden="true">✖</span>The status could not be read, so nothing can be proposed: {view.error.message}
        </p>
      )}
      {view?.error && status && (
        <p className="callout warning" role="alert">
          <span aria-hidden="true">⚠</span>The latest status could not be read ({view.error.message}). The proposal below uses the status read at{' '}
          {clockTime(status.fetchedAt)}; a restart now would probably fail to reach the daemon.
        </p>
      )}
      {!status && !view?.error && <p className="muted">Reading the daemon’s status…</p>}
      {status && causes.length === 0 && (
        <div className="empty-state">
          <p>
            <span aria-hidden="true">✔ </span>No connector is failing: there is nothing to restart.
          </p>
          {actions.recovered.length > 0 && (
            <button type="button" className="primary" onClick={() => navigate({ kind: 'flow', connectionId, step: 'refresh' })}>
              Go to Refresh
            </button>
          )}
        </div>
      )}
      {status && causes.length > 0 && (
        <section className="proposal" aria-labelledby="proposal-heading">
          <div className="proposal-head">
            <h3 id="proposal-heading">{actions.lastRestart ? 'What to restart now' : 'Proposed restart'}</h3>
            <p className="muted">
              {status.counts.failed} failing connector{status.counts.failed === 1 ? '' : 's'} in {causes.length} cause{causes.length === 1 ? '' : 's'}.
              Only connectors whose cause is fixed are proposed: restarting before that only makes them fail again.
            </p>
          </div>
          <ol className="restart-causes">
            {causes.map((cause) => (
              <CauseCard
                key={cause.key}
                connectionId={connectionId}
                cause={cause}
                actions={actions}
                disabled={Boolean(running) || readOnly}
                onRestartDaemon={() => setConfirming({ scope: 'daemon' })}
              />
            ))}
          </ol>
          <div className="proposal-actions">
            {unconfirmed.length > 0 && (
              <p className="callout warning">
                <span aria-hidden="true">⚠</span>
                {connectorCount(unconfirmed.length)} selected without a confirmed fix ({unconfirmed.join(', ')}): they will probably fail again.
              </p>
            )}
            <div className="toolbar">
              <button type="button" className="primary" disabled={selected.length === 0 || Boolean(running) || readOnly} onClick={() => setConfirming({ scope: 'chosen' })}>
                {selected.length === 0 ? 'Nothing to restart yet' : `Restart ${connectorCount(selected.length)}…`}
              </button>
              {adjusted && (
                <button type="button" onClick={() => resetSelection(connectionId)} disabled={Boolean(running)}>
                  Back to the proposal
                </button>
              )}
              <button type="button" className="danger" disabled={Boolean(running) || readOnly} onClick={() => setConfirming({ scope: 'all' })}>
                Restart all connectors…
              </button>
            </div>
            {selected.length === 0 && !running && (
              <p className="muted small" role="note">
                {restartable.length > 0
                  ? 'Fix a cause above (or confirm that it is fixed) and its connectors are proposed here.'
                  : 'No failing connector here can recover by a restart: see what to do instead above.'}
              </p>
            )}
          </div>
        </section>
      )}
      {confirming && (
        <ConfirmActionDialog
          connection={connection}
          kind="restart"
          connectors={confirming.scope === 'chosen' ? selected : []}
          scopeAll={confirming.scope === 'all'}
          wholeDaemon={confirming.scope === 'daemon'}
          consequence={RESTART_CONSEQUENCES[confirming.scope]}
          onCancel={() => setConfirming(undefined)}
          onConfirm={() => {
            const scope = confirming.scope === 'chosen' ? ({ kind: 'connectors', names: selected } as const) : ({ kind: confirming.scope } as const)
            const names = confirming.scope === 'chosen' ? selected : (status?.connectors.map((connector) => connector.name) ?? [])
            setConfirming(undefined)
            void runDaemonAction(connectionId, 'restart', scope, names)
          }}
        />
      )}
    </div>
  )
}

const RESTART_CONSEQUENCES = {
  chosen: 'Each connector is stopped and started again, then refreshed once. Daemon Doctor then compares each connector’s status before and after.',
  all: 'Every connector stops and starts again, healthy ones included: they pause their work and refresh from scratch. Daemon Doctor then compares each connector’s status before and after.',
  daemon:
    'The daemon’s server is stopped and started again on its platform, reading its configuration afresh: while it restarts, none of its connectors runs and its API does not answer. Daemon Doctor then compares each connector’s status before and after.'
}

interface CauseCardProps {
  connectionId: string
  cause: Cause
  actions: ActionsView
  disabled: boolean
  onRestartDaemon(): void
}

function CauseCard({ connectionId, cause, actions, disabled, onRestartDaemon }: CauseCardProps): React.JSX.Element {
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
          {/* A subject that is only the connector's own name (nothing else named) is listed below already. */}
          {cause.subject && !cause.connectors.some((connector) => connector.name === cause.subject) && (
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

function NextStep({ causes, recovered, onRefresh }: { causes: Cause[]; recovered: number; onRefresh(): void }): React.JSX.Element {
  const fixable = causes.filter((cause) => cause.precondition.kind !== 'cannot-help')
  const configuration = causes.filter((cause) => cause.precondition.kind === 'cannot-help')
  return (
    <section className="next-step" aria-label="Suggested next step">
      <h3>Next</h3>
      <ul>
        {fixable.length > 0 && (
          <li>
            <span aria-hidden="true">→ </span>
            {fixable.length === 1 ? 'One cause still blocks' : `${fixable.length} causes still block`}{' '}
            {connectorCount(fixable.reduce((sum, cause) => sum + cause.connectors.length, 0))}
            {fixable.length === 1 ? `: ${fixable[0]!.action}` : '; each is listed below with what to do.'} Once a cause is fixed (and confirmed),
            restart its connectors again.
          </li>
        )}
        {configuration.map((cause) => (
          <li key={cause.key}>
            <span aria-hidden="true">⊘ </span>
            {cause.connectors.map((connector) => connector.name).join(', ')} needs a configuration change and a restart of the daemon; restarting the
            connector cannot help.
          </li>
        ))}
        {fixable.length === 0 && configuration.length === 0 && (
          <li>
            <span aria-hidden="true">✔ </span>No connector is failing any more.
          </li>
        )}
      </ul>
      {recovered > 0 && (
        <p>
          {connectorCount(recovered)} recovered this session. After an outage they may have missed changes: once the restarts are done, ask them to
          resynchronise.{' '}
          <button type="button" className="primary" onClick={onRefresh}>
            Go to Refresh
          </button>
        </p>
      )}
    </section>
  )
}

/** Announces the start and the outcome of a restart to screen readers. */
function Announcer({ actions }: { actions: ActionsView }): React.JSX.Element {
  const running = actions.running?.kind === 'restart'
  const text = running ? 'Restart started.' : actions.lastRestart ? `Restart finished. ${actions.lastRestart.summary}` : ''
  return (
    <div className="visually-hidden" role="status" aria-live="polite">
      {text}
    </div>
  )
}

