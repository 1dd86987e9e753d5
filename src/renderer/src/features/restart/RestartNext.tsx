/** After a restart: what still blocks, what needs the daemon's configuration, and the way to Refresh; said to screen readers too. */
import { connectorCount } from '../../../../shared/troubleshooting/failure-groups'
import type { StatusCause } from '../../../../shared/troubleshooting/restart-proposal'
import type { ActionsView } from '../../store/actions-slice'

export function NextStep({ causes, recovered, onRefresh }: { causes: StatusCause[]; recovered: number; onRefresh(): void }): React.JSX.Element {
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
export function ActionAnnouncer({ actions }: { actions: ActionsView }): React.JSX.Element {
  const running = actions.running?.kind === 'restart'
  const text = running ? 'Restart started.' : actions.lastRestart ? `Restart finished. ${actions.lastRestart.summary}` : ''
  return (
    <div className="visually-hidden" role="status" aria-live="polite">
      {text}
    </div>
  )
}
