import { useEffect } from 'react'
import { useAppStore } from '../../store'
import { worldProblems } from './demo-world'

/**
 * In the demo there is no real metadata server to restart or directory to create: this panel is
 * the operator's hands in the simulated world. Real connections never show it.
 */
export function DemoWorldPanel(): React.JSX.Element | null {
  const world = useAppStore((state) => state.demoWorld)
  const load = useAppStore((state) => state.loadDemoWorld)
  const change = useAppStore((state) => state.changeDemoWorld)
  useEffect(() => {
    void load()
  }, [load])
  if (!world) return null
  const problems = worldProblems(world)
  return (
    <details className="demo-world">
      <summary>
        <span aria-hidden="true">⚙ </span>Demo world:{' '}
        {problems.length > 0 ? (
          <span className="state-bad">
            <span aria-hidden="true">✖ </span>
            {problems.join(', ')}
          </span>
        ) : (
          <span className="state-ok">
            <span aria-hidden="true">✔ </span>everything the connectors need is there
          </span>
        )}
      </summary>
      <p className="muted">
        The demo has no real servers, file system or configuration files: these buttons are your hands. Where the app says to
        start a metadata server, create a directory or change the daemon’s configuration, do it here, as you would outside
        the app, then come back to the step.
      </p>
      <ul>
        {Object.entries(world.metadataServers).map(([name, server]) => (
          <WorldItem
            key={name}
            ok={server.available}
            state={<>Metadata server <code>{name}</code> is {server.available ? 'running' : 'down'}</>}
            button={server.available ? `Stop ${name}` : `Start ${name}`}
            onClick={() => void change({ metadataServers: { [name]: { available: !server.available } } }, `${server.available ? 'Stopped' : 'Started'} metadata server ${name}`)}
          />
        ))}
        {Object.entries(world.resources).map(([key, resource]) => {
          const directory = resource.kind === 'directory'
          return (
            <WorldItem
              key={key}
              ok={resource.available}
              state={
                <>
                  {directory ? 'Directory' : resource.kind === 'endpoint' ? 'Endpoint' : 'Topic'} <code>{key}</code>{' '}
                  {resource.available ? (directory ? 'exists' : 'is reachable') : directory ? 'does not exist' : 'is unreachable'}
                </>
              }
              button={directory ? (resource.available ? 'Remove directory' : 'Create directory') : resource.available ? 'Take down' : 'Bring up'}
              onClick={() => void change({ resources: { [key]: { available: !resource.available } } }, `${resource.available ? 'Removed' : 'Created'} ${key}`)}
            />
          )
        })}
        {Object.entries(world.connectorConfigs).map(([name, config]) => (
          <WorldItem
            key={name}
            ok={!config.wrongType}
            state={<>Configuration of <code>{name}</code>: {config.wrongType ? 'a connector class of the wrong type' : 'corrected (applies when the daemon restarts)'}</>}
            button={config.wrongType ? 'Correct the configuration' : 'Undo the correction'}
            onClick={() =>
              void change(
                { connectorConfigs: { [name]: { wrongType: !config.wrongType } } },
                config.wrongType ? `Corrected the configuration of ${name}: restart the daemon to apply it` : `Put back the wrong configuration of ${name}`
              )
            }
          />
        ))}
      </ul>
    </details>
  )
}

/** One thing of the world, its state as icon and text, and the button that changes it. */
function WorldItem({ ok, state, button, onClick }: { ok: boolean; state: React.ReactNode; button: string; onClick(): void }): React.JSX.Element {
  return (
    <li>
      <span className={ok ? 'state-ok' : 'state-bad'}>
        <span aria-hidden="true">{ok ? '✔ ' : '✖ '}</span>
        {state}
      </span>
      <button type="button" onClick={onClick}>
        {button}
      </button>
    </li>
  )
}
