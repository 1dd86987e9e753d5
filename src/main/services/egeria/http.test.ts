import { writeFileSync } from 'node:fs'

import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { json, selfSignedCertificate, startTestServer, trickle, type TestServer } from '../../../../tests/support/test-server'
import { call, createAgent, MAX_BODY_BYTES, type CallResult } from './http'
import { tempDir } from '../../../../tests/temp-dir'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const get = async (url: string, options: { tls?: Parameters<typeof createAgent>[0]; responseMs?: number; signal?: AbortSignal; expect?: 'json' | 'text' } = {}): Promise<CallResult<unknown>> => {
  const agent = createAgent(options.tls ?? { mode: 'system' }, 2_000)
  try {
    return await call(agent, {
      method: 'GET',
      url,
      kind: 'status',
      expect: options.expect ?? 'json',
      signal: options.signal,
      timeouts: options.responseMs ? { connectMs: 2_000, responseMs: options.responseMs } : undefined
    })
  } finally {
    await agent.destroy()
  }
}

describe('HTTP outcomes over real HTTP', () => {
  it('returns the JSON of a success', async () => {
    server = await startTestServer((_request, response) => json(response, { class: 'VoidResponse', relatedHTTPCode: 200 }))
    const result = await get(`${server.url}/x`)
    expect(result).toMatchObject({ ok: true, httpStatus: 200, value: { class: 'VoidResponse' } })
  })

  it('turns an HTTP 200 FFDC envelope into an Egeria failure with its message IDs', async () => {
    server = await startTestServer((_request, response) =>
      json(response, {
        class: 'IntegrationDaemonStatusResponse',
        relatedHTTPCode: 404,
        exceptionErrorMessageId: 'OMAG-MULTI-TENANT-404-001',
        exceptionErrorMessage: 'OMAG-MULTI-TENANT-404-001 The OMAG Server exchangeDL01 is not available to service a request from user gary'
      })
    )
    const result = await get(`${server.url}/x`)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toMatchObject({ kind: 'egeria', httpStatus: 200, error: { relatedHTTPCode: 404, messageIds: ['OMAG-MULTI-TENANT-404-001'] } })
  })

  it('reports Spring errors, 401 and 403 by their HTTP status', async () => {
    server = await startTestServer((request, response) => {
      if (request.url === '/spring') json(response, { timestamp: 'now', status: 404, error: 'Not Found', path: '/spring' }, 404)
      else if (request.url === '/401') json(response, '', 401)
      else json(response, { relatedHTTPCode: 403, exceptionErrorMessage: 'OMAG-PLATFORM-SECURITY-403-001 denied' }, 403)
    })
    expect(await get(`${server.url}/spring`)).toMatchObject({ ok: false, error: { kind: 'http', httpStatus: 404, message: 'Not Found — /spring' } })
    expect(await get(`${server.url}/401`)).toMatchObject({ ok: false, error: { kind: 'unauthorized', httpStatus: 401 } })
    expect(await get(`${server.url}/403`)).toMatchObject({ ok: false, error: { kind: 'unauthorized', httpStatus: 403, message: expect.stringContaining('403-001') } })
  })

  it('reports malformed JSON and non-object answers without throwing', async () => {
    server = await startTestServer((request, response) => json(response, request.url === '/broken' ? '{"class": "Void' : '42'))
    expect(await get(`${server.url}/broken`)).toMatchObject({ ok: false, error: { kind: 'malformed', httpStatus: 200, snippet: '{"class": "Void' } })
    expect(await get(`${server.url}/number`)).toMatchObject({ ok: false, error: { kind: 'malformed', message: 'not a JSON object' } })
  })

  it('refuses an answer larger than the limit instead of buffering it', async () => {
    server = await startTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      const chunk = Buffer.alloc(1024 * 1024, 32)
      for (let index = 0; index <= MAX_BODY_BYTES / chunk.length; index++) response.write(chunk)
      response.end('{}')
    })
    expect(await get(`${server.url}/huge`)).toMatchObject({ ok: false, error: { kind: 'malformed', message: expect.stringContaining('larger than') } })
  })

  it('times out a server that accepts but never answers', async () => {
    server = await startTestServer(() => {})
    const result = await get(`${server.url}/hang`, { responseMs: 300 })
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout', phase: 'response', ms: 300 } })
  })

  it('stops waiting when the caller aborts', async () => {
    server = await startTestServer(() => {})
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 100)
    const result = await get(`${server.url}/hang`, { signal: controller.signal, responseMs: 10_000 })
    expect(result).toMatchObject({ ok: false, error: { kind: 'cancelled' } })
    expect(result.ms).toBeLessThan(5_000)
  })

  it('reports a refused connection as a network failure', async () => {
    server = await startTestServer(() => {})
    const url = server.url
    await server.close()
    server = undefined
    expect(await get(`${url}/x`)).toMatchObject({ ok: false, error: { kind: 'network', code: 'ECONNREFUSED' } })
  })
})

