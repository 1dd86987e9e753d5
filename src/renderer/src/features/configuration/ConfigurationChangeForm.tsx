import { useId, useState } from 'react'
import { changeUnavailable, type ConfigurationChange, type ConnectorConfiguration } from '../../../../shared/models/configuration'
import type { Connection } from '../../../../shared/models/connection'
import { EnvironmentBadge } from '../../components/Badges'
import { mustTypeName } from '../restart/ConfirmActionDialog'
import { DiffTable } from './DiffTable'
import { useConfigurationDraft } from './use-configuration-draft'

interface Props {
  connection: Connection
  configuration: ConnectorConfiguration
  busy: boolean
  onChange(change: ConfigurationChange): void
}

/** Edit the endpoint address or properties, see the diff, confirm (the daemon's name typed on production). */
export function ConfigurationChangeForm({ connection, configuration, busy, onChange }: Props): React.JSX.Element {
  const draft = useConfigurationDraft(configuration)
  const [typed, setTyped] = useState('')
  const ids = { problem: useId(), typed: useId(), value: useId() }
  const typing = mustTypeName(connection, false)
  const allowed = draft.change !== undefined && (!typing || typed.trim() === connection.serverName) && !busy
  if (connection.readOnly) {
    return <p className="callout">{connection.name} is read-only: changing the configuration is turned off for it.</p>
  }
  const endpointUnavailable = changeUnavailable(configuration.egeria, 'endpoint')
  return (
    <form
      className="configuration-change"
      onSubmit={(event) => {
        event.preventDefault()
        if (allowed) onChange(draft.change!)
      }}
    >
      <fieldset>
        <legend>Change</legend>
        <label>
          <input type="radio" name="change-kind" checked={draft.kind === 'endpoint'} disabled={!!endpointUnavailable} onChange={() => draft.setKind('endpoint')} /> Endpoint address
        </label>
        <label>
          <input type="radio" name="change-kind" checked={draft.kind === 'properties'} onChange={() => draft.setKind('properties')} /> Configuration properties
        </label>
        {endpointUnavailable && <p className="muted small">{endpointUnavailable}.</p>}
      </fieldset>
      <div className="field">
        {draft.kind === 'endpoint' ? (
          <>
            <label htmlFor={ids.value}>New endpoint address (a directory, a URL such as a JDBC URL, or host:port)</label>
            <input id={ids.value} value={draft.endpoint} onChange={(event) => draft.setEndpoint(event.target.value)} aria-describedby={ids.problem} spellCheck={false} autoComplete="off" />
          </>
        ) : (
          <>
            <label htmlFor={ids.value}>Properties to set, one KEY=VALUE per line (true, numbers and JSON keep their type; other properties keep their values)</label>
            <textarea id={ids.value} rows={3} value={draft.properties} onChange={(event) => draft.setProperties(event.target.value)} aria-describedby={ids.problem} spellCheck={false} />
          </>
        )}
        <p id={ids.problem} className={draft.problem ? 'field-error' : 'muted small'} role="status">
          {draft.problem && <span aria-hidden="true">✖ </span>}
          {draft.problem ?? (draft.unchanged ? 'This is what the connector has now: edit it to see what would change.' : 'The change is sent once and never retried.')}
        </p>
      </div>
      {draft.diff.length > 0 && <DiffTable lines={draft.diff} caption="What changes" afterLabel="New" />}
      <p className="confirm-consequence">
        The daemon restarts <code>{configuration.connector}</code> with the new configuration on <code>{connection.serverName}</code> (<EnvironmentBadge environment={connection.environment} />); Daemon Doctor then reads its status and configuration again. The change lives in the running daemon only: put it in the connector’s registered configuration too, or a daemon restart brings the old one back.
      </p>
      {typing && (
        <div className="field">
          <label htmlFor={ids.typed}>This is a production daemon. Type the daemon’s name <code>{connection.serverName}</code> to confirm</label>
          <input id={ids.typed} value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" spellCheck={false} />
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className={typing ? 'primary danger-fill' : 'primary'} disabled={!allowed}>
          {busy ? 'Changing…' : `Change and restart ${configuration.connector}`}
        </button>
      </div>
    </form>
  )
}
