import { useEffect } from 'react'
import { useAppStore } from '../store'
import type { Notice } from '../store/ui-slice'

const ICONS: Record<Notice['kind'], string> = { success: '✔', info: 'ℹ', warning: '⚠', error: '✖' }
const LABELS: Record<Notice['kind'], string> = { success: 'Done', info: 'Note', warning: 'Warning', error: 'Error' }
const LIFETIME_MS = 6_000

/** Toasts in a polite live region; an action (such as Undo) keeps its toast until used or dismissed. */
export function Notices(): React.JSX.Element {
  const notices = useAppStore((state) => state.notices)
  const dismiss = useAppStore((state) => state.dismissNotice)

  useEffect(() => {
    const timers = notices
      .filter((notice) => !notice.action && notice.kind !== 'error')
      .map((notice) => setTimeout(() => dismiss(notice.id), LIFETIME_MS))
    return () => timers.forEach(clearTimeout)
  }, [notices, dismiss])

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
