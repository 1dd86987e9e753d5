import { create } from 'zustand'
import { createConnectionsSlice, type ConnectionsSlice } from './connections-slice'
import { createUiSlice, type UiSlice } from './ui-slice'

export type AppState = ConnectionsSlice & UiSlice

export const useAppStore = create<AppState>()((...args) => ({
  ...createConnectionsSlice(...args),
  ...createUiSlice(...args)
}))
