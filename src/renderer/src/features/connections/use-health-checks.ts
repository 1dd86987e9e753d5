import { useEffect } from 'react'
import { useAppStore } from '../../store'

/** Home re-reads every daemon this often while it is shown and the window is visible. */
const HEALTH_INTERVAL_MS = 60_000

/** Reads the health of the connections (ids separated by spaces) now, then every minute while the window is visible. */
export function useHealthChecks(idList: string): void {
  const checkHealth = useAppStore((state) => state.checkHealth)
  useEffect(() => {
    const ids = idList ? idList.split(' ') : []
    if (ids.length === 0) return
    const check = (): void => {
      if (document.visibilityState === 'visible') void checkHealth(ids)
    }
    check()
    const timer = setInterval(check, HEALTH_INTERVAL_MS)
    return () => clearInterval(timer)
  }, [idList, checkHealth])
}
