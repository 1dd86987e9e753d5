/** Step 4: after an outage, ask the recovered connectors to resynchronise, and show their refresh times move. */
import { useId, useMemo, useState } from 'react'
import type { ActionReport, ConnectorState, DaemonStatus } from '../../../../shared/models/daemon'
import { useAppStore } from '../../store'
import { ActionErrorCallout, ActionProgressPanel, StatusPill } from '../restart/ActionParts'
import { OUTCOME } from '../restart/BeforeAfter'
import { ConfirmActionDialog } from '../restart/ConfirmActionDialog'
import { connectorCount } from '../../../../shared/troubleshooting/failure-groups'
import {
  defaultChoice,
  failedConnectors,
  healthyConnectors,
  recoveredAndHealthy,
  refreshMovedSeconds,
  refreshScope,
  type RefreshChoiceId,
  type RefreshSelection
} from './refresh-scope'
import './refresh.css'
import { clockTime } from '../../lib/time'

const NO_RECOVERED: string[] = []

export function RefreshStep({ connectionId }: { connectionId: string }): React.JSX.Element {
  const connection = useAppStore((state) => state.connections.find((candidate) => candidate.id === connectionId))
  const view = useAppStore((state) => state.daemons[connectionId])
  const recovered = useAppStore((state) => state.actions[connectionId]?.recovered) ?? NO_RECOVERED
  const running = useAppStore((state) => state.actions[connectionId]?.running)
  const lastRefresh = useAppStore((state) => state.actions[connectionId]?.lastRefresh)
  const runDaemonAction = useAppStore((state) => state.runDaemonAction)
  const navigate = useAppStore((state) => state.navigate)
  const [picked, setPicked] = useState<Partial<RefreshSelection>>({})
  const [confirming, setConfirming] = useState(false)

  const status = view?.status
  if (!connection) return <p className="muted">This connection no longer exists.</p>
  if (!status) {
    return view?.error ? (
      <p className="callout error" role="alert">
        <span aria-hidden="true">✖</span>The status could not be read: {view.error.message}
      </p>
    ) : (
      <p className="muted">Reading the daemon’s status…</p>
    )
  }
  const selection: RefreshSelection = {
    choice: picked.choice ?? defaultChoice(status, recovered),
    service: picked.service ?? status.services[0]?.marker,
    group: picked.group ?? status.groups[0]?.name
  }
  const target = refreshScope(status, recovered, selection)
  const failed = failedConnectors(status)
  const readOnly = connection.readOnly

  return (
    <div className="refresh-step">
      <div className="visually-hidden" role="status" aria-live="polite">
        {running?.kind === 'refresh' ? 'Refresh started.' : lastRefresh ? `Refresh finished. ${lastRefresh.summary}` : ''}
      </div>
      <div className="callout info refresh-explainer" role="note">
        <span aria-hidden="true">ℹ</span>
        <div>
          <strong>Refresh is expensive: use it after an outage.</strong> A refresh asks each connector to compare its third-party technology with the
          open metadata ecosystem and repair any differences it missed while it was down. On a large estate that can take many minutes per connector,
          so request it once the restarts have succeeded, and only for the connectors that need it.
        </div>
      </div>
      {readOnly && (
        <p className="callout info" role="note">
          <span aria-hidden="true">⊘</span>
          {connection.name} is read-only: refresh is turned off for it.
        </p>
      )}
      {failed.restart.length > 0 && (
        <p className="callout warning">
          <span aria-hidden="true">⚠</span>
          {connectorCount(failed.restart.length)} still failing ({failed.restart.join(', ')}): a refresh skips failed connectors.
          Restart them first, once their cause is fixed.
          <button type="button" onClick={() => navigate({ kind: 'flow', connectionId, step: 'restart' })}>
            Go to Restart
          </button>
        </p>
      )}
      {failed.configuration.length > 0 && (
        <p className="callout warning">
          <span aria-hidden="true">⚠</span>
          {connectorCount(failed.configuration.length)} still failing ({failed.configuration.join(', ')}): a refresh skips
          failed connectors, and restarting {failed.configuration.length === 1 ? 'this one' : 'these'} cannot help. Change
          the daemon’s configuration, then restart the daemon.
        </p>
      )}
      <ActionErrorCallout connectionId={connectionId} kind="refresh" />
      <ActionProgressPanel connectionId={connectionId} kind="refresh" />
      {lastRefresh && running?.kind !== 'refresh' && <RefreshResult report={lastRefresh} />}

      <ScopeChooser status={status} recovered={recovered} selection={selection} disabled={Boolean(running)} onChange={(change) => setPicked({ ...picked, ...change })} />
      {target && <RefreshPreview status={status} names={target.names} />}
      <div className="toolbar refresh-actions">
        <button type="button" className="primary" disabled={!target || Boolean(running) || readOnly} onClick={() => setConfirming(true)}>
          {target ? `Refresh ${connectorCount(target.names.length)}…` : 'Nothing to refresh'}
        </button>
        {running && running.kind !== 'refresh' && <span className="muted">A {running.kind} is running on this daemon: wait for it to finish.</span>}
      </div>
      {confirming && target && (
        <ConfirmActionDialog
          connection={connection}
          kind="refresh"
          connectors={target.names}
          consequence="Each connector compares its third-party technology with open metadata and repairs the differences. This can take many minutes; you can stop waiting at any time (the daemon carries on). Failed connectors are skipped."
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false)
            void runDaemonAction(connectionId, 'refresh', target.scope, target.names)
          }}
        />
      )}
    </div>
  )
}

