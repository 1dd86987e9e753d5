import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Connection } from '../../../../shared/models/connection'
import { ConfirmActionDialog, mustTypeName } from './ConfirmActionDialog'

const connection = { id: 'c1', name: 'Prod exchange', platformUrl: 'https://egeria.example:9443', serverName: 'exchangeDL01', environment: 'prod' } as Connection

afterEach(cleanup)

describe('the action confirmation', () => {
  it('asks for the typed name on production or for "all" only', () => {
    expect(mustTypeName({ ...connection, environment: 'dev' }, false)).toBe(false)
    expect(mustTypeName({ ...connection, environment: 'dev' }, true)).toBe(true)
    expect(mustTypeName(connection, false)).toBe(true)
  })

  it('keeps the focus inside: Tab from the last control wraps to the first, Shift+Tab back', () => {
    const onConfirm = vi.fn()
    render(<ConfirmActionDialog connection={connection} kind="restart" connectors={['A']} consequence="It restarts." onConfirm={onConfirm} onCancel={() => undefined} />)
    const dialog = screen.getByRole('dialog', { name: 'Restart 1 connector on exchangeDL01?' })
    const input = screen.getByLabelText(/This is a production daemon/)
    const cancel = screen.getByRole('button', { name: 'Cancel' })
    expect(document.activeElement).toBe(input)
    cancel.focus()
    fireEvent.keyDown(dialog, { key: 'Tab' })
    expect(document.activeElement).toBe(input)
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true })
    expect(document.activeElement).toBe(cancel)

    fireEvent.submit(dialog.querySelector('form')!)
    expect(onConfirm).not.toHaveBeenCalled()
    fireEvent.change(input, { target: { value: ' exchangeDL01 ' } })
    fireEvent.submit(dialog.querySelector('form')!)
    expect(onConfirm).toHaveBeenCalledOnce()
  })
})
