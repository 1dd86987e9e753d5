import type { StateCreator } from 'zustand'
import type { ImportOutcome } from '../../../shared/api'
import type { Connection, ConnectionDraft } from '../../../shared/models/connection'
import type { AppErrorData, Result } from '../../../shared/result'
import { api } from '../lib/api'
import type { AppState } from './index'

export interface ConnectionsSlice {
  connections: Connection[]
  connectionsLoaded: boolean
  connectionsError?: AppErrorData
  connectionQuery: string
  setConnectionQuery(query: string): void
  setConnections(connections: Connection[]): void
  loadConnections(): Promise<void>
  saveConnection(draft: ConnectionDraft): Promise<Result<Connection>>
  duplicateConnection(id: string): Promise<void>
  removeConnection(id: string): Promise<void>
  importConnections(json: string): Promise<ImportOutcome | undefined>
  exportConnections(): Promise<{ fileName: string; json: string } | undefined>
}

export const createConnectionsSlice: StateCreator<AppState, [], [], ConnectionsSlice> = (set, get) => ({
  connections: [],
  connectionsLoaded: false,
  connectionQuery: '',
  setConnectionQuery: (connectionQuery) => set({ connectionQuery }),
  setConnections: (connections) => set({ connections, connectionsLoaded: true }),

  async loadConnections() {
    const result = await api.connections.list()
    if (result.ok) set({ connections: result.value, connectionsLoaded: true, connectionsError: undefined })
    else set({ connectionsLoaded: true, connectionsError: result.error })
  },

  async saveConnection(draft) {
    const result = await api.connections.save(draft)
    if (!result.ok) return result
    await get().loadConnections()
    get().notify({ kind: 'success', message: `Saved “${result.value.name}”` })
    return result
  },

  async duplicateConnection(id) {
    const result = await api.connections.duplicate(id)
    if (!result.ok) return get().notify({ kind: 'error', message: result.error.message })
    await get().loadConnections()
    get().notify({ kind: 'success', message: `Created “${result.value.name}”` })
  },

  async removeConnection(id) {
    const result = await api.connections.remove(id)
    if (!result.ok) return get().notify({ kind: 'error', message: result.error.message })
    await get().loadConnections()
    const { undoToken, removed } = result.value
    get().notify({
      kind: 'info',
      message: `Deleted “${removed.name}”`,
      action: {
        label: 'Undo',
        run: async () => {
          const restored = await api.connections.undoRemove(undoToken)
          if (!restored.ok) return get().notify({ kind: 'error', message: restored.error.message })
          await get().loadConnections()
          get().notify({ kind: 'success', message: `Restored “${restored.value.name}”` })
        }
      }
    })
  },

  async importConnections(json) {
    const result = await api.connections.importJson(json)
    if (!result.ok) {
      get().notify({ kind: 'error', message: result.error.message })
      return undefined
    }
    await get().loadConnections()
    const { imported, skipped } = result.value
    get().notify({
      kind: skipped.length > 0 ? 'warning' : 'success',
      message:
        `Imported ${imported.length} connection${imported.length === 1 ? '' : 's'}` +
        (skipped.length > 0 ? `; skipped ${skipped.length}: ${skipped.map((s) => `${s.name} (${s.reason})`).join(', ')}` : '')
    })
    return result.value
  },

  async exportConnections() {
    const result = await api.connections.exportJson()
    if (!result.ok) {
      get().notify({ kind: 'error', message: result.error.message })
      return undefined
    }
    get().notify({ kind: 'success', message: `Exported ${result.value.count} connections without passwords` })
    return result.value
  }
})
