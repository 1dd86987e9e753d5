/**
 * A version-aware client for one integration daemon: detects the Egeria version, handles 6.x bearer
 * tokens, and returns every outcome as data.
 */
import type { Agent } from 'undici'
import type { Result } from '../../../shared/result'
import type { EgeriaVersionSetting, TlsSettings } from '../../../shared/models/connection'
import type { DaemonStatus, EgeriaMajor } from '../../../shared/models/daemon'
import { call, createAgent, somethingAnswered, type CallFailure, type CallKind, type CallResult, type CallTimeouts } from './http'
import { majorFromStatusShape, MalformedStatusError, normaliseStatus } from './normalise'
import { parseOrigin, paths, type EgeriaVersion, type OperationCall } from './version'

export interface DaemonTarget {
  platformUrl: string
  server: string
  userId: string
  password?: string
  egeria: EgeriaVersionSetting
  tls: TlsSettings
}

export interface ClientOptions {
  /** Overrides the per-kind timeouts (tests, the CLI's --timeout). */
  timeouts?: Partial<Record<CallKind, CallTimeouts>>
  agent?: Agent
}

export class EgeriaClient {
  readonly target: DaemonTarget
  private readonly agent: Agent
  private readonly ownsAgent: boolean
  private readonly timeouts: Partial<Record<CallKind, CallTimeouts>>
  private version?: EgeriaVersion
  private token?: string

  constructor(target: DaemonTarget, options: ClientOptions = {}) {
    this.target = { ...target, platformUrl: target.platformUrl.replace(/\/+$/, '') }
    this.ownsAgent = !options.agent
    this.agent = options.agent ?? createAgent(target.tls)
    this.timeouts = options.timeouts ?? {}
  }

  get knownVersion(): EgeriaVersion | undefined {
    return this.version
  }

  async close(): Promise<void> {
    if (this.ownsAgent) await this.agent.close()
  }

  /** One raw call relative to the platform root, with the bearer token on 6.x (renewed once on 401). */
  async raw<T>(
    spec: { method: OperationCall['method']; path: string; body?: unknown; kind: CallKind; expect: 'json' | 'text'; signal?: AbortSignal },
    major?: EgeriaMajor
  ): Promise<CallResult<T>> {
    const needsToken = (major ?? this.version?.major) === 6 && spec.path !== paths.token
    if (needsToken && !this.token) {
      const login = await this.login(spec.signal)
      if (!login.ok) return { ok: false, error: login.error, ms: 0 }
    }
    const send = (): Promise<CallResult<T>> =>
      call<T>(this.agent, {
        method: spec.method,
        url: `${this.target.platformUrl}${spec.path}`,
        kind: spec.kind,
        body: spec.body,
        expect: spec.expect,
        signal: spec.signal,
        timeouts: this.timeouts[spec.kind],
        headers: needsToken && this.token ? { authorization: `Bearer ${this.token}` } : undefined
      })
    const first = await send()
    // A 401 means the call was not carried out, so sending it again with a fresh token is safe,
    // even for restart and refresh; it happens once only.
    if (needsToken && !first.ok && first.error.kind === 'unauthorized' && first.error.httpStatus === 401) {
      this.token = undefined
      const login = await this.login(spec.signal)
      if (!login.ok) return { ok: false, error: login.error, ms: first.ms }
      return send()
    }
    return first
  }

  /** POST /api/token: the raw JWT comes back as text. */
  async login(signal?: AbortSignal): Promise<Result<string, CallFailure>> {
    if (this.target.password === undefined) {
      return { ok: false, error: { kind: 'config', message: 'Egeria 6 needs a password to get a bearer token: set one for this connection' } }
    }
    const result = await call<string>(this.agent, {
      method: 'POST',
      url: `${this.target.platformUrl}${paths.token}`,
      kind: 'token',
      body: { userId: this.target.userId, password: this.target.password },
      expect: 'text',
      signal,
      timeouts: this.timeouts.token
    })
    if (!result.ok) return result
    const token = result.value.trim().replace(/^"|"$/g, '')
    if (!token) return { ok: false, error: { kind: 'malformed', httpStatus: result.httpStatus, message: 'The token answer is empty', snippet: '' } }
    this.token = token
    return { ok: true, value: token }
  }

  /** Reads the platform origin text, trying the 6.x path first, then the userId path of 3.x–5.x. */
  async origin(signal?: AbortSignal): Promise<Result<{ text: string; major: EgeriaMajor }, CallFailure>> {
    let lastFailure: CallFailure | undefined
    for (const major of [6, 5] as const) {
      const result = await call<string>(this.agent, {
        method: 'GET',
        url: `${this.target.platformUrl}${paths.origin(major, this.target.userId)}`,
        kind: 'probe',
        expect: 'text',
        signal,
        timeouts: this.timeouts.probe
      })
      if (result.ok) return { ok: true, value: { text: result.value.trim(), major } }
      lastFailure = result.error
      // Network, TLS, timeout and cancel failures are the same on every path: stop here.
      if (!somethingAnswered(result.error)) break
    }
    return { ok: false, error: lastFailure! }
  }