function ScopeChooser(props: {
  status: DaemonStatus
  recovered: string[]
  selection: RefreshSelection
  disabled: boolean
  onChange(change: Partial<RefreshSelection>): void
}): React.JSX.Element {
  const { status, recovered, selection, disabled, onChange } = props
  const name = useId()
  const recoveredNow = recoveredAndHealthy(status, recovered)
  const healthy = healthyConnectors(status)
  const option = (id: RefreshChoiceId, enabled: boolean, label: React.ReactNode, hint: React.ReactNode, extra?: React.ReactNode): React.JSX.Element => (
    <div className={`scope-option${selection.choice === id ? ' chosen' : ''}${enabled ? '' : ' unavailable'}`}>
      <label>
        <input type="radio" name={name} value={id} checked={selection.choice === id} disabled={disabled || !enabled} onChange={() => onChange({ choice: id })} />
        <span>
          <strong>{label}</strong>
          <span className="muted small scope-hint">{hint}</span>
        </span>
      </label>
      {extra}
    </div>
  )
  return (
    <fieldset className="refresh-scope">
      <legend>What to refresh</legend>
      {option(
        'recovered',
        recoveredNow.length > 0,
        <>
          Recommended: the {connectorCount(recoveredNow.length)} recovered by a restart in this session
        </>,
        recoveredNow.length > 0 ? recoveredNow.join(', ') : 'No restart has recovered a connector in this session yet.'
      )}
      {status.services.length > 0 &&
        option(
          'service',
          true,
          'An integration service',
          'Every connector of the service.',
          <select aria-label="Integration service" value={selection.service} disabled={disabled} onChange={(event) => onChange({ choice: 'service', service: event.target.value })}>
            {status.services.map((service) => (
              <option key={service.marker} value={service.marker}>
                {service.name ?? service.marker} ({connectorCount(service.connectorNames.length)})
              </option>
            ))}
          </select>
        )}
      {status.groups.length > 0 &&
        option(
          'group',
          true,
          'An integration group',
          'Every connector of the group, one call each.',
          <select aria-label="Integration group" value={selection.group} disabled={disabled} onChange={(event) => onChange({ choice: 'group', group: event.target.value })}>
            {status.groups.map((group) => (
              <option key={group.name} value={group.name}>
                {group.name} ({connectorCount(group.connectorNames.length)})
              </option>
            ))}
          </select>
        )}
      {option('healthy', healthy.length > 0, `All healthy connectors (${healthy.length})`, 'The most expensive choice: every connector that runs now.')}
    </fieldset>
  )
}

