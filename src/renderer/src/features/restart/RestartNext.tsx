/**
 * After a restart: what still blocks, what needs the daemon's configuration, and when the recovered
 * connectors want a refresh. The way to Refresh is the guidance bar's, so the page offers it once.
 */
import { connectorCount, fixThenRestart } from '../../../../shared/troubleshooting/failure-groups'
import { refreshAdvice, refreshTiming } from '../../../../shared/troubleshooting/refresh-timing'
import type { StatusCause } from '../../../../shared/troubleshooting/restart-proposal'
import type { ActionsView } from '../../store/actions-slice'

export function NextStep({ causes, recovered }: { causes: StatusCause[]; recovered: number }): React.JSX.Element {
  const fixable = causes.filter((cause) => cause.precondition.kind !== 'cannot-help')
  const configuration = causes.filter((cause) => cause.precondition.kind === 'cannot-help')
  return (
    <section className="next-step" aria-label="Suggested next step">
      <h3>Next</h3>
      <ul>
        {fixable.length > 0 && (
          <li>
            <span aria-hidden="true">→ </span>
            {stillBlocking(fixable)}
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
          {connectorCount(recovered)} recovered this session. {refreshAdvice(refreshTiming({ connectorRestartsLeft: fixable.length > 0, daemonRestartLeft: configuration.length > 0 }))} Refresh is
          step 4.
        </p>
      )}
    </section>
  )
}

/** The causes a restart can help that still block, with the fix and the restart each said once (as the guidance bar says them). */
function stillBlocking(fixable: StatusCause[]): string {
  if (fixable.length === 1) return `One cause still blocks: ${fixThenRestart(fixable[0]!.action, fixable[0]!.connectors.length)}`
  const blocked = connectorCount(fixable.reduce((sum, cause) => sum + cause.connectors.length, 0))
  return `${fixable.length} causes still block ${blocked}; each is listed below with what to do. Once a cause is fixed (and confirmed), restart its connectors again.`
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
