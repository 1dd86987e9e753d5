/**
 * The composition root shared by both hosts: builds every service from injected platform pieces
 * and exposes them as one `AppApi` object. The Electron shell and the browser host differ only in
 * what they inject (secret store, how to open a link, how to push events).
 */
import type { AppApi, AppInfo, EmitEvent, HostKind } from '../../shared/api'
import { AppError } from '../../shared/result'
import { startSimulator } from '../simulator'
import { destinationName } from '../../shared/models/audit-destination'
import { LogService } from './audit/log-service'
import { ConnectionService } from './connection-service'
import { DaemonService } from './egeria/daemon-service'
import { DemoService } from './demo-service'
import { IncidentReportService } from './report/incident-report'
import type { SecretStore } from './secret-store'

export interface AppServicesDeps {
  host: HostKind
  version: string
  dataDir: string
  secrets: SecretStore
  emit: EmitEvent
  /** Opens a vetted https URL outside the app; absent where the host cannot. */
  openExternal?: (url: string) => Promise<void>
}

export interface AppServices {
  api: AppApi
  connections: ConnectionService
  daemon: DaemonService
  demo: DemoService
  logs: LogService
  dispose(): Promise<void>
}

export function createAppServices(deps: AppServicesDeps): AppServices {
  const connections = new ConnectionService({
    dataDir: deps.dataDir,
    secrets: deps.secrets,
    emit: deps.emit
  })
  const daemon = new DaemonService({
    dataDir: deps.dataDir,
    connection: (id) => connections.get(id),
    password: (id) => connections.password(id),
    emit: deps.emit
  })
  const demo = new DemoService({ connections, dataDir: deps.dataDir, startSimulator })
  const reports = new IncidentReportService({
    connection: (id) => connections.get(id),
    password: (id) => connections.password(id),
    status: (id) => daemon.status(id),
    history: (id) => daemon.history(id),
    journal: () => daemon.listJournal(Number.MAX_SAFE_INTEGER)
  })
  const dismissed = new Set<string>()
  const logs = new LogService({ emit: deps.emit })

  const info = (): AppInfo => ({
    name: 'Daemon Doctor',
    version: deps.version,
    host: deps.host,
    secretStorage: deps.secrets.persistent ? 'encrypted' : 'memory',
    ...(deps.secrets.memoryOnlyReason ? { memoryOnlyReason: deps.secrets.memoryOnlyReason } : {}),
    dataDir: deps.dataDir,
    settingsIssues: [...connections.settingsIssues, ...(deps.secrets.issues ?? [])].filter((issue) => !dismissed.has(issue.id))
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
      remove: async (id) => {
        const removed = connections.remove(id)
        await daemon.forget(id)
        return removed
      },
      undoRemove: async (token) => connections.undoRemove(token),
      exportJson: async (ids) => connections.exportJson(ids),
      importJson: async (json) => connections.importJson(json),
      setAuditDestination: async (id, destination, password) => connections.setAuditDestination(id, destination, password)
    },
    daemon: {
      status: (id) => daemon.status(id),
      probe: (id) => daemon.probe(id),
      restart: (id, scope) => daemon.restart(id, scope),
      refresh: (id, scope) => daemon.refresh(id, scope),
      reloadGroup: (id, group) => daemon.reloadGroup(id, group),
      configuration: (id, connector) => daemon.configuration(id, connector),
      configure: (id, request) => daemon.configure(id, request),
      cancel: (id) => daemon.cancel(id),
      checkServer: (id, serverName) => daemon.checkServer(id, serverName),
      watch: (id, visible) => daemon.watch(id, visible)
    },
    journal: {
      list: async (limit) => daemon.listJournal(limit),
      export: async () => daemon.journal.export()
    },
    report: {
      incident: (id, options) => reports.build(id, options)
    },
    demo: {
      info: async () => demo.info(),
      start: async (egeria) => demo.start(egeria),
      stop: async () => demo.stop(),
      world: async () => demo.world(),
      updateWorld: async (patch) => demo.updateWorld(patch)
    },
    logs: {
      open: async (paths, zone, openId) => logs.open(paths, zone, openId),
      cancel: async (openId) => logs.cancel(openId),
      openText: async (text, name, zone) => logs.openText(text, name, zone),
      openTexts: async (texts, zone) => logs.openTexts(texts, zone),
      openDestination: async (destination, password) => logs.openSources(destinationName(destination), [await (await import('./audit/destination-source')).openDestinationSource(destination, password)]),
      openConnectionDestination: async (connectionId) => {
        const destination = connections.get(connectionId).auditDestination
        if (!destination) throw new AppError('not-found', 'This connection has no audit database or topic')
        const source = await (await import('./audit/destination-source')).openDestinationSource(destination, connections.auditDestinationPassword(connectionId))
        return logs.openSources(destinationName(destination), [source])
      },
      records: async (sessionId, query) => logs.records(sessionId, query),
      locate: async (sessionId, target, query) => logs.locate(sessionId, target, query),
      search: async (sessionId, query) => logs.search(sessionId, query),
      histogram: async (sessionId, bucketSeconds) => logs.histogram(sessionId, bucketSeconds),
      follow: async (sessionId) => logs.follow(sessionId),
      unfollow: async (sessionId) => logs.unfollow(sessionId),
      close: async (sessionId) => logs.close(sessionId)
    }
  }

  return {
    api,
    connections,
    daemon,
    demo,
    logs,
    dispose: async () => {
      await Promise.all([daemon.dispose(), demo.dispose(), logs.dispose()])
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
