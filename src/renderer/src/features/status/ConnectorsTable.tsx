import { useMemo, useState } from 'react'
import type { DaemonStatus } from '../../../../shared/models/daemon'
import { useAppStore } from '../../store'
import type { StatusFilter } from '../../store/status-slice'
import { CATEGORY_ICON, ConnectorRow } from './ConnectorRow'
import { groupConnectors, visibleConnectors } from './status-view'

/** Rows rendered before the operator asks for more. */
const ROWS_AT_FIRST = 200

/** The connectors, filtered, searched and grouped; needing attention first. */
export function ConnectorsTable({ connectionId, status, changed, now }: { connectionId: string; status: DaemonStatus; changed: string[]; now: number }): React.JSX.Element {
  const filter = useAppStore((state) => state.statusFilter)
  const setFilter = useAppStore((state) => state.setStatusFilter)
  const query = useAppStore((state) => state.statusQuery)
  const setQuery = useAppStore((state) => state.setStatusQuery)
  const grouping = useAppStore((state) => state.statusGrouping)
  const setGrouping = useAppStore((state) => state.setStatusGrouping)
  const visible = useMemo(() => visibleConnectors(status.connectors, filter, query), [status.connectors, filter, query])
  // Needing attention comes first, so the first rows are the ones that matter; the rest on request
  // (a 2,000-row table costs the browser seconds of layout on every poll).
  const [rowLimit, setRowLimit] = useState({ key: '', limit: ROWS_AT_FIRST })
  const viewKey = `${filter}\u0000${query}\u0000${grouping}`
  const limit = rowLimit.key === viewKey ? rowLimit.limit : ROWS_AT_FIRST
  const shown = useMemo(() => visible.slice(0, limit), [visible, limit])
  const groups = useMemo(() => groupConnectors(shown, grouping), [shown, grouping])
  const counters: { filter: StatusFilter; label: string; count: number }[] = [
    { filter: 'all', label: 'All', count: status.counts.total },
    { filter: 'failed', label: 'Failed', count: status.counts.failed },
    { filter: 'other', label: 'Other', count: status.counts.other },
    { filter: 'healthy', label: 'Healthy', count: status.counts.healthy }
  ]
  return (
    <>
      <div className="status-toolbar">
        <div role="group" aria-label="Show connectors" className="counters">
          {counters.map((counter) => (
            <button
              key={counter.filter}
              type="button"
              className={`counter counter-${counter.filter}`}
              aria-pressed={filter === counter.filter}
              onClick={() => setFilter(counter.filter)}
            >
              {counter.filter !== 'all' && <span aria-hidden="true">{CATEGORY_ICON[counter.filter]} </span>}
              {counter.label} <strong>{counter.count}</strong>
            </button>
          ))}
        </div>
        <label className="visually-hidden" htmlFor="connector-search">
          Search connectors
        </label>
        <input id="connector-search" type="search" placeholder="Search connectors, messages, subjects" value={query} onChange={(e) => setQuery(e.target.value)} />
        <label>
          Group by{' '}
          <select value={grouping} onChange={(e) => setGrouping(e.target.value as typeof grouping)}>
            <option value="none">nothing</option>
            {status.services.length > 0 && <option value="service">integration service</option>}
            {status.groups.length > 0 && <option value="group">integration group</option>}
          </select>
        </label>
      </div>
      {visible.length === 0 && <p className="empty-state">No connector matches this filter.</p>}
      {groups.map((group) => (
        <table key={group.key} className="connectors">
          {group.key && <caption>{group.key}</caption>}
          <thead>
            <tr>
              <th scope="col">Connector</th>
              <th scope="col">Status</th>
              <th scope="col">Last change</th>
              <th scope="col">Last refresh</th>
              <th scope="col">Failure and likely source</th>
            </tr>
          </thead>
          <tbody>
            {group.connectors.map((connector) => (
              <ConnectorRow key={connector.name} connectionId={connectionId} connector={connector} changed={changed.includes(connector.name)} now={now} />
            ))}
          </tbody>
        </table>
      ))}
      {shown.length < visible.length && (
        <p className="rows-more">
          Showing the first {shown.length} of {visible.length} connectors, needing attention first.{' '}
          <button type="button" onClick={() => setRowLimit({ key: viewKey, limit: limit + ROWS_AT_FIRST })}>
            Show {Math.min(ROWS_AT_FIRST, visible.length - shown.length)} more
          </button>{' '}
          <button type="button" onClick={() => setRowLimit({ key: viewKey, limit: visible.length })}>
            Show all
          </button>
        </p>
      )}
    </>
  )
}
