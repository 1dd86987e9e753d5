import { useState } from 'react'
import { useAppStore } from '../store'
import type { Notice } from '../store/ui-slice'
import { useEscapeDismissesNewest, useNoticeLifetimes } from './use-notices'

const ICONS: Record<Notice['kind'], string> = { success: '✔', info: 'ℹ', warning: '⚠', error: '✖' }
const LABELS: Record<Notice['kind'], string> = { success: 'Done', info: 'Note', warning: 'Warning', error: 'Error' }
/** Toasts shown at once: more would cover the step's own buttons; the older ones fold into "+N more". */
const MAX_SHOWN_NOTICES = 2

/**
 * Toasts in a polite live region, newest on top; Escape dismisses the newest. An action (such as
 * Undo) keeps its toast until used or dismissed, so a folded one stays reachable through "+N more".
 */
export function Notices(): React.JSX.Element {
  const notices = useAppStore((state) => state.notices)
  const dismiss = useAppStore((state) => state.dismissNotice)
  const [expanded, setExpanded] = useState(false)
  useNoticeLifetimes(notices, dismiss)
  useEscapeDismissesNewest(notices, dismiss)
  const folding = notices.length > MAX_SHOWN_NOTICES
  // Once nothing is folded, the next pile of toasts starts folded again.
  if (expanded && !folding) setExpanded(false)

  const newestFirst = [...notices].reverse()
  const shown = expanded ? newestFirst : newestFirst.slice(0, MAX_SHOWN_NOTICES)
  const folded = newestFirst.length - shown.length
  return (
    <div className="notices">
      <div className="notice-list" role="status" aria-live="polite">
        {shown.map((notice) => (
          <Toast key={notice.id} notice={notice} onDismiss={() => dismiss(notice.id)} />
        ))}
      </div>
      {folding && (
        <button type="button" className="notice-more link-button" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show fewer' : `+${folded} more`} <span className="visually-hidden">notices</span>
        </button>
      )}
    </div>
  )
}

function Toast({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }): React.JSX.Element {
  return (
    <div className={`notice notice-${notice.kind}`}>
      <span aria-hidden="true" className="notice-icon">
        {ICONS[notice.kind]}
      </span>
      <span className="visually-hidden">{LABELS[notice.kind]}: </span>
      <span className="notice-text">{notice.message}</span>
      {notice.action && (
        <button
          type="button"
          onClick={() => {
            onDismiss()
            void notice.action?.run()
          }}
        >
          {notice.action.label}
        </button>
      )}
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  )
}
