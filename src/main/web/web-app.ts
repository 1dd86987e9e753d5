import { version } from '../../../package.json'
import { createAppServices, type AppServices } from '../services/app-services'
import { defaultDataDir } from '../services/data-dir'
import { createEventHub } from '../services/event-hub'
import { createMemorySecretStore } from '../services/secret-store'
import { startBrowserHost, type BrowserHost } from './browser-host'

export interface WebAppOptions {
  rendererDir: string
  port?: number
  dataDir?: string
}

export interface WebApp {
  host: BrowserHost
  services: AppServices
  dataDir: string
  close(): Promise<void>
}

/** The app's services behind the browser host: what `daemon-doctor web` and the e2e tests run. */
export async function startWebApp(options: WebAppOptions): Promise<WebApp> {
  const dataDir = options.dataDir ?? defaultDataDir()
  const events = createEventHub()
  const services = createAppServices({
    host: 'browser',
    version,
    dataDir,
    secrets: createMemorySecretStore(),
    emit: events.emit
  })
  const host = await startBrowserHost({ api: services.api, events, rendererDir: options.rendererDir, port: options.port })
  return {
    host,
    services,
    dataDir,
    async close() {
      await host.close()
      await services.dispose()
    }
  }
}
