/**
 * After a restart: what still blocks, what needs the daemon's configuration, and when the recovered
 * connectors want a refresh. The way to Refresh is the guidance bar's, so the page offers it once.
 */
import { connectorCount, fixThenRestart } from '../../../../shared/troubleshooting/failure-groups'
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
      {recovered > 0 && <p>{refreshAdvice(recovered, fixable.length > 0, configuration.length > 0)}</p>}
    </section>
  )
}

/** The causes a restart can help that still block, with the fix and the restart each said once (as the guidance bar says them). */
function stillBlocking(fixable: StatusCause[]): string {
  if (fixable.length === 1) return `One cause still blocks: ${fixThenRestart(fixable[0]!.action, fixable[0]!.connectors.length)}`
  const blocked = connectorCount(fixable.reduce((sum, cause) => sum + cause.connectors.length, 0))
  return `${fixable.length} causes still block ${blocked}; each is listed below with what to do. Once a cause is fixed (and confirmed), restart its connectors again.`
}

/** When the recovered connectors should resynchronise: after every restart still to come, the daemon's included (it restarts them too). */
function refreshAdvice(recovered: number, restartsLeft: boolean, daemonRestartLeft: boolean): string {
  const count = `${connectorCount(recovered)} recovered this session.`
  if (daemonRestartLeft) return `${count} The daemon restart restarts them as well: refresh them after it (step 4), not before.`
  if (restartsLeft) return `${count} After an outage they may have missed changes: once the restarts are done, refresh them (step 4).`
  return `${count} After an outage they may have missed changes: refresh them next, in step 4.`
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
