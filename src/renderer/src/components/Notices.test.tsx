import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useAppStore } from '../store'
import { ESCAPE_PRIORITY, useEscapeLayer } from '../lib/escape-layers'
import { Notices } from './Notices'

vi.mock('../lib/api', async () => {
  const { createFakeRendererApi } = await import('../../../../tests/support/fake-renderer-api')
  return { api: createFakeRendererApi().api }
})

beforeEach(() => {
  vi.useFakeTimers()
  useAppStore.setState({ notices: [] })
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

/** The app's own Escape (back to home), as App registers it. */
function HomeEscape({ run }: { run: () => void }): null {
  useEscapeLayer(run, ESCAPE_PRIORITY.home)
  return null
}

describe('Notices', () => {
  it('lets each toast go six seconds after it appeared, whatever came after it', () => {
    render(<Notices />)
    act(() => useAppStore.getState().notify({ kind: 'success', message: 'Created data/a' }))
    act(() => {
      vi.advanceTimersByTime(4_000)
    })
    act(() => useAppStore.getState().notify({ kind: 'success', message: 'Created data/b' }))
    act(() => {
      vi.advanceTimersByTime(2_100)
    })
    expect(screen.queryByText('Created data/a')).toBeNull()
    expect(screen.getByText('Created data/b')).toBeTruthy()
    act(() => {
      vi.advanceTimersByTime(4_000)
    })
    expect(screen.queryByText('Created data/b')).toBeNull()
  })

  it('keeps errors and toasts with an action until the operator dismisses them', () => {
    render(<Notices />)
    act(() => useAppStore.getState().notify({ kind: 'error', message: 'The demo could not start' }))
    act(() => useAppStore.getState().notify({ kind: 'info', message: 'Deleted “Coco”', action: { label: 'Undo', run: () => undefined } }))
    act(() => {
      vi.advanceTimersByTime(60_000)
    })
    expect(screen.getByText('The demo could not start')).toBeTruthy()
    expect(screen.getByText('Deleted “Coco”')).toBeTruthy()
  })

  it('dismisses the newest toast on Escape, one per press, before the app\'s own Escape (back to home) gets a press', () => {
    const appEscape = vi.fn()
    render(
      <>
        <HomeEscape run={appEscape} />
        <Notices />
      </>
    )
    act(() => useAppStore.getState().notify({ kind: 'success', message: 'Started cocoMDS1' }))
    act(() => useAppStore.getState().notify({ kind: 'error', message: 'The demo could not start' }))
    act(() => void fireEvent.keyDown(document.body, { key: 'Escape' }))
    expect(screen.queryByText('The demo could not start')).toBeNull()
    expect(screen.getByText('Started cocoMDS1')).toBeTruthy()
    act(() => void fireEvent.keyDown(document.body, { key: 'Escape' }))
    expect(screen.queryByText('Started cocoMDS1')).toBeNull()
    expect(appEscape).not.toHaveBeenCalled()
    // No toast left: Escape is the app's again.
    act(() => void fireEvent.keyDown(document.body, { key: 'Escape' }))
    expect(appEscape).toHaveBeenCalledTimes(1)
  })

  it('leaves Escape to an open dialog and to a key already handled', () => {
    render(
      <>
        <Notices />
        <dialog open aria-label="Restart 3 connectors?">
          <button type="button">Cancel</button>
        </dialog>
      </>
    )
    act(() => useAppStore.getState().notify({ kind: 'success', message: 'Created data/a' }))
    fireEvent.keyDown(screen.getByRole('button', { name: 'Cancel' }), { key: 'Escape' })
    expect(screen.getByText('Created data/a')).toBeTruthy()
    cleanup()

    render(<Notices />)
    act(() => useAppStore.getState().notify({ kind: 'success', message: 'Created data/b' }))
    const handled = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true })
    handled.preventDefault()
    act(() => {
      document.body.dispatchEvent(handled)
    })
    expect(screen.getByText('Created data/b')).toBeTruthy()
  })

  it('shows the two newest toasts, newest on top, in the live region, and folds the older ones into "+N more"', () => {
    render(<Notices />)
    act(() => useAppStore.getState().notify({ kind: 'info', message: 'Deleted “Coco”', action: { label: 'Undo', run: () => undefined } }))
    for (const path of ['data/a', 'data/b', 'data/c']) act(() => useAppStore.getState().notify({ kind: 'success', message: `Created ${path}` }))

    const live = screen.getByRole('status')
    expect(live.getAttribute('aria-live')).toBe('polite')
    const texts = (): string[] => [...live.querySelectorAll('.notice-text')].map((element) => element.textContent ?? '')
    expect(texts()).toEqual(['Created data/c', 'Created data/b'])
    const more = screen.getByRole('button', { name: '+2 more notices' })
    expect(more.getAttribute('aria-expanded')).toBe('false')

    // The folded Undo stays reachable.
    fireEvent.click(more)
    expect(texts()).toEqual(['Created data/c', 'Created data/b', 'Created data/a', 'Deleted “Coco”'])
    expect(within(live).getByRole('button', { name: 'Undo' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Show fewer notices' }))
    expect(texts()).toEqual(['Created data/c', 'Created data/b'])

    // Dismissing the newest brings the next older one up; with two left nothing is folded.
    fireEvent.keyDown(document.body, { key: 'Escape' })
    expect(texts()).toEqual(['Created data/b', 'Created data/a'])
    expect(screen.getByRole('button', { name: '+1 more notices' })).toBeTruthy()
    fireEvent.keyDown(document.body, { key: 'Escape' })
    expect(texts()).toEqual(['Created data/a', 'Deleted “Coco”'])
    expect(screen.queryByRole('button', { name: /more notices/ })).toBeNull()
  })

  it('folds a new pile of toasts again once the unfolded one has shrunk', () => {
    render(<Notices />)
    for (const path of ['data/a', 'data/b', 'data/c']) act(() => useAppStore.getState().notify({ kind: 'success', message: `Created ${path}` }))
    fireEvent.click(screen.getByRole('button', { name: '+1 more notices' }))
    expect(screen.getAllByText(/^Created data/)).toHaveLength(3)
    fireEvent.keyDown(document.body, { key: 'Escape' })
    expect(screen.queryByRole('button', { name: /notices/ })).toBeNull()
    act(() => useAppStore.getState().notify({ kind: 'success', message: 'Created data/d' }))
    expect(screen.getAllByText(/^Created data/).map((element) => element.textContent)).toEqual(['Created data/d', 'Created data/b'])
    expect(screen.getByRole('button', { name: '+1 more notices' }).getAttribute('aria-expanded')).toBe('false')
  })
})