function refreshLabel(iso: string | undefined): string {
  return iso ? clockTime(iso) : 'never'
}

function RefreshPreview({ status, names }: { status: DaemonStatus; names: string[] }): React.JSX.Element {
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

/** The outcome: each connector's lastRefreshTime before → after, and any that failed during the refresh. */
export function RefreshResult({ report }: { report: ActionReport }): React.JSX.Element {
  const failedDuring = report.connectors.filter((entry) => entry.outcome === 'now-failing' || entry.outcome === 'failing-new-error')
  const moved = report.connectors.filter((entry) => (refreshMovedSeconds(entry.beforeRefreshTime, entry.afterRefreshTime) ?? 0) > 0)
  const seconds = Math.max(0, Math.round((Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 1000))
  const ok = failedDuring.length === 0 && report.calls.every((entry) => entry.ok)
  return (
    <section className={`action-result ${ok ? 'result-ok' : 'result-partial'}`} aria-label="Refresh outcome">
      <p className="result-summary">
        <span aria-hidden="true">{ok ? '✔ ' : '⚠ '}</span>
        <strong>
          {moved.length} of {connectorCount(report.connectors.length)} refreshed
          {failedDuring.length > 0 ? `; ${failedDuring.length} failed during the refresh` : ''}.
        </strong>{' '}
        <span className="muted small">
          Took {seconds} s; finished {clockTime(report.finishedAt)}. Refresh times are the daemon’s own clock.
        </span>
      </p>
      {report.calls
        .filter((entry) => !entry.ok)
        .map((entry) => (
          <p key={entry.call} className="action-failed-calls">
            <span aria-hidden="true">✖ </span>
            <code>{entry.call}</code>: {entry.error}
          </p>
        ))}
      <table className="refresh-table refresh-outcome">
        <thead>
          <tr>
            <th scope="col">Connector</th>
            <th scope="col">Last refresh before</th>
            <th scope="col" aria-label="moved to" />
            <th scope="col">Last refresh after</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {report.connectors.map((entry) => {
            const delta = refreshMovedSeconds(entry.beforeRefreshTime, entry.afterRefreshTime)
            const didMove = (delta ?? 0) > 0
            const failedNow = entry.outcome === 'now-failing' || entry.outcome === 'failing-new-error'
            const outcome = OUTCOME[entry.outcome]
            return (
              <tr key={entry.name} className={failedNow ? 'failed-during' : undefined} data-moved={didMove}>
                <th scope="row">{entry.name}</th>
                <td>
                  <time dateTime={entry.beforeRefreshTime}>{refreshLabel(entry.beforeRefreshTime)}</time>
                </td>
                <td className={`moved-arrow ${didMove ? 'act-tone-ok' : 'act-tone-warn'}`} aria-hidden="true">
                  →
                </td>
                <td className={didMove ? 'time-moved' : 'time-still'}>
                  <time dateTime={entry.afterRefreshTime}>{refreshLabel(entry.afterRefreshTime)}</time>{' '}
                  <span className="small">
                    {didMove ? (
                      <>
                        <span aria-hidden="true">✔ </span>
                        {delta === Number.POSITIVE_INFINITY ? 'first refresh' : `moved ${delta} s on`}
                      </>
                    ) : (
                      <>
                        <span aria-hidden="true">⚠ </span>did not move
                      </>
                    )}
                  </span>
                </td>
                <td>
                  <StatusPill status={entry.after} />{' '}
                  {failedNow && (
                    <span className={`ba-outcome act-tone-${outcome.tone}`}>
                      <span aria-hidden="true">{outcome.icon}</span> {outcome.label}
                    </span>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {failedDuring.map((entry) => (
        <p key={entry.name} className="callout error">
          <span aria-hidden="true">✖</span>
          {entry.verdict}
        </p>
      ))}
    </section>
  )
}
