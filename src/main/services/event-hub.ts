import type { AppEvents, EmitEvent } from '../../shared/api'
import { channelName } from '../../shared/channels'

/** A host listening to every channel (the renderer's `EventListener` hears one). */
export type HubListener = (channel: string, payload: unknown) => void

/** Fan-out of push events: services emit, each host (IPC, server-sent events) subscribes. */
export interface EventHub {
  emit: EmitEvent
  subscribe(listener: HubListener): () => void
}

export function createEventHub(): EventHub {
  const listeners = new Set<HubListener>()
  return {
    emit: <N extends keyof AppEvents, E extends keyof AppEvents[N]>(namespace: N, event: E, payload: AppEvents[N][E]) => {
      const channel = channelName(namespace, String(event))
      for (const listener of listeners) listener(channel, payload)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    }
  }
}
