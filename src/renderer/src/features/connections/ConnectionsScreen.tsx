import { useMemo } from 'react'
import type { Connection } from '../../../../shared/models/connection'
import { useAppStore } from '../../store'
import { OpenLogsCard } from '../audit-log/OpenLogsCard'
import { DemoCard } from '../demo/DemoCard'
import { ConnectionRow } from './ConnectionRow'
import { ConnectionsToolbar } from './ConnectionsToolbar'
import { useHealthChecks } from './use-health-checks'

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
  // The demo daemon has its own card above the list.
  const saved = useMemo(() => connections.filter((c) => !c.demo), [connections])
  const visible = useMemo(() => saved.filter((c) => matchesQuery(c, query)), [saved, query])
  useHealthChecks(connections.map((c) => c.id).join(' '))

  return (
    <section className="screen" aria-labelledby="connections-heading">
      <header className="screen-header">
        <h1 id="connections-heading">Connections</h1>
        <ConnectionsToolbar />
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
