/** The health probe: each hop from TCP to a readable status, timed, with a plain-language verdict. */
import { readFileSync } from 'node:fs'
import { connect as netConnect } from 'node:net'
import { connect as tlsConnect, type PeerCertificate } from 'node:tls'
import { loginSendsPasswordInClear, PASSWORD_IN_CLEAR } from '../../../shared/models/connection'
import { describeCounts, type ProbeHop, type ProbeReport } from '../../../shared/models/daemon'
import type { EgeriaClient } from './client'
import { describeFailure, somethingAnswered, tlsMessage, type CallFailure } from './http'
import { parseOrigin, paths } from './version'

const HOP_LABELS: Record<ProbeHop['id'], string> = {
  tcp: 'TCP connect',
  tls: 'TLS certificate',
  platform: 'Egeria platform',
  server: 'Server running',
  daemon: 'Integration daemon',
  status: 'Status readable'
}

function hostAndPort(platformUrl: string): { host: string; port: number; https: boolean } {
  const url = new URL(platformUrl)
  const https = url.protocol === 'https:'
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || (https ? 443 : 80)), https }
}

function tcpHop(host: string, port: number, timeoutMs: number): Promise<Omit<ProbeHop, 'id' | 'label'>> {
  const started = performance.now()
  return new Promise((resolve) => {
    const socket = netConnect({ host, port })
    const finish = (hop: Omit<ProbeHop, 'id' | 'label'>): void => {
      socket.destroy()
      resolve({ ...hop, ms: Math.round(performance.now() - started) })
    }
    socket.setTimeout(timeoutMs, () => finish({ state: 'fail', verdict: `Nothing answered at ${host}:${port} within ${timeoutMs} ms (a firewall or a hung host)` }))
    socket.once('connect', () => finish({ state: 'pass', verdict: `${host}:${port} accepts connections` }))
    socket.once('error', (error: NodeJS.ErrnoException) => {
      const verdict =
        error.code === 'ECONNREFUSED'
          ? `Nothing is listening on ${host}:${port}: is the platform started, and on this port?`
          : error.code === 'ENOTFOUND'
            ? `The host name ${host} does not resolve`
            : `Cannot connect to ${host}:${port}: ${error.message}`
      finish({ state: 'fail', verdict, details: { code: error.code ?? 'unknown' } })
    })
  })
}

function tlsHop(host: string, port: number, tls: EgeriaClient['target']['tls'], timeoutMs: number): Promise<Omit<ProbeHop, 'id' | 'label'>> {
  const started = performance.now()
  let ca: string | undefined
  try {
    if (tls.mode === 'ca-file') ca = readFileSync(tls.caFile ?? '', 'utf8')
  } catch (error) {
    return Promise.resolve({ state: 'fail', verdict: `The CA file cannot be read: ${(error as Error).message}` })
  }
  return new Promise((resolve) => {
    // Verification is judged from `authorized`, so the handshake itself accepts any certificate.
    const socket = tlsConnect({ host, port, servername: /^[\d.:]+$/.test(host) ? undefined : host, rejectUnauthorized: false, ...(ca ? { ca } : {}) })
    const finish = (hop: Omit<ProbeHop, 'id' | 'label'>): void => {
      socket.destroy()
      resolve({ ...hop, ms: Math.round(performance.now() - started) })
    }
    socket.setTimeout(timeoutMs, () => finish({ state: 'fail', verdict: `The TLS handshake did not finish within ${timeoutMs} ms` }))
    socket.once('error', (error: NodeJS.ErrnoException) =>
      finish({ state: 'fail', verdict: tlsMessage(error.code ?? '', `The TLS handshake failed: ${error.message}`), details: { code: error.code ?? 'unknown' } })
    )
    socket.once('secureConnect', () => {
      const cert: PeerCertificate = socket.getPeerCertificate()
      const validTo = cert.valid_to ? new Date(cert.valid_to) : undefined
      const daysLeft = validTo ? Math.floor((validTo.getTime() - Date.now()) / 86_400_000) : undefined
      const details: Record<string, string | number | boolean> = {
        subject: String(cert.subject?.CN ?? ''),
        issuer: String(cert.issuer?.CN ?? ''),
        validTo: validTo?.toISOString() ?? '',
        fingerprint256: cert.fingerprint256 ?? '',
        verified: socket.authorized
      }
      if (daysLeft !== undefined) details.daysLeft = daysLeft
      const reason = socket.authorizationError ? String(socket.authorizationError) : ''
      if (socket.authorized) {
        finish({
          state: daysLeft !== undefined && daysLeft < 14 ? 'warn' : 'pass',
          verdict: `Certificate for ${details.subject} from ${details.issuer} is trusted${daysLeft !== undefined ? `; it expires in ${daysLeft} days` : ''}`,
          details
        })
      } else if (tls.mode === 'insecure') {
        finish({
          state: 'warn',
          verdict: `Verification is off for this connection; the certificate would not be trusted: ${tlsMessage(reason, reason)}`,
          details: { ...details, reason }
        })
      } else {
        finish({ state: 'fail', verdict: tlsMessage(reason, `The certificate is not trusted: ${reason}`), details: { ...details, reason } })
      }
    })
  })
}

