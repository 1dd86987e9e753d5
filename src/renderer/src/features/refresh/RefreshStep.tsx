/** Step 4: after an outage, ask the recovered connectors to resynchronise, and show their refresh times move. */
import { useState } from 'react'
import { useAppStore } from '../../store'
import { ActionErrorCallout, ActionProgressPanel } from '../restart/ActionParts'
import { ConfirmActionDialog } from '../restart/ConfirmActionDialog'
import { connectorCount } from '../../../../shared/troubleshooting/failure-groups'
import { defaultChoice, failedConnectors, refreshScope, type RefreshSelection } from './refresh-scope'
import { RefreshPreview } from './RefreshPreview'
import { RefreshResult } from './RefreshResult'
import { ScopeChooser } from './ScopeChooser'
import './refresh.css'

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
