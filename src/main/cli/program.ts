import { Command, CommanderError } from 'commander'
import { terminalSafe } from './terminal-text'

/** Exit codes shared by every subcommand. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const

/** Thrown by a command for bad input or an unreachable target: one line on stderr, exit 2. */
export class UsageError extends Error {}

export function createProgram(version: string): Command {
  return new Command()
    .name('daemon-doctor')
    .description('Troubleshoot Egeria integration daemons: audit logs, connector status, restart and refresh.')
    .version(version)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
}

/** Runs the program; usage errors and failures end with a one-line reason and exit code 2. */
export async function runProgram(program: Command, argv: string[]): Promise<number> {
  try {
    await program.parseAsync(argv)
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help'
        ? EXIT.ok
        : EXIT.usage
    }
    process.stderr.write(`daemon-doctor: ${terminalSafe((error as Error).message)}\n`)
    return EXIT.usage
  }
}

/** `--port`: 0 (any free port) to 65535. */
export function parsePort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535, not ${value}`)
  return port
}
