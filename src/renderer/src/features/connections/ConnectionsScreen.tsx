import { useEffect, useMemo, useRef } from 'react'
import type { Connection } from '../../../../shared/models/connection'
import { ConnectionBadges } from '../../components/Badges'
import { useAppStore } from '../../store'
import { downloadText } from '../../lib/download'
import { OpenLogsCard } from '../audit-log/OpenLogsCard'
import { DemoCard } from '../demo/DemoCard'
import { HealthSummary } from './HealthSummary'

/** Home re-reads every daemon this often while it is shown and the window is visible. */
const HEALTH_INTERVAL_MS = 60_000

export function matchesQuery(connection: Connection, query: string): boolean {
  const needle = query.trim().toLowerCase()
  if (!needle) return true
  return [connection.name, connection.platformUrl, connection.serverName, connection.userId, connection.environment]
    .some((field) => field.toLowerCase().includes(needle))
}

export function ConnectionsScreen(): React.JSX.Element {
  const connections = useAppStore((state) => state.connections)
  const loaded = useAppStore((state) => state.connectionsLoaded)
  const loadError = useAppStore((state) => state.connectionsError)
  const query = useAppStore((state) => state.connectionQuery)
  const setQuery = useAppStore((state) => state.setConnectionQuery)
  const navigate = useAppStore((state) => state.navigate)
  const importConnections = useAppStore((state) => state.importConnections)
  const exportConnections = useAppStore((state) => state.exportConnections)
  const fileInput = useRef<HTMLInputElement>(null)
  // The demo daemon has its own card above the list.
  const saved = useMemo(() => connections.filter((c) => !c.demo), [connections])
  const visible = useMemo(() => saved.filter((c) => matchesQuery(c, query)), [saved, query])
  useHealthChecks(connections.map((c) => c.id).join(' '))

  return (
    <section className="screen" aria-labelledby="connections-heading">
      <header className="screen-header">
        <h1 id="connections-heading">Connections</h1>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => navigate({ kind: 'edit-connection' })} aria-keyshortcuts="N">
            <span aria-hidden="true">+</span> New connection
          </button>
          <button type="button" onClick={() => fileInput.current?.click()}>
            Import…
          </button>
          <button
            type="button"
            disabled={connections.length === 0}
            onClick={async () => {
              const exported = await exportConnections()
              if (exported) downloadText(exported.fileName, exported.json, 'application/json')
            }}
          >
            Export
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            aria-label="Connections file to import"
            onChange={async (event) => {
              const file = event.target.files?.[0]
              event.target.value = ''
              if (file) await importConnections(await file.text())
            }}
          />
        </div>
      </header>

      <DemoCard />
      <OpenLogsCard />

      <div className="search-row">
        <label htmlFor="connection-search" className="visually-hidden">
          Search connections
        </label>
        <input
          id="connection-search"
          type="search"
          placeholder="Search by name, URL, server or user (press /)"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <span className="muted" aria-live="polite">
          {query ? `${visible.length} of ${saved.length}` : `${saved.length} saved`}
        </span>
      </div>

      {loadError && (
        <p className="callout error" role="alert">
          <span aria-hidden="true">✖ </span>Could not load connections: {loadError.message}
        </p>
      )}
      {loaded && saved.length === 0 && !loadError && (
        <div className="empty-state">
          <h2>No saved connections yet</h2>
          <p>Add the platform URL and the integration daemon’s server name of an Egeria you look after.</p>
          <button type="button" className="primary" onClick={() => navigate({ kind: 'edit-connection' })}>
            Add a connection
          </button>
        </div>
      )}
      {saved.length > 0 && visible.length === 0 && (
        <p className="empty-state">No connection matches “{query}”.</p>
      )}

      <ul className="connection-list" aria-label="Saved connections">
        {visible.map((connection) => (
          <ConnectionRow key={connection.id} connection={connection} />
        ))}
      </ul>
    </section>
  )
}

function useHealthChecks(idList: string): void {
  const checkHealth = useAppStore((state) => state.checkHealth)
  useEffect(() => {
    const ids = idList ? idList.split(' ') : []
    if (ids.length === 0) return
    const check = (): void => {
      if (document.visibilityState === 'visible') void checkHealth(ids)
    }
    check()
    const timer = setInterval(check, HEALTH_INTERVAL_MS)
    return () => clearInterval(timer)
  }, [idList, checkHealth])
}

function ConnectionRow({ connection }: { connection: Connection }): React.JSX.Element {
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
