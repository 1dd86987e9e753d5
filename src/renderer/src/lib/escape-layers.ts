import { useEffect } from 'react'

/**
 * Escape does one thing per press: the most urgent of what is shown now. Each part of the app that gives
 * Escape a meaning while it is shown registers a layer, and one listener runs the top layer (the newest
 * of the highest priority). An open dialog (the command palette is one) and a field that uses Escape
 * itself (a search box clearing its text) take the key first; the layers leave it to them.
 */
export const ESCAPE_PRIORITY = {
  /** Back to the connections list. */
  home: 0,
  /** Dismiss the newest toast. */
  notice: 1,
  /** Cancel the reading of a log. */
  reading: 2
} as const

interface Layer {
  priority: number
  run: () => void
}

const layers: Layer[] = []

function onKey(event: KeyboardEvent): void {
  if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open]')) return
  let top: Layer | undefined
  for (const layer of layers) if (top === undefined || layer.priority >= top.priority) top = layer
  if (top === undefined) return
  event.preventDefault()
  top.run()
}

/** Gives Escape a meaning while `run` is set (and the component shown). */
export function useEscapeLayer(run: (() => void) | undefined, priority: number): void {
  useEffect(() => {
    if (run === undefined) return undefined
    const layer: Layer = { priority, run }
    if (layers.length === 0) window.addEventListener('keydown', onKey)
    layers.push(layer)
    return () => {
      layers.splice(layers.indexOf(layer), 1)
      if (layers.length === 0) window.removeEventListener('keydown', onKey)
    }
  }, [run, priority])
}
