import { act, cleanup, fireEvent, render } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ESCAPE_PRIORITY, useEscapeLayer } from './escape-layers'

function Layer({ run, priority }: { run: (() => void) | undefined; priority: number }): null {
  useEscapeLayer(run, priority)
  return null
}

afterEach(cleanup)

const press = (target: Element = document.body): boolean => {
  let handled = false
  act(() => void (handled = !fireEvent.keyDown(target, { key: 'Escape' })))
  return handled
}

describe('useEscapeLayer', () => {
  it('runs only the most urgent layer shown: reading, then the newest toast, then going home', () => {
    const home = vi.fn()
    const notice = vi.fn()
    const reading = vi.fn()
    const { rerender } = render(
      <>
        <Layer run={home} priority={ESCAPE_PRIORITY.home} />
        <Layer run={reading} priority={ESCAPE_PRIORITY.reading} />
        <Layer run={notice} priority={ESCAPE_PRIORITY.notice} />
      </>
    )
    expect(press()).toBe(true)
    expect([reading.mock.calls.length, notice.mock.calls.length, home.mock.calls.length]).toEqual([1, 0, 0])
    rerender(
      <>
        <Layer run={home} priority={ESCAPE_PRIORITY.home} />
        <Layer run={undefined} priority={ESCAPE_PRIORITY.reading} />
        <Layer run={notice} priority={ESCAPE_PRIORITY.notice} />
      </>
    )
    press()
    expect([reading.mock.calls.length, notice.mock.calls.length, home.mock.calls.length]).toEqual([1, 1, 0])
    rerender(<Layer run={home} priority={ESCAPE_PRIORITY.home} />)
    press()
    expect(home).toHaveBeenCalledTimes(1)
    cleanup()
    expect(press()).toBe(false)
  })

  it('leaves Escape to an open dialog and to a field that already used it', () => {
    const home = vi.fn()
    const { container } = render(
      <>
        <Layer run={home} priority={ESCAPE_PRIORITY.home} />
        <input aria-label="Search" onKeyDown={(event) => event.preventDefault()} />
      </>
    )
    press(container.querySelector('input')!)
    expect(home).not.toHaveBeenCalled()
    const dialog = document.createElement('dialog')
    dialog.setAttribute('open', '')
    document.body.append(dialog)
    press()
    expect(home).not.toHaveBeenCalled()
    dialog.remove()
    press()
    expect(home).toHaveBeenCalledTimes(1)
  })
})
