import type { StateCreator } from 'zustand'
import type { DaemonStatus, ProbeReport, StatusSnapshot } from '../../../shared/models/daemon'
import type { AppErrorData } from '../../../shared/result'
import { api } from '../lib/api'
import type { AppState } from './index'

export type StatusFilter = 'all' | 'failed' | 'healthy' | 'other'
export type StatusGrouping = 'none' | 'service' | 'group'

export interface DaemonView {
  status?: DaemonStatus
  /** The last read failed; `status` keeps the last good snapshot. */
  error?: AppErrorData
  loading: boolean
  /** Connector names whose status changed in the latest snapshot. */
  changed: string[]
  probe?: ProbeReport
  probing: boolean
}

export interface StatusSlice {
  daemons: Record<string, DaemonView>
  statusFilter: StatusFilter
  statusQuery: string
  statusGrouping: StatusGrouping
  setStatusFilter(filter: StatusFilter): void
  setStatusQuery(query: string): void
  setStatusGrouping(grouping: StatusGrouping): void
  loadStatus(connectionId: string): Promise<void>
  applySnapshot(snapshot: StatusSnapshot): void
  /** Starts or pauses the main-process poller for a connection. */
  watchStatus(connectionId: string, visible: boolean): Promise<void>
  runProbe(connectionId: string): Promise<void>
  /** Reads the status of several daemons, a few at a time (Home's health at a glance). */
  checkHealth(connectionIds: readonly string[]): Promise<void>
}

/** Daemons read at once by `checkHealth`: enough to be quick, few enough not to flood a slow network. */
const HEALTH_CONCURRENCY = 4

const emptyView: DaemonView = { loading: false, changed: [], probing: false }

export const createStatusSlice: StateCreator<AppState, [], [], StatusSlice> = (set, get) => {
  const patch = (connectionId: string, change: Partial<DaemonView>): void =>
    set({ daemons: { ...get().daemons, [connectionId]: { ...emptyView, ...get().daemons[connectionId], ...change } } })

  return {
    daemons: {},
    statusFilter: 'all',
    statusQuery: '',
    statusGrouping: 'none',
    setStatusFilter: (statusFilter) => set({ statusFilter }),
    setStatusQuery: (statusQuery) => set({ statusQuery }),
    setStatusGrouping: (statusGrouping) => set({ statusGrouping }),

    async loadStatus(connectionId) {
      patch(connectionId, { loading: true })
      const result = await api.daemon.status(connectionId)
      if (result.ok) patch(connectionId, { status: result.value, error: undefined, loading: false })
      else patch(connectionId, { error: result.error, loading: false })
    },

    applySnapshot(snapshot) {
      if (snapshot.status) patch(snapshot.connectionId, { status: snapshot.status, error: undefined, changed: snapshot.changed })
      else if (snapshot.error) patch(snapshot.connectionId, { error: { code: 'unavailable', message: snapshot.error } })
    },

    async watchStatus(connectionId, visible) {
      await api.daemon.watch(connectionId, visible)
    },

    async checkHealth(connectionIds) {
      const queue = connectionIds.filter((id) => !get().daemons[id]?.loading)
      const worker = async (): Promise<void> => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) await get().loadStatus(id)
      }
      await Promise.all(Array.from({ length: Math.min(HEALTH_CONCURRENCY, queue.length) }, worker))
    },

    async runProbe(connectionId) {
      patch(connectionId, { probing: true })
      const result = await api.daemon.probe(connectionId)
      if (result.ok) patch(connectionId, { probe: result.value, probing: false })
      else {
        patch(connectionId, { probing: false })
        get().notify({ kind: 'error', message: result.error.message })
      }
    }
  }
}
