import { useMemo } from 'react'
import type { ConnectorState, DaemonStatus } from '../../../../shared/models/daemon'
import { clockTime } from '../../lib/time'
import { StatusPill } from '../restart/ActionParts'
import { connectorCount } from '../../../../shared/troubleshooting/failure-groups'
import { refreshLabel } from './refresh-scope'

/** The connectors in scope before the refresh, with their status and last refresh time. */
export function RefreshPreview({ status, names }: { status: DaemonStatus; names: string[] }): React.JSX.Element {
  const byName = useMemo(() => new Map(status.connectors.map((connector) => [connector.name, connector])), [status])
  return (
    <table className="refresh-table">
      <caption>
        In scope: {connectorCount(names.length)}{' '}
        <span className="muted">
          (status read {clockTime(status.fetchedAt)}; refresh times on the daemon’s clock)
        </span>
      </caption>
      <thead>
        <tr>
          <th scope="col">Connector</th>
          <th scope="col">Status</th>
          <th scope="col">Last refresh</th>
        </tr>
      </thead>
      <tbody>
        {names.map((name) => {
          const connector: ConnectorState | undefined = byName.get(name)
          return (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>
                <StatusPill status={connector?.status} />
              </td>
              <td>
                <time dateTime={connector?.lastRefreshTime}>{refreshLabel(connector?.lastRefreshTime)}</time>
                {connector?.refreshOverdue && <span className="overdue"> · overdue</span>}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
