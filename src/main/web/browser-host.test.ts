import { request as httpRequest } from 'node:http'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { channels } from '../../shared/channels'
import { startTestWebApp } from '../../../tests/app-under-test'
import { TOKEN_HEADER } from '../../shared/channels'
import type { WebApp } from './web-app'

let app: WebApp
let base: string

beforeEach(async () => {
  app = await startTestWebApp()
  base = `http://127.0.0.1:${app.host.port}`
})
afterEach(async () => app.close())

const call = (path: string, init: RequestInit = {}) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    ...init,
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: app.host.token, ...(init.headers as Record<string, string>) }
  })

/** fetch() will not send a forged Host header, so this goes through node:http. */
function rawGet(path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: app.host.port, path, headers }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', reject)
    req.end()
  })
}

describe('browser host', () => {
  it('listens on loopback only and prints a URL that carries the token', () => {
    expect(app.host.url).toBe(`http://127.0.0.1:${app.host.port}/?token=${app.host.token}`)
    expect(app.host.token.length).toBeGreaterThanOrEqual(32)
  })

  it('serves one route per contract channel, answering with a Result', async () => {
    for (const entry of channels) {
      const response = await call(`/api/${entry.namespace}/${entry.method}`, { body: '"not an argument list"' })
      expect(response.status, entry.channel).toBe(200)
      const body = await response.json()
      expect(body, entry.channel).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    }
    const list = await call('/api/connections/list', { body: '[]' })
    expect(await list.json()).toEqual({ ok: true, value: [] })
  })

  it('refuses API calls without the token or with a wrong one', async () => {
    const none = await fetch(`${base}/api/connections/list`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' })
    expect(none.status).toBe(401)
    const wrong = await call('/api/connections/list', { body: '[]', headers: { [TOKEN_HEADER]: 'x'.repeat(32) } })
    expect(wrong.status).toBe(401)
    const events = await fetch(`${base}/api/events`)
    expect(events.status).toBe(401)
  })

  it('refuses the token in the query string on API calls (it is for the event stream only)', async () => {
    const inQuery = await fetch(`${base}/api/connections/list?token=${app.host.token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' })
    expect(inQuery.status).toBe(401)
    expect(await inQuery.text()).toContain('missing or wrong token')
  })

  it('refuses a foreign Origin even with the token', async () => {
    const response = await call('/api/connections/list', { body: '[]', headers: { origin: 'https://evil.example' } })
    expect(response.status).toBe(403)
    const sameHostOtherScheme = await call('/api/connections/list', { body: '[]', headers: { origin: `https://127.0.0.1:${app.host.port}` } })
    expect(sameHostOtherScheme.status).toBe(403)
    const own = await call('/api/connections/list', { body: '[]', headers: { origin: base } })
    expect(own.status).toBe(200)
  })

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    expect(await rawGet('/', { host: 'attacker.example' })).toBe(403)
    expect(await rawGet('/', { host: `localhost:${app.host.port}` })).toBe(200)
  })

  it('validates arguments and reports field errors', async () => {
    const response = await call('/api/connections/save', { body: JSON.stringify([{ name: '' }]) })
    const body = (await response.json()) as { ok: boolean; error: { fields: Record<string, string> } }
    expect(body.ok).toBe(false)
    expect(body.error.fields.name).toBe('Display name is required')
    expect(Object.keys(body.error.fields)).toEqual(expect.arrayContaining(['name', 'platformUrl', 'serverName', 'userId']))
  })

  it('rejects bodies that are not JSON, and unknown routes', async () => {
    expect((await call('/api/connections/list', { body: '{' })).status).toBe(400)
    expect((await call('/api/connections/drop-table', { body: '[]' })).status).toBe(404)
    expect((await call('/api/connections/list', { body: '[]', headers: { 'content-type': 'text/plain' } })).status).toBe(415)
  })

  it('pushes events to subscribers over server-sent events', async () => {
    const controller = new AbortController()
    const stream = await fetch(`${base}/api/events?token=${app.host.token}`, { signal: controller.signal })
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/)
    const reader = stream.body!.getReader()
    await call('/api/connections/save', {
      body: JSON.stringify([{ name: 'A', platformUrl: 'https://h:9443', serverName: 's', userId: 'u', egeriaVersion: 'auto', tls: { mode: 'system' }, environment: 'dev', readOnly: false }])
    })
    let text = ''
    while (!text.includes('event: connections:changed')) text += new TextDecoder().decode((await reader.read()).value)
    expect(text).toMatch(/data: \[\{.*"name":"A"/)
    controller.abort()
  })

  it('serves the renderer with a strict CSP and never files outside it', async () => {
    const index = await fetch(`${base}/`)
    expect(index.status).toBe(200)
    expect(index.headers.get('content-security-policy')).toContain("connect-src 'self'")
    expect(await index.text()).toContain('Daemon Doctor')
    expect((await fetch(`${base}/assets/app.js`)).headers.get('content-type')).toMatch(/javascript/)
    expect(await rawGet('/../secret.txt', { host: `127.0.0.1:${app.host.port}` })).toBe(404)
    expect(await rawGet('/%2e%2e/secret.txt', { host: `127.0.0.1:${app.host.port}` })).toBe(404)
  })
})
