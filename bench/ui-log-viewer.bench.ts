/**
 * The log viewer with 1,000,000 records, measured in Debian's Chromium through the browser host:
 * time to open the log and first render the viewer, then frame times while scrolling continuously
 * (rAF deltas) at reading speed, at fling speed, and while jumping across the whole log.
 * Run: `node --import tsx bench/ui-log-viewer.bench.ts [records]` (builds the app first when out/ is stale).
 * Targets: first render of the viewer < 500 ms after the analysis arrives; scroll frames median ≈ 16.7 ms, p95 < 33 ms.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { ensureBuilt } from '../scripts/ensure-built.mjs'

const RECORDS = Number(process.argv[2] ?? process.env.BENCH_RECORDS ?? 1_000_000)
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad = (n: number): string => String(n).padStart(2, '0')
function javaDate(ms: number): string {
  const d = new Date(ms)
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} GMT ${d.getUTCFullYear()}`
}

/** One record per line: refresh chatter from 40 connectors, type chatter, and now and then a metadata-server failure. */
async function generate(path: string, records: number): Promise<void> {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 })
  const start = Date.UTC(2025, 10, 22, 6, 0, 0)
  let lines: string[] = []
  for (let index = 0; index < records; index++) {
    const date = javaDate(start + index * 40) // 1,000,000 records over about 11 hours
    const connector = `LandingAreaMonitor${index % 40}`
    if (index % 997 === 0) {
      lines.push(`${date} integration-daemon Exception INTEGRATION-DAEMON-SERVICES-0031 The integration connector ${connector} method refresh has returned with a org.odpi.openmetadata.frameworks.connectors.ffdc.InvalidParameterException exception containing message OMAG-MULTI-TENANT-404-001 The OMAG Server cocoMDS1 is not available to service a request from user npa`)
    } else if (index % 11 === 0) {
      lines.push(`${date} active-metadata-store Types OMRS-AUDIT-0303 The local server has added a new type called DataFile${index % 97} with a unique identifier of 10ba9e9e-6e8a-4d1e-9f5c-5a6b1c2d3e4f and a version number of 1`)
    } else {
      lines.push(`${date} integration-daemon Information INTEGRATION-DAEMON-SERVICES-0041 The integration daemon thread is refreshing integration connector ${connector} for the first time`)
    }
    if (lines.length === 10_000) {
      if (!out.write(`${lines.join('\n')}\n`)) await once(out, 'drain')
      lines = []
    }
  }
  if (lines.length > 0) out.write(`${lines.join('\n')}\n`)
  out.end()
  await once(out, 'finish')
}

async function startHost(dataDir: string): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ['out/main/cli.js', 'web', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('browser host did not start')), 20_000)
    child.stdout.on('data', (chunk) => {
      stdout += chunk
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(stdout)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
    child.once('exit', (code) => reject(new Error(`browser host exited with ${code}`)))
  })
  return { url, stop: () => child.kill('SIGTERM') }
}

