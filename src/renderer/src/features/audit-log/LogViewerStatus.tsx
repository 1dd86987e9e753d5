import type { LogView } from '../../store/logs-slice'
import type { SearchRow } from './log-view'
import type { RecordPages } from './record-pages'
import { SEARCH_LIMIT, type SearchState } from './use-log-search'

interface Props {
  view: LogView
  pages: RecordPages
  search: SearchState
  rows: SearchRow[] | undefined
  newBelow: number
  onFollowTail(): void
}

/** Between the toolbar and the list: how many records are shown, read errors, empty views, new records below. */
export function LogViewerStatus({ view, pages, search, rows, newBelow, onFollowTail }: Props): React.JSX.Element {
  const session = view.session!
  const total = session.storedRecords
  const hits = search.hits?.length ?? 0
  return (
    <>
      <div className="viewer-status" aria-live="polite">
        {rows ? (
          <span>
            {hits.toLocaleString()} matching record{hits === 1 ? '' : 's'}
            {hits >= SEARCH_LIMIT && ` (the first ${SEARCH_LIMIT}; refine the pattern to see the rest)`}, with{' '}
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
      {!rows && pages.total === 0 && <p className="empty-state">No record matches these filters. Clear a filter to see more.</p>}
      {rows && rows.length === 0 && <p className="empty-state">No record matches “{view.search.pattern}”.</p>}
      {newBelow > 0 && (
        <button type="button" className="new-below" onClick={onFollowTail}>
          <span aria-hidden="true">↓ </span>
          {newBelow.toLocaleString()} new record{newBelow === 1 ? '' : 's'}: go to the end and keep following
        </button>
      )}
    </>
  )
}
