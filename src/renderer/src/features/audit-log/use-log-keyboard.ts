import { useState } from 'react'
import { useAppStore } from '../../store'
import { recordRef, type LogView } from '../../store/logs-slice'
import type { SearchRow } from './log-view'
import type { RecordPages } from './record-pages'
import { ROW_HEIGHT, type LogScroll } from './use-log-scroll'
import type { SearchState } from './use-log-search'

interface KeyboardInput {
  owner: string
  view: LogView
  count: number
  /** The search results when only matching lines are listed. */
  rows: SearchRow[] | undefined
  pages: RecordPages
  search: SearchState
  listRef: LogScroll['listRef']
  virtualizer: LogScroll['virtualizer']
}

export interface LogKeyboard {
  onKeyDown(event: React.KeyboardEvent<HTMLDivElement>): void
  /** Reveals the next (1) or previous (-1) search match in the whole log. */
  goToMatch(direction: 1 | -1): void
}

/** Keyboard navigation of the list: arrows, pages, j/k, E for errors, N for matches, P or Space to pin. */
export function useLogKeyboard({ owner, view, count, rows, pages, search, listRef, virtualizer }: KeyboardInput): LogKeyboard {
  const selectLogRecord = useAppStore((state) => state.selectLogRecord)
  const revealEvidence = useAppStore((state) => state.revealEvidence)
  const jumpToProblem = useAppStore((state) => state.jumpToProblem)
  const togglePin = useAppStore((state) => state.togglePin)
  const [matchCursor, setMatchCursor] = useState(-1)

  const select = async (position: number): Promise<void> => {
    const bounded = Math.max(0, Math.min(count - 1, position))
    if (!pages.get(bounded)) await pages.ensure(bounded, bounded)
    selectLogRecord(owner, bounded, pages.get(bounded))
    virtualizer.scrollToIndex(bounded, { align: 'auto' })
  }

  const goToMatch = (direction: 1 | -1): void => {
    const hits = search.hits
    if (!hits || hits.length === 0) return
    const next = (matchCursor + direction + hits.length) % hits.length
    setMatchCursor(next)
    void revealEvidence(owner, recordRef(hits[next]!.record))
  }

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>): void => {
    if (event.ctrlKey || event.metaKey || event.altKey) return
    const current = view.selected ?? -1
    const pageRows = Math.max(1, Math.floor((listRef.current?.clientHeight ?? 480) / ROW_HEIGHT) - 1)
    const moves: Record<string, number> = {
      ArrowDown: current + 1, ArrowUp: current - 1, PageDown: current + pageRows, PageUp: current - pageRows, Home: 0, End: count - 1, j: current + 1, k: current - 1
    }
    if (rows) {
      if (event.key === 'Enter' && view.selected !== undefined) {
        const row = rows[view.selected]
        if (row && row.kind !== 'gap') void revealEvidence(owner, recordRef(row.record))
      } else if (event.key in moves) {
        event.preventDefault()
        const target = Math.max(0, Math.min(rows.length - 1, moves[event.key]!))
        const row = rows[target]
        selectLogRecord(owner, target, row && row.kind !== 'gap' ? row.record : undefined)
        virtualizer.scrollToIndex(target)
      }
      return
    }
    if (event.key in moves && count > 0) {
      event.preventDefault()
      void select(moves[event.key]!)
    } else if (event.key === 'e' || event.key === 'E') {
      event.preventDefault()
      void jumpToProblem(owner, event.key === 'e' ? 'next' : 'previous')
    } else if (event.key === 'n' || event.key === 'N') {
      event.preventDefault()
      goToMatch(event.key === 'n' ? 1 : -1)
    } else if ((event.key === 'p' || event.key === ' ') && view.selectedRecord) {
      event.preventDefault()
      togglePin(owner, view.selectedRecord)
    }
  }
  return { onKeyDown, goToMatch }
}
