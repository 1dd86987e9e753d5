import type { RendererApi } from '../shared/api'

declare global {
  interface Window {
    /** Set by the preload in the desktop app; built over HTTP by the renderer in the browser host. */
    api: RendererApi
  }
}

export {}
