import type { StateCreator } from 'zustand'
import type {
  AuditRecord, EvidenceRef, LocateTarget, LogAppended, LogOpenProgress, LogSession, LogText, RecordQuery
} from '../../../shared/models/audit'
import type { AuditDestination } from '../../../shared/models/audit-destination'
import type { AppErrorData, Result } from '../../../shared/result'
import { api } from '../lib/api'
import type { AppState } from './index'

/** Whose log a view shows: a connection's id, or the offline inspection view. */
export const OFFLINE_LOG = 'offline'

export interface LogFilters {
  severities: string[]
  server?: string
  connector?: string
  messageId?: string
}

export interface LogSearch {
  pattern: string
  ignoreCase: boolean
  /** Show only matching records, with `context` records around each. */
  onlyMatching: boolean
  context: number
}

/** A record the operator pinned as evidence for the incident (the Report step lists them). */
export interface PinnedRecord {
  /** `input:line[:file]`: stable across filters and appended records. */
  key: string
  ref: EvidenceRef
  /** The log the line came from (file names or "Pasted log"). */
  source: string
  time?: string
  severity?: string
  server?: string
  connector?: string
  messageId?: string
  text: string
  pinnedAt: string
}

export type LogSource =
  | { kind: 'live'; path: string }
  | { kind: 'files'; names: string[] }
  | { kind: 'text'; name: string }
  /** Egeria's audit database or topic, followed live. */
  | { kind: 'destination'; destination: AuditDestination }

export interface LogView {
  session?: LogSession
  source?: LogSource
  opening: boolean
  /** The running `logs.open`: its id (to cancel it) and how far it has read. */
  openId?: string
  progress?: { bytesRead: number; totalBytes: number }
  error?: AppErrorData
  /** What kind of log the error is about (a file's advice does not fit a database's error). */
  errorSource?: LogSource['kind']
  /** Bumped when records are appended, so pages and the timeline are fetched again. */
  version: number
  filters: LogFilters
  search: LogSearch
  /** Position of the selected record among the filtered records. */
  selected?: number
  selectedRecord?: AuditRecord
  /** Bumped to ask the viewer to scroll the selection into view and focus it. */
  reveal: number
  /** Said to screen readers after a jump ("Error 2 of …"). */
  announcement: string
  pins: PinnedRecord[]
}

export interface LogsSlice {
  logs: Record<string, LogView>
  openLogFiles(owner: string, paths: string[]): Promise<boolean>
  openLogTexts(owner: string, texts: LogText[]): Promise<boolean>
  /** Opens Egeria's audit database or topic and follows it; the password serves this session only. */
  openLogDestination(owner: string, destination: AuditDestination, password?: string): Promise<boolean>
  /** Opens and follows the audit database or topic saved with the connection (its password stays in the main process). */
  openConnectionDestination(connectionId: string, destination: AuditDestination): Promise<void>
  /**
   * Opens the connection's audit log file and follows it live. Keeps other logs the operator opened
   * in its place unless `replace` is set.
   */
  openConnectionLog(connectionId: string, path: string, replace?: boolean): Promise<void>
  setLogFollowing(owner: string, following: boolean): Promise<void>
  /** Stops reading the log being opened; the view goes back to where it was. */
  cancelLogOpening(owner: string): Promise<void>
  closeLog(owner: string): Promise<void>
  setLogFilters(owner: string, filters: Partial<LogFilters>): void
  setLogSearch(owner: string, search: Partial<LogSearch>): void
  selectLogRecord(owner: string, position: number, record?: AuditRecord): void
  /** Selects and scrolls to an evidence line, clearing filters that hide it. */
  revealEvidence(owner: string, ref: EvidenceRef): Promise<boolean>
  jumpToProblem(owner: string, direction: 'next' | 'previous'): Promise<void>
  jumpToTime(owner: string, time: string): Promise<void>
  togglePin(owner: string, record: AuditRecord): void
  applyLogAppended(event: LogAppended): void
  applyLogProgress(event: LogOpenProgress): void
}

export const NO_FILTERS: LogFilters = { severities: [], server: undefined, connector: undefined, messageId: undefined }
const NO_SEARCH: LogSearch = { pattern: '', ignoreCase: true, onlyMatching: false, context: 2 }
const emptyView: LogView = { opening: false, version: 0, filters: NO_FILTERS, search: NO_SEARCH, reveal: 0, announcement: '', pins: [] }
const NO_PINS: PinnedRecord[] = []

export function recordQuery(filters: LogFilters): RecordQuery {
  const query: RecordQuery = {}
  if (filters.severities.length > 0) query.severities = filters.severities
  if (filters.server) query.server = filters.server
  if (filters.connector) query.connector = filters.connector
  if (filters.messageId) query.messageId = filters.messageId
  return query
}

