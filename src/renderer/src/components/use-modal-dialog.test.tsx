import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { useModalDialog } from './use-modal-dialog'

function Dialog({ onClose }: { onClose(): void }): React.JSX.Element {
  const { dialog, trapFocus } = useModalDialog('button.cancel')
  return (
    <dialog ref={dialog} onKeyDown={trapFocus} aria-label="Example">
      <button type="button" className="cancel" onClick={onClose}>
        Close
      </button>
    </dialog>
  )
}

function Opener(): React.JSX.Element {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Configuration…
      </button>
      {open && <Dialog onClose={() => setOpen(false)} />}
    </>
  )
}

afterEach(cleanup)

describe('useModalDialog', () => {
  it('focuses the dialog’s first field, then gives focus back to the button that opened it', () => {
    render(<Opener />)
    const opener = screen.getByRole('button', { name: 'Configuration…' })
    opener.focus()
    fireEvent.click(opener)
    const close = screen.getByRole('button', { name: 'Close' })
    expect(document.activeElement).toBe(close)
    fireEvent.click(close)
    expect(screen.queryByRole('button', { name: 'Close' })).toBeNull()
    expect(document.activeElement).toBe(opener)
  })
})
