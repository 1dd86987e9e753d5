import { useEffect } from 'react'
import { useAppStore } from '../../store'

/**
 * Keeps a connection's status fresh while its flow is open: one read now, then the main process's
 * poller, paused while the window is hidden since nobody looks at it.
 */
export function useWatchedStatus(connectionId: string): void {
  const loadStatus = useAppStore((state) => state.loadStatus)
  const watchStatus = useAppStore((state) => state.watchStatus)
  useEffect(() => {
    void loadStatus(connectionId)
    void watchStatus(connectionId, !document.hidden)
    const onVisibility = (): void => void watchStatus(connectionId, !document.hidden)
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      document.removeEventListener('visibilitychange', onVisibility)
      void watchStatus(connectionId, false)
    }
  }, [connectionId, loadStatus, watchStatus])
}
