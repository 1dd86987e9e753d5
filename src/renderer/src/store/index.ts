import { create } from 'zustand'
import { createActionsSlice, type ActionsSlice } from './actions-slice'
import { createConfigurationSlice, type ConfigurationSlice } from './configuration-slice'
import { createConnectionsSlice, type ConnectionsSlice } from './connections-slice'
import { createDemoSlice, type DemoSlice } from './demo-slice'
import { createLogsSlice, type LogsSlice } from './logs-slice'
import { createReportSlice, type ReportSlice } from './report-slice'
import { createStatusSlice, type StatusSlice } from './status-slice'
import { createUiSlice, type UiSlice } from './ui-slice'

export type AppState = ActionsSlice & ConfigurationSlice & ConnectionsSlice & DemoSlice & LogsSlice & ReportSlice & StatusSlice & UiSlice

export const useAppStore = create<AppState>()((...args) => ({
  ...createActionsSlice(...args),
  ...createConfigurationSlice(...args),
  ...createConnectionsSlice(...args),
  ...createDemoSlice(...args),
  ...createLogsSlice(...args),
  ...createReportSlice(...args),
  ...createStatusSlice(...args),
  ...createUiSlice(...args)
}))
