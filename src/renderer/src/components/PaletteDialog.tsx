import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { useAppStore } from '../store'
import { filterCommands, paletteCommands, type PaletteCommand } from './palette-commands'
import { paletteKeyHandler } from './palette-keys'

/**
 * The command palette: type to filter, arrows to choose, Enter to run, Escape to close (focus goes
 * back where it was). A combobox driving a listbox inside a modal dialog, as WAI-ARIA describes.
 */
export function PaletteDialog({ onClose }: { onClose(restoreFocus: boolean): void }): React.JSX.Element {
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

  const onKeyDown = paletteKeyHandler({ last: matches.length - 1, setActive, onRun: () => run(current), onClose })

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
