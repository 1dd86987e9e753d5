/**
 * The browser host: the built renderer and the same `AppApi` over HTTP on 127.0.0.1.
 *
 * One route per contract channel (`POST /api/<namespace>/<method>`, body = the argument array,
 * answer = the `Result`), push events as server-sent events on `GET /api/events`. Every API
 * request needs the per-launch token (header `x-daemon-doctor-token`, or `?token=` for the event
 * stream, which cannot set headers); requests whose Host or Origin is not this host's loopback
 * address are refused, which defeats DNS rebinding and cross-site requests.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, normalize, resolve, sep } from 'node:path'
import type { AppApi } from '../../shared/api'
import { channels, TOKEN_HEADER, type ChannelEntry } from '../../shared/channels'
import type { EventHub } from '../services/event-hub'
import { invokeChannel } from '../services/invoke'

const MAX_BODY_BYTES = 64 * 1024 * 1024
const HEARTBEAT_MS = 20_000

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2'
}

export interface BrowserHostOptions {
  api: AppApi
  events: EventHub
  /** The built renderer (`out/renderer`). */
  rendererDir: string
  /** 0 or absent: any free port. */
  port?: number
  token?: string
}

export interface BrowserHost {
  readonly port: number
  readonly token: string
  /** The address to open, token included. */
  readonly url: string
  close(): Promise<void>
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const routes = new Map<string, ChannelEntry>(channels.map((entry) => [`/api/${entry.namespace}/${entry.method}`, entry]))
  const streams = new Set<ServerResponse>()
  let port = 0

  const unsubscribe = options.events.subscribe((channel, payload) => {
    const frame = `event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`
    for (const stream of streams) stream.write(frame)
  })

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`)
    const refusal = checkRequest(request, url, port, token)
    if (refusal) return send(response, refusal.status, { error: refusal.message })

    if (url.pathname === '/api/events' && request.method === 'GET') {
      response.writeHead(200, {
        ...securityHeaders(),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive'
      })
      response.write(': connected\n\n')
      streams.add(response)
      const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS)
      request.on('close', () => {
        clearInterval(heartbeat)
        streams.delete(response)
      })
      return
    }

    if (url.pathname.startsWith('/api/')) {
      const entry = routes.get(url.pathname)
      if (!entry) return send(response, 404, { error: `No such API call: ${url.pathname}` })
      if (request.method !== 'POST') return send(response, 405, { error: 'API calls use POST' })
      if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(response, 415, { error: 'API calls send JSON' })
      }
      let args: unknown
      try {
        const body = await readBody(request, MAX_BODY_BYTES)
        args = body.length === 0 ? [] : JSON.parse(body)
      } catch (error) {
        return send(response, 400, { error: (error as Error).message })
      }
      return send(response, 200, await invokeChannel(options.api, entry, args))
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, { error: 'Method not allowed' })
    return serveStatic(options.rendererDir, url.pathname, response)
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, { error: (error as Error).message })
      else response.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  port = (server.address() as AddressInfo).port

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    async close() {
      unsubscribe()
      for (const stream of streams) stream.end()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await closed
    }
  }
}

interface Refusal {
  status: number
  message: string
}

/** Host and Origin must name this loopback host; API routes need the token. */
export function checkRequest(request: IncomingMessage, url: URL, port: number, token: string): Refusal | undefined {
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  if (!allowedHosts.has(String(request.headers.host ?? ''))) {
    return { status: 403, message: 'Refused: unexpected Host header' }
  }
  const origin = request.headers.origin
  if (origin !== undefined && !allowedHosts.has(origin.startsWith('http://') ? origin.slice(7) : origin)) {
    return { status: 403, message: 'Refused: cross-origin request' }
  }
  if (url.pathname.startsWith('/api/')) {
    const presented = String(request.headers[TOKEN_HEADER] ?? (url.pathname === '/api/events' ? url.searchParams.get('token') ?? '' : ''))
    if (!sameSecret(presented, token)) return { status: 401, message: 'Refused: missing or wrong token' }
  }
  return undefined
}

function sameSecret(presented: string, expected: string): boolean {
  const a = Buffer.from(presented)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin'
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    ...securityHeaders(),
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text)
  })
  response.end(text)
}

async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > limit) throw new Error(`Request body over ${limit / 1024 / 1024} MB`)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

async function serveStatic(root: string, pathname: string, response: ServerResponse): Promise<void> {
  const base = resolve(root)
  const relative = normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname)).replace(/^([/\\])+/, '')
  const file = resolve(base, relative)
  if (!file.startsWith(base + sep)) return send(response, 404, { error: 'Not found' })
  const info = await stat(file).catch(() => undefined)
  if (!info?.isFile()) return send(response, 404, { error: 'Not found' })
  response.writeHead(200, {
    ...securityHeaders(),
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'
  })
  createReadStream(file).pipe(response)
}
