import { describe, expect, it, vi } from 'vitest'
import { channels } from '../../../shared/channels'
import { createBrowserApi, takeToken } from './browser-api'

describe('the browser host api', () => {
  it('exposes one function per channel, posting the arguments with the token', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: [] })))
    const api = createBrowserApi('tok', fetchImpl as unknown as typeof fetch) as unknown as Record<string, Record<string, unknown>>
    for (const { namespace, method } of channels) expect(typeof api[namespace]![method]).toBe('function')

    const result = await (api.connections!.exportJson as (ids: string[]) => Promise<unknown>)(['a'])
    expect(result).toEqual({ ok: true, value: [] })
    expect(fetchImpl).toHaveBeenCalledWith('/api/connections/exportJson', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-daemon-doctor-token': 'tok' },
      body: '[["a"]]'
    })
  })

  it('sends an omitted optional argument as absent, not null', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: {} })))
    const api = createBrowserApi('tok', fetchImpl as unknown as typeof fetch)
    await api.demo.start(undefined)
    expect((fetchImpl.mock.calls[0] as unknown as [string, RequestInit])[1].body).toBe('[]')
  })

  it('turns refusals and transport failures into failed results', async () => {
    const refused = createBrowserApi('bad', (async () => new Response('{"error":"Refused: missing or wrong token"}', { status: 401 })) as typeof fetch)
    expect(await refused.connections.list()).toEqual({ ok: false, error: { code: 'unauthorized', message: 'Refused: missing or wrong token' } })
    const down = createBrowserApi('tok', (async () => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch)
    const outcome = await down.app.info()
    expect(outcome).toMatchObject({ ok: false, error: { code: 'unavailable' } })
  })

  it('takes the token from the address once and removes it from the URL', () => {
    window.history.replaceState(null, '', '/?token=abc#demo')
    expect(takeToken(window.location, window.history, window.sessionStorage)).toBe('abc')
    expect(window.location.search).toBe('')
    expect(window.location.hash).toBe('#demo')
    expect(takeToken(window.location, window.history, window.sessionStorage)).toBe('abc')
  })
})
