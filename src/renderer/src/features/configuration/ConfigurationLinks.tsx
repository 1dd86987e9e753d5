import { useAppStore } from '../../store'
import { ConfigurationDialog } from './ConfigurationDialog'

/** Under a cause a wrong address or property can explain: each connector's configuration, one click away. */
export function ConfigurationLinks({ connectionId, connectors }: { connectionId: string; connectors: string[] }): React.JSX.Element {
  const openConfiguration = useAppStore((state) => state.openConfiguration)
  return (
    <p className="small configuration-links">
      <span className="muted">A wrong endpoint address or property? See what the daemon runs with:</span>{' '}
      {connectors.map((name) => (
        <button key={name} type="button" className="link-button" onClick={() => void openConfiguration(connectionId, name)}>
          Configuration of {name}…
        </button>
      ))}
    </p>
  )
}

/** The configuration dialog of the connection, while one is open. */
export function ConfigurationDialogHost({ connectionId }: { connectionId: string }): React.JSX.Element | null {
  const open = useAppStore((state) => !!state.configurations[connectionId]?.connector)
  return open ? <ConfigurationDialog connectionId={connectionId} /> : null
}