  /**
   * The version to use: the connection's explicit setting wins; otherwise the platform origin, and
   * when that cannot be read, the shape of the status answer.
   */
  async detectVersion(signal?: AbortSignal): Promise<Result<EgeriaVersion, CallFailure>> {
    if (this.version) return { ok: true, value: this.version }
    if (this.target.egeria !== 'auto') {
      this.version = { major: Number(this.target.egeria) as EgeriaMajor }
      const origin = await this.origin(signal)
      if (origin.ok) {
        const parsed = parseOrigin(origin.value.text)
        if (parsed?.major === this.version.major) this.version = { ...parsed }
        else this.version.origin = origin.value.text
      }
      return { ok: true, value: this.version }
    }
    const origin = await this.origin(signal)
    if (origin.ok) {
      const parsed = parseOrigin(origin.value.text)
      if (parsed) {
        this.version = parsed
        return { ok: true, value: parsed }
      }
    } else if (!somethingAnswered(origin.error)) {
      return origin
    }
    // Probe by shape: a userId-style status answer tells 3.x, 4.x and 5.x apart; a 401 means 6.x.
    const probe = await this.raw<unknown>({ method: 'GET', path: paths.status({ major: 5 }, this.target.server, this.target.userId).path, kind: 'status', expect: 'json', signal }, 5)
    if (probe.ok) {
      const major = majorFromStatusShape(probe.value)
      if (major) return { ok: true, value: (this.version = { major }) }
    } else if (probe.error.kind === 'unauthorized') {
      return { ok: true, value: (this.version = { major: 6 }) }
    } else if (probe.error.kind === 'egeria') {
      // The platform answered with an Egeria envelope on the userId path: not 6.x. 5 is the safest guess.
      return { ok: true, value: (this.version = { major: 5, origin: origin.ok ? origin.value.text : undefined }) }
    }
    return { ok: false, error: origin.ok ? { kind: 'malformed', httpStatus: 200, message: 'The Egeria version cannot be told from this platform', snippet: origin.value.text.slice(0, 200) } : origin.error }
  }

  async status(signal?: AbortSignal): Promise<Result<DaemonStatus, CallFailure>> {
    const version = await this.detectVersion(signal)
    if (!version.ok) return version
    const operation = paths.status(version.value, this.target.server, this.target.userId)
    let result = await this.raw<unknown>({ ...operation, kind: 'status', expect: 'json', signal }, version.value.major)
    let noConnectors = false
    if (!result.ok && isEmptyDaemonFailure(result.error, version.value)) {
      // 5.0+ fails its status call when no connector is loaded yet (fact sheet §4.6): the groups tell why.
      const groups = await this.raw<{ integrationGroupSummaries?: unknown }>({ ...paths.groupSummaries(version.value, this.target.server, this.target.userId), kind: 'status', expect: 'json', signal }, version.value.major)
      if (groups.ok) {
        result = { ...groups, value: { integrationDaemonStatus: { integrationGroupSummaries: groups.value.integrationGroupSummaries } } }
        noConnectors = true
      }
    }
    if (!result.ok) return result
    try {
      const status = normaliseStatus(result.value, {
          server: this.target.server,
          platformUrl: this.target.platformUrl,
          egeria: version.value.major,
          platformVersion: version.value.origin
        })
      return { ok: true, value: noConnectors && status.connectors.length === 0 ? { ...status, noConnectors: true } : status }
    } catch (error) {
      if (!(error instanceof MalformedStatusError)) throw error
      return { ok: false, error: { kind: 'malformed', httpStatus: result.httpStatus, message: error.message, snippet: JSON.stringify(result.value).slice(0, 200) } }
    }
  }

  /**
   * Asks this platform whether it hosts a server and whether it is active (platform services
   * `is-known`, then `status`). `known: false` means the server lives elsewhere, or nowhere.
   * UNVERIFIED: that `is-known` stays true for a server that was started on this platform and has
   * since stopped (its `status` then says `active: false`); the fact sheet lists both calls for
   * every version but not their behaviour for stopped servers.
   */
  async serverState(serverName: string, signal?: AbortSignal): Promise<Result<{ known: boolean; active: boolean; serverType?: string }, CallFailure>> {
    const version = await this.detectVersion(signal)
    if (!version.ok) return version
    const { major } = version.value
    const known = await this.raw<{ flag?: boolean }>({ method: 'GET', path: paths.serverIsKnown(major, this.target.userId, serverName), kind: 'probe', expect: 'json', signal }, major)
    if (!known.ok) return known
    if (known.value.flag !== true) return { ok: true, value: { known: false, active: false } }
    const status = await this.raw<{ active?: boolean; serverType?: string }>(
      { method: 'GET', path: paths.serverStatus(major, this.target.userId, serverName), kind: 'probe', expect: 'json', signal },
      major
    )
    if (!status.ok) return status
    return { ok: true, value: { known: true, active: status.value.active === true, serverType: status.value.serverType } }
  }

  /** Runs one restart or refresh call. Never retried (apart from a fresh token after a 401). */
  async operate(operation: OperationCall, kind: 'restart' | 'refresh', signal?: AbortSignal): Promise<CallResult<unknown>> {
    return this.raw({ method: operation.method, path: operation.path, body: operation.body, kind, expect: 'json', signal })
  }
}

/** The 5.0+ status call on a daemon with no connectors: a NullPointerException inside the daemon. */
function isEmptyDaemonFailure(failure: CallFailure, version: EgeriaVersion): boolean {
  return version.major >= 5 && failure.kind === 'egeria' && failure.error.exceptionCausedBy === 'java.lang.NullPointerException'
}
