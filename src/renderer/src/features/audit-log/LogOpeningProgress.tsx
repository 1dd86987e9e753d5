import { useCallback } from 'react'
import { ESCAPE_PRIORITY, useEscapeLayer } from '../../lib/escape-layers'
import { useAppStore } from '../../store'

const megabytes = (bytes: number): string => (bytes / 1048576).toFixed(bytes < 10 * 1048576 ? 1 : 0)

/** While a log is read: bytes read of the total, and Cancel (also Escape). The causes follow when it ends. */
export function LogOpeningProgress({ owner, what }: { owner: string; what: React.ReactNode }): React.JSX.Element | null {
  const opening = useAppStore((state) => state.logs[owner]?.opening ?? false)
  const openId = useAppStore((state) => state.logs[owner]?.openId)
  const progress = useAppStore((state) => state.logs[owner]?.progress)
  const cancel = useAppStore((state) => state.cancelLogOpening)
  const cancellable = opening && openId !== undefined
  const cancelReading = useCallback(() => void cancel(owner), [cancel, owner])
  // While reading, Escape cancels the reading, before any other meaning it has.
  useEscapeLayer(cancellable ? cancelReading : undefined, ESCAPE_PRIORITY.reading)
  if (!opening) return null
  const total = progress?.totalBytes ?? 0
  const read = progress?.bytesRead ?? 0
  const percent = total > 0 ? Math.floor((read / total) * 100) : undefined
  return (
    <section className="log-opening" aria-label="Reading the log" aria-busy="true">
      <div className="log-opening-head">
        <strong>Reading {what}</strong>
        {cancellable && (
          <button type="button" onClick={() => void cancel(owner)}>
            Cancel <kbd>Esc</kbd>
          </button>
        )}
      </div>
      <progress className="log-opening-bar" aria-label="Part of the log read" {...(total > 0 ? { value: read, max: total } : {})} />
      <p className="muted log-opening-status" role="status">
        {percent === undefined ? 'Reading…' : `${megabytes(read)} of ${megabytes(total)} MB read (${percent}%).`} The causes appear when the
        reading ends.
      </p>
    </section>
  )
}
