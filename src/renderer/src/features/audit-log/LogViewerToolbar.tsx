import { useAppStore } from '../../store'
import type { LogView } from '../../store/logs-slice'
import { SEARCH_LIMIT, type SearchState } from './use-log-search'
import { counted } from '../../../../shared/counted'

interface Props {
  owner: string
  view: LogView
  search: SearchState
  onMatch(direction: 1 | -1): void
}

/** Above the list: the regex search and the jumps to the previous and next error. */
export function LogViewerToolbar({ owner, view, search, onMatch }: Props): React.JSX.Element {
  const jumpToProblem = useAppStore((state) => state.jumpToProblem)
  return (
    <div className="viewer-tools">
      <SearchBox owner={owner} view={view} search={search} onMatch={onMatch} />
      <div className="jump-buttons" role="group" aria-label="Jump to error">
        <button type="button" onClick={() => void jumpToProblem(owner, 'previous')} aria-keyshortcuts="Shift+E" title="Previous error (Shift+E)">
          <span aria-hidden="true">▲ </span>Previous error
        </button>
        <button type="button" onClick={() => void jumpToProblem(owner, 'next')} aria-keyshortcuts="E" title="Next error (E)">
          <span aria-hidden="true">▼ </span>Next error
        </button>
      </div>
    </div>
  )
}

function SearchBox({ owner, view, search, onMatch }: Props): React.JSX.Element {
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
                {search.hits?.length === SEARCH_LIMIT ? `${SEARCH_LIMIT}+ matches` : counted(search.hits?.length ?? 0, 'match', 'matches')}
              </span>
              <button type="button" onClick={() => onMatch(-1)} disabled={!search.hits?.length} aria-label="Previous match" title="Previous match (Shift+N)">
                ↑
              </button>
              <button type="button" onClick={() => onMatch(1)} disabled={!search.hits?.length} aria-label="Next match" title="Next match (N)">
                ↓
              </button>
              {search.stopped && (
                <span className="search-stopped" role="status">
                  <span aria-hidden="true">⏱ </span>Search stopped after {search.stopped.seconds} s: {search.stopped.searched.toLocaleString()} of{' '}
                  {search.stopped.total.toLocaleString()} records searched. A more specific pattern searches them all.
                </span>
              )}
            </>
          )}
        </span>
      )}
    </div>
  )
}
