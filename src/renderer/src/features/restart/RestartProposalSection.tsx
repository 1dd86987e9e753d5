import type { DaemonStatus } from '../../../../shared/models/daemon'
import { connectorCount } from '../../../../shared/troubleshooting/failure-groups'
import { useAppStore } from '../../store'
import type { ActionsView } from '../../store/actions-slice'
import { CauseCard } from './CauseCard'
import type { RestartProposal } from './use-restart-proposal'

export type RestartScope = 'chosen' | 'all' | 'daemon'

interface Props {
  connectionId: string
  status: DaemonStatus
  actions: ActionsView
  proposal: RestartProposal
  readOnly: boolean
  onRestart(scope: RestartScope): void
}

/** The causes with their connectors, what is proposed for restart, and the buttons that restart it. */
export function RestartProposalSection({ connectionId, status, actions, proposal, readOnly, onRestart }: Props): React.JSX.Element {
  const resetSelection = useAppStore((state) => state.resetSelection)
  const { causes, restartable, selected, unconfirmed, adjusted } = proposal
  const running = actions.running
  return (
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
            onRestartDaemon={() => onRestart('daemon')}
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
          <button type="button" className="primary" disabled={selected.length === 0 || Boolean(running) || readOnly} onClick={() => onRestart('chosen')}>
            {selected.length === 0 ? 'Nothing to restart yet' : `Restart ${connectorCount(selected.length)}…`}
          </button>
          {adjusted && (
            <button type="button" onClick={() => resetSelection(connectionId)} disabled={Boolean(running)}>
              Back to the proposal
            </button>
          )}
          <button type="button" className="danger" disabled={Boolean(running) || readOnly} onClick={() => onRestart('all')}>
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
  )
}
