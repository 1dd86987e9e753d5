/**
 * The composition root shared by both hosts: builds every service from injected platform pieces
 * and exposes them as one `AppApi` object. The Electron shell and the browser host differ only in
 * what they inject (settings file library, secret store, how to open a link, how to push events).
 */
import type { AppApi, AppInfo, EmitEvent, HostKind } from '../../shared/api'
import { AppError } from '../../shared/result'
import { startSimulator } from '../simulator'
import { ConnectionService } from './connection-service'
import { DemoService } from './demo-service'
import { DaemonService } from './egeria/daemon-service'
import type { SecretStore } from './secret-store'
import type { JsonFileStoreFactory } from './settings-file'

export interface AppServicesDeps {
  host: HostKind
  version: string
  dataDir: string
  openStore: JsonFileStoreFactory
  secrets: SecretStore
  emit: EmitEvent
  /** Opens a vetted https URL outside the app; absent where the host cannot. */
  openExternal?: (url: string) => Promise<void>
}

export interface AppServices {
  api: AppApi
  connections: ConnectionService
  demo: DemoService
  daemon: DaemonService
  dispose(): Promise<void>
}

export function createAppServices(deps: AppServicesDeps): AppServices {
  const connections = new ConnectionService({
    dataDir: deps.dataDir,
    openStore: deps.openStore,
    secrets: deps.secrets,
    emit: deps.emit
  })
  const demo = new DemoService({ connections, dataDir: deps.dataDir, startSimulator })
  const daemon = new DaemonService({
    dataDir: deps.dataDir,
    connection: (id) => connections.get(id),
    password: (id) => connections.password(id),
    emit: deps.emit
  })
  const dismissed = new Set<string>()

  const info = (): AppInfo => ({
    name: 'Daemon Doctor',
    version: deps.version,
    host: deps.host,
    secretStorage: deps.secrets.persistent ? 'encrypted' : 'memory',
    dataDir: deps.dataDir,
    settingsIssues: connections.settingsIssues.filter((issue) => !dismissed.has(issue.id))
  })

  const api: AppApi = {
    app: {
      info: async () => info(),
      dismissSettingsIssue: async (id) => void dismissed.add(id),
      openExternal: async (url) => {
        if (!isSafeExternalUrl(url)) throw new AppError('invalid-input', 'Only https links can be opened')
        if (!deps.openExternal) return false
        await deps.openExternal(url)
        return true
      }
    },
    connections: {
      list: async () => connections.list(),
      save: async (draft) => connections.save(draft),
      duplicate: async (id) => connections.duplicate(id),
      remove: async (id) => connections.remove(id),
      undoRemove: async (token) => connections.undoRemove(token),
      exportJson: async (ids) => connections.exportJson(ids),
      importJson: async (json) => connections.importJson(json)
    },
    demo: {
      info: async () => demo.info(),
      start: async (egeria) => demo.start(egeria),
      stop: async () => demo.stop(),
      world: async () => demo.world(),
      updateWorld: async (patch) => demo.updateWorld(patch)
    },
    daemon: {
      status: (id) => daemon.status(id),
      probe: (id) => daemon.probe(id),
      restart: (id, scope) => daemon.restart(id, scope),
      refresh: (id, scope) => daemon.refresh(id, scope),
      cancel: (id) => daemon.cancel(id),
      watch: (id, visible) => daemon.watch(id, visible)
    },
    journal: {
      list: async (limit) => daemon.listJournal(limit),
      export: async () => daemon.journal.export()
    }
  }

  return {
    api,
    connections,
    demo,
    daemon,
    dispose: async () => {
      await daemon.dispose()
      await demo.dispose()
    }
  }
}

export function isSafeExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:'
  } catch {
    return false
  }
}
