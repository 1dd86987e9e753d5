/**
 * The status table with 2,000 connectors, measured in Debian's Chromium through the browser host:
 * time to render the table (first open, with the status read from the daemon; and re-open, from the
 * store) and time to apply an update (a snapshot where 5 connectors change), median and p95.
 * The step shows the first 200 rows (needing attention first) and the rest on request, so each is
 * measured twice: as it opens, and with "Show all" (every one of the 2,000 rows in the DOM).
 * Needs `npm run build` first. Run with `node --import tsx bench/ui-status-table.bench.ts [iterations]`;
 * `BENCH_PROFILE=1` also prints where a re-open spends its time (CPU profile, self time by function).
 */
import { chromium } from '@playwright/test'
import { existsSync, readFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { startHost } from '../e2e/fixtures'
import { TOKEN_HEADER } from '../src/shared/channels'
import { startSimulator, type ScenarioDocument } from '../src/main/simulator'
import { tempDir } from '../tests/temp-dir'

const CONNECTORS = 2000
/** Rows the step renders before "Show all" (ROWS_AT_FIRST in StatusStep.tsx). */
const FIRST_ROWS = 200
const CHANGING = 5
const iterations = Number(process.argv[2] ?? 7)

interface ConnectorDocument { name: string; id?: string; endpoint?: string; behaviour?: string; [key: string]: unknown }
interface GroupDocument { connectors: ConnectorDocument[]; [key: string]: unknown }

/** large-estate (320 connectors) grown to 2,000 by cloning; 5 files monitors get a folder of their own to take away. */
function scaledEstate(): { scenario: ScenarioDocument; targets: string[] } {
  const document = JSON.parse(readFileSync('resources/scenarios/large-estate.json', 'utf8')) as ScenarioDocument & {
    daemons: { groups: GroupDocument[] }[]
    resources: Record<string, { kind: string; available: boolean }>
  }
  const groups = document.daemons[0]!.groups
  const templates = groups.flatMap((group) => group.connectors.map((connector) => ({ group, connector })))
  for (const group of groups) group.connectors = []
  const targets: string[] = []
  for (let index = 0; index < CONNECTORS; index++) {
    const { group, connector } = templates[index % templates.length]!
    const copy: ConnectorDocument = { ...connector, name: index < templates.length ? connector.name : `${connector.name}x${Math.floor(index / templates.length)}`, id: randomUUID() }
    if (targets.length < CHANGING && connector.behaviour === 'files-monitor' && index >= templates.length) {
      copy.endpoint = `data/bench/target-${targets.length}`
      document.resources[copy.endpoint] = { kind: 'directory', available: true }
      targets.push(copy.name)
    }
    group.connectors.push(copy)
  }
  return { scenario: { ...document, name: 'estate-2000' }, targets }
}

const PAGE_HELPERS = `
(() => {
  const original = EventSource.prototype.addEventListener
  EventSource.prototype.addEventListener = function (type, listener, options) {
    if (type !== 'daemon:snapshot' || typeof listener !== 'function') return original.call(this, type, listener, options)
    return original.call(this, type, (event) => { window.lastSnapshotAt = performance.now(); listener.call(this, event) }, options)
  }
  const paintedWhen = (ready, since) => new Promise((resolve) => {
    const check = () => (ready() ? requestAnimationFrame(() => resolve(performance.now() - since)) : requestAnimationFrame(check))
    check()
  })
  window.benchOpenStatus = (rows) => {
    const start = performance.now()
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '2', altKey: true, bubbles: true }))
    return paintedWhen(() => document.querySelectorAll('tr.connector-row').length >= rows, start)
  }
  window.benchShowAll = (rows) => {
    const button = [...document.querySelectorAll('.rows-more button')].find((candidate) => candidate.textContent.trim() === 'Show all')
    if (!button) return Promise.reject(new Error('no "Show all" button'))
    const start = performance.now()
    button.click()
    return paintedWhen(() => document.querySelectorAll('tr.connector-row').length >= rows, start)
  }
  // Armed in a call of its own before the simulator changes: the app's own poller may see the change
  // first, and then the status call's snapshot is unchanged and sends no event at all.
  window.benchArm = () => { window.armedAt = performance.now() }
  window.benchAwaitFailedRows = async (expected) => {
    const armedAt = window.armedAt
    await paintedWhen(() => (window.lastSnapshotAt ?? 0) > armedAt && document.querySelectorAll('tr.row-failed').length === expected, armedAt)
    return { sinceSnapshot: performance.now() - window.lastSnapshotAt, snapshotAt: window.lastSnapshotAt }
  }
})()
`

function stats(values: number[]): { median: number; p95: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!
  return { median: at(0.5), p95: at(0.95), min: sorted[0]!, max: sorted[sorted.length - 1]! }
}

if (!existsSync('out/main/cli.js')) {
  console.error('The app is not built: run `npm run build` first (the bench drives the built browser host).')
  process.exit(1)
}

const { scenario, targets } = scaledEstate()
const sim = await startSimulator({ scenario, egeria: 5, port: 0 })
const daemonURL = sim.servers.find((server) => server.daemonURL)!.daemonURL!
const dataDir = tempDir('daemon-doctor-bench-')
const host = await startHost(dataDir)
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']
})

