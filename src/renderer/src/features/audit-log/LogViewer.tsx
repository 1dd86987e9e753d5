import { useMemo } from 'react'
import { recordQuery, type LogView } from '../../store/logs-slice'
import { searchRows } from './log-view'
import { LogFilterBar } from './LogFilterBar'
import { LogRows } from './LogRows'
import { LogViewerStatus } from './LogViewerStatus'
import { LogViewerToolbar } from './LogViewerToolbar'
import { useLogKeyboard } from './use-log-keyboard'
import { useLogScroll } from './use-log-scroll'
import { useLogSearch } from './use-log-search'
import { useRecordPages } from './use-record-pages'

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
  const search = useLogSearch(session.id, view)
  const onlyMatching = view.search.onlyMatching && search.hits !== undefined
  const rows = useMemo(() => (onlyMatching && search.hits ? searchRows(search.hits) : undefined), [onlyMatching, search.hits])
  const count = rows ? rows.length : (pages.total ?? 0)
  const { listRef, virtualizer, items, newBelow, onScroll, followTail } = useLogScroll({ count, showingMatches: rows !== undefined, pages, following: session.following, reveal: view.reveal, selected: view.selected })
  const keyboard = useLogKeyboard({ owner, view, count, rows, pages, search, listRef, virtualizer })
  const activeId = view.selected !== undefined ? `${owner}-row-${view.selected}` : undefined

  return (
    <div className="log-viewer">
      <LogFilterBar owner={owner} view={view} />
      <LogViewerToolbar owner={owner} view={view} search={search} onMatch={keyboard.goToMatch} />
      <LogViewerStatus view={view} pages={pages} search={search} rows={rows} newBelow={newBelow} onFollowTail={followTail} />
      <div
        ref={listRef}
        className={`log-list${session.report.servers.length <= 1 ? ' one-server' : ''}`}
        role="listbox"
        tabIndex={0}
        aria-label={`Log records of ${session.name}`}
        aria-activedescendant={activeId}
        onKeyDown={keyboard.onKeyDown}
        onScroll={onScroll}
      >
        <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          <LogRows owner={owner} view={view} items={items} rows={rows} pages={pages} />
        </div>
      </div>
    </div>
  )
}
