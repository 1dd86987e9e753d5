/**
 * `window.api` for the browser host, built from the same channel table as the preload's, so the
 * renderer cannot tell the hosts apart: calls are `POST /api/<namespace>/<method>` and push events
 * arrive as server-sent events. Transport failures become failed `Result`s, like any other error.
 */
import type { RendererApi } from '../../../shared/api'
import { channels, eventChannels, TOKEN_HEADER } from '../../../shared/channels'
import type { Result } from '../../../shared/result'

const TOKEN_KEY = 'daemon-doctor-token'

/** The token arrives once in the address (?token=…); keep it for this tab and take it out of the URL. */
export function takeToken(location: Location, history: History, storage: Storage): string | undefined {
  const params = new URLSearchParams(location.search)
  const fromUrl = params.get('token')
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl)
    params.delete('token')
    const query = params.toString()
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`)
    return fromUrl
  }
  return storage.getItem(TOKEN_KEY) ?? undefined
}

/** JSON has no `undefined`: an omitted optional argument would arrive as `null` and fail validation. */
function withoutTrailingUndefined(args: unknown[]): unknown[] {
  let end = args.length
  while (end > 0 && args[end - 1] === undefined) end -= 1
  return args.slice(0, end)
}

export function createBrowserApi(token: string, fetchImpl: typeof fetch = fetch.bind(globalThis)): RendererApi {
  const api: Record<string, Record<string, unknown>> = { events: {} }

  for (const { namespace, method } of channels) {
    api[namespace] ??= {}
    api[namespace][method] = async (...args: unknown[]): Promise<Result<unknown>> => {
      try {
        const response = await fetchImpl(`/api/${namespace}/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify(withoutTrailingUndefined(args))
        })
        const body = (await response.json()) as Result<unknown> | { error: string }
        if ('ok' in body) return body
        return { ok: false, error: { code: response.status === 401 ? 'unauthorized' : 'internal', message: body.error } }
      } catch (error) {
        return { ok: false, error: { code: 'unavailable', message: `Daemon Doctor's host is not answering: ${(error as Error).message}` } }
      }
    }
  }

  let source: EventSource | undefined
  const stream = (): EventSource => (source ??= new EventSource(`/api/events?token=${encodeURIComponent(token)}`))
  const events = api.events as Record<string, Record<string, unknown>>
  for (const { namespace, event, channel } of eventChannels) {
    events[namespace] ??= {}
    events[namespace][event] = (listener: (payload: unknown) => void) => {
      const forward = (message: MessageEvent<string>): void => listener(JSON.parse(message.data))
      stream().addEventListener(channel, forward)
      return () => stream().removeEventListener(channel, forward)
    }
  }
  return api as unknown as RendererApi
}
