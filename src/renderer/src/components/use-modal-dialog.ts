import { useEffect, useRef } from 'react'

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [href], [tabindex]:not([tabindex="-1"])'

/**
 * A `<dialog>` shown modal while mounted, with the first field focused (`focusSelector`) and Tab kept
 * inside it; when it goes, focus returns to what had it before (the button that opened it). Returns the
 * ref and the keydown handler for the dialog element.
 */
export function useModalDialog(focusSelector: string): {
  dialog: React.RefObject<HTMLDialogElement | null>
  trapFocus: (event: React.KeyboardEvent<HTMLDialogElement>) => void
} {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const element = dialog.current
    if (!element) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    // jsdom has no showModal; browsers make everything outside the modal inert.
    if (typeof element.showModal === 'function' && !element.open) element.showModal()
    else element.setAttribute('open', '')
    element.querySelector<HTMLElement>(focusSelector)?.focus()
    return () => {
      if (typeof element.close === 'function' && element.open) element.close()
      // React removes the dialog before this runs, so the browser's own focus return does not happen.
      if (opener?.isConnected) opener.focus()
    }
  }, [focusSelector])

  const trapFocus = (event: React.KeyboardEvent<HTMLDialogElement>): void => {
    if (event.key !== 'Tab' || !dialog.current) return
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)]
    if (focusable.length === 0) return
    const first = focusable[0]!
    const last = focusable[focusable.length - 1]!
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first.focus()
    }
  }
  return { dialog, trapFocus }
}
