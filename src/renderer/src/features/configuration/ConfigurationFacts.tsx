import { showValue, type ConnectorConfiguration } from '../../../../shared/models/configuration'

/** What the daemon reports about a connector's configuration; secrets arrive masked. */
export function ConfigurationFacts({ configuration }: { configuration: ConnectorConfiguration }): React.JSX.Element {
  const properties = Object.entries(configuration.configurationProperties)
  return (
    <>
      <dl className="confirm-facts configuration-facts">
        <dt>{configuration.group ? 'Integration group' : 'Integration service'}</dt>
        <dd>
          <code>{configuration.group ?? configuration.service ?? 'not reported'}</code>
        </dd>
        <dt>Endpoint address</dt>
        <dd>{configuration.endpointAddress ? <code>{configuration.endpointAddress}</code> : <span className="muted">not reported</span>}</dd>
        <dt>Connector provider</dt>
        <dd>{configuration.connectorProviderClass ? <code>{configuration.connectorProviderClass}</code> : <span className="muted">not reported</span>}</dd>
        <dt>Refresh interval</dt>
        <dd>
          {configuration.minMinutesBetweenRefresh === undefined
            ? 'not reported'
            : configuration.minMinutesBetweenRefresh === 0
              ? 'refreshed once, after each start'
              : `every ${configuration.minMinutesBetweenRefresh} min`}
        </dd>
        {configuration.connectionUserId && (
          <>
            <dt>Connection user</dt>
            <dd>
              <code>{configuration.connectionUserId}</code>
            </dd>
          </>
        )}
        {configuration.maskedSecrets.length > 0 && (
          <>
            <dt>Secrets</dt>
            <dd>{configuration.maskedSecrets.join(', ')} (set; never shown)</dd>
          </>
        )}
        <dt>Configuration properties</dt>
        <dd>
          {properties.length === 0 ? (
            <span className="muted">none</span>
          ) : (
            <table className="configuration-properties">
              <tbody>
                {properties.map(([key, value]) => (
                  <tr key={key}>
                    <th scope="row">
                      <code>{key}</code>
                    </th>
                    <td>
                      <code>{showValue(value)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </dd>
      </dl>
      {configuration.notes.map((note) => (
        <p key={note} className="muted small">
          {note}
        </p>
      ))}
    </>
  )
}
