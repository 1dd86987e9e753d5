/** The Electron shell: app lifecycle, the window, and the IPC adapter over the shared services. */
import { app, ipcMain, shell } from 'electron'
import { fileURLToPath } from 'node:url'
import { version } from '../../package.json'
import { createAppServices } from './services/app-services'
import { PRODUCT_NAME } from './services/data-dir'
import { createEventHub } from './services/event-hub'
import { createSenderCheck, forwardEvents, registerIpc } from './ipc'
import { createSafeStorageSecretStore } from './store'
import { createMainWindow } from './window'
import type { BrowserWindow } from 'electron'

app.setName(PRODUCT_NAME)
// Each e2e run or second profile gets its own settings folder.
if (process.env.DAEMON_DOCTOR_DATA_DIR) app.setPath('userData', process.env.DAEMON_DOCTOR_DATA_DIR)
app.enableSandbox()

let window: BrowserWindow | undefined

export async function start(): Promise<void> {
  await app.whenReady()
  const dataDir = app.getPath('userData')
  const events = createEventHub()
  const services = createAppServices({
    host: 'desktop',
    version,
    dataDir,
    secrets: createSafeStorageSecretStore(dataDir),
    emit: events.emit,
    openExternal: (url) => shell.openExternal(url)
  })
  const devServerUrl = process.env.ELECTRON_RENDERER_URL
  registerIpc(ipcMain, services.api, createSenderCheck(() => window?.webContents, devServerUrl))
  forwardEvents(events, () => window?.webContents)

  const open = (): void => {
    window = createMainWindow({
      preloadPath: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
      rendererDir: fileURLToPath(new URL('../renderer/', import.meta.url)),
      devServerUrl,
      startOnDemo: process.argv.includes('--demo')
    })
    window.on('closed', () => (window = undefined))
  }
  open()
  app.on('activate', () => window ?? open())
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('before-quit', () => void services.dispose())
}

void start()
