import { useEffect, useRef } from 'react'
import { useAppStore } from '../store'
import type { Notice } from '../store/ui-slice'

const ICONS: Record<Notice['kind'], string> = { success: '✔', info: 'ℹ', warning: '⚠', error: '✖' }
const LABELS: Record<Notice['kind'], string> = { success: 'Done', info: 'Note', warning: 'Warning', error: 'Error' }
const LIFETIME_MS = 6_000

/** Toasts in a polite live region; an action (such as Undo) keeps its toast until used or dismissed. */
export function Notices(): React.JSX.Element {
  const notices = useAppStore((state) => state.notices)
  const dismiss = useAppStore((state) => state.dismissNotice)

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

  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.kind}`}>
          <span aria-hidden="true" className="notice-icon">
            {ICONS[notice.kind]}
          </span>
          <span className="visually-hidden">{LABELS[notice.kind]}: </span>
          <span className="notice-text">{notice.message}</span>
          {notice.action && (
            <button
              type="button"
              onClick={() => {
                dismiss(notice.id)
                void notice.action?.run()
              }}
            >
              {notice.action.label}
            </button>
          )}
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismiss(notice.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
