import { Fragment, memo, useMemo, useState } from 'react'
import { SOURCE_INFO } from '../../../../shared/troubleshooting/sources'
import type { ConnectorState, DaemonStatus } from '../../../../shared/models/daemon'
import { useNow } from '../../lib/use-now'
import { useAppStore } from '../../store'
import type { StatusFilter } from '../../store/status-slice'
import { messageParts } from '../../../../shared/readable-message'
import { RelatedLogLines } from '../audit-log/RelatedLogLines'
import { ageOf, categoryOf, groupConnectors, nameWords, timeLabel, visibleConnectors, type StatusCategory } from './status-view'

/** Rows rendered before the operator asks for more. */
const ROWS_AT_FIRST = 200

/** A snapshot older than this is called stale: the poller runs every 15 s when idle. */
const STALE_AFTER_MS = 60_000

const CATEGORY_ICON: Record<StatusCategory, string> = { failed: '✖', healthy: '✔', other: '◌' }
/** Step 2: the connectors as the daemon reports them now, needing attention first. */
export function StatusStep({ connectionId }: { connectionId: string }): React.JSX.Element {
  const view = useAppStore((state) => state.daemons[connectionId])
  const loadStatus = useAppStore((state) => state.loadStatus)
  const runProbe = useAppStore((state) => state.runProbe)
  const now = useNow(5_000)


  const status = view?.status
  const stale = status ? now - Date.parse(status.fetchedAt) > STALE_AFTER_MS : false
  return (
    <div className="status-step">
      <div className="status-meta">
        {status && (
          <span className={stale ? 'stale' : 'muted'}>
            {stale && <span aria-hidden="true">⚠ </span>}
            {status.server} · {status.platformVersion ?? `Egeria ${status.egeria}.x`} · fetched {ageOf(status.fetchedAt, now)}
            {stale && ' (stale: the daemon has not answered since)'}
          </span>
        )}
        <button type="button" onClick={() => void loadStatus(connectionId)} disabled={view?.loading}>
          {view?.loading ? 'Reading…' : 'Read status now'}
        </button>
        <button type="button" onClick={() => void runProbe(connectionId)} disabled={view?.probing}>
          {view?.probing ? 'Checking…' : 'Check the connection'}
        </button>
      </div>
      {view?.error && (
        <p className="callout error" role="alert">
          <span aria-hidden="true">✖ </span>
          The status could not be read: {view.error.message}
          {status ? ' The table shows the last status that could be read.' : ' Check the connection to see where the chain breaks.'}
        </p>
      )}
      {view?.probe && <ProbeView connectionId={connectionId} />}
      {!status && !view?.error && <p className="muted">Reading the daemon’s status…</p>}
      {status && <ConnectorsTable status={status} changed={view?.changed ?? []} now={now} />}
    </div>
  )
}

function ProbeView({ connectionId }: { connectionId: string }): React.JSX.Element | null {
  const probe = useAppStore((state) => state.daemons[connectionId]?.probe)
  if (!probe) return null
  const icon = { pass: '✔', fail: '✖', warn: '⚠', skipped: '–' } as const
  return (
    <section className={`probe ${probe.ok ? 'probe-ok' : 'probe-fail'}`} aria-label="Connection check">
      <p>
        <strong>
          <span aria-hidden="true">{probe.ok ? '✔ ' : '✖ '}</span>
          {probe.answer}
        </strong>
      </p>
      <ol className="hops">
        {probe.hops.map((hop) => (
          <li key={hop.id} className={`hop hop-${hop.state}`}>
            <span aria-hidden="true">{icon[hop.state]} </span>
            <strong>{hop.label}</strong> <span className="visually-hidden">{hop.state}</span>
            {hop.ms !== undefined && <span className="muted"> {hop.ms} ms</span>} — {hop.verdict}
          </li>
        ))}
      </ol>
    </section>
  )
}

function ConnectorsTable({ status, changed, now }: { status: DaemonStatus; changed: string[]; now: number }): React.JSX.Element {
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
              <ConnectorRow key={connector.name} connector={connector} changed={changed.includes(connector.name)} now={now} />
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

type RowProps = { connector: ConnectorState; changed: boolean; now: number }

/** A row re-renders only when what it shows changed: a poll replaces every connector object. */
const ConnectorRow = memo(ConnectorRowView, (before: RowProps, after: RowProps) =>
  before.changed === after.changed && before.now === after.now && sameRowContent(before.connector, after.connector))

function sameRowContent(a: ConnectorState, b: ConnectorState): boolean {
  return a.status === b.status && a.lastStatusChange === b.lastStatusChange && a.lastRefreshTime === b.lastRefreshTime &&
    a.failingMessage === b.failingMessage && a.refreshOverdue === b.refreshOverdue && a.service === b.service && a.group === b.group &&
    a.minMinutesBetweenRefresh === b.minMinutesBetweenRefresh && a.classification?.subject === b.classification?.subject
}

function ConnectorRowView({ connector, changed, now }: RowProps): React.JSX.Element {
  const category = categoryOf(connector.status)
  return (
    <tr className={`connector-row row-${category}${changed ? ' just-changed' : ''}`}>
      <th scope="row">
        {nameWords(connector.name).map((word, index) => (
          <Fragment key={index}>
            {index > 0 && <wbr />}
            {word}
          </Fragment>
        ))}
        <div className="muted small">{connector.service ?? connector.group}</div>
      </th>
      <td>
        <span className={`status-pill status-${category}`}>
          <span aria-hidden="true">{CATEGORY_ICON[category]} </span>
          {connector.status}
        </span>
        {changed && <span className="muted small"> changed</span>}
      </td>
      <td>
        <TimeCell iso={connector.lastStatusChange} now={now} />
      </td>
      <td>
        <TimeCell iso={connector.lastRefreshTime} now={now} />
        {connector.minMinutesBetweenRefresh !== undefined && (
          <div className="muted small">every {connector.minMinutesBetweenRefresh} min</div>
        )}
        {connector.refreshOverdue && (
          <div className="overdue">
            <span aria-hidden="true">⏱ </span>Refresh overdue
          </div>
        )}
      </td>
      <td className="failure-cell">
        {connector.classification && (
          <p className={`source source-${connector.classification.source}`}>
            <strong>{SOURCE_INFO[connector.classification.source].label}</strong>
            {connector.classification.subject && (
              <>
                {' '}
                <code>{connector.classification.subject}</code>
              </>
            )}
            {': '}
            {connector.classification.summary}
            <span className="action"> Next: {connector.classification.action}</span>
          </p>
        )}
        {connector.failingMessage && <FailingMessage message={connector.failingMessage} />}
        <RelatedLogLines connector={connector.name} lastStatusChange={connector.lastStatusChange} />
      </td>
    </tr>
  )
}

function TimeCell({ iso, now }: { iso?: string; now: number }): React.JSX.Element {
  const label = timeLabel(iso, now)
  return (
    <>
      <time dateTime={iso}>{label.absolute}</time>
      {label.age && <div className="muted small">{label.age}</div>}
    </>
  )
}

function FailingMessage({ message }: { message: string }): React.JSX.Element {
  return (
    <p className="failing-message">
      {messageParts(message).map((part, index) =>
        part.messageId ? (
          <mark key={index} className="message-id">
            {part.text}
          </mark>
        ) : part.dump ? (
          <details key={index} className="dump">
            <summary>{part.text.slice(0, part.text.indexOf('{'))}{'{…}'} ({part.text.length.toLocaleString()} characters)</summary>
            <code>{part.text}</code>
          </details>
        ) : (
          <span key={index}>{part.text}</span>
        )
      )}
    </p>
  )
}
