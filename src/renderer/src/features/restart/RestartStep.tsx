/** Step 3: restart what the diagnosis says can recover, after checking that its cause is fixed. */
import { useEffect, useMemo, useState } from 'react'
import { useAppStore } from '../../store'
import { emptyActions } from '../../store/actions-slice'
import { ActionErrorCallout, ActionProgressPanel } from './ActionParts'
import { BeforeAfter } from './BeforeAfter'
import { ConfigurationDialogHost } from '../configuration/ConfigurationLinks'
import { CurrentProblem } from '../flow/CurrentProblem'
import { CauseCard } from './CauseCard'
import { Announcer, NextStep } from './RestartNext'
import { connectorCount } from '../../../../shared/troubleshooting/failure-groups'
import { ConfirmActionDialog } from './ConfirmActionDialog'
import { causesOf, proposedConnectors, serversToCheck } from '../../../../shared/troubleshooting/restart-proposal'
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
      {status?.noConnectors && <CurrentProblem connectionId={connectionId} />}
      {status && !status.noConnectors && causes.length === 0 && (
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
      <ConfigurationDialogHost connectionId={connectionId} />
    </div>
  )
}

const RESTART_CONSEQUENCES = {
  chosen: 'Each connector is stopped and started again, then refreshed once. Daemon Doctor then compares each connector’s status before and after.',
  all: 'Every connector stops and starts again, healthy ones included: they pause their work and refresh from scratch. Daemon Doctor then compares each connector’s status before and after.',
  daemon:
    'The daemon’s server is stopped and started again on its platform, reading its configuration afresh: while it restarts, none of its connectors runs and its API does not answer. Daemon Doctor then compares each connector’s status before and after.'
}
