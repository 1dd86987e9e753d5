import { useState } from 'react'

/**
 * The first few of a long list, then a button for the rest: a cause that two hundred connectors share
 * stays one readable card, and nothing is hidden for good.
 */
export function FirstFew<T>({ items, shown = 8, noun, children }: { items: readonly T[]; shown?: number; noun: string; children: (item: T, index: number) => React.ReactNode }): React.JSX.Element {
  const [all, setAll] = useState(false)
  const visible = all || items.length <= shown ? items : items.slice(0, shown)
  return (
    <>
      {visible.map(children)}
      {visible.length < items.length && (
        <button type="button" className="link-button first-few-more" onClick={() => setAll(true)}>
          Show all {items.length} {noun}
        </button>
      )}
    </>
  )
}
