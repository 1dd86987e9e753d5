import type { StateCreator } from 'zustand'
import type { DemoEgeriaVersion, DemoInfo, DemoWorld, DemoWorldPatch } from '../../../shared/models/demo'
import { api } from '../lib/api'
import type { AppState } from './index'

export interface DemoSlice {
  demo?: DemoInfo
  demoWorld?: DemoWorld
  demoBusy: boolean
  loadDemo(): Promise<void>
  /** Starts the demo daemon and opens its guided flow. */
  startDemo(egeria?: DemoEgeriaVersion): Promise<void>
  stopDemo(): Promise<void>
  loadDemoWorld(): Promise<void>
  changeDemoWorld(patch: DemoWorldPatch, description: string): Promise<void>
}

export const createDemoSlice: StateCreator<AppState, [], [], DemoSlice> = (set, get) => ({
  demoBusy: false,

  async loadDemo() {
    const result = await api.demo.info()
    if (result.ok) set({ demo: result.value })
  },

  async startDemo(egeria) {
    set({ demoBusy: true })
    const result = await api.demo.start(egeria)
    set({ demoBusy: false })
    if (!result.ok) return get().notify({ kind: 'error', message: `The demo could not start: ${result.error.message}` })
    set({ demo: result.value })
    await get().loadConnections()
    // A new demo run is a new incident: the earlier run's actions are not this one's.
    if (result.value.connectionId) get().forgetFlowOpened(result.value.connectionId)
    if (result.value.connectionId) get().navigate({ kind: 'flow', connectionId: result.value.connectionId, step: 'audit-log' })
  },

  async stopDemo() {
    const result = await api.demo.stop()
    if (!result.ok) return get().notify({ kind: 'error', message: result.error.message })
    set({ demo: result.value, demoWorld: undefined })
    await get().loadConnections()
  },

  async loadDemoWorld() {
    const result = await api.demo.world()
    set({ demoWorld: result.ok ? result.value : undefined })
  },

  async changeDemoWorld(patch, description) {
    const result = await api.demo.updateWorld(patch)
    if (!result.ok) return get().notify({ kind: 'error', message: result.error.message })
    set({ demoWorld: result.value })
    get().notify({ kind: 'success', message: description })
  }
})
