import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Connection } from '../../../shared/models/connection'
import { useAppStore } from '../store'
import { CommandPalette, CommandPaletteButton, isPaletteShortcut } from './CommandPalette'
import { filterCommands, paletteCommands } from './palette-commands'

vi.mock('../lib/api', async () => {
  const { createFakeRendererApi } = await import('../../../../tests/support/fake-renderer-api')
  return { api: createFakeRendererApi().api }
})

const connection = (id: string, name: string, serverName = 'daemon1'): Connection =>
  ({ id, name, serverName, platformUrl: `https://127.0.0.1:9443`, environment: 'dev' }) as Connection

function renderWithTrigger(): HTMLButtonElement {
  render(
    <>
      <button type="button">Somewhere</button>
      <CommandPalette />
    </>
  )
  const trigger = screen.getByRole('button', { name: 'Somewhere' }) as HTMLButtonElement
  trigger.focus()
  return trigger
}

const press = (key: string, init: KeyboardEventInit = {}): void => {
  act(() => void window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init })))
}

beforeEach(() => {
  useAppStore.setState({
    view: { kind: 'flow', connectionId: 'c1', step: 'audit-log' },
    connections: [connection('c1', 'Demo daemon'), connection('c2', 'Warehouse', 'whDaemon')],
    theme: 'system',
    paletteOpen: false,
    demo: { running: false, scenario: 'coco-pharma' }
  })
})
afterEach(cleanup)

describe('CommandPalette', () => {
  it('opens on Ctrl+K and Ctrl+Shift+P as a modal dialog with a combobox driving a listbox', () => {
    renderWithTrigger()
    expect(screen.queryByRole('dialog')).toBeNull()
    press('k', { ctrlKey: true })
    const dialog = screen.getByRole('dialog', { name: 'Command palette' })
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    const combobox = screen.getByRole('combobox', { name: 'Type a command' })
    expect(document.activeElement).toBe(combobox)
    const listbox = screen.getByRole('listbox')
    expect(combobox.getAttribute('aria-controls')).toBe(listbox.id)
    const options = screen.getAllByRole('option')
    expect(options[0]!.textContent).toContain('Go to step 1: Audit log')
    expect(options[0]!.getAttribute('aria-selected')).toBe('true')
    expect(combobox.getAttribute('aria-activedescendant')).toBe(options[0]!.id)
    fireEvent.keyDown(combobox, { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull()
    press('P', { ctrlKey: true, shiftKey: true })
    expect(screen.getByRole('dialog')).toBeTruthy()
  })

  it('filters as you type, moves with the arrows and runs with Enter', () => {
    renderWithTrigger()
    press('k', { ctrlKey: true })
    const combobox = screen.getByRole('combobox')
    fireEvent.change(combobox, { target: { value: 'step' } })
    expect(screen.getAllByRole('option').map((option) => option.querySelector('.palette-label')!.textContent)).toEqual([
      'Go to step 1: Audit log', 'Go to step 2: Status', 'Go to step 3: Restart', 'Go to step 4: Refresh', 'Go to step 5: Report'
    ])
    fireEvent.keyDown(combobox, { key: 'ArrowDown' })
    fireEvent.keyDown(combobox, { key: 'ArrowDown' })
    expect(screen.getAllByRole('option')[2]!.getAttribute('aria-selected')).toBe('true')
    fireEvent.keyDown(combobox, { key: 'ArrowUp' })
    fireEvent.keyDown(combobox, { key: 'Enter' })
    expect(useAppStore.getState().view).toEqual({ kind: 'flow', connectionId: 'c1', step: 'status' })
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('wraps around, finds connections by server name and says when nothing matches', () => {
    renderWithTrigger()
    press('k', { ctrlKey: true })
    const combobox = screen.getByRole('combobox')
    fireEvent.change(combobox, { target: { value: 'whdaemon' } })
    expect(screen.getAllByRole('option')).toHaveLength(1)
    fireEvent.keyDown(combobox, { key: 'ArrowUp' })
    fireEvent.keyDown(combobox, { key: 'Enter' })
    expect(useAppStore.getState().view).toEqual({ kind: 'flow', connectionId: 'c2', step: 'audit-log' })
    press('k', { ctrlKey: true })
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'zzzz' } })
    expect(screen.queryAllByRole('option')).toHaveLength(0)
    expect(screen.getByText(/No command matches “zzzz”/)).toBeTruthy()
  })

  it('closes on Escape without the app going home, and gives focus back', () => {
    const trigger = renderWithTrigger()
    const appEscape = vi.fn()
    window.addEventListener('keydown', appEscape)
    press('k', { ctrlKey: true })
    fireEvent.keyDown(screen.getByRole('combobox'), { key: 'Escape' })
    window.removeEventListener('keydown', appEscape)
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(appEscape.mock.calls.filter(([event]) => (event as KeyboardEvent).key === 'Escape')).toHaveLength(0)
    expect(document.activeElement).toBe(trigger)
  })

  it('opens from the header button too, and gives focus back to it', () => {
    render(
      <>
        <CommandPaletteButton />
        <CommandPalette />
      </>
    )
    const button = screen.getByRole('button', { name: /Commands/ })
    expect(button.getAttribute('aria-keyshortcuts')).toBe('Control+K Control+Shift+P')
    button.focus()
    fireEvent.click(button)
    const combobox = screen.getByRole('combobox')
    expect(document.activeElement).toBe(combobox)
    fireEvent.keyDown(combobox, { key: 'Escape' })
    expect(document.activeElement).toBe(button)
  })

  it('switches the theme and keeps focus where it was', () => {
    const trigger = renderWithTrigger()
    press('k', { ctrlKey: true })
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'dark theme' } })
    fireEvent.keyDown(screen.getByRole('combobox'), { key: 'Enter' })
    expect(useAppStore.getState().theme).toBe('dark')
    expect(document.activeElement).toBe(trigger)
  })
})

describe('palette commands', () => {
  it('offers the steps only inside a flow, and the demo by its state', () => {
    useAppStore.setState({ view: { kind: 'home' }, demo: { running: true, scenario: 'coco-pharma', connectionId: 'c1' } })
    const ids = paletteCommands(useAppStore.getState()).map((command) => command.id)
    expect(ids.some((id) => id.startsWith('step:'))).toBe(false)
    expect(ids).toContain('demo:open')
    expect(ids).toContain('open:c1')
    expect(ids).not.toContain('demo:start')
    expect(ids).toEqual(expect.arrayContaining(['new-connection', 'journal:export', 'theme:light', 'theme:dark']))
  })

  it('ranks label prefixes first and needs every word', () => {
    const commands = paletteCommands(useAppStore.getState())
    expect(filterCommands(commands, 'open')[0]!.label).toBe('Open Warehouse')
    expect(filterCommands(commands, 'save html').map((command) => command.id)).toEqual(['report:html'])
  })

  it('recognises the shortcuts and nothing else', () => {
    const key = (k: string, mods: Partial<KeyboardEvent> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods })
    expect(isPaletteShortcut(key('k', { ctrlKey: true }))).toBe(true)
    expect(isPaletteShortcut(key('k', { metaKey: true }))).toBe(true)
    expect(isPaletteShortcut(key('P', { ctrlKey: true, shiftKey: true }))).toBe(true)
    expect(isPaletteShortcut(key('p', { ctrlKey: true }))).toBe(false)
    expect(isPaletteShortcut(key('k'))).toBe(false)
    expect(isPaletteShortcut(key('k', { ctrlKey: true, altKey: true }))).toBe(false)
  })
})
