import { useMemo } from 'react'
import { nextSafeAction, type Guidance } from '../../../../shared/troubleshooting/guidance'
import { useAppStore } from '../../store'

/**
 * The current problem and the next safe action of a connection, from its status and its audit log
 * together: the one answer the guidance bar and every step show, so they cannot disagree.
 */
export function useCurrentProblem(connectionId: string): Guidance {
  const view = useAppStore((state) => state.daemons[connectionId])
  const actions = useAppStore((state) => state.actions[connectionId])
  const logCauses = useAppStore((state) => state.logs[connectionId]?.session?.report.causes)
  const restartedWithoutRefresh = !!actions?.lastRestart && actions.recovered.length > 0 &&
    (!actions.lastRefresh || actions.lastRefresh.startedAt < actions.lastRestart.startedAt)
  return useMemo(
    () => nextSafeAction({ status: view?.status, error: view?.error?.message, logCauses, restartedWithoutRefresh }),
    [view?.status, view?.error?.message, logCauses, restartedWithoutRefresh]
  )
}
