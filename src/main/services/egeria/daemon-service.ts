/**
 * The daemon client for the app: a client per saved connection, status, probe, serialised actions
 * with progress events, and an adaptive poller per watched connection with bounded history.
 */
import type { EmitEvent } from '../../../shared/api'
import type { Connection } from '../../../shared/models/connection'
import type { ConfigurationRequest, ConnectorConfiguration } from '../../../shared/models/configuration'
import type {
  ActionReport,
  ActionScope,
  DaemonStatus,
  JournalEntry,
  ProbeReport,
  ServerCheck,
  StatusSnapshot
} from '../../../shared/models/daemon'
import { AppError, type ErrorCode, type Result } from '../../../shared/result'
import { EgeriaClient } from './client'
import { describeFailure, type CallFailure, type CallKind, type CallTimeouts } from './http'
import { ActionJournal, journalEntry } from './journal'
import { readConfiguration, runConfigure } from './configuration'
import { runGroupReload } from './group-reload'
import { ActionQueue, daemonKey, runAction, type ActionOptions, type ActionResult } from './operations'
import { probeDaemon } from './probe'

export interface DaemonServiceDeps {
  dataDir: string
  connection(id: string): Connection
  password(id: string): string | undefined
  emit: EmitEvent
  /** Poll intervals: quick right after an action, idle otherwise. */
  intervals?: { quickMs: number; idleMs: number; quickForMs: number }
  historyLimit?: number
  settleTimeoutMs?: number
  /** Overrides the calls' timeouts by kind (tests; the defaults suit a platform). */
  callTimeouts?: Partial<Record<CallKind, CallTimeouts>>
}

interface Watch {
  visible: boolean
  timer?: NodeJS.Timeout
  quickUntil: number
  history: StatusSnapshot[]
  last?: Map<string, string>
  polling: boolean
}

const FAILURE_CODES: Record<CallFailure['kind'], ErrorCode> = {
  egeria: 'unavailable',
  unauthorized: 'unauthorized',
  http: 'unavailable',
  network: 'unavailable',
  tls: 'unavailable',
  timeout: 'timeout',
  cancelled: 'cancelled',
  malformed: 'unavailable',
  config: 'invalid-input',
  unsupported: 'unsupported'
}

export function toAppError(failure: CallFailure): AppError {
  // No connection in time is a daemon that cannot be reached; a connection without an answer in time is a busy one.
  const code = failure.kind === 'timeout' && failure.phase === 'connect' ? 'unavailable' : FAILURE_CODES[failure.kind]
  return new AppError(code, describeFailure(failure))
}

function unwrap<T>(result: Result<T, CallFailure>): T {
  if (!result.ok) throw toAppError(result.error)
  return result.value
}

export class DaemonService {
  readonly journal: ActionJournal
  private readonly deps: DaemonServiceDeps
  private readonly clients = new Map<string, { client: EgeriaClient; stamp: string }>()
  private readonly queue = new ActionQueue()
  /** What runs for each connection (status, probe, an action): `cancel` stops waiting for all of it. */
  private readonly running = new Map<string, Set<AbortController>>()
  private readonly watches = new Map<string, Watch>()
  private readonly intervals: { quickMs: number; idleMs: number; quickForMs: number }

  constructor(deps: DaemonServiceDeps) {
    this.deps = deps
    this.journal = new ActionJournal(deps.dataDir)
    this.intervals = deps.intervals ?? { quickMs: 2_000, idleMs: 15_000, quickForMs: 60_000 }
  }

  /** The client for a connection, rebuilt when the connection or its password changed. */
  private client(connectionId: string): EgeriaClient {
    const connection = this.deps.connection(connectionId)
    const password = this.deps.password(connectionId)
    const stamp = `${connection.updatedAt}|${password ?? ''}`
    const cached = this.clients.get(connectionId)
    if (cached?.stamp === stamp) return cached.client
    if (cached) void cached.client.close()
    let client: EgeriaClient
    try {
      client = new EgeriaClient({
        platformUrl: connection.platformUrl,
        server: connection.serverName,
        userId: connection.userId,
        password,
        egeria: connection.egeriaVersion,
        tls: connection.tls
      }, { timeouts: this.deps.callTimeouts })
    } catch (error) {
      throw new AppError('invalid-input', `The CA file of this connection cannot be read: ${(error as Error).message}`)
    }
    this.clients.set(connectionId, { client, stamp })
    return client
  }

