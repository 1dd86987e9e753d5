import { useNow } from '../../lib/use-now'
import { useAppStore } from '../../store'
import { ConfigurationDialogHost } from '../configuration/ConfigurationLinks'
import { useCurrentProblem } from '../flow/use-current-problem'
import { ConnectorsTable } from './ConnectorsTable'
import { GroupsPanel } from './GroupsPanel'
import { ProbeView } from './ProbeView'
import { ageOf } from './status-view'

/** A snapshot older than this is called stale: the poller runs every 15 s when idle. */
const STALE_AFTER_MS = 60_000

/** Step 2: the connectors as the daemon reports them now, needing attention first. */
export function StatusStep({ connectionId }: { connectionId: string }): React.JSX.Element {
  const view = useAppStore((state) => state.daemons[connectionId])
  const loadStatus = useAppStore((state) => state.loadStatus)
  const runProbe = useAppStore((state) => state.runProbe)
  const now = useNow(5_000)
  const guidance = useCurrentProblem(connectionId)
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
          {status ? ' The table shows the last status that could be read.' : ` ${guidance.next}`}
        </p>
      )}
      {view?.probe && <ProbeView connectionId={connectionId} />}
      {!status && !view?.error && <p className="muted">Reading the daemon’s status…</p>}
      {status?.noConnectors && <GroupsPanel connectionId={connectionId} status={status} />}
      {status && !status.noConnectors && <ConnectorsTable connectionId={connectionId} status={status} changed={view?.changed ?? []} now={now} />}
      <ConfigurationDialogHost connectionId={connectionId} />
    </div>
  )
}
