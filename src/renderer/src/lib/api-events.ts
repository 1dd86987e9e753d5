import { useAppStore } from '../store'
import { api } from './api'

/** Subscribes once to main's push events and hands them to store actions. */
export function subscribeToEvents(): () => void {
  const unsubscribers = [api.events.connections.changed((connections) => useAppStore.getState().setConnections(connections))]
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe())
}
