import { useVirtualizer, type Virtualizer, type VirtualItem } from '@tanstack/react-virtual'
import { useEffect, useRef, useState } from 'react'
import { PAGE_SIZE, type RecordPages } from './record-pages'

export const ROW_HEIGHT = 24
// Rows rendered beyond each edge of the screen: enough for reading-speed scrolling to find them ready;
// more only adds DOM nodes to replace on every frame of a fling (ui-log-viewer.bench: 20 rows a side
// dropped about one frame in six at 100 rows a frame, 8 rows about one in twenty).
const OVERSCAN = 8

interface ScrollInput {
  count: number
  /** True while only search results are listed: they are all in memory, and a live log is not followed. */
  showingMatches: boolean
  pages: RecordPages
  following: boolean
  /** Bumped by the store when the selection must be brought into view. */
  reveal: number
  selected: number | undefined
}

export interface LogScroll {
  listRef: React.RefObject<HTMLDivElement | null>
  virtualizer: Virtualizer<HTMLDivElement, Element>
  items: VirtualItem[]
  /** Records that arrived since the operator scrolled away from the end of a followed log. */
  newBelow: number
  onScroll(event: React.UIEvent<HTMLDivElement>): void
  followTail(): void
}

/** Virtualisation and scrolling: fetch the pages on screen, follow a live log's tail, reveal the selection. */
export function useLogScroll({ count, showingMatches, pages, following, reveal, selected }: ScrollInput): LogScroll {
  const listRef = useRef<HTMLDivElement>(null)
  // The app does not use the React Compiler, so the virtualizer's fresh functions are no hazard here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    initialRect: { width: 800, height: 480 }
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0

  const previousFirst = useRef(first)
  useEffect(() => {
    if (showingMatches) return
    // Half a page of slack either way, so steady scrolling finds the next page already there.
    const fetch = (): void => void pages.ensure(first - PAGE_SIZE / 2, last + PAGE_SIZE / 2)
    // Moving more than a screen per frame (a fling, a scrollbar drag): fetch where the scroll settles,
    // not every page it flies past.
    const flying = Math.abs(first - previousFirst.current) > last - first
    previousFirst.current = first
    if (!flying) return fetch()
    const timer = setTimeout(fetch, 60)
    return () => clearTimeout(timer)
  }, [pages, showingMatches, first, last])

  // Following a live log: stay at the bottom when the operator is there (like `tail -f`).
  const atBottom = useRef(true)
  // Where the operator left the tail: records after it are announced as new, with a way back down.
  const [leftTailAt, setLeftTailAt] = useState<number>()
  const newBelow = following && !showingMatches && leftTailAt !== undefined ? count - leftTailAt : 0
  useEffect(() => {
    if (following && atBottom.current && !showingMatches && count > 0) virtualizer.scrollToIndex(count - 1, { align: 'end' })
  }, [count, following, showingMatches, virtualizer])

  // Show the selection when asked (evidence click, jump to error or time), once its rows are counted:
  // a reveal that cleared the filters arrives before the new view's first page.
  const pendingReveal = useRef(reveal > 0)
  useEffect(() => {
    if (reveal > 0) pendingReveal.current = true
  }, [reveal])
  useEffect(() => {
    if (!pendingReveal.current || selected === undefined || count <= selected) return
    pendingReveal.current = false
    atBottom.current = false
    virtualizer.scrollToIndex(selected, { align: 'center' })
    listRef.current?.focus({ preventScroll: true })
  }, [reveal, selected, count, virtualizer])

  const onScroll = (event: React.UIEvent<HTMLDivElement>): void => {
    const element = event.currentTarget
    atBottom.current = element.scrollTop + element.clientHeight >= element.scrollHeight - ROW_HEIGHT * 2
    if (atBottom.current && leftTailAt !== undefined) setLeftTailAt(undefined)
    else if (!atBottom.current && leftTailAt === undefined) setLeftTailAt(count)
  }
  const followTail = (): void => {
    atBottom.current = true
    setLeftTailAt(undefined)
    virtualizer.scrollToIndex(count - 1, { align: 'end' })
  }
  return { listRef, virtualizer, items, newBelow, onScroll, followTail }
}
