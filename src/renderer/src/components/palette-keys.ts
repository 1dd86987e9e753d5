interface PaletteKeys {
  /** The index of the last match. */
  last: number
  setActive: React.Dispatch<React.SetStateAction<number>>
  onRun(): void
  onClose(restoreFocus: boolean): void
}

/** The palette input's keys: arrows, Home/End and Page keys choose, Enter runs, Escape closes, Tab stays. */
export function paletteKeyHandler({ last, setActive, onRun, onClose }: PaletteKeys): (event: React.KeyboardEvent<HTMLInputElement>) => void {
  return (event: React.KeyboardEvent<HTMLInputElement>): void => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault()
        setActive((index) => (index >= last ? 0 : index + 1))
        break
      case 'ArrowUp':
        event.preventDefault()
        setActive((index) => (index <= 0 ? last : index - 1))
        break
      case 'Home':
      case 'PageUp':
        event.preventDefault()
        setActive(0)
        break
      case 'End':
      case 'PageDown':
        event.preventDefault()
        setActive(last)
        break
      case 'Enter':
        event.preventDefault()
        onRun()
        break
      case 'Escape':
        // Escape belongs to the palette here: the app's own Escape (back to home) must not fire.
        event.preventDefault()
        event.stopPropagation()
        onClose(true)
        break
      case 'Tab':
        // The input is the only stop in the dialog: keep focus inside while it is open.
        event.preventDefault()
        break
    }
  }
}
