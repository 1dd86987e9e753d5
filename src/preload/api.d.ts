import type { RendererApi } from '../shared/api'

declare global {
  interface Window {
    /** Set by the preload in the desktop app; built over HTTP by the renderer in the browser host. */
    api: RendererApi
    /** Desktop only: the path of a picked or dropped file ('' when it has none, e.g. pasted content). */
    files?: { pathForFile(file: File): string }
  }
}

export {}
