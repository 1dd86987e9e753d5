/** Step 3: restart what the diagnosis says can recover, after checking that its cause is fixed. */
import { useState } from 'react'
import { clockTime } from '../../lib/time'
import { useAppStore } from '../../store'
import { emptyActions } from '../../store/actions-slice'
import { ConfigurationDialogHost } from '../configuration/ConfigurationLinks'
import { CurrentProblem } from '../flow/CurrentProblem'
import { ActionErrorCallout, ActionProgressPanel } from './ActionParts'
import { BeforeAfter } from './BeforeAfter'
import { ConfirmActionDialog } from './ConfirmActionDialog'
import { RestartProposalSection, type RestartScope } from './RestartProposalSection'
import { ActionAnnouncer, NextStep } from './RestartNext'
import { useRestartProposal } from './use-restart-proposal'
import './restart.css'

export function RestartStep({ connectionId }: { connectionId: string }): React.JSX.Element {
  const connection = useAppStore((state) => state.connections.find((candidate) => candidate.id === connectionId))
  const view = useAppStore((state) => state.daemons[connectionId])
  const actions = useAppStore((state) => state.actions[connectionId]) ?? emptyActions
  const runDaemonAction = useAppStore((state) => state.runDaemonAction)
  const [confirming, setConfirming] = useState<{ scope: RestartScope } | undefined>()

  const status = view?.status
  const proposal = useRestartProposal(connectionId, status, actions)
  const { causes, selected } = proposal
  const running = actions.running
  const readOnly = connection?.readOnly ?? false
  // The outcome's own next step says what is left, so the empty state would only repeat it.
  const outcomeShown = !!actions.lastRestart && !running

  if (!connection) return <p className="muted">This connection no longer exists.</p>
  return (
    <div className="restart-step">
      <ActionAnnouncer actions={actions} />
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
      {outcomeShown && actions.lastRestart && (
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
          <NextStep causes={causes} recovered={actions.recovered.length} />
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
      {status && !status.noConnectors && causes.length === 0 && !outcomeShown && (
        <p className="empty-state">
          <span aria-hidden="true">✔ </span>No connector is failing: there is nothing to restart.
        </p>
      )}
      {status && causes.length > 0 && (
        <RestartProposalSection
          connectionId={connectionId}
          status={status}
          actions={actions}
          proposal={proposal}
          readOnly={readOnly}
          onRestart={(scope) => setConfirming({ scope })}
        />
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
