import type { Command } from 'commander'
import { fileURLToPath } from 'node:url'
import { startWebApp } from '../../web/web-app'
import { UsageError } from '../program'

export function registerWebCommand(program: Command): void {
  program
    .command('web')
    .description('Serve the app to a browser on 127.0.0.1 (the same app and services as the desktop window).')
    .option('--port <number>', 'port to listen on (default: any free port)', parsePort, 0)
    .option('--data-dir <dir>', 'settings folder (default: the desktop app\'s, or $DAEMON_DOCTOR_DATA_DIR)')
    .option('--demo', 'open on the built-in demo daemon')
    .action(async (options: { port: number; dataDir?: string; demo?: boolean }) => {
      const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url))
      const app = await startWebApp({ port: options.port, dataDir: options.dataDir, rendererDir })
      const url = options.demo ? `${app.host.url}#demo` : app.host.url
      process.stdout.write(`Daemon Doctor is running at ${url}\n`)
      process.stdout.write(`Settings: ${app.dataDir} (passwords are kept in memory only while this host runs)\n`)
      process.stdout.write('Press Ctrl+C to stop.\n')
      await new Promise<void>((resolve) => {
        const stop = (): void => resolve()
        process.once('SIGINT', stop)
        process.once('SIGTERM', stop)
      })
      await app.close()
    })
}

function parsePort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535, not ${value}`)
  return port
}
