import { useCallback, useEffect, useRef } from 'react'
import { ESCAPE_PRIORITY, useEscapeLayer } from '../lib/escape-layers'
import type { Notice } from '../store/ui-slice'

const LIFETIME_MS = 6_000

/** Lets each toast go six seconds after it first showed; errors and toasts with an action (such as Undo) stay until dismissed. */
export function useNoticeLifetimes(notices: readonly Notice[], dismiss: (id: number) => void): void {
  // One timer per toast, started when it first shows: restarting every timer whenever the list
  // changed kept older toasts on screen for as long as new ones kept coming.
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>())
  useEffect(() => {
    const running = timers.current
    const shown = new Set(notices.map((notice) => notice.id))
    for (const [id, timer] of running) {
      if (shown.has(id)) continue
      clearTimeout(timer)
      running.delete(id)
    }
    for (const notice of notices) {
      if (notice.action || notice.kind === 'error' || running.has(notice.id)) continue
      running.set(notice.id, setTimeout(() => dismiss(notice.id), LIFETIME_MS))
    }
  }, [notices, dismiss])
  useEffect(() => {
    const running = timers.current
    return () => {
      for (const timer of running.values()) clearTimeout(timer)
      running.clear()
    }
  }, [])
}

/** Escape dismisses the newest toast, one per press (see escape-layers.ts: reading a log comes first, going home after). */
export function useEscapeDismissesNewest(notices: readonly Notice[], dismiss: (id: number) => void): void {
  const newest = notices.at(-1)?.id
  const dismissNewest = useCallback(() => {
    if (newest !== undefined) dismiss(newest)
  }, [newest, dismiss])
  useEscapeLayer(newest === undefined ? undefined : dismissNewest, ESCAPE_PRIORITY.notice)
}
