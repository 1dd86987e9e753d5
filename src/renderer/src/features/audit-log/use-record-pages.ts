import { useEffect, useMemo, useRef, useState } from 'react'
import type { RecordQuery } from '../../../../shared/models/audit'
import { api } from '../../lib/api'
import { RecordPages } from './record-pages'

/** The record pages of one filtered view; a new filter starts a new cache, appended records grow it. */
export function useRecordPages(sessionId: string, query: RecordQuery, version: number): RecordPages {
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
