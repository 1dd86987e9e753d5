import type { DaemonStatus } from '../../../../shared/models/daemon'
import { useAppStore } from '../../store'

/**
 * A 5.0+ daemon with no connectors: its integration groups, and the way out once the metadata server
 * is back (the group re-reads its configuration; the daemon would otherwise retry on its own).
 */
export function GroupsPanel({ connectionId, status }: { connectionId: string; status: DaemonStatus }): React.JSX.Element {
  const reload = useAppStore((state) => state.groupReloads[connectionId])
  const reloadGroup = useAppStore((state) => state.reloadGroup)
  const readOnly = useAppStore((state) => state.connections.find((candidate) => candidate.id === connectionId)?.readOnly ?? false)
  return (
    <section className="groups-panel" aria-label="Integration groups">
      <p className="callout">
        <span aria-hidden="true">◌ </span>
        The daemon has no connectors yet. Its status call fails while it has none, so Daemon Doctor shows its integration groups instead; their connectors appear here once a group has read its configuration from its metadata server.
      </p>
      <table className="connectors">
        <thead>
          <tr>
            <th scope="col">Integration group</th>
            <th scope="col">Status</th>
            <th scope="col">Connectors</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {status.groups.map((group) => (
            <tr key={group.name} className="group-row">
              <th scope="row">
                <code>{group.name}</code>
              </th>
              <td>
                <span className="status-pill status-other">
                  <span aria-hidden="true">◌ </span>
                  {group.status ?? 'unknown'}
                </span>
              </td>
              <td>{group.connectorNames.length === 0 ? 'none loaded' : group.connectorNames.join(', ')}</td>
              <td>
                <button type="button" disabled={readOnly || !!reload?.running} onClick={() => void reloadGroup(connectionId, group.name)}>
                  {reload?.running === group.name ? 'Re-reading…' : 'Re-read its configuration'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {readOnly && <p className="muted small">This connection is read-only: actions are turned off for it.</p>}
      {reload?.lastReload && (
        <p className={`callout ${reload.lastReload.success ? 'success' : 'warning'}`} role="status">
          {reload.lastReload.summary}
        </p>
      )}
      {reload?.error && (
        <p className="callout error" role="alert">
          <span aria-hidden="true">✖ </span>
          {reload.error.message}
        </p>
      )}
    </section>
  )
}
