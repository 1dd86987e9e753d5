import type { StateCreator } from 'zustand'
import type { ActionKind, ActionProgress, ActionReport, ActionScope, ServerCheck } from '../../../shared/models/daemon'
import type { AppErrorData } from '../../../shared/result'
import { api } from '../lib/api'
import type { AppState } from './index'

export interface RunningAction {
  kind: ActionKind
  scope: ActionScope
  /** Connector names in scope when known (for the progress text). */
  names: string[]
  startedAt: number
  progress?: ActionProgress
  stopping: boolean
}

export interface ActionsView {
  running?: RunningAction
  /** Platform answers about metadata servers, by server name. */
  serverChecks: Record<string, ServerCheck | undefined>
  checking: boolean
  /** Causes the operator confirmed as dealt with, by cause key. */
  confirmed: Record<string, boolean>
  /** The operator's changes to the proposed selection, by connector name. */
  selection: Record<string, boolean>
  lastRestart?: ActionReport
  /** Restarts before the last one in this session, newest first. */
  earlierRestarts: ActionReport[]
  lastRefresh?: ActionReport
  /** Connectors a restart recovered in this session: the refresh step recommends them. */
  recovered: string[]
  error?: { kind: ActionKind; error: AppErrorData }
}

export interface ActionsSlice {
  actions: Record<string, ActionsView>
  /** Asks the platform about each server; `quiet` (background re-checks) leaves the "Checking…" state alone. */
  checkServers(connectionId: string, servers: string[], options?: { quiet?: boolean }): Promise<void>
  confirmCause(connectionId: string, causeKey: string, confirmed: boolean): void
  selectConnector(connectionId: string, name: string, selected: boolean): void
  resetSelection(connectionId: string): void
  /** Runs a restart or refresh unless one already runs for this connection; the report, or undefined on error. */
  runDaemonAction(connectionId: string, kind: ActionKind, scope: ActionScope, names: string[]): Promise<ActionReport | undefined>
  stopWaiting(connectionId: string): Promise<void>
  applyProgress(progress: ActionProgress): void
  dismissActionError(connectionId: string): void
}

export const emptyActions: ActionsView = { serverChecks: {}, checking: false, confirmed: {}, selection: {}, recovered: [], earlierRestarts: [] }

export const createActionsSlice: StateCreator<AppState, [], [], ActionsSlice> = (set, get) => {
  const view = (connectionId: string): ActionsView => get().actions[connectionId] ?? emptyActions
  const patch = (connectionId: string, change: Partial<ActionsView>): void =>
    set({ actions: { ...get().actions, [connectionId]: { ...view(connectionId), ...change } } })

  return {
    actions: {},

    async checkServers(connectionId, servers, options) {
      if (servers.length === 0) return
      if (!options?.quiet) patch(connectionId, { checking: true })
      const answers = await Promise.all(servers.map((server) => api.daemon.checkServer(connectionId, server)))
      const serverChecks = { ...view(connectionId).serverChecks }
      answers.forEach((answer, index) => {
        const server = servers[index]!
        serverChecks[server] = answer.ok
          ? answer.value
          : { server, platformUrl: '', state: 'unreachable', verdict: answer.error.message, checkedAt: new Date().toISOString() }
      })
      patch(connectionId, options?.quiet ? { serverChecks } : { serverChecks, checking: false })
    },

    confirmCause: (connectionId, causeKey, confirmed) =>
      patch(connectionId, { confirmed: { ...view(connectionId).confirmed, [causeKey]: confirmed } }),

    selectConnector: (connectionId, name, selected) =>
      patch(connectionId, { selection: { ...view(connectionId).selection, [name]: selected } }),

    resetSelection: (connectionId) => patch(connectionId, { selection: {} }),

    async runDaemonAction(connectionId, kind, scope, names) {
      if (view(connectionId).running) return undefined
      patch(connectionId, { running: { kind, scope, names, startedAt: Date.now(), stopping: false }, error: undefined })
      const result = kind === 'restart' ? await api.daemon.restart(connectionId, scope) : await api.daemon.refresh(connectionId, scope)
      if (!result.ok) {
        patch(connectionId, { running: undefined, error: { kind, error: result.error } })
        return undefined
      }
      const report = result.value
      if (kind === 'restart') {
        const previous = view(connectionId)
        const recovered = report.connectors.filter((entry) => entry.outcome === 'recovered').map((entry) => entry.name)
        // A fresh look after a restart: the causes have changed, so earlier confirmations and choices no longer apply.
        patch(connectionId, {
          running: undefined,
          lastRestart: report,
          earlierRestarts: previous.lastRestart ? [previous.lastRestart, ...previous.earlierRestarts] : previous.earlierRestarts,
          recovered: [...new Set([...previous.recovered, ...recovered])],
          confirmed: {},
          selection: {}
        })
      } else {
        patch(connectionId, { running: undefined, lastRefresh: report })
      }
      await get().loadStatus(connectionId)
      return report
    },

    async stopWaiting(connectionId) {
      const running = view(connectionId).running
      if (!running) return
      patch(connectionId, { running: { ...running, stopping: true } })
      await api.daemon.cancel(connectionId)
    },

    applyProgress(progress) {
      const running = view(progress.connectionId).running
      if (!running) return
      patch(progress.connectionId, { running: { ...running, progress } })
    },

    dismissActionError: (connectionId) => patch(connectionId, { error: undefined })
  }
}
