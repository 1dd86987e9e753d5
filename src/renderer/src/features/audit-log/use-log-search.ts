import { useEffect, useState } from 'react'
import type { SearchHit, SearchResult } from '../../../../shared/models/audit'
import { api } from '../../lib/api'
import type { LogView } from '../../store/logs-slice'
import { patternError } from './log-view'

export const SEARCH_LIMIT = 500

export interface SearchState {
  hits?: SearchHit[]
  error?: string
  searching: boolean
  /** The search reached its time limit: how long it ran and how far it got. */
  stopped?: Pick<SearchResult, 'searched' | 'total'> & { seconds: number }
}

/** Runs the regex search a moment after typing stops; a bad pattern is reported, not sent. */
export function useLogSearch(sessionId: string, view: LogView): SearchState {
  const { pattern, ignoreCase, context } = view.search
  const invalid = pattern ? patternError(pattern) : undefined
  const key = `${sessionId}|${pattern}|${ignoreCase}|${context}|${view.version}`
  const [answer, setAnswer] = useState<{ key: string; hits?: SearchHit[]; error?: string; stopped?: SearchState['stopped'] }>()
  useEffect(() => {
    if (!pattern || invalid) return
    let current = true
    const timer = setTimeout(() => {
      void api.logs.search(sessionId, { pattern, ignoreCase, context, limit: SEARCH_LIMIT }).then((result) => {
        // A search replaced by a newer one ends 'cancelled': the newer one answers.
        if (!current || (!result.ok && result.error.code === 'cancelled')) return
        if (!result.ok) return setAnswer({ key, error: result.error.message })
        const { hits, searched, total, stoppedAfterSeconds } = result.value
        setAnswer({ key, hits, stopped: stoppedAfterSeconds === undefined ? undefined : { seconds: stoppedAfterSeconds, searched, total } })
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
  return { searching: false, hits: answer.hits, error: answer.error, stopped: answer.stopped }
}
