import { useCurrentProblem } from './use-current-problem'

/** Inside a step that has nothing of its own to offer: the current problem and its next safe action, as the guidance bar says them. */
export function CurrentProblem({ connectionId }: { connectionId: string }): React.JSX.Element {
  const guidance = useCurrentProblem(connectionId)
  return (
    <div className="empty-state" role="note">
      <p>
        <span aria-hidden="true">◌ </span>Nothing to restart yet. {guidance.found}
      </p>
      <p>
        <strong>Next safe action:</strong> {guidance.next}
      </p>
    </div>
  )
}
