/** A bare HTTP(S) server on 127.0.0.1 for tests of the HTTP layer: each test supplies the handler. */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { generate } from 'selfsigned'

export type Handler = (request: IncomingMessage & { body: string }, response: ServerResponse) => void

export interface TestServer {
  url: string
  requests: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[]
  close(): Promise<void>
}

export async function startTestServer(handler: Handler, tls?: { key: string; cert: string }): Promise<TestServer> {
  const requests: TestServer['requests'] = []
  const listener = (request: IncomingMessage, response: ServerResponse): void => {
    let body = ''
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
    request.on('end', () => {
      requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body })
      handler(Object.assign(request, { body }), response)
    })
  }
  const server = tls ? createHttpsServer(tls, listener) : createHttpServer(listener)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** A self-signed certificate for 127.0.0.1 and localhost (or another name, for mismatch tests). */
export async function selfSignedCertificate(options: { name?: string; expired?: boolean } = {}): Promise<{ key: string; cert: string }> {
  const name = options.name ?? 'localhost'
  const now = Date.now()
  const result = await generate([{ name: 'commonName', value: name }], {
    keySize: 2048,
    notBeforeDate: new Date(options.expired ? now - 3 * 86_400_000 : now - 60_000),
    notAfterDate: new Date(options.expired ? now - 86_400_000 : now + 30 * 86_400_000),
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: options.name ? [{ type: 2, value: name }] : [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }]
      }
    ]
  })
  return { key: result.private, cert: result.cert }
}

export const json = (response: ServerResponse, body: unknown, status = 200): void => {
  response.writeHead(status, { 'content-type': 'application/json' })
  response.end(typeof body === 'string' ? body : JSON.stringify(body))
}

/**
 * Answers 200 and then sends one byte every `everyMs` for as long as the client listens: a hostile or
 * overloaded server that never finishes but never goes quiet long enough for a gap timeout.
 */
export const trickle = (response: ServerResponse, everyMs: number): void => {
  response.writeHead(200, { 'content-type': 'application/json' })
  response.write('{')
  const timer = setInterval(() => response.write(' '), everyMs)
  response.on('close', () => clearInterval(timer))
}
