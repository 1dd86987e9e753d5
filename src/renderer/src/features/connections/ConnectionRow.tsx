import type { Connection } from '../../../../shared/models/connection'
import { ConnectionBadges } from '../../components/Badges'
import { useAppStore } from '../../store'
import { HealthSummary } from './HealthSummary'

/** One saved connection: its name opens the flow, with its health and the edit, duplicate and delete actions. */
export function ConnectionRow({ connection }: { connection: Connection }): React.JSX.Element {
  const navigate = useAppStore((state) => state.navigate)
  const duplicate = useAppStore((state) => state.duplicateConnection)
  const remove = useAppStore((state) => state.removeConnection)
  return (
    <li className={`connection-card env-edge-${connection.environment}`} aria-label={connection.name}>
      <div className="connection-main">
        <button
          type="button"
          className="link-button connection-name"
          onClick={() => navigate({ kind: 'flow', connectionId: connection.id, step: 'audit-log' })}
        >
          {connection.name}
        </button>
        <ConnectionBadges connection={connection} />
        <div className="connection-details muted">
          <span>{connection.serverName}</span> on <span>{connection.platformUrl}</span> as{' '}
          <span>{connection.userId}</span>
          {' · '}Egeria {connection.egeriaVersion === 'auto' ? 'version detected' : `${connection.egeriaVersion}.x`}
        </div>
        <HealthSummary connectionId={connection.id} />
      </div>
      <div className="row-actions">
        {!connection.demo && (
          <button type="button" onClick={() => navigate({ kind: 'edit-connection', id: connection.id })} aria-label={`Edit ${connection.name}`}>
            Edit
          </button>
        )}
        <button type="button" onClick={() => void duplicate(connection.id)} aria-label={`Duplicate ${connection.name}`}>
          Duplicate
        </button>
        <button type="button" className="danger" onClick={() => void remove(connection.id)} aria-label={`Delete ${connection.name}`}>
          Delete
        </button>
      </div>
    </li>
  )
}
