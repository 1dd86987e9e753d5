/** The work of `configure`, loaded only when it runs (see configure.ts for its options). */
import { parsePropertyAssignments, showValue, type ConfigurationChange, type ConnectorConfiguration } from '../../../shared/models/configuration'
import { readConfiguration, runConfigure } from '../../services/egeria/configuration'
import { EXIT, UsageError } from '../program'
import type { ConfigureOptions } from './configure'
import { clientFor, failWith, interruptSignal, print, runChange } from './daemon-run'

function changeFrom(options: ConfigureOptions): ConfigurationChange | undefined {
  if (options.endpoint !== undefined && options.property.length > 0) throw new UsageError('Use either --endpoint or --property, not both: each is one change')
  if (options.endpoint !== undefined) return { kind: 'endpoint', address: options.endpoint }
  if (options.property.length === 0) return undefined
  const parsed = parsePropertyAssignments(options.property)
  if (!parsed.ok) throw new UsageError(parsed.error)
  return { kind: 'properties', properties: parsed.value }
}

export function configurationText(configuration: ConnectorConfiguration): string {
  const properties = Object.entries(configuration.configurationProperties)
  const changeable = [configuration.changeable.endpoint ? 'endpoint' : '', configuration.changeable.properties ? 'properties' : ''].filter(Boolean)
  return [
    `${configuration.connector} (Egeria ${configuration.egeria}, read ${configuration.readAt})`,
    `  ${configuration.group ? `group      ${configuration.group}` : `service    ${configuration.service ?? 'unknown'}`}`,
    `  endpoint   ${configuration.endpointAddress ?? '(not reported)'}`,
    `  provider   ${configuration.connectorProviderClass ?? '(not reported)'}`,
    `  refresh    ${configuration.minMinutesBetweenRefresh === undefined ? '(not reported)' : `every ${configuration.minMinutesBetweenRefresh} min`}`,
    ...(configuration.connectionUserId ? [`  user       ${configuration.connectionUserId}`] : []),
    ...(configuration.maskedSecrets.length ? [`  secrets    ${configuration.maskedSecrets.join(', ')} (masked)`] : []),
    `  properties ${properties.length === 0 ? '(none)' : ''}`,
    ...properties.map(([key, value]) => `    ${key} = ${showValue(value)}`),
    `  changeable while running: ${changeable.join(', ') || 'nothing'}`,
    ...configuration.notes.map((note) => `  note: ${note}`)
  ].join('\n')
}

export async function runConfigureCommand(options: ConfigureOptions): Promise<void> {
  if (!options.connector) throw new UsageError('--connector NAME is required')
  const connector = options.connector
  const change = changeFrom(options)
  if (change) {
    await runChange('configure', options, (client, actionOptions) => runConfigure(client, { connector, change }, actionOptions), (outcome) =>
      (outcome.report.configuration?.diff ?? []).map((line) => `${line.field}: ${line.before ?? '(unset)'} → ${line.after ?? '(unset)'}`)
    )
    return
  }
  const client = clientFor(options)
  const interrupt = interruptSignal()
  try {
    const configuration = await readConfiguration(client, connector, interrupt.signal)
    if (!configuration.ok) {
      process.exitCode = failWith(configuration.error, options.format)
      return
    }
    print(options.format === 'json' ? JSON.stringify(configuration.value, null, 2) : configurationText(configuration.value))
    process.exitCode = EXIT.ok
  } finally {
    interrupt.dispose()
    await client.close()
  }
}
