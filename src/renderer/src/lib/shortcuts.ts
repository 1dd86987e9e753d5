import { useCallback, useEffect } from 'react'
import { ESCAPE_PRIORITY, useEscapeLayer } from './escape-layers'
import { useAppStore } from '../store'
import { FLOW_STEPS } from '../store/ui-slice'

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
}

/** App-wide keys: `/` search, `n` new connection, Alt+1…5 flow steps, Escape back (the lowest of Escape's meanings). */
export function useKeyboardShortcuts(): void {
  const away = useAppStore((state) => state.view.kind !== 'home')
  const goHome = useCallback(() => useAppStore.getState().navigate({ kind: 'home' }), [])
  useEscapeLayer(away ? goHome : undefined, ESCAPE_PRIORITY.home)
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const { view, navigate } = useAppStore.getState()
      if (event.altKey && /^[1-5]$/.test(event.key) && view.kind === 'flow') {
        event.preventDefault()
        navigate({ ...view, step: FLOW_STEPS[Number(event.key) - 1]! })
        return
      }
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return
      if (event.key === '/' && view.kind === 'home') {
        event.preventDefault()
        document.getElementById('connection-search')?.focus()
      } else if (event.key === 'n' && view.kind === 'home') {
        event.preventDefault()
        navigate({ kind: 'edit-connection' })
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
