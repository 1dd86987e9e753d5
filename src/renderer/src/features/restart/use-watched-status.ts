import { useEffect } from 'react'
import { useAppStore } from '../../store'

/**
 * Keeps a connection's status current while a step shows it: reads it once, then lets the main
 * process poll while the window is visible (a hidden window pauses the poller).
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
