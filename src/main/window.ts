/** The one app window, with Electron's security checklist applied in one place. */
import { BrowserWindow, shell, type WebContents } from 'electron'
import { join } from 'node:path'
import { isSafeExternalUrl } from './services/app-services'

export interface WindowOptions {
  preloadPath: string
  rendererDir: string
  devServerUrl?: string
  startOnDemo?: boolean
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Daemon Doctor',
    // Matches the dark theme's background so the window does not flash white before the first paint.
    backgroundColor: '#12161c',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false
    }
  })
  hardenContents(window.webContents)
  window.once('ready-to-show', () => window.show())

  const hash = options.startOnDemo ? 'demo' : undefined
  if (options.devServerUrl) void window.loadURL(options.devServerUrl + (hash ? `#${hash}` : ''))
  else void window.loadFile(join(options.rendererDir, 'index.html'), hash ? { hash } : undefined)
  return window
}

/** No navigation, no new windows; https links go to the system browser, anything else is dropped. */
export function hardenContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
}
