import type { FlowStep } from '../../store/ui-slice'

export const STEP_TITLES: Record<FlowStep, string> = {
  'audit-log': 'Audit log',
  status: 'Status',
  restart: 'Restart',
  refresh: 'Refresh',
  report: 'Report'
}
