/** What the command palette offers, built from the app's state, and how typing narrows it. */
import { STEP_TITLES } from '../features/flow/step-titles'
import { pinnedLinesOf } from '../features/report/pins'
import type { AppState } from '../store'
import { FLOW_STEPS, type ThemeChoice } from '../store/ui-slice'

export interface PaletteCommand {
  id: string
  label: string
  group: string
  /** The shortcut that does the same, shown beside the command. */
  shortcut?: string
  /** Extra words the filter matches (server name, URL…). */
  keywords?: string
  run(): void | Promise<void>
}

const THEMES: ThemeChoice[] = ['light', 'dark', 'system']

export function paletteCommands(state: AppState): PaletteCommand[] {
  const commands: PaletteCommand[] = []
  const { view } = state
  if (view.kind === 'flow') {
    const connection = state.connections.find((candidate) => candidate.id === view.connectionId)
    const here = connection?.name ?? 'this connection'
    FLOW_STEPS.forEach((step, index) => {
      commands.push({
        id: `step:${step}`,
        label: `Go to step ${index + 1}: ${STEP_TITLES[step]}`,
        group: here,
        shortcut: `Alt+${index + 1}`,
        run: () => state.navigate({ ...view, step })
      })
    })
    for (const format of ['markdown', 'html'] as const) {
      commands.push({
        id: `report:${format}`,
        label: `Save the incident report as ${format === 'html' ? 'HTML' : 'Markdown'}`,
        group: here,
        keywords: 'download export incident',
        // Made afresh with the pinned lines, so the file says what is true now.
        run: async () => {
          if (await state.buildReport(view.connectionId, pinnedLinesOf(state, view.connectionId))) await state.saveReport(view.connectionId, format)
        }
      })
    }
    commands.push({ id: 'status:read', label: 'Read the status now', group: here, keywords: 'refresh reload poll', run: () => state.loadStatus(view.connectionId) })
  }
  commands.push({ id: 'home', label: 'Go to saved connections', group: 'Navigation', keywords: 'home list', run: () => state.navigate({ kind: 'home' }) })
  commands.push({ id: 'new-connection', label: 'New connection', group: 'Navigation', shortcut: 'N', keywords: 'add create', run: () => state.navigate({ kind: 'edit-connection' }) })
  for (const connection of state.connections) {
    if (view.kind === 'flow' && view.connectionId === connection.id) continue
    commands.push({
      id: `open:${connection.id}`,
      label: `Open ${connection.name}`,
      group: 'Connections',
      keywords: `${connection.serverName} ${connection.platformUrl} ${connection.environment}`,
      run: () => state.navigate({ kind: 'flow', connectionId: connection.id, step: 'audit-log' })
    })
  }
  const demoId = state.demo?.running ? state.demo.connectionId : undefined
  if (!demoId) commands.push({ id: 'demo:start', label: 'Start the demo daemon', group: 'Demo', keywords: 'coco-pharma simulator try', run: () => state.startDemo() })
  else if (!(view.kind === 'flow' && view.connectionId === demoId)) {
    commands.push({ id: 'demo:open', label: 'Open the demo daemon', group: 'Demo', keywords: 'coco-pharma simulator', run: () => state.navigate({ kind: 'flow', connectionId: demoId, step: 'audit-log' }) })
  }
  commands.push({ id: 'journal:export', label: 'Export the action journal', group: 'Journal', keywords: 'download save history', run: () => state.exportJournal() })
  for (const theme of THEMES) {
    if (theme === state.theme) continue
    commands.push({ id: `theme:${theme}`, label: `Switch to the ${theme === 'system' ? 'system' : theme} theme`, group: 'Appearance', keywords: 'colour color mode', run: () => state.setTheme(theme) })
  }
  return commands
}

/** Every word typed must appear; commands whose label starts with the query come first. */
export function filterCommands(commands: readonly PaletteCommand[], query: string): PaletteCommand[] {
  const wanted = query.trim().toLowerCase()
  if (!wanted) return [...commands]
  const words = wanted.split(/\s+/)
  const rank = (command: PaletteCommand): number => {
    const label = command.label.toLowerCase()
    if (label.startsWith(wanted)) return 0
    if (label.includes(wanted)) return 1
    return 2
  }
  return commands
    .filter((command) => {
      const haystack = `${command.label} ${command.group} ${command.keywords ?? ''}`.toLowerCase()
      return words.every((word) => haystack.includes(word))
    })
    .map((command, index) => ({ command, index, rank: rank(command) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ command }) => command)
}
