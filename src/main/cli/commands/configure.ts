/** `configure`: see a connector's configuration, or change its endpoint address or properties, then verify. Options are
 * declared here; the work is imported when the command runs. */
import type { Command } from 'commander'
import { withChangeOptions, withTargetOptions, type TargetOptions } from './daemon'

export interface ConfigureOptions extends TargetOptions {
  connector?: string
  endpoint?: string
  property: string[]
  yes?: boolean
  settleTimeout: string
  journal?: boolean
  dataDir?: string
}

export function registerConfigureCommand(program: Command): void {
  const command = withTargetOptions(program.command('configure'))
    .description("Show a connector's configuration; with --endpoint or --property, change it (the daemon restarts the connector), then verify.")
    .option('--connector <name>', 'the connector (required)')
    .option('--endpoint <address>', "new endpoint address (5.0+): a directory, a URL such as jdbc:postgresql://host:5432/db, or host:port")
    .option('--property <key=value>', 'a configuration property to set (4.1+; repeat for several; JSON values keep their type)', (entry: string, all: string[]) => [...all, entry], [] as string[])
  withChangeOptions(command, 'change', 'required to change anything').action(async (options: ConfigureOptions) => (await import('./configure-run')).runConfigureCommand(options))
}
