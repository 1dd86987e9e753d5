/**
 * Every invoke channel and push event, by name, checked against `AppApi` and `AppEvents` at compile
 * time: a missing or extra entry does not type-check. The table is the allowlist of both hosts and
 * the source of the preload's and the browser's `window.api`. Dependency-free on purpose, so the
 * sandboxed preload can bundle it.
 */
import type { AppApi, AppEvents, Namespace } from './api'

export const methodNames = {
  app: { info: true, dismissSettingsIssue: true, openExternal: true },
  connections: {
    list: true,
    save: true,
    duplicate: true,
    remove: true,
    undoRemove: true,
    exportJson: true,
    importJson: true,
    setAuditDestination: true
  },
  daemon: { status: true, probe: true, restart: true, refresh: true, reloadGroup: true, configuration: true, configure: true, cancel: true, checkServer: true, watch: true },
  journal: { list: true, export: true },
  report: { incident: true },
  demo: { info: true, start: true, stop: true, world: true, updateWorld: true },
  logs: { open: true, cancel: true, openText: true, openTexts: true, openDestination: true, openConnectionDestination: true, records: true, locate: true, search: true, histogram: true, follow: true, unfollow: true, close: true }
} as const satisfies { [N in Namespace]: { [M in keyof AppApi[N]]: true } }

export const eventNames = {
  connections: { changed: true },
  daemon: { snapshot: true, progress: true },
  logs: { appended: true, progress: true }
} as const satisfies { [N in keyof AppEvents]: { [E in keyof AppEvents[N]]: true } }

/** The browser host's per-launch token travels in this header (or `?token=` for the event stream). */
export const TOKEN_HEADER = 'x-daemon-doctor-token'

export function channelName(namespace: string, member: string): string {
  return `${namespace}:${member}`
}

export interface ChannelEntry {
  namespace: Namespace
  method: string
  channel: string
}

export const channels: readonly ChannelEntry[] = Object.entries(methodNames).flatMap(([namespace, methods]) =>
  Object.keys(methods).map((method) => ({
    namespace: namespace as Namespace,
    method,
    channel: channelName(namespace, method)
  }))
)

export interface EventEntry {
  namespace: keyof AppEvents
  event: string
  channel: string
}

export const eventChannels: readonly EventEntry[] = Object.entries(eventNames).flatMap(([namespace, events]) =>
  Object.keys(events).map((event) => ({
    namespace: namespace as keyof AppEvents,
    event,
    channel: channelName(namespace, event)
  }))
)
