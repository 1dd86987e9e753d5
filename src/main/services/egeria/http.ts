/**
 * The one HTTP layer every Egeria call goes through: an undici Agent per connection built from its
 * TLS settings, per-call timeouts, cancellation, and every outcome as data (never thrown).
 */
import { readFileSync } from 'node:fs'
import { Agent, errors as undiciErrors, request } from 'undici'
import type { TlsSettings } from '../../../shared/models/connection'
import type { Result } from '../../../shared/result'
import { ffdcError, type EgeriaErrorEnvelope } from './envelope'

/** How long each kind of call may take. A REST refresh runs synchronously and may take many minutes. */
export const CALL_TIMEOUTS = {
  probe: { connectMs: 5_000, responseMs: 10_000 },
  status: { connectMs: 5_000, responseMs: 30_000 },
  token: { connectMs: 5_000, responseMs: 15_000 },
  restart: { connectMs: 5_000, responseMs: 120_000 },
  refresh: { connectMs: 5_000, responseMs: 30 * 60_000 }
} as const
export type CallKind = keyof typeof CALL_TIMEOUTS
export interface CallTimeouts {
  connectMs: number
  /** The whole call, from sending to the last byte of the answer: a server trickling bytes cannot stretch it. */
  responseMs: number
}

/** Answers larger than this are refused rather than buffered (a hostile or broken server). */
export const MAX_BODY_BYTES = 32 * 1024 * 1024

export type CallFailure =
  | { kind: 'egeria'; httpStatus: number; error: EgeriaErrorEnvelope }
  | { kind: 'unauthorized'; httpStatus: 401 | 403; message: string; body?: unknown }
  | { kind: 'http'; httpStatus: number; message: string; body?: unknown }
  | { kind: 'network'; code: string; message: string }
  | { kind: 'tls'; code: string; message: string }
  | { kind: 'timeout'; phase: 'connect' | 'response'; ms: number; message: string }
  | { kind: 'cancelled'; message: string }
  | { kind: 'malformed'; httpStatus: number; message: string; snippet: string }
  | { kind: 'config'; message: string }
  /** The daemon's Egeria version has no call for this: nothing was sent, and the message says what to do instead. */
  | { kind: 'unsupported'; message: string }

/** The shared `Result`, with how long the call took and, on success, the HTTP status (a failure carries its own). */
export type CallResult<T> = Result<T, CallFailure> & { ms: number } & ({ ok: true; httpStatus: number } | { ok: false })

export interface HttpCall {
  method: 'GET' | 'POST' | 'DELETE'
  url: string
  kind: CallKind
  /** JSON-encoded when an object; sent as is when a string. */
  body?: unknown
  headers?: Record<string, string>
  /** `json` parses and checks the FFDC envelope; `text` returns the body text (origin, token). */
  expect: 'json' | 'text'
  signal?: AbortSignal
  timeouts?: CallTimeouts
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'EPROTO',
  'ERR_SSL_WRONG_VERSION_NUMBER'
])

const NETWORK_MESSAGES: Record<string, string> = {
  ECONNREFUSED: 'Nothing is listening at that address and port (connection refused)',
  ENOTFOUND: 'The host name does not resolve',
  EAI_AGAIN: 'The host name could not be resolved right now',
  ECONNRESET: 'The connection was reset by the other side',
  EHOSTUNREACH: 'The host cannot be reached',
  ENETUNREACH: 'The network cannot be reached'
}

export function tlsMessage(code: string, fallback: string): string {
  switch (code) {
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return 'The certificate is self-signed or signed by an unknown CA: add its CA file or turn verification off for this connection'
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_GET_ISSUER_CERT':
      return 'The certificate is signed by a CA this connection does not trust: add the CA file'
    case 'CERT_HAS_EXPIRED':
      return 'The server certificate has expired'
    case 'CERT_NOT_YET_VALID':
      return 'The server certificate is not valid yet (check the clocks)'
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return 'The certificate does not name this host (hostname mismatch)'
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
    case 'EPROTO':
      return 'The TLS handshake failed: is this an http:// (not https://) port?'
    default:
      return fallback
  }
}

/** The deepest error code in an undici error chain (undici wraps socket errors in `cause`). */
function errorChain(error: unknown): { code?: string; name?: string; message: string }[] {
  const chain: { code?: string; name?: string; message: string }[] = []
  let current: unknown = error
  for (let depth = 0; current && depth < 5; depth += 1) {
    const entry = current as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown }
    chain.push({
      code: typeof entry.code === 'string' ? entry.code : undefined,
      name: typeof entry.name === 'string' ? entry.name : undefined,
      message: typeof entry.message === 'string' ? entry.message : String(current)
    })
    current = entry.cause
  }
  return chain
}

