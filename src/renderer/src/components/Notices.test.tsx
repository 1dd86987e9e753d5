import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useAppStore } from '../store'
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
})
