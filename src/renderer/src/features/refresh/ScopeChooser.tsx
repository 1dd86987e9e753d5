import { useId } from 'react'
import type { DaemonStatus } from '../../../../shared/models/daemon'
import { connectorCount } from '../../../../shared/troubleshooting/failure-groups'
import { healthyConnectors, recoveredAndHealthy, type RefreshChoiceId, type RefreshSelection } from './refresh-scope'

/** The choice of what to refresh: the recovered connectors (recommended), a service, a group, or everything healthy. */
export function ScopeChooser(props: {
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