function failureVerdict(failure: CallFailure, server: string): { hop: ProbeHop['id']; verdict: string } {
  if (failure.kind === 'egeria') {
    const id = failure.error.messageId ?? ''
    if (id === 'OMAG-MULTI-TENANT-404-001') return { hop: 'server', verdict: `The platform answers, but ${server} is not running on it` }
    if (id === 'OMAG-MULTI-TENANT-404-002') return { hop: 'daemon', verdict: `${server} is running, but it is not an integration daemon` }
    // 5.0+ fails the status call of a daemon with no connectors with an NPE (fact sheet §4.6).
    if (id === 'OMAG-COMMON-400-016' && /getConnectorIds|NullPointerException/.test(failure.error.message)) {
      return {
        hop: 'status',
        verdict: `${server} runs no connectors yet, so Egeria cannot report a status: its integration groups have not been read from the metadata server (is it running?)`
      }
    }
  }
  if (failure.kind === 'unauthorized') return { hop: 'status', verdict: `The platform refused the credentials: ${failure.message}` }
  return { hop: 'status', verdict: `The status cannot be read: ${describeFailure(failure)}` }
}

export async function probeDaemon(client: EgeriaClient, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<ProbeReport> {
  const timeoutMs = options.timeoutMs ?? 5_000
  const { platformUrl, server, tls, password, egeria } = client.target
  const hops: ProbeHop[] = []
  const add = (id: ProbeHop['id'], hop: Omit<ProbeHop, 'id' | 'label'>): ProbeHop => {
    const full = { id, label: HOP_LABELS[id], ...hop }
    hops.push(full)
    return full
  }
  const report = (egeria?: ProbeReport['egeria']): ProbeReport => {
    const failing = hops.find((hop) => hop.state === 'fail')
    for (const id of Object.keys(HOP_LABELS) as ProbeHop['id'][]) {
      if (!hops.some((hop) => hop.id === id)) hops.push({ id, label: HOP_LABELS[id], state: 'skipped', verdict: failing ? 'Not tried: an earlier step failed' : 'Not applicable' })
    }
    return {
      platformUrl,
      server,
      startedAt,
      hops,
      ok: !failing,
      egeria,
      // A status hop that only warns (a daemon with no connectors yet) is the answer, not "readable".
      answer: failing?.verdict ?? hops.find((hop) => hop.id === 'status' && hop.state === 'warn')?.verdict ?? `${server} is an integration daemon and its status is readable`
    }
  }
  const startedAt = new Date().toISOString()
  let target: ReturnType<typeof hostAndPort>
  try {
    target = hostAndPort(platformUrl)
  } catch {
    add('tcp', { state: 'fail', verdict: `${platformUrl} is not a valid URL` })
    return report()
  }
  if (add('tcp', await tcpHop(target.host, target.port, timeoutMs)).state === 'fail') return report()
  if (target.https) {
    if (add('tls', await tlsHop(target.host, target.port, tls, timeoutMs)).state === 'fail') return report()
  } else {
    const passwordInClear = password !== undefined && loginSendsPasswordInClear(platformUrl, egeria)
    add('tls', {
      state: 'warn',
      verdict: passwordInClear
        ? PASSWORD_IN_CLEAR
        : 'Plain http: the connection is not encrypted (Egeria platforms normally serve https)'
    })
  }

  // Each hop passes only on an answer that proves it: an Egeria origin or status shape for the
  // platform, the platform's word or the server's own answer for the server, and so on.
  const originStarted = performance.now()
  const origin = await client.origin(options.signal)
  const originMs = Math.round(performance.now() - originStarted)
  if (!origin.ok && !somethingAnswered(origin.error)) {
    add('platform', { state: 'fail', ms: originMs, verdict: `No answer from the platform: ${describeFailure(origin.error)}` })
    return report()
  }
  const version = await client.detectVersion(options.signal)
  if (!version.ok) {
    add('platform', {
      state: 'fail',
      ms: originMs,
      verdict: origin.ok
        ? `Something answers, but it does not look like an Egeria platform (“${origin.value.text.slice(0, 80)}”)`
        : `Something answers at this address, but not as an Egeria platform: ${describeFailure(version.error)}`
    })
    return report()
  }
  const parsed = origin.ok ? parseOrigin(origin.value.text) : undefined
  const major = version.value.major
  const details = { egeria: major, ...(origin.ok ? { origin: origin.value.text } : {}) }
  if (parsed) add('platform', { state: 'pass', ms: originMs, verdict: `${parsed.origin} (Egeria ${major})`, details })
  else if (client.target.egeria === 'auto') add('platform', { state: 'pass', ms: originMs, verdict: `Egeria ${major} (detected from the status shape)`, details })
  else {
    const seen = origin.ok ? `“${origin.value.text.slice(0, 80)}”` : describeFailure(origin.error)
    add('platform', { state: 'warn', ms: originMs, verdict: `The platform origin did not answer as Egeria (${seen}); going on with Egeria ${major} as set on the connection`, details })
  }

  const serverStarted = performance.now()
  const serverStatus = await client.raw<{ active?: boolean; serverType?: string }>(
    { method: 'GET', path: paths.serverStatus(major, client.target.userId, server), kind: 'probe', expect: 'json', signal: options.signal },
    major
  )
  const serverMs = Math.round(performance.now() - serverStarted)
  let serverType: string | undefined
  if (serverStatus.ok && typeof serverStatus.value.active === 'boolean') {
    serverType = serverStatus.value.serverType
    if (!serverStatus.value.active) {
      add('server', { state: 'fail', ms: serverMs, verdict: `The platform knows ${server}, but it is not running (start it on the platform)` })
      return report(major)
    }
    add('server', { state: 'pass', ms: serverMs, verdict: `${server} is running${serverType ? ` (${serverType})` : ''}` })
  } else if (!serverStatus.ok && serverStatus.error.kind === 'egeria' && serverStatus.error.error.relatedHTTPCode === 404) {
    add('server', { state: 'fail', ms: serverMs, verdict: `The platform answers, but does not know a server called ${server}` })
    return report(major)
  } else if (!serverStatus.ok && serverStatus.error.kind === 'unauthorized') {
    add('server', { state: 'fail', ms: serverMs, verdict: `The platform refused the credentials: ${serverStatus.error.message}` })
    return report(major)
  }
  // Otherwise the platform status call gave no proof either way; the daemon status call decides below.

  const statusStarted = performance.now()
  const status = await client.status(options.signal)
  const statusMs = Math.round(performance.now() - statusStarted)
  const serverSeen = hops.some((entry) => entry.id === 'server')
  if (!status.ok) {
    const { hop, verdict } = failureVerdict(status.error, server)
    if (hop === 'server') add('server', { state: 'fail', ms: statusMs, verdict })
    else if (status.error.kind === 'egeria') {
      // An Egeria error from the daemon's own URL proves the server runs and answers that API.
      if (!serverSeen) add('server', { state: 'pass', ms: statusMs, verdict: `${server} is running (it answered with an Egeria error)` })
      if (hop === 'daemon') add('daemon', { state: 'fail', ms: statusMs, verdict })
      else {
        add('daemon', { state: 'pass', verdict: `${server} serves the integration daemon API` })
        add('status', { state: 'fail', ms: statusMs, verdict })
      }
    } else {
      const unseen = 'Not proven: the status call did not show it'
      if (!serverSeen) add('server', { state: 'skipped', verdict: unseen })
      add('daemon', { state: 'skipped', verdict: unseen })
      add('status', { state: 'fail', ms: statusMs, verdict })
    }
    return report(major)
  }
  if (!serverSeen) add('server', { state: 'pass', verdict: `${server} is running (it answered its status)` })
  if (serverType && !/integration daemon/i.test(serverType)) {
    add('daemon', { state: 'warn', verdict: `${server} reports server type “${serverType}” but answers the integration daemon API` })
  } else {
    add('daemon', { state: 'pass', verdict: `${server} is an integration daemon` })
  }
  const { counts, noConnectors, groups } = status.value
  if (noConnectors) {
    const names = groups.map((group) => `${group.name} (${group.status ?? 'status unknown'})`).join(', ')
    const why =
      groups.length === 0
        ? 'no integration group has loaded them from its metadata server'
        : groups.length === 1
          ? `its integration group ${names} has not loaded them from its metadata server`
          : `its integration groups ${names} have not loaded them from their metadata server`
    add('status', {
      state: 'warn',
      ms: statusMs,
      verdict: `${server} has no connectors yet: ${why}. Egeria's status call fails until they do, so the groups were read instead`
    })
    return report(major)
  }
  add('status', {
    state: counts.failed > 0 ? 'warn' : 'pass',
    ms: statusMs,
    verdict: describeCounts(counts)
  })
  return report(major)
}
