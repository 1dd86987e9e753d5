import { useEffect, useRef } from 'react'
import type { StatusSnapshot } from '../../../shared/models/daemon'
import { api } from '../lib/api'
import { useAppStore } from '../store'
import { StatusMemory, summariseChanges, type StatusChange } from './status-announcements'

/** Snapshots closer together than this are announced as one. */
export const ANNOUNCE_DEBOUNCE_MS = 1500

/**
 * The app's one polite live region. Anything may speak through it with the store's `announce`;
 * status changes pushed by the daemon poller are summarised here, merged over a short window.
 */
export function Announcer({ debounceMs = ANNOUNCE_DEBOUNCE_MS }: { debounceMs?: number }): React.JSX.Element {
  const announcement = useAppStore((state) => state.announcement)
  const pending = useRef<{ changes: StatusChange[]; timer?: ReturnType<typeof setTimeout> }>({ changes: [] })

  useEffect(() => {
    const memory = new StatusMemory()
    const batch = pending.current
    const flush = (): void => {
      batch.timer = undefined
      const changes = batch.changes.splice(0)
      const state = useAppStore.getState()
      const byConnection = new Map<string, StatusChange[]>()
      for (const change of changes) byConnection.set(change.connectionId, [...(byConnection.get(change.connectionId) ?? []), change])
      const sentences = [...byConnection].flatMap(([connectionId, list]) => {
        const onScreen = state.view.kind === 'flow' && state.view.connectionId === connectionId
        const name = state.connections.find((connection) => connection.id === connectionId)?.name
        return summariseChanges(list, onScreen ? undefined : name) ?? []
      })
      if (sentences.length > 0) state.announce(sentences.join(' '))
    }
    const onSnapshot = (snapshot: StatusSnapshot): void => {
      const { changes, error } = memory.apply(snapshot)
      if (error) {
        const name = useAppStore.getState().connections.find((connection) => connection.id === snapshot.connectionId)?.name ?? 'the daemon'
        useAppStore.getState().announce(`The status of ${name} could not be read.`)
      }
      if (changes.length === 0) return
      batch.changes.push(...changes)
      batch.timer ??= setTimeout(flush, debounceMs)
    }
    const unsubscribe = api.events.daemon.snapshot(onSnapshot)
    return () => {
      unsubscribe()
      clearTimeout(batch.timer)
      batch.timer = undefined
      batch.changes.length = 0
    }
  }, [debounceMs])

  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {/* A new key re-creates the text node, so the same words said twice are announced twice. */}
      {announcement && <span key={announcement.id}>{announcement.text}</span>}
    </div>
  )
}
