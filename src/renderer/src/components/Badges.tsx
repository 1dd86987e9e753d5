/** Connection markers: each carries an icon and text, never colour alone. */
import { ENVIRONMENT_LABELS, type Connection } from '../../../shared/models/connection'

export function EnvironmentBadge({ environment }: { environment: Connection['environment'] }): React.JSX.Element {
  return (
    <span className={`badge env-${environment}`} title={`${ENVIRONMENT_LABELS[environment]} environment`}>
      <span aria-hidden="true">{environment === 'prod' ? '◆' : environment === 'test' ? '◇' : '○'}</span>
      {ENVIRONMENT_LABELS[environment]}
    </span>
  )
}

export function TlsOffBadge(): React.JSX.Element {
  return (
    <span className="badge tls-off" title="TLS certificate verification is turned off for this connection">
      <span aria-hidden="true">⚠</span>TLS verification off
    </span>
  )
}

export function ReadOnlyBadge(): React.JSX.Element {
  return (
    <span className="badge read-only" title="Actions (restart, refresh) are disabled for this connection">
      <span aria-hidden="true">⊘</span>Read-only
    </span>
  )
}

/** Every marker a connection carries, wherever it appears. */
export function ConnectionBadges({ connection }: { connection: Connection }): React.JSX.Element {
  return (
    <span className="badges">
      <EnvironmentBadge environment={connection.environment} />
      {connection.tls.mode === 'insecure' && <TlsOffBadge />}
      {connection.readOnly && <ReadOnlyBadge />}
      {connection.demo && (
        <span className="badge demo">
          <span aria-hidden="true">▶</span>Demo
        </span>
      )}
    </span>
  )
}