export function evidenceKey(ref: EvidenceRef): string {
  return ref.file ? `${ref.input}:${ref.line}:${ref.file}` : `${ref.input}:${ref.line}`
}

export function recordRef(record: AuditRecord): EvidenceRef {
  return record.file ? { input: record.input, line: record.firstLine, file: record.file } : { input: record.input, line: record.firstLine }
}

/** The evidence pinned in a connection's (or the offline view's) log: for the Report step. */
export const selectPinnedEvidence =
  (owner: string) =>
  (state: AppState): PinnedRecord[] =>
    state.logs[owner]?.pins ?? NO_PINS

export const createLogsSlice: StateCreator<AppState, [], [], LogsSlice> = (set, get) => {
  const view = (owner: string): LogView => get().logs[owner] ?? emptyView
  const patch = (owner: string, change: Partial<LogView>): void =>
    set({ logs: { ...get().logs, [owner]: { ...view(owner), ...change } } })

  async function opened(owner: string, source: LogSource, result: Result<LogSession>): Promise<boolean> {
    const previous = view(owner).session
    if (!result.ok) {
      // A cancel is the operator's choice, not a problem to report.
      const cancelled = result.error.code === 'cancelled'
      patch(owner, { opening: false, openId: undefined, progress: undefined, error: cancelled ? undefined : result.error, errorSource: cancelled ? undefined : source.kind })
      return false
    }
    // Pins stay when the same log is opened again (e.g. the step is revisited), not across logs.
    const sameLog = previous?.name === result.value.name
    patch(owner, {
      ...emptyView,
      pins: sameLog ? view(owner).pins : [],
      openId: undefined,
      progress: undefined,
      session: result.value,
      source,
      version: view(owner).version + 1
    })
    if (previous) await api.logs.close(previous.id)
    return true
  }

  async function locate(owner: string, target: LocateTarget, filters: LogFilters): Promise<number | undefined> {
    const session = view(owner).session
    if (!session) return undefined
    const result = await api.logs.locate(session.id, target, recordQuery(filters))
    return result.ok ? result.value.position : undefined
  }

  /** Selects a position, fetching its record for the details pane, and asks the viewer to show it. */
  async function selectAndReveal(owner: string, position: number, announcement: string): Promise<void> {
    const current = view(owner)
    if (!current.session) return
    const page = await api.logs.records(current.session.id, { ...recordQuery(current.filters), offset: position, limit: 1 })
    patch(owner, {
      // The line is shown in the whole log, not among the matches only.
      search: { ...view(owner).search, onlyMatching: false },
      selected: position,
      selectedRecord: page.ok ? page.value.records[0] : undefined,
      reveal: view(owner).reveal + 1,
      announcement
    })
  }

  return {
    logs: {},

    async openLogFiles(owner, paths) {
      const openId = crypto.randomUUID()
      patch(owner, { opening: true, openId, progress: undefined, error: undefined })
      const names = paths.map((path) => path.split(/[\\/]/).pop() ?? path)
      return opened(owner, { kind: 'files', names }, await api.logs.open(paths, undefined, openId))
    },

    async openLogTexts(owner, texts) {
      patch(owner, { opening: true, error: undefined })
      const result = texts.length === 1 ? await api.logs.openText(texts[0]!.text, texts[0]!.name) : await api.logs.openTexts(texts)
      return opened(owner, { kind: 'text', name: texts.map((text) => text.name).join(', ') }, result)
    },

    async openLogDestination(owner, destination, password) {
      patch(owner, { opening: true, error: undefined })
      const ok = await opened(owner, { kind: 'destination', destination }, await api.logs.openDestination(destination, password))
      if (ok) await get().setLogFollowing(owner, true)
      return ok
    },

    async openConnectionDestination(connectionId, destination) {
      const current = view(connectionId)
      if (current.opening || current.session) return
      patch(connectionId, { opening: true, error: undefined })
      if (await opened(connectionId, { kind: 'destination', destination }, await api.logs.openConnectionDestination(connectionId))) await get().setLogFollowing(connectionId, true)
    },

    async openConnectionLog(connectionId, path, replace = false) {
      const current = view(connectionId)
      const kept = current.session && (current.source?.kind !== 'live' ? !replace : current.source.path === path)
      if (current.opening || kept) return
      const openId = crypto.randomUUID()
      patch(connectionId, { opening: true, openId, progress: undefined, error: undefined })
      if (await opened(connectionId, { kind: 'live', path }, await api.logs.open([path], undefined, openId))) await get().setLogFollowing(connectionId, true)
    },

    async cancelLogOpening(owner) {
      const openId = view(owner).openId
      if (openId) await api.logs.cancel(openId)
    },

    async setLogFollowing(owner, following) {
      const session = view(owner).session
      if (!session) return
      const result = following ? await api.logs.follow(session.id) : await api.logs.unfollow(session.id)
      if (result.ok) patch(owner, { session: { ...view(owner).session!, following: result.value.following } })
      else get().notify({ kind: 'error', message: result.error.message })
    },

    async closeLog(owner) {
      const session = view(owner).session
      set({ logs: Object.fromEntries(Object.entries(get().logs).filter(([key]) => key !== owner)) })
      if (session) await api.logs.close(session.id)
    },

    setLogFilters(owner, filters) {
      patch(owner, { filters: { ...view(owner).filters, ...filters }, selected: undefined, selectedRecord: undefined })
    },

    setLogSearch(owner, search) {
      // "Only matching lines" shows other rows: the selection's position means something else there.
      const reset = search.onlyMatching !== undefined && search.onlyMatching !== view(owner).search.onlyMatching
      patch(owner, { search: { ...view(owner).search, ...search }, ...(reset ? { selected: undefined } : {}) })
    },

    selectLogRecord(owner, position, record) {
      patch(owner, { selected: position, selectedRecord: record })
    },

    async revealEvidence(owner, ref) {
      const target: LocateTarget = { kind: 'line', ...ref }
      let filters = view(owner).filters
      let position = await locate(owner, target, filters)
      if (position === undefined && filters !== NO_FILTERS) {
        // The filters hide the line: show everything rather than fail to show the evidence.
        position = await locate(owner, target, NO_FILTERS)
        if (position !== undefined) patch(owner, { filters: (filters = NO_FILTERS) })
      }
      if (position === undefined) {
        patch(owner, { announcement: `Line ${ref.line} is no longer in the kept records.` })
        return false
      }
      await selectAndReveal(owner, position, `Showing line ${ref.line}.`)
      return true
    },

    async jumpToProblem(owner, direction) {
      const current = view(owner)
      const from = current.selected ?? (direction === 'next' ? -1 : Number.MAX_SAFE_INTEGER)
      const position = await locate(owner, { kind: 'problem', from, direction }, current.filters)
      if (position === undefined) {
        patch(owner, { announcement: direction === 'next' ? 'No more errors below.' : 'No more errors above.' })
        return
      }
      await selectAndReveal(owner, position, '')
      const record = view(owner).selectedRecord
      patch(owner, {
        announcement: `${direction === 'next' ? 'Next' : 'Previous'} error: record ${(position + 1).toLocaleString()}${record ? `, ${record.severity ?? record.level ?? ''} ${record.messageId ?? ''}` : ''}.`
      })
    },

    async jumpToTime(owner, time) {
      const position = await locate(owner, { kind: 'time', time }, view(owner).filters)
      if (position === undefined) patch(owner, { announcement: 'No record at or after that time.' })
      else await selectAndReveal(owner, position, `Showing ${new Date(time).toLocaleString()}.`)
    },

    togglePin(owner, record) {
      const current = view(owner)
      const ref = recordRef(record)
      const key = evidenceKey(ref)
      if (current.pins.some((pin) => pin.key === key)) {
        patch(owner, { pins: current.pins.filter((pin) => pin.key !== key), announcement: 'Unpinned.' })
        return
      }
      const source = current.session?.report.inputs[record.input]?.path.split(/[\\/]/).pop() ?? current.session?.name ?? ''
      const pin: PinnedRecord = {
        key, ref, source, time: record.time, severity: record.severity ?? record.level, server: record.server,
        connector: record.connector, messageId: record.messageId, text: record.text, pinnedAt: new Date().toISOString()
      }
      patch(owner, { pins: [...current.pins, pin], announcement: `Pinned as evidence (${current.pins.length + 1} pinned).` })
    },

    applyLogProgress(event) {
      for (const [owner, current] of Object.entries(get().logs)) {
        if (current.openId === event.openId && current.opening) patch(owner, { progress: { bytesRead: event.bytesRead, totalBytes: event.totalBytes } })
      }
    },

    applyLogAppended(event) {
      for (const [owner, current] of Object.entries(get().logs)) {
        if (current.session?.id !== event.sessionId) continue
        const { problem: _previous, ...session } = current.session
        patch(owner, {
          session: { ...session, report: event.report, storedRecords: session.storedRecords + event.newRecords, ...(event.problem ? { problem: event.problem } : {}) },
          version: current.version + (event.newRecords > 0 ? 1 : 0)
        })
      }
    }
  }
}
