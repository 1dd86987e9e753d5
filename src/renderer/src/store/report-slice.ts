import type { StateCreator } from 'zustand'
import type { JournalEntry } from '../../../shared/models/daemon'
import type { IncidentReport, PinnedEvidence } from '../../../shared/models/report'
import type { AppErrorData } from '../../../shared/result'
import { api } from '../lib/api'
import { downloadText } from '../lib/download'
import type { AppState } from './index'

export type ReportFormat = 'markdown' | 'html'

export interface IncidentView {
  report?: IncidentReport
  loading: boolean
  error?: AppErrorData
}

export interface JournalView {
  entries: JournalEntry[]
  unreadableLines: number
  loaded: boolean
  loading: boolean
  error?: AppErrorData
}

export interface ReportSlice {
  incidents: Record<string, IncidentView>
  journal: JournalView
  /** Builds (or rebuilds) the connection's incident report; `pins` are the lines pinned in step 1. */
  buildReport(connectionId: string, pins?: PinnedEvidence[]): Promise<IncidentReport | undefined>
  /** Saves the report as a file, building it first when there is none yet. */
  saveReport(connectionId: string, format: ReportFormat, pins?: PinnedEvidence[]): Promise<void>
  loadJournal(): Promise<void>
  exportJournal(): Promise<void>
}

const FILE_TYPES: Record<ReportFormat, { extension: string; type: string }> = {
  markdown: { extension: 'md', type: 'text/markdown;charset=utf-8' },
  html: { extension: 'html', type: 'text/html;charset=utf-8' }
}

export const createReportSlice: StateCreator<AppState, [], [], ReportSlice> = (set, get) => {
  const patchIncident = (connectionId: string, change: Partial<IncidentView>): void =>
    set({ incidents: { ...get().incidents, [connectionId]: { loading: false, ...get().incidents[connectionId], ...change } } })

  return {
    incidents: {},
    journal: { entries: [], unreadableLines: 0, loaded: false, loading: false },

    async buildReport(connectionId, pins = []) {
      patchIncident(connectionId, { loading: true })
      const since = get().flowOpenedAt[connectionId]
      const result = await api.report.incident(connectionId, { ...(pins.length > 0 ? { pins } : {}), ...(since ? { since } : {}) })
      if (!result.ok) {
        patchIncident(connectionId, { loading: false, error: result.error })
        return undefined
      }
      patchIncident(connectionId, { loading: false, error: undefined, report: result.value })
      return result.value
    },

    async saveReport(connectionId, format, pins) {
      const report = get().incidents[connectionId]?.report ?? (await get().buildReport(connectionId, pins))
      if (!report) return get().notify({ kind: 'error', message: 'The report could not be made: see step 5 for why.' })
      const { extension, type } = FILE_TYPES[format]
      downloadText(`${report.fileBaseName}.${extension}`, format === 'html' ? report.html : report.markdown, type)
      get().notify({ kind: 'success', message: `Saved ${report.fileBaseName}.${extension}` })
    },

    async loadJournal() {
      set({ journal: { ...get().journal, loading: true } })
      const result = await api.journal.list()
      if (result.ok) set({ journal: { ...result.value, loaded: true, loading: false } })
      else set({ journal: { ...get().journal, loaded: true, loading: false, error: result.error } })
    },

    async exportJournal() {
      const result = await api.journal.export()
      if (!result.ok) return get().notify({ kind: 'error', message: `The journal could not be exported: ${result.error.message}` })
      if (result.value.count === 0) return get().notify({ kind: 'info', message: 'The journal is empty: no action has been run yet.' })
      downloadText(result.value.fileName, result.value.text, 'application/x-ndjson')
      get().notify({ kind: 'success', message: `Exported ${result.value.count} journal entries as ${result.value.fileName}` })
    }
  }
}
