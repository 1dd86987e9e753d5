/** The renderer's one seam to main: the preload's bridge, or the browser host's HTTP twin. */
import type { RendererApi } from '../../../shared/api'
import { createBrowserApi, takeToken } from './browser-api'

function resolveApi(): RendererApi {
  if (window.api) return window.api
  const token = takeToken(window.location, window.history, window.sessionStorage)
  // Without a token every call fails with a clear "unauthorized" result, shown by the app.
  return createBrowserApi(token ?? '')
}

export const api: RendererApi = resolveApi()
