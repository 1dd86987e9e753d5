import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { AuditRecord, RecordQuery, SearchHit } from '../../../../shared/models/audit'
import { api } from '../../lib/api'
import { useAppStore } from '../../store'
import { evidenceKey, recordQuery, recordRef, type LogView } from '../../store/logs-slice'
import { highlightParts, patternError, recordTime, searchRows, severityOf, toneIcon, toneOf, type SearchRow } from './log-view'
import { LogFilterBar } from './LogFilterBar'
import { PAGE_SIZE, RecordPages } from './record-pages'

export const ROW_HEIGHT = 24
// Rows rendered beyond each edge of the screen: enough for reading-speed scrolling to find them ready;
// more only adds DOM nodes to replace on every frame of a fling (ui-log-viewer.bench: 20 rows a side
// dropped about one frame in six at 100 rows a frame, 8 rows about one in twenty).
const OVERSCAN = 8
const SEARCH_LIMIT = 500

interface Props {
  owner: string
  view: LogView
}

/**
 * The virtualised log viewer: only the rows on screen exist in the DOM and only the pages around
 * them are fetched, so a million records scroll as smoothly as a hundred.
 */
export function LogViewer({ owner, view }: Props): React.JSX.Element {
  const session = view.session!
  const query = useMemo(() => recordQuery(view.filters), [view.filters])
  const pages = useRecordPages(session.id, query, view.version)
  const search = useSearch(session.id, view)
  const selectLogRecord = useAppStore((state) => state.selectLogRecord)
  const revealEvidence = useAppStore((state) => state.revealEvidence)
  const jumpToProblem = useAppStore((state) => state.jumpToProblem)
  const togglePin = useAppStore((state) => state.togglePin)
  const [matchCursor, setMatchCursor] = useState(-1)
  const listRef = useRef<HTMLDivElement>(null)
  const onlyMatching = view.search.onlyMatching && search.hits !== undefined
  const rows = useMemo(() => (onlyMatching && search.hits ? searchRows(search.hits) : undefined), [onlyMatching, search.hits])
  const count = rows ? rows.length : (pages.total ?? 0)

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
    if (rows) return
    // Half a page of slack either way, so steady scrolling finds the next page already there.
    const fetch = (): void => void pages.ensure(first - PAGE_SIZE / 2, last + PAGE_SIZE / 2)
    // Moving more than a screen per frame (a fling, a scrollbar drag): fetch where the scroll settles,
    // not every page it flies past.
    const flying = Math.abs(first - previousFirst.current) > last - first
    previousFirst.current = first
    if (!flying) return fetch()
    const timer = setTimeout(fetch, 60)
    return () => clearTimeout(timer)
  }, [pages, rows, first, last])

  // Following a live log: stay at the bottom when the operator is there (like `tail -f`).
  const atBottom = useRef(true)
  // Where the operator left the tail: records after it are announced as new, with a way back down.
  const [leftTailAt, setLeftTailAt] = useState<number>()
  const newBelow = session.following && !rows && leftTailAt !== undefined ? count - leftTailAt : 0
  useEffect(() => {
    if (session.following && atBottom.current && !rows && count > 0) virtualizer.scrollToIndex(count - 1, { align: 'end' })
  }, [count, session.following, rows, virtualizer])

  // Show the selection when asked (evidence click, jump to error or time), once its rows are counted:
  // a reveal that cleared the filters arrives before the new view's first page.
  const pendingReveal = useRef(view.reveal > 0)
  useEffect(() => {
    if (view.reveal > 0) pendingReveal.current = true
  }, [view.reveal])
  useEffect(() => {
    if (!pendingReveal.current || view.selected === undefined || count <= view.selected) return
    pendingReveal.current = false
    atBottom.current = false
    virtualizer.scrollToIndex(view.selected, { align: 'center' })
    listRef.current?.focus({ preventScroll: true })
  }, [view.reveal, view.selected, count, virtualizer])

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

  const pinned = useMemo(() => new Set(view.pins.map((pin) => pin.key)), [view.pins])
  const onSelectRow = useCallback((index: number, record: AuditRecord) => selectLogRecord(owner, index, record), [owner, selectLogRecord])
  const onOpenRow = useCallback((record: AuditRecord) => void revealEvidence(owner, recordRef(record)), [owner, revealEvidence])
  const activeId = view.selected !== undefined ? `${owner}-row-${view.selected}` : undefined
  const total = session.storedRecords

  return (
    <div className="log-viewer">
      <LogFilterBar owner={owner} view={view} />
      <div className="viewer-tools">
        <SearchBox owner={owner} view={view} search={search} onMatch={goToMatch} />
        <div className="jump-buttons" role="group" aria-label="Jump to error">
          <button type="button" onClick={() => void jumpToProblem(owner, 'previous')} aria-keyshortcuts="Shift+E" title="Previous error (Shift+E)">
            <span aria-hidden="true">▲ </span>Previous error
          </button>
          <button type="button" onClick={() => void jumpToProblem(owner, 'next')} aria-keyshortcuts="E" title="Next error (E)">
            <span aria-hidden="true">▼ </span>Next error
          </button>
        </div>
      </div>
      <div className="viewer-status" aria-live="polite">
        {rows ? (
          <span>
            {search.hits!.length.toLocaleString()} matching record{search.hits!.length === 1 ? '' : 's'}
            {search.hits!.length >= SEARCH_LIMIT && ` (the first ${SEARCH_LIMIT}; refine the pattern to see the rest)`}, with{' '}
            {view.search.context} record{view.search.context === 1 ? '' : 's'} of context. Enter shows a line in the whole log.
          </span>
        ) : (
          <span>
            {pages.total === undefined
              ? 'Loading records…'
              : pages.total === total
                ? `${total.toLocaleString()} records`
                : `${pages.total.toLocaleString()} of ${total.toLocaleString()} records match the filters`}
            {session.droppedRecords > 0 && ` (the oldest ${session.droppedRecords.toLocaleString()} are not kept)`}
          </span>
        )}
        <span className="visually-hidden" role="status">
          {view.announcement}
        </span>
      </div>
      {pages.error && (
        <p className="callout error" role="alert">
          <span aria-hidden="true">✖ </span>The records could not be read: {pages.error.message} Open the log again.
        </p>
      )}
      {!rows && pages.total === 0 && (
        <p className="empty-state">No record matches these filters. Clear a filter to see more.</p>
      )}
      {rows && rows.length === 0 && <p className="empty-state">No record matches “{view.search.pattern}”.</p>}
      {newBelow > 0 && (
        <button
          type="button"
          className="new-below"
          onClick={() => {
            atBottom.current = true
            setLeftTailAt(undefined)
            virtualizer.scrollToIndex(count - 1, { align: 'end' })
          }}
        >
          <span aria-hidden="true">↓ </span>
          {newBelow.toLocaleString()} new record{newBelow === 1 ? '' : 's'}: go to the end and keep following
        </button>
      )}
      <div
        ref={listRef}
        className={`log-list${session.report.servers.length <= 1 ? ' one-server' : ''}`}
        role="listbox"
        tabIndex={0}
        aria-label={`Log records of ${session.name}`}
        aria-activedescendant={activeId}
        onKeyDown={onKeyDown}
        onScroll={(event) => {
          const element = event.currentTarget
          atBottom.current = element.scrollTop + element.clientHeight >= element.scrollHeight - ROW_HEIGHT * 2
          if (atBottom.current && leftTailAt !== undefined) setLeftTailAt(undefined)
          else if (!atBottom.current && leftTailAt === undefined) setLeftTailAt(count)
        }}
      >
        <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row: SearchRow | undefined = rows?.[item.index]
            const style = { transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }
            if (row?.kind === 'gap') {
              return (
                <div key={item.key} className="log-row gap-row" style={style} role="option" aria-selected={false} id={`${owner}-row-${item.index}`}>
                  ⋯ {row.skipped.toLocaleString()} record{row.skipped === 1 ? '' : 's'} not shown
                </div>
              )
            }
            const record = row ? row.record : pages.get(item.index)
            if (!record) {
              return (
                <div key={item.key} className="log-row placeholder" style={style} role="option" aria-selected={false} aria-busy="true" id={`${owner}-row-${item.index}`}>
                  <span className="c-time">…</span>
                </div>
              )
            }
            return (
              <LogRow
                key={item.key}
                id={`${owner}-row-${item.index}`}
                index={item.index}
                start={item.start}
                record={record}
                selected={view.selected === item.index}
                pinned={pinned.has(evidenceKey(recordRef(record)))}
                context={row?.kind === 'context'}
                pattern={view.search.pattern}
                ignoreCase={view.search.ignoreCase}
                onSelect={onSelectRow}
                onOpen={row ? onOpenRow : undefined}
              />
            )
          })}
        </div>
      </div>
    </div>
  )
}

