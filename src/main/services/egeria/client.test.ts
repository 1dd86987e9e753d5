/** Client behaviours that need a scripted server: token renewal limits, no retries, version fallback. */
import { afterEach, describe, expect, it } from 'vitest'
import { json, startTestServer, type TestServer } from '../../../../tests/support/test-server'
import { EgeriaClient } from './client'
import { paths } from './version'

let server: TestServer | undefined
let client: EgeriaClient | undefined
afterEach(async () => {
  await client?.close()
  await server?.close()
  server = client = undefined
})

const ORIGIN_6 = '/open-metadata/platform-services/server-platform/origin'
const emptyStatus = { class: 'IntegrationDaemonStatusResponse', relatedHTTPCode: 200, integrationDaemonStatus: {} }

function make(url: string, egeria: 'auto' | '3' | '4' | '5' | '6' = 'auto', password: string | undefined = 'secret'): EgeriaClient {
  client = new EgeriaClient({ platformUrl: url, server: 'd1', userId: 'gary', password, egeria, tls: { mode: 'system' } })
  return client
}

describe('6.x bearer tokens', () => {
  it('logs in, sends the token, and renews it once after a 401', async () => {
    let issued = 0
    server = await startTestServer((request, response) => {
      if (request.url === ORIGIN_6) return void response.end('Egeria OMAG Server Platform (version 6.0)')
      if (request.url === '/api/token') {
        issued += 1
        return void response.end(`token-${issued}`)
      }
      // The first token "expires" after one use.
      if (request.headers.authorization !== `Bearer token-${issued}` || (issued === 1 && server!.requests.filter((entry) => entry.url.endsWith('/status')).length > 1)) {
        return json(response, '', 401)
      }
      json(response, emptyStatus)
    })
    const egeria = make(server.url)
    expect((await egeria.status()).ok).toBe(true)
    expect((await egeria.status()).ok).toBe(true)
    expect(issued).toBe(2)
    expect(JSON.parse(server.requests.find((entry) => entry.url === '/api/token')!.body)).toEqual({ userId: 'gary', password: 'secret' })
    expect(server.requests.filter((entry) => entry.url.endsWith('/status')).map((entry) => entry.headers.authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-1',
      'Bearer token-2'
    ])
  })

  it('gives up after one renewal when the platform keeps refusing', async () => {
    server = await startTestServer((request, response) => {
      if (request.url === '/api/token') return void response.end('token')
      json(response, '', 401)
    })
    const result = await make(server.url, '6').status()
    expect(result).toMatchObject({ ok: false, error: { kind: 'unauthorized', httpStatus: 401 } })
    expect(server.requests.filter((entry) => entry.url === '/api/token')).toHaveLength(2)
    expect(server.requests.filter((entry) => entry.url.endsWith('/status'))).toHaveLength(2)
  })
})

describe('restart and refresh are never retried', () => {
  it.each([
    ['a server error', (response: Parameters<Parameters<typeof startTestServer>[0]>[1]) => json(response, { status: 500, error: 'Internal Server Error' }, 500)],
    ['a dropped connection', (response: Parameters<Parameters<typeof startTestServer>[0]>[1]) => response.socket?.destroy()]
  ])('sends a restart exactly once after %s', async (_label, fail) => {
    server = await startTestServer((request, response) => (request.url?.endsWith('/restart') ? fail(response) : json(response, emptyStatus)))
    const egeria = make(server.url, '5')
    const version = (await egeria.detectVersion()) as { ok: true; value: { major: 5 } }
    const result = await egeria.operate(paths.restartConnector(version.value, 'd1', 'gary', 'C1'), 'restart')
    expect(result.ok).toBe(false)
    expect(server.requests.filter((entry) => entry.url.endsWith('/restart'))).toHaveLength(1)
  })
})

describe('version detection', () => {
  it('uses the origin of 3.x–5.x platforms on the userId path', async () => {
    server = await startTestServer((request, response) =>
      request.url === '/open-metadata/platform-services/users/gary/server-platform/origin'
        ? void response.end('Egeria OMAG Server Platform (version 4.3)\n')
        : json(response, { status: 404, error: 'Not Found' }, 404)
    )
    expect(await make(server.url).detectVersion()).toMatchObject({ ok: true, value: { major: 4, minor: 3 } })
  })

  it('falls back to the shape of the status answer when the origin is unavailable', async () => {
    server = await startTestServer((request, response) =>
      request.url?.endsWith('/users/gary/status')
        ? json(response, { class: 'IntegrationDaemonStatusResponse', relatedHTTPCode: 200, integrationServiceSummaries: [] })
        : json(response, { status: 404, error: 'Not Found' }, 404)
    )
    expect(await make(server.url).detectVersion()).toMatchObject({ ok: true, value: { major: 3 } })
  })

  it('lets an explicit version override what the platform says', async () => {
    server = await startTestServer((request, response) =>
      request.url === ORIGIN_6 ? void response.end('Egeria OMAG Server Platform (version 6.0)') : json(response, emptyStatus)
    )
    const egeria = make(server.url, '5')
    await egeria.status()
    expect(egeria.knownVersion?.major).toBe(5)
    expect(server.requests.at(-1)!.url).toBe('/servers/d1/open-metadata/integration-daemon/users/gary/status')
  })
})
