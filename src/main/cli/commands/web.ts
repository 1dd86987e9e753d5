import type { Command } from 'commander'
import { fileURLToPath } from 'node:url'
import { parsePort } from '../program'

export interface WebOptions {
  port: number
  rendererDir: string
  dataDir?: string
  demo?: boolean
}

/** Options are declared here; the host is imported when the command runs, so `--help` loads none of it. */
export function registerWebCommand(program: Command): void {
  program
    .command('web')
    .description('Serve the app to a browser on 127.0.0.1 (the same app and services as the desktop window).')
    .option('--port <number>', 'port to listen on (default: any free port)', parsePort, 0)
    .option('--data-dir <dir>', 'settings folder (default: the desktop app\'s, or $DAEMON_DOCTOR_DATA_DIR)')
    .option('--demo', 'open on the built-in demo daemon')
    .action(async (options: Omit<WebOptions, 'rendererDir'>) => {
      // Resolved here, in the CLI's entry file (out/main/cli.js), not in a chunk a folder deeper.
      const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url))
      await (await import('./web-run')).runWeb({ ...options, rendererDir })
    })
}
