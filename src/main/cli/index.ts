/**
 * `daemon-doctor`: the command-line face of the app. Every subcommand registers itself here with its
 * options only; each command's file imports its work (`<command>-run.ts`) when the command runs, so
 * `--help` and each command load just what they use.
 */
import { version } from '../../../package.json'
import { registerAnalyzeCommand } from './commands/analyze'
import { registerConfigureCommand } from './commands/configure'
import { registerDaemonCommands } from './commands/daemon'
import { registerSimCommand } from './commands/sim'
import { registerWebCommand } from './commands/web'
import { createProgram, runProgram } from './program'

const program = createProgram(version)
registerWebCommand(program)
registerAnalyzeCommand(program)
registerSimCommand(program)
registerDaemonCommands(program)
registerConfigureCommand(program)

process.exitCode = await runProgram(program, process.argv)