describe('TLS settings per connection', () => {
  let certificate: { key: string; cert: string }
  let caFile: string
  beforeAll(async () => {
    certificate = await selfSignedCertificate()
    caFile = join(tempDir('dd-ca-'), 'ca.pem')
    writeFileSync(caFile, certificate.cert)
  })

  it('refuses a self-signed certificate when verifying with the system CAs', async () => {
    server = await startTestServer((_request, response) => json(response, { relatedHTTPCode: 200 }), certificate)
    const result = await get(`${server.url}/x`)
    expect(result).toMatchObject({ ok: false, error: { kind: 'tls', code: 'DEPTH_ZERO_SELF_SIGNED_CERT' } })
  })

  it('accepts it with its CA file, and with verification off for that connection only', async () => {
    server = await startTestServer((_request, response) => json(response, { relatedHTTPCode: 200 }), certificate)
    expect(await get(`${server.url}/x`, { tls: { mode: 'ca-file', caFile } })).toMatchObject({ ok: true })
    expect(await get(`${server.url}/x`, { tls: { mode: 'insecure' } })).toMatchObject({ ok: true })
    // The insecure agent did not turn verification off for anyone else.
    expect(await get(`${server.url}/x`)).toMatchObject({ ok: false, error: { kind: 'tls' } })
  })

  it('names an expired certificate and a hostname mismatch', async () => {
    const expired = await selfSignedCertificate({ expired: true })
    const expiredCa = join(tempDir('dd-ca-'), 'ca.pem')
    writeFileSync(expiredCa, expired.cert)
    server = await startTestServer((_request, response) => json(response, { relatedHTTPCode: 200 }), expired)
    expect(await get(`${server.url}/x`, { tls: { mode: 'ca-file', caFile: expiredCa } })).toMatchObject({
      ok: false,
      error: { kind: 'tls', code: 'CERT_HAS_EXPIRED', message: 'The server certificate has expired' }
    })
    await server.close()
    const other = await selfSignedCertificate({ name: 'egeria.example' })
    const otherCa = join(tempDir('dd-ca-'), 'ca.pem')
    writeFileSync(otherCa, other.cert)
    server = await startTestServer((_request, response) => json(response, { relatedHTTPCode: 200 }), other)
    expect(await get(`${server.url}/x`, { tls: { mode: 'ca-file', caFile: otherCa } })).toMatchObject({
      ok: false,
      error: { kind: 'tls', code: 'ERR_TLS_CERT_ALTNAME_INVALID' }
    })
  })
})

describe('a total deadline per call', () => {
  it('ends a call whose server trickles one byte every 2 s at its deadline, as a timeout', async () => {
    server = await startTestServer((_request, response) => trickle(response, 2_000))
    const started = performance.now()
    const result = await get(`${server.url}/x`, { responseMs: 3_000 })
    expect(performance.now() - started).toBeLessThan(4_500)
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout', phase: 'response', ms: 3_000 } })
  })

  it('stops a trickling call when its signal is aborted, as a cancel', async () => {
    server = await startTestServer((_request, response) => trickle(response, 2_000))
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 500)
    const result = await get(`${server.url}/x`, { responseMs: 60_000, signal: controller.signal })
    expect(result).toMatchObject({ ok: false, error: { kind: 'cancelled' } })
    expect(result.ms).toBeLessThan(2_000)
  })
})
