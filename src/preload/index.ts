/**
 * The bridge: `window.api` with one named function per contract channel and one subscriber per
 * push event, built from the shared tables. No generic invoke/send/on is exposed, and listeners
 * never receive the IpcRendererEvent (it carries `sender`).
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { channels, eventChannels } from '../shared/channels'

const api: Record<string, Record<string, unknown>> = { events: {} }

for (const { namespace, method, channel } of channels) {
  api[namespace] ??= {}
  api[namespace][method] = (...args: unknown[]) => ipcRenderer.invoke(channel, ...args)
}

const events = api.events as Record<string, Record<string, unknown>>
for (const { namespace, event, channel } of eventChannels) {
  events[namespace] ??= {}
  events[namespace][event] = (listener: (payload: unknown) => void) => {
    const forward = (_event: unknown, payload: unknown): void => listener(payload)
    ipcRenderer.on(channel, forward)
    return () => ipcRenderer.removeListener(channel, forward)
  }
}

contextBridge.exposeInMainWorld('api', api)
// A picked or dropped File's path on disk, so main reads the log itself (any size, .gz, followed live).
contextBridge.exposeInMainWorld('files', { pathForFile: (file: File) => webUtils.getPathForFile(file) })
