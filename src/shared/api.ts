/**
 * The one contract between the renderer and the main-process services.
 *
 * Services implement `AppApi` (they return plain data and throw `AppError`); both hosts, Electron IPC
 * and the browser host, expose it to the renderer as `RendererApi`, where every call resolves to a
 * `Result`. Namespaces are domains; channel names are `namespace:method` (see contract.ts).
 */
import type {
  LocateResult, LocateTarget, LogAppended, LogOpenProgress, LogText, LogSession, RecordPage, RecordQuery, SearchResult, SearchQuery, SeverityHistogram
} from './models/audit'
import type { ConfigurationRequest, ConnectorConfiguration } from './models/configuration'
import type { AuditDestination } from './models/audit-destination'
import type { Connection, ConnectionDraft } from './models/connection'
import type {
  ActionProgress,
  ActionReport,
  ActionScope,
  DaemonStatus,
  JournalExport,
  JournalPage,
  ProbeReport,
  ServerCheck,
  StatusSnapshot
} from './models/daemon'
import type { DemoEgeriaVersion, DemoInfo, DemoWorld, DemoWorldPatch } from './models/demo'
import type { IncidentReport, IncidentReportOptions } from './models/report'
import type { Result } from './result'

export type HostKind = 'desktop' | 'browser'

/** A settings file that could not be read: moved aside, never silently dropped. */
export interface SettingsIssue {
  id: string
  file: string
  /** Where the unreadable file was moved to; the operator can inspect or restore it. */
  backupPath?: string
  message: string
}

export interface AppInfo {
  name: string
  version: string
  host: HostKind
  /** `encrypted`: passwords are saved encrypted by the OS; `memory`: kept only until the app closes. */
  secretStorage: 'encrypted' | 'memory'
  /** Why the desktop app keeps passwords in memory only (absent in the browser host). */
  memoryOnlyReason?: 'no-encryption' | 'basic-text'
  dataDir: string
  settingsIssues: SettingsIssue[]
}

export interface RemovedConnection {
  removed: Connection
  /** Pass to `connections.undoRemove` to bring the connection back, password included. */
  undoToken: string
}

export interface ExportedConnections {
  fileName: string
  /** Pretty JSON with every secret removed. */
  json: string
  count: number
}

export interface ImportOutcome {
  imported: Connection[]
  skipped: { name: string; reason: string }[]
}

