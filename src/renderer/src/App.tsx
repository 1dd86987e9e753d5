import { useEffect } from 'react'
import { Announcer } from './components/Announcer'
import { CommandPalette, CommandPaletteButton } from './components/CommandPalette'
import { Notices } from './components/Notices'
import { ConnectionForm } from './features/connections/ConnectionForm'
import { ConnectionsScreen } from './features/connections/ConnectionsScreen'
import { OfflineLogsView } from './features/audit-log/OfflineLogsView'
import { FlowFrame } from './features/flow/FlowFrame'
import { subscribeToEvents } from './lib/api-events'
import { useKeyboardShortcuts } from './lib/shortcuts'
import { useAppStore } from './store'
import type { ThemeChoice } from './store/ui-slice'

export function App(): React.JSX.Element {
  const view = useAppStore((state) => state.view)
  const theme = useAppStore((state) => state.theme)
  const loaded = useAppStore((state) => state.connectionsLoaded)

  useEffect(() => {
    const unsubscribe = subscribeToEvents()
    const store = useAppStore.getState()
    void store.loadConnections()
    void store.loadAppInfo()
    // `npm run demo` / `daemon-doctor web --demo` open the app on the demo daemon.
    if (window.location.hash === '#demo') void store.startDemo()
    else void store.loadDemo()
    return unsubscribe
  }, [])
  useEffect(() => {
    document.documentElement.dataset.theme = theme
  }, [theme])
  useKeyboardShortcuts()

  return (
    <div className="app" data-app-ready={loaded ? 'true' : undefined}>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <Header />
      <HostBanners />
      <main id="main" tabIndex={-1}>
        {view.kind === 'home' && <ConnectionsScreen />}
        {view.kind === 'edit-connection' && <ConnectionForm key={view.id ?? 'new'} connectionId={view.id} />}
        {view.kind === 'flow' && <FlowFrame connectionId={view.connectionId} step={view.step} />}
        {view.kind === 'logs' && <OfflineLogsView />}
      </main>
      <Notices />
      <CommandPalette />
      <Announcer />
    </div>
  )
}

function Header(): React.JSX.Element {
  const navigate = useAppStore((state) => state.navigate)
  const theme = useAppStore((state) => state.theme)
  const setTheme = useAppStore((state) => state.setTheme)
  return (
    <header className="app-header">
      <button type="button" className="brand link-button" onClick={() => navigate({ kind: 'home' })}>
        <span aria-hidden="true" className="brand-mark">
          ✚
        </span>
        Daemon Doctor
      </button>
      <div className="header-actions">
        <CommandPaletteButton />
        <label className="theme-picker">
          <span className="visually-hidden">Theme</span>
          <select value={theme} onChange={(event) => setTheme(event.target.value as ThemeChoice)}>
            <option value="system">Theme: system</option>
            <option value="light">Theme: light</option>
            <option value="dark">Theme: dark</option>
          </select>
        </label>
      </div>
    </header>
  )
}

/** What the operator must know about this host: moved-aside settings, where passwords live. */
function HostBanners(): React.JSX.Element | null {
  const info = useAppStore((state) => state.appInfo)
  const dismiss = useAppStore((state) => state.dismissSettingsIssue)
  if (!info) return null
  return (
    <div className="banners">
      {info.settingsIssues.map((issue) => (
        <div key={issue.id} className="callout warning" role="alert">
          <span aria-hidden="true">⚠ </span>
          {issue.message}
          {issue.backupPath ? (
            <>
              {' '}
              The unreadable file was kept as <code>{issue.backupPath}</code>.
            </>
          ) : null}
          <button type="button" onClick={() => void dismiss(issue.id)}>
            Dismiss
          </button>
        </div>
      ))}
      {info.secretStorage === 'memory' && (
        <p className="callout info">
          <span aria-hidden="true">ℹ </span>
          {info.host === 'browser'
            ? 'Browser mode: passwords you enter are kept in memory only while this host runs, and are never written to disk.'
            : info.memoryOnlyReason === 'basic-text'
              ? 'This system has no keyring, so Electron could only hide saved passwords with a key built into it (its basic_text store), which anyone with the file can undo. Passwords are therefore kept in memory only until the app closes, and never written to disk.'
              : 'This system offers no encrypted storage: passwords are kept in memory only until the app closes.'}
        </p>
      )}
    </div>
  )
}
