import { useAppStore } from '../store'
import { api } from './api'

/** Subscribes once to main's push events and hands them to store actions. */
export function subscribeToEvents(): () => void {
  const unsubscribers = [
    api.events.connections.changed((connections) => useAppStore.getState().setConnections(connections)),
    api.events.daemon.snapshot((snapshot) => useAppStore.getState().applySnapshot(snapshot)),
    api.events.logs.appended((event) => useAppStore.getState().applyLogAppended(event)),
    api.events.logs.progress((event) => useAppStore.getState().applyLogProgress(event)),
    api.events.daemon.progress((progress) => useAppStore.getState().applyProgress(progress))
  ]
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe())
}
