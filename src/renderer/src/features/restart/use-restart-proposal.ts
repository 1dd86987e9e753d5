import { useEffect, useMemo } from 'react'
import type { DaemonStatus } from '../../../../shared/models/daemon'
import { causesOf, proposedConnectors, serversToCheck, type StatusCause } from '../../../../shared/troubleshooting/restart-proposal'
import { useAppStore } from '../../store'
import type { ActionsView } from '../../store/actions-slice'

/** While a metadata server is down, ask its platform again this often (cheap platform calls). */
const RECHECK_MS = 5_000

export interface RestartProposal {
  causes: StatusCause[]
  /** Connectors a restart can help, proposed or not. */
  restartable: string[]
  /** What the restart button restarts: the proposal, as the operator adjusted it. */
  selected: string[]
  /** Selected connectors whose cause is not confirmed fixed. */
  unconfirmed: string[]
  /** The operator changed the proposal. */
  adjusted: boolean
}

/**
 * The failing connectors grouped into causes, and which of them to restart: those whose cause is fixed.
 * Checks the metadata servers the causes depend on, and keeps checking while one is down.
 */
export function useRestartProposal(connectionId: string, status: DaemonStatus | undefined, actions: ActionsView): RestartProposal {
  const checkServers = useAppStore((state) => state.checkServers)
  const causes = useMemo(() => (status ? causesOf(status) : []), [status])
  const servers = serversToCheck(causes)
  const serverKey = servers.join('\n')
  // Only a server the platform reports down can come up by itself; "cannot tell" stays so.
  const blockedServer = servers.some((server) => actions.serverChecks[server]?.state === 'inactive')
  const running = actions.running

  useEffect(() => {
    if (!serverKey) return
    const names = serverKey.split('\n')
    void checkServers(connectionId, names)
    if (!blockedServer || running) return
    const timer = setInterval(() => void checkServers(connectionId, names, { quiet: true }), RECHECK_MS)
    return () => clearInterval(timer)
  }, [connectionId, serverKey, blockedServer, running, checkServers])

  const proposed = proposedConnectors(causes, actions.serverChecks, actions.confirmed)
  const restartable = causes.filter((cause) => cause.precondition.kind !== 'cannot-help').flatMap((cause) => cause.connectors.map((connector) => connector.name))
  const selected = restartable.filter((name) => actions.selection[name] ?? proposed.includes(name))
  const unconfirmed = selected.filter((name) => !proposed.includes(name))
  const adjusted = Object.keys(actions.selection).length > 0
  return { causes, restartable, selected, unconfirmed, adjusted }
}
