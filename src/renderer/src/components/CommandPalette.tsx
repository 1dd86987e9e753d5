import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { useAppStore } from '../store'
import { filterCommands, paletteCommands, type PaletteCommand } from './palette-commands'
import './command-palette.css'

/** Ctrl+K (⌘K) or Ctrl+Shift+P anywhere opens the palette. */
export function isPaletteShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  if (event.altKey) return false
  const key = event.key.toLowerCase()
  return ((event.ctrlKey || event.metaKey) && !event.shiftKey && key === 'k') || (event.ctrlKey && event.shiftKey && key === 'p')
}

/**
 * The command palette: type to filter, arrows to choose, Enter to run, Escape to close (focus goes
 * back where it was). A combobox driving a listbox inside a modal dialog, as WAI-ARIA describes.
 */
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

function PaletteDialog({ onClose }: { onClose(restoreFocus: boolean): void }): React.JSX.Element {
  const state = useAppStore()
  const commands = useMemo(() => paletteCommands(state), [state])
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  const ids = useId()
  const matches = useMemo(() => filterCommands(commands, query), [commands, query])
  const current = matches[Math.min(active, matches.length - 1)]

  useEffect(() => input.current?.focus(), [])
  useEffect(() => {
    // jsdom has no scrollIntoView; browsers do.
    if (current) document.getElementById(`${ids}-${current.id}`)?.scrollIntoView?.({ block: 'nearest' })
  }, [current, ids])

  const run = (command: PaletteCommand | undefined): void => {
    if (!command) return
    // Commands that navigate move focus themselves; the old focus target may be gone.
    onClose(command.id.startsWith('theme:') || command.id.startsWith('journal:') || command.id === 'status:read')
    void command.run()
  }

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>): void => {
    const last = matches.length - 1
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
        run(current)
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

  return (
    <div className="palette-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose(true)}>
      <div className="palette" role="dialog" aria-modal="true" aria-label="Command palette">
        <input
          ref={input}
          className="palette-input"
          role="combobox"
          aria-expanded="true"
          aria-controls={`${ids}-list`}
          aria-autocomplete="list"
          aria-activedescendant={current ? `${ids}-${current.id}` : undefined}
          aria-label="Type a command"
          placeholder="Type a command or a connection name…"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value)
            setActive(0)
          }}
          onKeyDown={onKeyDown}
          spellCheck={false}
          autoComplete="off"
        />
        <ul id={`${ids}-list`} className="palette-list" role="listbox" aria-label="Commands">
          {matches.map((command, index) => {
            const header = command.group !== matches[index - 1]?.group ? command.group : undefined
            const selected = command === current
            return (
              <li
                key={command.id}
                id={`${ids}-${command.id}`}
                data-command={command.id}
                role="option"
                aria-selected={selected}
                className={`palette-option${selected ? ' active' : ''}${header ? ' first-of-group' : ''}`}
                onMouseMove={() => !selected && setActive(matches.indexOf(command))}
                onClick={() => run(command)}
              >
                <span className="palette-label">{command.label}</span>
                <span className="palette-group" aria-hidden={!header}>
                  {header}
                </span>
                {command.shortcut && <kbd aria-label={`shortcut ${command.shortcut}`}>{command.shortcut}</kbd>}
              </li>
            )
          })}
        </ul>
        {matches.length === 0 && (
          <p className="palette-empty" role="status">
            No command matches “{query}”. Try a step name, a connection, “demo” or “theme”.
          </p>
        )}
        <p className="palette-help muted">
          <kbd>↑</kbd> <kbd>↓</kbd> to choose · <kbd>Enter</kbd> to run · <kbd>Esc</kbd> to close
        </p>
      </div>
    </div>
  )
}