interface RowProps {
  id: string
  index: number
  start: number
  record: AuditRecord
  selected: boolean
  pinned: boolean
  context: boolean
  pattern: string
  ignoreCase: boolean
  onSelect(index: number, record: AuditRecord): void
  onOpen?: (record: AuditRecord) => void
}

/** One record on one line; memoised, so scrolling re-renders only the rows that come into view. */
const LogRow = memo(function LogRow({ id, index, start, record, selected, pinned, context, pattern, ignoreCase, onSelect, onOpen }: RowProps): React.JSX.Element {
  const severity = severityOf(record)
  const tone = toneOf(severity)
  const parts = highlightParts(record.text, pattern, ignoreCase)
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      className={`log-row tone-row-${tone}${selected ? ' selected' : ''}${context ? ' context-row' : ''}`}
      style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
      onClick={() => onSelect(index, record)}
      onDoubleClick={onOpen ? () => onOpen(record) : undefined}
      title={onOpen ? 'Double-click (or Enter) to show this line in the whole log' : undefined}
    >
      <span className="c-pin" aria-label={pinned ? 'pinned' : undefined}>
        {pinned ? '★' : ''}
      </span>
      <span className="c-time">{recordTime(record.time)}</span>
      <span className={`c-sev sev sev-${tone}`}>
        <span aria-hidden="true">{toneIcon(tone)} </span>
        {severity}
      </span>
      <span className="c-server">{record.server ?? ''}</span>
      <span className="c-id">{record.messageId ?? ''}</span>
      <span className="c-text">
        {parts.map((part, partIndex) => (part.match ? <mark key={partIndex}>{part.text}</mark> : part.text))}
      </span>
    </div>
  )
})

