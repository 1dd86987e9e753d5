import type { StateCreator } from 'zustand'
import type { ConfigurationRequest, ConnectorConfiguration } from '../../../shared/models/configuration'
import type { ActionReport } from '../../../shared/models/daemon'
import type { AppErrorData } from '../../../shared/result'
import { api } from '../lib/api'
import type { AppState } from './index'

/** The configuration dialog of one connection: which connector it shows, what was read and changed. */
export interface ConfigurationView {
  connector?: string
  loading: boolean
  configuration?: ConnectorConfiguration
  error?: AppErrorData
  changing: boolean
  lastChange?: ActionReport
  changeError?: AppErrorData
}

/** A group re-reading its configuration (5.0+ daemons with no connectors). */
export interface GroupReloadView {
  running?: string
  lastReload?: ActionReport
  error?: AppErrorData
}

export interface ConfigurationSlice {
  configurations: Record<string, ConfigurationView>
  groupReloads: Record<string, GroupReloadView>
  /** Opens the dialog for a connector and reads its configuration from the daemon. */
  openConfiguration(connectionId: string, connector: string): Promise<void>
  closeConfiguration(connectionId: string): void
  /** Sends one change (never retried), then reads the configuration and the status again. */
  changeConfiguration(connectionId: string, request: ConfigurationRequest): Promise<ActionReport | undefined>
  reloadGroup(connectionId: string, group: string): Promise<void>
}

const closed: ConfigurationView = { loading: false, changing: false }

export const createConfigurationSlice: StateCreator<AppState, [], [], ConfigurationSlice> = (set, get) => {
  const view = (connectionId: string): ConfigurationView => get().configurations[connectionId] ?? closed
  const patch = (connectionId: string, change: Partial<ConfigurationView>): void =>
    set({ configurations: { ...get().configurations, [connectionId]: { ...view(connectionId), ...change } } })
  const patchReload = (connectionId: string, change: GroupReloadView): void => set({ groupReloads: { ...get().groupReloads, [connectionId]: change } })

  const read = async (connectionId: string, connector: string): Promise<void> => {
    const result = await api.daemon.configuration(connectionId, connector)
    if (view(connectionId).connector !== connector) return // the operator moved on
    patch(connectionId, result.ok ? { loading: false, configuration: result.value, error: undefined } : { loading: false, error: result.error })
  }

  return {
    configurations: {},
    groupReloads: {},

    async openConfiguration(connectionId, connector) {
      set({ configurations: { ...get().configurations, [connectionId]: { ...closed, connector, loading: true } } })
      await read(connectionId, connector)
    },

    closeConfiguration: (connectionId) => set({ configurations: { ...get().configurations, [connectionId]: closed } }),

    async changeConfiguration(connectionId, request) {
      if (view(connectionId).changing) return undefined
      patch(connectionId, { changing: true, changeError: undefined, lastChange: undefined })
      const result = await api.daemon.configure(connectionId, request)
      patch(connectionId, result.ok ? { changing: false, lastChange: result.value } : { changing: false, changeError: result.error })
      await Promise.all([read(connectionId, request.connector), get().loadStatus(connectionId)])
      return result.ok ? result.value : undefined
    },

    async reloadGroup(connectionId, group) {
      if (get().groupReloads[connectionId]?.running) return
      patchReload(connectionId, { running: group })
      const result = await api.daemon.reloadGroup(connectionId, group)
      patchReload(connectionId, result.ok ? { lastReload: result.value } : { error: result.error })
      await get().loadStatus(connectionId)
    }
  }
}