async function hostCall<T>(path: string, args: unknown[]): Promise<T> {
  const response = await fetch(`${host.origin}/api/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token }, body: JSON.stringify(args) })
  const result = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } }
  if (!result.ok) throw new Error(`${path}: ${result.error.message}`)
  return result.value
}

async function simStatuses(): Promise<Map<string, string>> {
  const body = (await (await fetch(`${daemonURL}/status`)).json()) as { integrationDaemonStatus?: { integrationConnectorReports?: { connectorName: string; connectorStatus?: string }[] } }
  const reports = body.integrationDaemonStatus?.integrationConnectorReports ?? []
  return new Map(reports.map((report) => [report.connectorName, report.connectorStatus ?? 'RESTARTING']))
}

/** Takes the targets' folders away (or brings them back) and restarts them on the simulator directly. */
async function flipTargets(fail: boolean): Promise<void> {
  sim.updateWorld({ resources: Object.fromEntries(targets.map((_, index) => [`data/bench/target-${index}`, { available: !fail }])) })
  for (const name of targets) {
    await fetch(`${daemonURL}/integration-connectors/restart`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ class: 'NameRequestBody', name }) })
  }
  const settled = (status: string | undefined): boolean => (fail ? status === 'FAILED' : ['RUNNING', 'WAITING', 'REFRESHING'].includes(status ?? ''))
  let statuses = new Map<string, string>()
  for (let attempt = 0; attempt < 200; attempt++) {
    statuses = await simStatuses()
    if (targets.every((name) => settled(statuses.get(name)))) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`the simulator did not settle the targets: ${targets.map((name) => `${name} ${statuses.get(name)}`).join(', ')}`)
}

try {
  const connection = await hostCall<{ id: string }>('connections/save', [
    { name: 'Bench estate 2000', platformUrl: sim.url, serverName: 'estate-integration-daemon', userId: sim.defaultUser, egeriaVersion: '5', tls: { mode: 'system' }, environment: 'test', readOnly: false }
  ])
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 } })
  // Plain JS strings: tsx would wrap functions passed to the page with helpers that exist only in Node.
  // The init script notes when each snapshot event reaches the page, before the app handles it.
  await page.addInitScript({ content: PAGE_HELPERS })
  await page.goto(host.url)
  await page.locator('[data-app-ready="true"]').waitFor()
  await page.keyboard.press('Control+k')
  await page.getByRole('combobox', { name: 'Type a command' }).fill('Open Bench estate')
  await page.keyboard.press('Enter')
  await page.getByRole('heading', { name: 'Bench estate 2000' }).waitFor()

  /** Presses Alt+2 in the page and times until `rows` connector rows are painted. */
  const openStatus = (rows: number): Promise<number> => page.evaluate(`window.benchOpenStatus(${rows})`)
  /** Clicks "Show all" and times until every connector's row is painted. */
  const showAll = (): Promise<number> => page.evaluate(`window.benchShowAll(${CONNECTORS})`)
  const leaveStatus = async (): Promise<void> => {
    await page.keyboard.press('Alt+1')
    await page.locator('tr.connector-row').first().waitFor({ state: 'detached' })
  }

  const firstOpen = await openStatus(FIRST_ROWS)
  const reopen: number[] = []
  const allRows: number[] = []
  for (let round = 0; round < iterations; round++) {
    await leaveStatus()
    reopen.push(await openStatus(FIRST_ROWS))
    await page.waitForTimeout(300)
    allRows.push(await showAll())
    await page.waitForTimeout(300)
  }

  if (process.env.BENCH_PROFILE) {
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    const profiled = async (label: string, work: () => Promise<unknown>): Promise<void> => {
      await cdp.send('Profiler.start')
      await work()
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
        profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] }
      }
      const self = new Map<string, number>()
      const byId = new Map(profile.nodes.map((node) => [node.id, node]))
      profile.samples.forEach((id, index) => {
        const frame = byId.get(id)!.callFrame
        const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`
        self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000)
      })
      console.log(`${label} profile, self time in ms ("(program)" is the browser's own work: style, layout, paint):`)
      for (const [key, ms] of [...self].filter(([key]) => !key.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${ms.toFixed(0).padStart(6)}  ${key}`)
    }
    await leaveStatus()
    await profiled('re-open', () => openStatus(FIRST_ROWS))
    await profiled('show all', showAll)
    await page.evaluate('window.benchArm()')
    await flipTargets(true)
    await profiled('update', async () => {
      const painted = page.evaluate(`window.benchAwaitFailedRows(${CHANGING})`)
      await hostCall('daemon/status', [connection.id])
      await painted
    })
    await flipTargets(false)
    await hostCall('daemon/status', [connection.id])
  }

  /** Fails the targets, then brings them back, `iterations` times; times each snapshot until painted. */
  const updates = async (): Promise<{ sinceSnapshot: number[]; sinceCall: number[] }> => {
    const sinceSnapshot: number[] = []
    const sinceCall: number[] = []
    for (let round = 0; round < iterations; round++) {
      const fail = round % 2 === 0
      // Resolves at the first painted frame after a snapshot brings the expected count of failed rows.
      await page.evaluate('window.benchArm()')
      await flipTargets(fail)
      const painted = page.evaluate(`window.benchAwaitFailedRows(${fail ? CHANGING : 0})`) as Promise<{ sinceSnapshot: number; snapshotAt: number }>
      const calledAt = (await page.evaluate('performance.now()')) as number
      const asked = performance.now()
      await hostCall('daemon/status', [connection.id])
      const result = await painted
      sinceSnapshot.push(result.sinceSnapshot)
      // When the poller brought the change before the call, the call's time to paint means nothing.
      if (result.snapshotAt >= calledAt) sinceCall.push(performance.now() - asked)
      await page.waitForTimeout(300)
    }
    if (iterations % 2 === 1) {
      await flipTargets(false)
      await hostCall('daemon/status', [connection.id])
    }
    return { sinceSnapshot, sinceCall }
  }
  // The last round above left every row shown.
  const updateAll = await updates()
  await leaveStatus()
  await openStatus(FIRST_ROWS)
  const updateFirst = await updates()

  const rows = [
    ['first open (read 2,000, render 200)', [firstOpen]],
    ['re-open from the store (200 rows)', reopen],
    ['Show all (render 2,000 rows)', allRows],
    ['update, 200 rows: snapshot → painted', updateFirst.sinceSnapshot],
    ['update, 200 rows: call → painted', updateFirst.sinceCall],
    ['update, 2,000 rows: snapshot → painted', updateAll.sinceSnapshot],
    ['update, 2,000 rows: call → painted', updateAll.sinceCall]
  ] as const
  console.log(`status table, ${CONNECTORS} connectors (${CHANGING} change per update), Chromium ${browser.version()}, ${iterations} iterations`)
  console.log(`${'measure'.padEnd(40)} ${'median'.padStart(9)} ${'p95'.padStart(9)} ${'min'.padStart(9)} ${'max'.padStart(9)} (rounds)`)
  for (const [label, values] of rows) {
    if (values.length === 0) {
      console.log(`${label.padEnd(40)} no round: the app's poller saw every change before the call`)
      continue
    }
    const figures = stats([...values])
    console.log(`${label.padEnd(40)} ${[figures.median, figures.p95, figures.min, figures.max].map((value) => `${value.toFixed(0)} ms`.padStart(9)).join(' ')} (${values.length})`)
  }
} finally {
  await browser.close()
  await host.stop()
  await sim.close()
}