/**
 * A signal that aborts after `ms` with a TimeoutError reason (which `classifyThrown` reads as a
 * timeout), or when `signal` aborts. Its own timer, not `AbortSignal.timeout`, whose signal can be
 * collected before it fires when only a combined signal refers to it; `clear` when done.
 */
export function deadlineSignal(ms: number, signal?: AbortSignal): { signal: AbortSignal; clear: () => void } {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(new DOMException(`No answer within ${ms} ms`, 'TimeoutError')), ms)
  const onAbort = (): void => controller.abort(signal?.reason)
  if (signal?.aborted) onAbort()
  else signal?.addEventListener('abort', onAbort, { once: true })
  return {
    signal: controller.signal,
    clear: () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
    }
  }
}

/** A signal from `deadlineSignal` (the call's own deadline, or a caller's) reads as a timeout, any other abort as a cancel. */
export function classifyThrown(error: unknown, timeouts: CallTimeouts, signal?: AbortSignal): CallFailure {
  const chain = errorChain(error)
  const codes = chain.map((entry) => entry.code).filter((code): code is string => Boolean(code))
  if (signal?.aborted && (signal.reason as { name?: string } | undefined)?.name === 'TimeoutError') return responseTimeout(timeouts)
  if (signal?.aborted || chain.some((entry) => entry.name === 'AbortError') || codes.includes('UND_ERR_ABORTED')) {
    return { kind: 'cancelled', message: 'Stopped waiting for the answer' }
  }
  if (codes.includes('UND_ERR_CONNECT_TIMEOUT')) {
    return { kind: 'timeout', phase: 'connect', ms: timeouts.connectMs, message: `No connection within ${timeouts.connectMs} ms` }
  }
  if (codes.includes('UND_ERR_HEADERS_TIMEOUT') || codes.includes('UND_ERR_BODY_TIMEOUT')) return responseTimeout(timeouts)
  const tlsCode = codes.find((code) => TLS_CODES.has(code) || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL'))
  if (tlsCode) return { kind: 'tls', code: tlsCode, message: tlsMessage(tlsCode, chain[chain.length - 1]!.message) }
  const networkCode = codes.find((code) => code in NETWORK_MESSAGES) ?? codes.find((code) => /^E[A-Z]+$/.test(code))
  if (networkCode) return { kind: 'network', code: networkCode, message: NETWORK_MESSAGES[networkCode] ?? chain[chain.length - 1]!.message }
  if (error instanceof undiciErrors.SocketError || codes.includes('UND_ERR_SOCKET')) {
    return { kind: 'network', code: 'UND_ERR_SOCKET', message: 'The connection closed before a full answer arrived' }
  }
  return { kind: 'network', code: codes[0] ?? 'UNKNOWN', message: chain[chain.length - 1]?.message ?? 'Request failed' }
}

function responseTimeout(timeouts: CallTimeouts): CallFailure {
  return {
    kind: 'timeout',
    phase: 'response',
    ms: timeouts.responseMs,
    // Seconds for the real timeouts (30 s, 2 min); a shorter one is not rounded to 0 s.
    message: `Connected, but no complete answer within ${timeouts.responseMs < 1000 ? `${timeouts.responseMs} ms` : `${Math.round(timeouts.responseMs / 1000)} s`}`
  }
}

/** Whether an HTTP answer came back at all (as opposed to no connection, a hang or a cancel). */
export function somethingAnswered(failure: CallFailure): boolean {
  return failure.kind === 'http' || failure.kind === 'unauthorized' || failure.kind === 'egeria' || failure.kind === 'malformed'
}

/** One line a person can read, for any failure. */
export function describeFailure(failure: CallFailure): string {
  switch (failure.kind) {
    case 'egeria':
      return failure.error.message
    case 'unauthorized':
      return failure.httpStatus === 401 ? `Not authenticated (HTTP 401): ${failure.message}` : `Not allowed (HTTP 403): ${failure.message}`
    case 'http':
      return `HTTP ${failure.httpStatus}: ${failure.message}`
    case 'malformed':
      return `The answer is not what Egeria sends (HTTP ${failure.httpStatus}): ${failure.message}`
    default:
      return failure.message
  }
}

/** undici sets the connect timeout per Agent; every call kind uses the same short one. */
export function createAgent(tls: TlsSettings, connectTimeoutMs: number = CALL_TIMEOUTS.status.connectMs): Agent {
  let ca: string | undefined
  if (tls.mode === 'ca-file') ca = readFileSync(tls.caFile ?? '', 'utf8')
  return new Agent({
    keepAliveTimeout: 10_000,
    keepAliveMaxTimeout: 60_000,
    connections: 4,
    connect: {
      timeout: connectTimeoutMs,
      // Verification off applies to this Agent only, never to the process.
      rejectUnauthorized: tls.mode !== 'insecure',
      ...(ca ? { ca } : {})
    }
  })
}

function springMessage(body: unknown, fallback: string): string {
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>
    const parts = [record.error, record.message, record.path].filter((part) => typeof part === 'string' && part)
    if (parts.length > 0) return parts.join(' — ')
  }
  return fallback
}

