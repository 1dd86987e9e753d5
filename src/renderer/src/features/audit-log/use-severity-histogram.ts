import { useEffect, useState } from 'react'
import type { SeverityHistogram } from '../../../../shared/models/audit'
import { api } from '../../lib/api'

/** The session's records per severity group over time, read again (at most every few seconds) as a followed log grows. */
export function useSeverityHistogram(sessionId: string | undefined, version: number): SeverityHistogram | undefined {
  const [histogram, setHistogram] = useState<SeverityHistogram>()
  useEffect(() => {
    if (!sessionId) return
    let current = true
    // While a followed log grows, redraw at most every few seconds: the histogram scans every record.
    const timer = setTimeout(() => {
      void api.logs.histogram(sessionId).then((result) => {
        if (current && result.ok) setHistogram(result.value)
      })
    }, version > 1 ? 2000 : 0)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [sessionId, version])
  return histogram
}
