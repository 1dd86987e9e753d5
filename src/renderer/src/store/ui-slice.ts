import type { StateCreator } from 'zustand'
import type { AppInfo } from '../../../shared/api'
import { api } from '../lib/api'
import type { AppState } from './index'

export type ThemeChoice = 'system' | 'light' | 'dark'
import { TROUBLESHOOTING_STEPS, type TroubleshootingStep } from '../../../shared/troubleshooting/guidance'
export const FLOW_STEPS = TROUBLESHOOTING_STEPS
export type FlowStep = TroubleshootingStep

export type View =
  | { kind: 'home' }
  | { kind: 'edit-connection'; id?: string }
  | { kind: 'flow'; connectionId: string; step: FlowStep }
  /** Offline log inspection: files or pasted text, no connection. */
  | { kind: 'logs' }

export interface Notice {
  id: number
  kind: 'success' | 'info' | 'warning' | 'error'
  message: string
  action?: { label: string; run: () => Promise<void> | void }
}

/** The latest message for the app's one polite live region (components/Announcer). */
export interface Announcement {
  id: number
  text: string
}

export interface UiSlice {
  view: View
  /**
   * When the guided flow of each connection was first opened in this app session (ISO time): the
   * start of its incident, so the report leaves out older actions.
   */
  flowOpenedAt: Record<string, string>
  /** Starts a new incident for the connection: its next opening of the guided flow is the new start. */
  forgetFlowOpened(connectionId: string): void
  announcement?: Announcement
  paletteOpen: boolean
  theme: ThemeChoice
  appInfo?: AppInfo
  notices: Notice[]
  navigate(view: View): void
  setTheme(theme: ThemeChoice): void
  loadAppInfo(): Promise<void>
  dismissSettingsIssue(id: string): Promise<void>
  notify(notice: Omit<Notice, 'id'>): void
  dismissNotice(id: number): void
  /** Says something to screen-reader users without moving focus; the latest message wins. */
  announce(text: string): void
  /** Opens or closes the command palette (components/CommandPalette: use its `openCommandPalette` to keep focus right). */
  setPaletteOpen(open: boolean): void
}

const THEME_KEY = 'daemon-doctor-theme'
let nextNoticeId = 1
let nextAnnouncementId = 1

function savedTheme(): ThemeChoice {
  const value = globalThis.localStorage?.getItem(THEME_KEY)
  return value === 'light' || value === 'dark' ? value : 'system'
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  view: { kind: 'home' },
  theme: savedTheme(),
  notices: [],
  paletteOpen: false,
  flowOpenedAt: {},
  navigate(view) {
    const opened = get().flowOpenedAt
    if (view.kind === 'flow' && !opened[view.connectionId]) set({ view, flowOpenedAt: { ...opened, [view.connectionId]: new Date().toISOString() } })
    else set({ view })
  },
  forgetFlowOpened(connectionId) {
    const { [connectionId]: _forgotten, ...rest } = get().flowOpenedAt
    set({ flowOpenedAt: rest })
  },
  setTheme(theme) {
    globalThis.localStorage?.setItem(THEME_KEY, theme)
    set({ theme })
  },
  async loadAppInfo() {
    const result = await api.app.info()
    if (result.ok) set({ appInfo: result.value })
    else get().notify({ kind: 'error', message: result.error.message })
  },
  async dismissSettingsIssue(id) {
    await api.app.dismissSettingsIssue(id)
    await get().loadAppInfo()
  },
  notify(notice) {
    const id = nextNoticeId++
    // Keep the latest few: an undo must stay reachable, but the stack should not grow unbounded.
    set({ notices: [...get().notices.slice(-3), { ...notice, id }] })
  },
  dismissNotice: (id) => set({ notices: get().notices.filter((notice) => notice.id !== id) }),
  announce: (text) => set({ announcement: { id: nextAnnouncementId++, text } }),
  setPaletteOpen: (paletteOpen) => set({ paletteOpen })
})
