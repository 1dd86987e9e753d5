/** `status`, `probe`, `restart`, `refresh` and `reload-group`: the daemon client on the command line (`configure` reuses its options). Options are declared here; the
 * client is imported when a command runs, so `--help` loads none of it. */
import type { Command } from 'commander'
import type { ActionKind } from '../../../shared/models/daemon'

export interface TargetOptions {
  url: string
  server: string
  user: string
  passwordEnv?: string
  egeria: string
  ca?: string
  insecure?: boolean
  format: string
  timeout?: string
}

/** What every command that changes the daemon takes: the confirmation, the settle wait and the journal. */
export interface ChangeOptions extends TargetOptions {
  yes?: boolean
  settleTimeout: string
  journal?: boolean
  dataDir?: string
}

export interface ActionCommandOptions extends ChangeOptions {
  connector: string[]
  service?: string
  group?: string
  failed?: boolean
  all?: boolean
  daemon?: boolean
}

export interface GroupReloadOptions extends ChangeOptions {
  group: string
}

export function withTargetOptions(command: Command): Command {
  return command
    .requiredOption('--url <url>', 'platform root URL, for example https://localhost:9443')
    .requiredOption('--server <name>', 'integration daemon server name')
    .option('--user <id>', 'user ID (in the path up to 5.x, the token login in 6.x)', 'garygeeke')
    .option('--password-env <var>', 'environment variable holding the password (6.x bearer token)')
    .option('--egeria <version>', 'Egeria version: auto, 3, 4, 5 or 6', 'auto')
    .option('--ca <file>', 'PEM file of the CA that signed the platform certificate')
    .option('--insecure', 'turn TLS verification off for this call only')
    .option('--format <format>', 'text or json', 'text')
    .option('--timeout <seconds>', 'how long each call may take in all (refresh excluded); status and probe end within it')
}

/** `--yes`, `--settle-timeout`, `--data-dir` and `--no-journal`, the same for every command that changes the daemon. */
export function withChangeOptions(command: Command, what: string, whenRequired = 'required'): Command {
  return command
    .option('--yes', `confirm the ${what} (${whenRequired})`)
    .option('--settle-timeout <seconds>', 'how long to wait for the connectors to settle', '60')
    .option('--data-dir <dir>', "where the action journal is kept (default: the app's data folder)")
    .option('--no-journal', `do not record the ${what} in the journal`)
}

function registerAction(program: Command, action: ActionKind): void {
  const command = withTargetOptions(program.command(action))
    .description(
      action === 'restart'
        ? 'Restart connectors, then verify: recovered, still failing, failing with a new error, or unchanged.'
        : 'Refresh connectors (can take many minutes), then verify the outcome.'
    )
    .option('--connector <name>', 'a connector (repeat the option for several)', (name: string, names: string[]) => [...names, name], [] as string[])
    .option('--service <marker>', 'every connector of an integration service (3.x–5.3)')
    .option('--group <name>', 'every connector of an integration group (4.x+, qualified name)')
    .option('--failed', 'only the failed connectors (one call each)')
    .option('--all', 'every connector')
    .option('--daemon', 'restart only: stop and start the daemon itself, which reads its configuration afresh')
  withChangeOptions(command, 'action').action(async (options: ActionCommandOptions) => (await import('./daemon-run')).runDaemonAction(action, options))
}

export function registerDaemonCommands(program: Command): void {
  withTargetOptions(program.command('status'))
    .description('Read the connector status of an integration daemon (exit 1 when connectors have failed, or none are loaded).')
    .action(async (options: TargetOptions) => (await import('./daemon-run')).runStatus(options))

  withTargetOptions(program.command('probe'))
    .description('Check each hop from TCP to a readable daemon status; the first failing hop is the answer.')
    .action(async (options: TargetOptions) => (await import('./daemon-run')).runProbe(options))

  registerAction(program, 'restart')
  registerAction(program, 'refresh')

  const reloadGroup = withTargetOptions(program.command('reload-group'))
    .description(
      'Ask an integration group to re-read its configuration and connectors from its metadata server (4.0+, Egeria\'s refresh-config), then verify its connectors.'
    )
    .requiredOption('--group <name>', 'the integration group (qualified name, for example Egeria:IntegrationGroup:Default)')
  withChangeOptions(reloadGroup, 're-read').action(async (options: GroupReloadOptions) => (await import('./daemon-run')).runReloadGroup(options))
}
