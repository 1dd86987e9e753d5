import { useEffect } from 'react'
import { useAppStore } from '../store'
import { PaletteDialog } from './PaletteDialog'
import './command-palette.css'

/** Ctrl+K (⌘K) or Ctrl+Shift+P anywhere opens the palette. */
export function isPaletteShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  if (event.altKey) return false
  const key = event.key.toLowerCase()
  return ((event.ctrlKey || event.metaKey) && !event.shiftKey && key === 'k') || (event.ctrlKey && event.shiftKey && key === 'p')
}

/** Where focus was when the palette opened: it goes back there when the palette closes. */
let returnFocus: HTMLElement | null = null

/** Opens the palette from anywhere (a shortcut, a button), remembering where focus was. */
export function openCommandPalette(): void {
  const state = useAppStore.getState()
  if (state.paletteOpen) return
  returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null
  state.setPaletteOpen(true)
}

export function CommandPalette(): React.JSX.Element | null {
  const open = useAppStore((state) => state.paletteOpen)
  const setOpen = useAppStore((state) => state.setPaletteOpen)

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!isPaletteShortcut(event)) return
      event.preventDefault()
      openCommandPalette()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const close = (restore: boolean): void => {
    setOpen(false)
    const target = returnFocus
    returnFocus = null
    if (restore && target?.isConnected) target.focus()
  }

  return open ? <PaletteDialog onClose={close} /> : null
}

/** The header's way in, for mouse users and to show the shortcut. */
export function CommandPaletteButton(): React.JSX.Element {
  return (
    <button type="button" className="palette-button" onClick={openCommandPalette} aria-keyshortcuts="Control+K Control+Shift+P">
      <span aria-hidden="true">⌘ </span>Commands <kbd aria-hidden="true">Ctrl K</kbd>
    </button>
  )
}