interface FrameStats {
  frames: number
  median: number
  p95: number
  max: number
  /** Frames where some visible row was still a placeholder (its page not fetched yet). */
  placeholderFrames: number
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!

ensureBuilt()
const dir = mkdtempSync(join(tmpdir(), 'dd-ui-bench-'))
const logPath = join(dir, 'exchangeDL01.log')
const host = await startHost(join(dir, 'data'))
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] })
try {
  const generated = performance.now()
  await generate(logPath, RECORDS)
  console.log(`ui-log-viewer.bench: generated ${RECORDS.toLocaleString('en')} records in ${((performance.now() - generated) / 1000).toFixed(1)} s`)

  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
  // tsx keeps function names with a `__name` helper that the page does not have.
  await page.addInitScript({ content: 'globalThis.__name = (fn) => fn' })
  await page.goto(host.url)
  await page.locator('[data-app-ready="true"]').waitFor()
  await page.getByRole('button', { name: 'Open log files' }).click()
  await page.getByLabel('Open by path').fill(logPath)

  const clicked = performance.now()
  const opened = page.waitForResponse((response) => response.url().includes('/api/logs/open'), { timeout: 300_000 })
  await page.getByRole('button', { name: 'Open', exact: true }).click()
  await opened
  const analysed = performance.now()
  const list = page.getByRole('listbox', { name: /Log records of/ })
  await list.locator('.log-row:not(.placeholder)').first().waitFor({ timeout: 60_000 })
  const firstRows = performance.now()
  await page.locator('.timeline-chart').waitFor({ timeout: 60_000 })
  const timeline = performance.now()
  const status = await page.locator('.viewer-status').innerText()

  /** Scrolls the list every animation frame for `ms`, by `step` pixels or to random places, and times the frames. */
  const scroll = (mode: 'step' | 'jump', step: number, ms: number): Promise<FrameStats & { rows: number }> =>
    page.evaluate(
      ({ mode, step, ms }) =>
        new Promise((resolve) => {
          const element = document.querySelector<HTMLElement>('.log-list')!
          element.scrollTop = 0
          const deltas: number[] = []
          let placeholderFrames = 0
          let last = performance.now()
          const began = last
          const frame = (now: number): void => {
            deltas.push(now - last)
            last = now
            if (element.querySelector('.log-row.placeholder')) placeholderFrames++
            const max = element.scrollHeight - element.clientHeight
            element.scrollTop = mode === 'jump' ? Math.random() * max : (element.scrollTop + step) % max
            if (now - began < ms) requestAnimationFrame(frame)
            else {
              const sorted = deltas.slice(1).sort((a, b) => a - b)
              resolve({
                frames: sorted.length,
                median: sorted[Math.floor(sorted.length / 2)]!,
                p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!,
                max: sorted[sorted.length - 1]!,
                placeholderFrames,
                rows: element.querySelectorAll('.log-row').length
              })
            }
          }
          requestAnimationFrame(frame)
        }),
      { mode, step, ms }
    )

  const reading = await scroll('step', 48, 5000) // two rows a frame, about 120 rows a second
  const fling = await scroll('step', 2400, 5000) // a hundred rows a frame
  const jumps = await scroll('jump', 0, 5000) // anywhere in the million, every frame

  // After a jump, how long until the rows on screen are filled in.
  const settle = await page.evaluate(async () => {
    const element = document.querySelector<HTMLElement>('.log-list')!
    const times: number[] = []
    for (let round = 0; round < 10; round++) {
      element.scrollTop = Math.random() * (element.scrollHeight - element.clientHeight)
      const began = performance.now()
      await new Promise<void>((resolve) => {
        const check = (): void => {
          if (element.querySelector('.log-row:not(.placeholder)') && !element.querySelector('.log-row.placeholder')) resolve()
          else requestAnimationFrame(check)
        }
        requestAnimationFrame(check)
      })
      times.push(performance.now() - began)
    }
    return times.sort((a, b) => a - b)
  })
  const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0)

  console.log(`ui-log-viewer.bench: ${status.trim()}`)
  console.table({
    'open: analysis in main (click → session)': { ms: Math.round(analysed - clicked) },
    'viewer first render (session → first rows)': { ms: Math.round(firstRows - analysed) },
    'timeline drawn (session → histogram)': { ms: Math.round(timeline - analysed) },
    'rows filled after a jump (median)': { ms: Math.round(percentile(settle, 0.5)) },
    'rows filled after a jump (max)': { ms: Math.round(settle[settle.length - 1]!) }
  })
  const row = (stats: FrameStats & { rows: number }): Record<string, number | string> => ({
    frames: stats.frames,
    'median ms': stats.median.toFixed(1),
    'p95 ms': stats.p95.toFixed(1),
    'max ms': stats.max.toFixed(1),
    'frames with unfilled rows': `${((stats.placeholderFrames / Math.max(1, stats.frames)) * 100).toFixed(0)}%`,
    'DOM rows': stats.rows
  })
  console.table({
    'reading scroll (2 rows/frame)': row(reading),
    'fling scroll (100 rows/frame)': row(fling),
    'random jumps (every frame)': row(jumps)
  })
  console.log(`ui-log-viewer.bench: renderer JS heap ${(heap / 1048576).toFixed(0)} MB after scrolling; load average ${loadavg()[0]!.toFixed(1)} (a shared machine adds frame jitter)`)
} finally {
  await browser.close()
  host.stop()
  rmSync(dir, { recursive: true, force: true })
}
