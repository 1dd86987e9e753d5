/**
 * The generic IPC adapter: one `ipcMain.handle` per contract channel, each validating its sender
 * and its arguments and answering with a `Result` (Electron keeps only `message` of a thrown
 * error, and contextBridge drops custom properties, so nothing is thrown across).
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import type { AppApi } from '../shared/api'
import { channels } from '../shared/channels'
import { toErrorData, type Result } from '../shared/result'
import type { EventHub } from './services/event-hub'
import { invokeChannel } from './services/invoke'

/** Decides whether an invoke comes from our own window's top frame. */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean

export function registerIpc(ipcMain: IpcMain, api: AppApi, isTrustedSender: SenderCheck): () => void {
  for (const entry of channels) {
    ipcMain.handle(entry.channel, async (event, ...args): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: toErrorData(new Error(`Refused ${entry.channel}: unexpected sender`)) }
      }
      return invokeChannel(api, entry, args)
    })
  }
  return () => {
    for (const entry of channels) ipcMain.removeHandler(entry.channel)
  }
}

/** Pushes every hub event to the window; the preload strips the event object before listeners see it. */
export function forwardEvents(events: EventHub, target: () => WebContents | undefined): () => void {
  return events.subscribe((channel, payload) => {
    const contents = target()
    if (contents && !contents.isDestroyed()) contents.send(channel, payload)
  })
}

/**
 * Trusted: the main frame of our window, loaded from our own renderer (file:// in production, the
 * dev server's origin under `electron-vite dev`). senderFrame is null once the frame navigated away.
 */
export function createSenderCheck(windowContents: () => WebContents | undefined, devServerUrl?: string): SenderCheck {
  return (event) => {
    const frame = event.senderFrame
    const contents = windowContents()
    if (!frame || !contents || event.sender !== contents || frame !== contents.mainFrame) return false
    let url: URL
    try {
      url = new URL(frame.url)
    } catch {
      return false
    }
    if (devServerUrl) return url.origin === new URL(devServerUrl).origin
    return url.protocol === 'file:'
  }
}