  /** Runs `work` with a signal that `cancel(connectionId)` aborts. */
  private async cancellable<T>(connectionId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController()
    const running = this.running.get(connectionId) ?? new Set()
    this.running.set(connectionId, running.add(controller))
    try {
      return await work(controller.signal)
    } finally {
      running.delete(controller)
      if (running.size === 0) this.running.delete(connectionId)
    }
  }

  async status(connectionId: string): Promise<DaemonStatus> {
    const client = this.client(connectionId)
    const status = unwrap(await this.cancellable(connectionId, (signal) => client.status(signal)))
    this.record(connectionId, { status })
    return status
  }

  async probe(connectionId: string): Promise<ProbeReport> {
    const client = this.client(connectionId)
    return this.cancellable(connectionId, (signal) => probeDaemon(client, { signal }))
  }

  /**
   * Whether a server is active, as the connection's platform says. Failures to ask are an answer
   * too (`unreachable`): the operator must then check by other means, so this never throws for them.
   */
  async checkServer(connectionId: string, serverName: string): Promise<ServerCheck> {
    const client = this.client(connectionId)
    const platformUrl = client.target.platformUrl
    const base = { server: serverName, platformUrl, checkedAt: new Date().toISOString() }
    const result = await client.serverState(serverName)
    if (!result.ok) {
      return {
        ...base,
        state: 'unreachable',
        verdict: `The platform at ${platformUrl} could not be asked about ${serverName}: ${describeFailure(result.error)}. Check that ${serverName} runs by other means.`
      }
    }
    const { known, active, serverType } = result.value
    if (!known) {
      return {
        ...base,
        state: 'unknown',
        verdict: `${serverName} is not hosted on ${platformUrl}, so Daemon Doctor cannot tell whether it runs: check it on its own platform.`
      }
    }
    return active
      ? { ...base, state: 'active', serverType, verdict: `${serverName} is active on ${platformUrl}.` }
      : { ...base, state: 'inactive', serverType, verdict: `${serverName} is known to ${platformUrl} but not active: start it before restarting its connectors.` }
  }

  restart(connectionId: string, scope: ActionScope): Promise<ActionReport> {
    return this.act(connectionId, (client, options) => runAction(client, 'restart', scope, options))
  }

  refresh(connectionId: string, scope: ActionScope): Promise<ActionReport> {
    return this.act(connectionId, (client, options) => runAction(client, 'refresh', scope, options))
  }

  /** The group re-reads its configuration and connectors from its metadata server (4.0+); journalled, never retried. */
  reloadGroup(connectionId: string, group: string): Promise<ActionReport> {
    return this.act(connectionId, (client, options) => runGroupReload(client, group, options))
  }

  /** A connector's configuration as the daemon reports it (4.1+), secrets masked. */
  async configuration(connectionId: string, connector: string): Promise<ConnectorConfiguration> {
    return unwrap(await readConfiguration(this.client(connectionId), connector))
  }

  /** Changes a connector's configuration (the daemon restarts it), then verifies; journalled like every action. */
  configure(connectionId: string, request: ConfigurationRequest): Promise<ActionReport> {
    return this.act(connectionId, (client, options) => runConfigure(client, request, options))
  }

  /** Stops waiting for the running action, status and probe on this connection; the daemon may carry on. */
  async cancel(connectionId: string): Promise<boolean> {
    const running = this.running.get(connectionId)
    for (const controller of running ?? []) controller.abort()
    return Boolean(running?.size)
  }

  private async act(connectionId: string, run: (client: EgeriaClient, options: ActionOptions) => Promise<ActionResult>): Promise<ActionReport> {
    const connection = this.deps.connection(connectionId)
    if (connection.readOnly) throw new AppError('read-only', `${connection.name} is read-only: actions are turned off for it`)
    const client = this.client(connectionId)
    const key = daemonKey(connection.platformUrl, connection.serverName)
    return this.queue.run(key, () =>
      this.cancellable(connectionId, async (signal) => {
        const result = await run(client, {
          signal,
          settleTimeoutMs: this.deps.settleTimeoutMs,
          onProgress: (progress) => this.deps.emit('daemon', 'progress', { ...progress, connectionId })
        })
        const { report, before, after } = unwrap(result)
        this.journal.append(
          journalEntry(
            { id: connection.id, name: connection.name, platformUrl: connection.platformUrl, server: connection.serverName, userId: connection.userId },
            report,
            before,
            after
          )
        )
        if (after) this.record(connectionId, { status: after })
        const watch = this.watches.get(connectionId)
        if (watch) {
          watch.quickUntil = Date.now() + this.intervals.quickForMs
          this.schedule(connectionId, watch, this.intervals.quickMs)
        }
        return report
      })
    )
  }