export interface AppApi {
  app: {
    /** Host, storage and start-up facts the UI must show (for example a moved-aside settings file). */
    info(): Promise<AppInfo>
    /** Forget a settings issue once the operator has seen it (the backup file stays). */
    dismissSettingsIssue(id: string): Promise<void>
    /** Open an https link in the system browser; `false` when this host cannot (the renderer opens it). */
    openExternal(url: string): Promise<boolean>
  }
  connections: {
    /** Saved connections, sorted by name. */
    list(): Promise<Connection[]>
    /** Create (no id) or update a connection; validation failures carry field messages. */
    save(draft: ConnectionDraft): Promise<Connection>
    /** A copy named "… (copy)", password included. */
    duplicate(id: string): Promise<Connection>
    remove(id: string): Promise<RemovedConnection>
    undoRemove(undoToken: string): Promise<Connection>
    /** Connections as JSON without secrets; all of them when `ids` is absent. */
    exportJson(ids?: string[]): Promise<ExportedConnections>
    /** Connections from exported JSON; entries that do not validate are reported, not dropped silently. */
    importJson(json: string): Promise<ImportOutcome>
    /** Keeps (or with `null` forgets) the daemon's audit database or topic; `password` as in `save`. */
    setAuditDestination(id: string, destination: AuditDestination | null, password?: string | null): Promise<Connection>
  }
  daemon: {
    /** The connector status of the connection's daemon, in the one model for every Egeria version. */
    status(connectionId: string): Promise<DaemonStatus>
    /** Hop-by-hop health probe (TCP, TLS, platform, server, daemon, status); the first failing hop is the answer. */
    probe(connectionId: string): Promise<ProbeReport>
    /** Restart connectors in scope, then verify each one; refused for read-only connections. */
    restart(connectionId: string, scope: ActionScope): Promise<ActionReport>
    /** Refresh connectors in scope (a long job with `daemon.progress` events), then verify. */
    refresh(connectionId: string, scope: ActionScope): Promise<ActionReport>
    /** The integration group re-reads its configuration from its metadata server (4.0+ `refresh-config`); journalled. */
    reloadGroup(connectionId: string, group: string): Promise<ActionReport>
    /** A connector's configuration from the daemon's own API (4.1+): properties, endpoint, connection; secrets masked. */
    configuration(connectionId: string, connector: string): Promise<ConnectorConfiguration>
    /** Change a connector's endpoint (5.0+) or properties (4.1+); the daemon restarts it; verified and journalled, never retried. */
    configure(connectionId: string, request: ConfigurationRequest): Promise<ActionReport>
    /** Stop waiting for the running action on this connection; `false` when none runs. */
    cancel(connectionId: string): Promise<boolean>
    /** Whether a server (such as a connector's metadata server) is active, asked of the connection's platform. */
    checkServer(connectionId: string, serverName: string): Promise<ServerCheck>
    /** Start (visible) or pause (hidden) the status poller; returns the history kept so far. */
    watch(connectionId: string, visible: boolean): Promise<StatusSnapshot[]>
  }
  journal: {
    /** Recorded actions, newest first. */
    list(limit?: number): Promise<JournalPage>
    /** The whole journal as JSON lines for saving. */
    export(): Promise<JournalExport>
  }
  report: {
    /** The connection's incident report (log analysis, pinned lines, journal actions, status now, timeline) as Markdown and HTML. */
    incident(connectionId: string, options?: IncidentReportOptions): Promise<IncidentReport>
  }
  demo: {
    /** Whether the built-in demo daemon runs, and where. */
    info(): Promise<DemoInfo>
    /**
     * Starts the built-in coco-pharma simulator on a free loopback port (restarting it for another
     * Egeria version) and saves the "Demo daemon" connection pointing at it.
     */
    start(egeria?: DemoEgeriaVersion): Promise<DemoInfo>
    stop(): Promise<DemoInfo>
    /** The simulated metadata servers and third-party resources behind the demo daemon. */
    world(): Promise<DemoWorld>
    /** Brings a simulated server or resource up or down: the demo's stand-in for fixing things for real. */
    updateWorld(patch: DemoWorldPatch): Promise<DemoWorld>
  }
  logs: {
    /**
     * Analyse log files, .gz files or .omalrecord folders as one timeline; `zone` overrides console zones.
     * With an `openId`, progress arrives as `logs.progress` events and `cancel(openId)` stops the reading.
     */
    open(paths: string[], zone?: string, openId?: string): Promise<LogSession>
    /** Stops an opening `open(…, openId)` (it then fails as cancelled); false when it is not running. */
    cancel(openId: string): Promise<boolean>
    /** Analyse pasted log text. */
    openText(text: string, name?: string, zone?: string): Promise<LogSession>
    /** Analyse several texts (files read by the browser) as one timeline, merged by time. */
    openTexts(texts: LogText[], zone?: string): Promise<LogSession>
    /**
     * Analyse Egeria's audit log where its PostgreSQL or event-topic destination keeps it; `follow` then
     * reads what arrives. The password (database user or SASL) is used for this session only.
     */
    openDestination(destination: AuditDestination, password?: string): Promise<LogSession>
    /** Analyse the audit database or topic saved with a connection, with its saved password. */
    openConnectionDestination(connectionId: string): Promise<LogSession>
    /** A page of the session's records, filtered by severity, server, connector or message ID. */
    records(sessionId: string, query?: RecordQuery): Promise<RecordPage>
    /** Position of an evidence line, a time or the next/previous problem among the records matching `query`. */
    locate(sessionId: string, target: LocateTarget, query?: RecordQuery): Promise<LocateResult>
    /** Records matching a regex, each with records of context around it. */
    search(sessionId: string, query: SearchQuery): Promise<SearchResult>
    /** Record counts per severity over time (about 100 buckets unless `bucketSeconds` is given). */
    histogram(sessionId: string, bucketSeconds?: number): Promise<SeverityHistogram>
    /** Follow the session's growing files, database or topic: appended records arrive as `logs.appended` events. */
    follow(sessionId: string): Promise<LogSession>
    unfollow(sessionId: string): Promise<LogSession>
    close(sessionId: string): Promise<void>
  }
}

/** Main → renderer pushes, by namespace. */
export interface AppEvents {
  connections: {
    changed: Connection[]
  }
  daemon: {
    /** A watched connection's status changed (or could not be read). */
    snapshot: StatusSnapshot
    /** Progress of a running restart or refresh. */
    progress: ActionProgress
  }
  logs: {
    appended: LogAppended
    progress: LogOpenProgress
  }
}

export type Namespace = keyof AppApi

/** The renderer's view of one service method: same arguments, outcome as data. */
type Bridged<F> = F extends (...args: infer A) => Promise<infer R> ? (...args: A) => Promise<Result<R>> : never

export type EventListener<T> = (payload: T) => void

export type EventSubscribers = {
  [N in keyof AppEvents]: {
    [E in keyof AppEvents[N]]: (listener: EventListener<AppEvents[N][E]>) => () => void
  }
}

export type RendererApi = {
  [N in Namespace]: { [M in keyof AppApi[N]]: Bridged<AppApi[N][M]> }
} & { events: EventSubscribers }

/** Emits a push event from a service; each host delivers it its own way (IPC or server-sent events). */
export type EmitEvent = <N extends keyof AppEvents, E extends keyof AppEvents[N]>(
  namespace: N,
  event: E,
  payload: AppEvents[N][E]
) => void
