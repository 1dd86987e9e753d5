import { create } from 'zustand'
import { createConnectionsSlice, type ConnectionsSlice } from './connections-slice'
import { createDemoSlice, type DemoSlice } from './demo-slice'
import { createReportSlice, type ReportSlice } from './report-slice'
import { createStatusSlice, type StatusSlice } from './status-slice'
import { createUiSlice, type UiSlice } from './ui-slice'

export type AppState = ConnectionsSlice & DemoSlice & ReportSlice & StatusSlice & UiSlice

export const useAppStore = create<AppState>()((...args) => ({
  ...createConnectionsSlice(...args),
  ...createDemoSlice(...args),
  ...createReportSlice(...args),
  ...createStatusSlice(...args),
  ...createUiSlice(...args)
}))