interface SearchState {
  hits?: SearchHit[]
  error?: string
  searching: boolean
}

function SearchBox({ owner, view, search, onMatch }: { owner: string; view: LogView; search: SearchState; onMatch(direction: 1 | -1): void }): React.JSX.Element {
  const setLogSearch = useAppStore((state) => state.setLogSearch)
  const id = `log-search-${owner}`
  const error = search.error
  return (
    <div className="search-box" role="search">
      <label htmlFor={id} className="visually-hidden">
        Search the log (regular expression)
      </label>
      <input
        id={id}
        type="search"
        placeholder="Search (regex), e.g. cocoMDS1|404"
        value={view.search.pattern}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => setLogSearch(owner, { pattern: event.target.value })}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            onMatch(event.shiftKey ? -1 : 1)
          } else if (event.key === 'Escape' && view.search.pattern) {
            // Escape clears the search first; only an empty box lets it leave the screen.
            event.stopPropagation()
            setLogSearch(owner, { pattern: '' })
          }
        }}
      />
      <label className="check">
        <input type="checkbox" checked={view.search.ignoreCase} onChange={(event) => setLogSearch(owner, { ignoreCase: event.target.checked })} />
        Ignore case
      </label>
      <label className="check">
        <input type="checkbox" checked={view.search.onlyMatching} onChange={(event) => setLogSearch(owner, { onlyMatching: event.target.checked })} />
        Only matching lines
      </label>
      <label>
        Context{' '}
        <select value={view.search.context} onChange={(event) => setLogSearch(owner, { context: Number(event.target.value) })}>
          {[0, 1, 2, 3, 5, 10].map((lines) => (
            <option key={lines} value={lines}>
              ±{lines}
            </option>
          ))}
        </select>
      </label>
      {view.search.pattern && (
        <span className="search-result">
          {error ? (
            <span id={`${id}-error`} className="field-error" role="alert">
              <span aria-hidden="true">✖ </span>Not a valid pattern: {error}
            </span>
          ) : search.searching ? (
            <span className="muted">Searching…</span>
          ) : (
            <>
              <span className="muted">
                {search.hits?.length === SEARCH_LIMIT ? `${SEARCH_LIMIT}+` : (search.hits?.length ?? 0)} matches
              </span>
              <button type="button" onClick={() => onMatch(-1)} disabled={!search.hits?.length} aria-label="Previous match" title="Previous match (Shift+N)">
                ↑
              </button>
              <button type="button" onClick={() => onMatch(1)} disabled={!search.hits?.length} aria-label="Next match" title="Next match (N)">
                ↓
              </button>
            </>
          )}
        </span>
      )}
    </div>
  )
}

/** The record pages of one filtered view; a new filter starts a new cache, appended records grow it. */
function useRecordPages(sessionId: string, query: RecordQuery, version: number): RecordPages {
  const [, setTick] = useState(0)
  const key = `${sessionId}|${JSON.stringify(query)}`
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const pages = useMemo(() => new RecordPages((offset, limit) => api.logs.records(sessionId, { ...query, offset, limit }), () => setTick((tick) => tick + 1)), [key])
  const seenVersion = useRef(version)
  useEffect(() => {
    if (version === seenVersion.current) return
    seenVersion.current = version
    void pages.grow()
  }, [pages, version])
  return pages
}

/** Runs the regex search a moment after typing stops; a bad pattern is reported, not sent. */
function useSearch(sessionId: string, view: LogView): SearchState {
  const { pattern, ignoreCase, context } = view.search
  const invalid = pattern ? patternError(pattern) : undefined
  const key = `${sessionId}|${pattern}|${ignoreCase}|${context}|${view.version}`
  const [answer, setAnswer] = useState<{ key: string; hits?: SearchHit[]; error?: string }>()
  useEffect(() => {
    if (!pattern || invalid) return
    let current = true
    const timer = setTimeout(() => {
      void api.logs.search(sessionId, { pattern, ignoreCase, context, limit: SEARCH_LIMIT }).then((result) => {
        if (current) setAnswer(result.ok ? { key, hits: result.value } : { key, error: result.error.message })
      })
    }, 250)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [key, sessionId, pattern, ignoreCase, context, invalid])
  if (!pattern) return { searching: false }
  if (invalid) return { searching: false, error: invalid }
  // While a new search runs, keep showing the previous hits rather than an empty list.
  if (answer?.key !== key) return { searching: true, hits: answer?.hits }
  return { searching: false, hits: answer.hits, error: answer.error }
}