  /** The UI shows (or hides) this connection: polling runs only while someone looks. */
  async watch(connectionId: string, visible: boolean): Promise<StatusSnapshot[]> {
    const watch = this.watches.get(connectionId) ?? { visible, quickUntil: 0, history: [], polling: false }
    this.watches.set(connectionId, watch)
    watch.visible = visible
    if (!visible) {
      clearTimeout(watch.timer)
      watch.timer = undefined
    } else if (!watch.timer && !watch.polling) {
      this.schedule(connectionId, watch, 0)
    }
    return [...watch.history]
  }

  history(connectionId: string): StatusSnapshot[] {
    return [...(this.watches.get(connectionId)?.history ?? [])]
  }

  private schedule(connectionId: string, watch: Watch, delayMs: number): void {
    clearTimeout(watch.timer)
    if (!watch.visible) return
    watch.timer = setTimeout(() => void this.poll(connectionId, watch), delayMs)
    watch.timer.unref?.()
  }

  private async poll(connectionId: string, watch: Watch): Promise<void> {
    watch.timer = undefined
    watch.polling = true
    try {
      const result = await this.client(connectionId).status()
      this.record(connectionId, result.ok ? { status: result.value } : { error: describeFailure(result.error) })
    } catch (error) {
      // The connection was deleted while watched: nobody can look at it any more.
      if (error instanceof AppError && error.code === 'not-found') return void (await this.forget(connectionId))
      this.record(connectionId, { error: (error as Error).message })
    } finally {
      watch.polling = false
    }
    this.schedule(connectionId, watch, Date.now() < watch.quickUntil ? this.intervals.quickMs : this.intervals.idleMs)
  }

  /** Adds a snapshot to the history and pushes it when something changed. */
  private record(connectionId: string, outcome: { status?: DaemonStatus; error?: string }): void {
    const watch = this.watches.get(connectionId)
    if (!watch) return
    const current = new Map((outcome.status?.connectors ?? []).map((connector) => [connector.name, `${connector.status}|${connector.failingMessageId ?? ''}`]))
    const previous = watch.last
    const changed = outcome.error
      ? []
      : [...new Set([...current.keys(), ...(previous?.keys() ?? [])])].filter((name) => current.get(name) !== previous?.get(name))
    const lastSnapshot = watch.history[watch.history.length - 1]
    const errorChanged = (lastSnapshot?.error ?? '') !== (outcome.error ?? '')
    if (outcome.status) watch.last = current
    const snapshot: StatusSnapshot = {
      connectionId,
      status: outcome.status,
      error: outcome.error,
      changed: previous ? changed : [],
      at: outcome.status?.fetchedAt ?? new Date().toISOString()
    }
    const interesting = !lastSnapshot || snapshot.changed.length > 0 || errorChanged
    if (!interesting) return
    watch.history.push(snapshot)
    const limit = this.deps.historyLimit ?? 100
    if (watch.history.length > limit) watch.history.splice(0, watch.history.length - limit)
    this.deps.emit('daemon', 'snapshot', snapshot)
  }

  listJournal(limit?: number): { entries: JournalEntry[]; unreadableLines: number } {
    return this.journal.list(limit)
  }

  /** Drops everything held for a connection (its poller, running action and pooled sockets). */
  async forget(connectionId: string): Promise<void> {
    clearTimeout(this.watches.get(connectionId)?.timer)
    this.watches.delete(connectionId)
    for (const controller of this.running.get(connectionId) ?? []) controller.abort()
    const cached = this.clients.get(connectionId)
    this.clients.delete(connectionId)
    await cached?.client.close()
  }

  async dispose(): Promise<void> {
    for (const watch of this.watches.values()) clearTimeout(watch.timer)
    for (const running of this.running.values()) for (const controller of running) controller.abort()
    await Promise.all([...this.clients.values()].map(({ client }) => client.close()))
    this.clients.clear()
  }
}
