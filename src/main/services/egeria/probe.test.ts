/** The probe against hostile or broken servers: a hop passes only on an answer that proves it. */
import { afterEach, describe, expect, it } from 'vitest'
import { startTestServer, type Handler, type TestServer } from '../../../../tests/support/test-server'
import { EgeriaClient } from './client'
import { probeDaemon } from './probe'

let server: TestServer | undefined
let client: EgeriaClient | undefined
afterEach(async () => {
  await client?.close()
  await server?.close()
  server = client = undefined
})

const short = { connectMs: 1_000, responseMs: 800 }
const hostile: [string, Handler][] = [
  ['resets the connection', (request) => request.socket.destroy()],
  ['hangs', () => {}],
  ['redirects (302) to a login page', (_request, response) => void response.writeHead(302, { location: '/login' }).end()],
  ['serves an HTML error page', (_request, response) => void response.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><h1>Service Unavailable</h1></body></html>')],
  ['answers invalid JSON', (_request, response) => void response.writeHead(200, { 'content-type': 'application/json' }).end('{"class": "IntegrationDaemonStatusResponse", ')]
]

describe('probe hop evidence', () => {
  for (const egeria of ['auto', '5'] as const) {
    it.each(hostile)(`claims no platform, server or daemon when the server %s (Egeria ${egeria})`, async (_case, handler) => {
      server = await startTestServer(handler)
      client = new EgeriaClient(
        { platformUrl: server.url, server: 'exchangeDL01', userId: 'gary', egeria, tls: { mode: 'system' } },
        { timeouts: { probe: short, status: short } }
      )
      const report = await probeDaemon(client, { timeoutMs: 1_000 })
      expect(report.ok).toBe(false)
      const state = (id: string): string | undefined => report.hops.find((hop) => hop.id === id)?.state
      expect(state('tcp')).toBe('pass')
      for (const id of ['platform', 'server', 'daemon', 'status']) expect([id, state(id)]).not.toEqual([id, 'pass'])
    })
  }
})