async function readLimited(body: AsyncIterable<Uint8Array> & { destroy?: (error?: Error) => void }): Promise<string | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) {
      body.destroy?.()
      return undefined
    }
    chunks.push(Buffer.from(chunk))
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Makes one call. Never retries: the caller decides (restart and refresh are never retried). */
export async function call<T = unknown>(dispatcher: Agent, spec: HttpCall): Promise<CallResult<T>> {
  const timeouts = spec.timeouts ?? CALL_TIMEOUTS[spec.kind]
  const started = performance.now()
  const elapsed = (): number => Math.round(performance.now() - started)
  const headers: Record<string, string> = { accept: spec.expect === 'json' ? 'application/json' : 'text/plain, */*', ...spec.headers }
  let payload: string | undefined
  if (spec.body !== undefined) {
    payload = typeof spec.body === 'string' ? spec.body : JSON.stringify(spec.body)
    headers['content-type'] ??= 'application/json'
  }
  let text: string | undefined
  let httpStatus: number
  // undici's own timeouts bound the gap between chunks only; this bounds the whole call.
  const deadline = deadlineSignal(timeouts.responseMs, spec.signal)
  const signal = deadline.signal
  try {
    const response = await request(spec.url, {
      method: spec.method,
      dispatcher,
      headers,
      body: payload,
      signal,
      headersTimeout: timeouts.responseMs,
      bodyTimeout: timeouts.responseMs
    })
    httpStatus = response.statusCode
    text = await readLimited(response.body)
  } catch (error) {
    return { ok: false, error: classifyThrown(error, timeouts, signal), ms: elapsed() }
  } finally {
    deadline.clear()
  }
  if (text === undefined) {
    return {
      ok: false,
      error: { kind: 'malformed', httpStatus, message: `The answer is larger than ${MAX_BODY_BYTES} bytes`, snippet: '' },
      ms: elapsed()
    }
  }
  let parsed: unknown
  let parseError: string | undefined
  if (text.trim()) {
    try {
      parsed = JSON.parse(text)
    } catch (error) {
      parseError = (error as Error).message
    }
  }
  if (httpStatus === 401 || httpStatus === 403) {
    const envelope = ffdcError(parsed)
    return {
      ok: false,
      error: { kind: 'unauthorized', httpStatus, message: envelope?.message ?? springMessage(parsed, 'the platform refused the credentials'), body: parsed },
      ms: elapsed()
    }
  }
  if (httpStatus < 200 || httpStatus >= 300) {
    const envelope = ffdcError(parsed)
    if (envelope) return { ok: false, error: { kind: 'egeria', httpStatus, error: envelope }, ms: elapsed() }
    return {
      ok: false,
      error: { kind: 'http', httpStatus, message: springMessage(parsed, text.slice(0, 200) || 'no details'), body: parsed },
      ms: elapsed()
    }
  }
  if (spec.expect === 'text') return { ok: true, value: text as T, httpStatus, ms: elapsed() }
  if (parseError !== undefined || (text.trim() && (parsed === null || typeof parsed !== 'object'))) {
    return {
      ok: false,
      error: { kind: 'malformed', httpStatus, message: parseError ?? 'not a JSON object', snippet: text.slice(0, 200) },
      ms: elapsed()
    }
  }
  const envelope = ffdcError(parsed)
  if (envelope) return { ok: false, error: { kind: 'egeria', httpStatus, error: envelope }, ms: elapsed() }
  return { ok: true, value: (parsed ?? {}) as T, httpStatus, ms: elapsed() }
}
