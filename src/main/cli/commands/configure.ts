/** `configure`: see a connector's configuration, or change its endpoint address or properties, then verify. */
import type { Command } from 'commander'
import { parsePropertyAssignments, showValue, type ConfigurationChange, type ConnectorConfiguration } from '../../../shared/models/configuration'
import { readConfiguration, runConfigure } from '../../services/egeria/configuration'
import { EXIT, UsageError } from '../program'
import { clientFor, failWith, finishAction, print, withTargetOptions, type TargetOptions } from './daemon'

interface ConfigureOptions extends TargetOptions {
  connector?: string
  endpoint?: string
  property: string[]
  yes?: boolean
  settleTimeout: string
  journal?: boolean
  dataDir?: string
}

function changeFrom(options: ConfigureOptions): ConfigurationChange | undefined {
  if (options.endpoint !== undefined && options.property.length > 0) throw new UsageError('Use either --endpoint or --property, not both: each is one change')
  if (options.endpoint !== undefined) return { kind: 'endpoint', address: options.endpoint }
  if (options.property.length === 0) return undefined
  const parsed = parsePropertyAssignments(options.property)
  if (!parsed.ok) throw new UsageError(parsed.message)
  return { kind: 'properties', properties: parsed.properties }
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

export function registerConfigureCommand(program: Command): void {
  withTargetOptions(program.command('configure'))
    .description("Show a connector's configuration; with --endpoint or --property, change it (the daemon restarts the connector), then verify.")
    .option('--connector <name>', 'the connector (required)')
    .option('--endpoint <address>', "new endpoint address (5.0+): a directory, a URL such as jdbc:postgresql://host:5432/db, or host:port")
    .option('--property <key=value>', 'a configuration property to set (4.1+; repeat for several; JSON values keep their type)', (entry: string, all: string[]) => [...all, entry], [] as string[])
    .option('--yes', 'confirm the change (required to change anything)')
    .option('--settle-timeout <seconds>', 'how long to wait for the connector to settle', '60')
    .option('--data-dir <dir>', "where the action journal is kept (default: the app's data folder)")
    .option('--no-journal', 'do not record the change in the journal')
    .action(async (options: ConfigureOptions) => {
      if (!options.connector) throw new UsageError('--connector NAME is required')
      const change = changeFrom(options)
      if (change && !options.yes) throw new UsageError('configure changes the daemon: add --yes to confirm')
      const settleSeconds = Number(options.settleTimeout)
      if (!(settleSeconds > 0)) throw new UsageError(`--settle-timeout must be a positive number of seconds, not ${options.settleTimeout}`)
      const client = clientFor(options)
      try {
        if (!change) {
          const configuration = await readConfiguration(client, options.connector)
          if (!configuration.ok) {
            process.exitCode = failWith(configuration.failure, options.format)
            return
          }
          print(options.format === 'json' ? JSON.stringify(configuration.value, null, 2) : configurationText(configuration.value))
          process.exitCode = EXIT.ok
          return
        }
        const result = await runConfigure(client, { connector: options.connector, change }, {
          settleTimeoutMs: settleSeconds * 1000,
          onProgress: (progress) => {
            if (options.format === 'text') process.stderr.write(`… ${progress.message}\n`)
          }
        })
        if (!result.ok) {
          process.exitCode = failWith(result.failure, options.format)
          return
        }
        const diff = result.value.report.configuration?.diff ?? []
        finishAction(client, options, result.value, diff.map((line) => `${line.field}: ${line.before ?? '(unset)'} → ${line.after ?? '(unset)'}`))
      } finally {
        await client.close()
      }
    })
}
