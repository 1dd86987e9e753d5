/** The work of `web`, loaded only when the command runs (see web.ts for its options). */
import { startWebApp } from '../../web/web-app'
import type { WebOptions } from './web'

export async function runWeb(options: WebOptions): Promise<void> {
  const app = await startWebApp({ port: options.port, dataDir: options.dataDir, rendererDir: options.rendererDir })
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
}
