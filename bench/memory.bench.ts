/**
 * Memory of a browsing session: what the browser host (and the desktop main process) holds after
 * opening one log of about a million records in the log viewer (MAX_STORED_RECORDS in log-service.ts,
 * whose comment gives the figures last measured), against a budget of 300 MB. Generates BENCH_RECORDS records (default 1,000,000)
 * of a busy daemon into a temp file, then opens it three times, each in a fresh Node process so that
 * peak RSS is its own: with the LogService the hosts use, from the file's path and handed over as pasted
 * text (what IPC hands over), and through a real browser host asked over HTTP to open the path (issue
 * 15's case). Reports RSS and heap after a full GC (what stays) and peak RSS (what the machine must have).
 * Run: `npm run bench:memory [records]`, or through `npm run bench -- --only memory`.
 */
import { spawnSync } from 'node:child_process'
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { once } from 'node:events'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { LogService } from '../src/main/services/audit/log-service'
import { startWebApp } from '../src/main/web/web-app'
import { TOKEN_HEADER } from '../src/shared/channels'
import type { LogSession } from '../src/shared/models/audit'
import type { Result } from '../src/shared/result'

const ESTIMATE_MB = 300
const megabytes = (bytes: number): string => (bytes / 1048576).toFixed(0)

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad = (n: number): string => String(n).padStart(2, '0')
const javaDate = (ms: number): string => {
  const d = new Date(ms)
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} GMT ${d.getUTCFullYear()}`
}

/** One record per line: refresh chatter of 40 connectors, type registrations, now and then a failure. */
function line(index: number, ms: number): string {
  const date = javaDate(ms)
  const connector = `LandingAreaMonitor${index % 40}`
  if (index % 97 === 0) {
    return `${date} integration-daemon Exception INTEGRATION-DAEMON-SERVICES-0031 The integration connector ${connector} method refresh has returned with a org.odpi.openmetadata.frameworks.connectors.ffdc.InvalidParameterException exception containing message OMAG-MULTI-TENANT-404-001 The OMAG Server active-metadata-store is not available to service a request from user integration-daemon-npa`
  }
  if (index % 9 === 0) {
    return `${date} active-metadata-store Types OMRS-AUDIT-0301 The local server has added a new type called DataFile${index % 500} with a unique identifier of 10ba${index % 10}e9e-6e8a-4d1e-9f5c-5a6b1c2d3e4f and a version number of 1 from Egeria Core Types (2.0)`
  }
  return index % 2 === 0
    ? `${date} integration-daemon Information INTEGRATION-DAEMON-SERVICES-0042 The integration daemon thread is refreshing integration connector ${connector} in the integration-daemon integration daemon instance`
    : `${date} integration-daemon Information INTEGRATION-DAEMON-SERVICES-0043 The refresh of integration connector ${connector} completed in ${(index * 7) % 900} ms`
}

async function generate(path: string, records: number): Promise<void> {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 })
  const start = Date.UTC(2025, 10, 22, 18, 0, 0)
  for (let index = 0; index < records; index++) {
    if (!out.write(`${line(index, start + index * 50)}\n`)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

/** A full GC, then a moment for V8 to give freed pages back to the system (it unmaps them on another thread). */
async function collect(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  await new Promise((resolve) => setTimeout(resolve, 200))
  gc?.()
}

/** The viewer's calls, answered in this process or by a browser host over HTTP. */
interface Viewer {
  open: () => Promise<LogSession>
  call: (method: 'records' | 'search' | 'histogram', args: unknown[]) => Promise<unknown>
  close: () => Promise<void>
}

/** The LogService itself: `path` opens the file, `text` reads it into a string first and pastes that. */
function inProcess(mode: 'path' | 'text', path: string): Viewer {
  const logs = new LogService({ emit: () => {}, pollMs: 60_000 })
  // What IPC hands over: the whole text; the host lets go of it once the session is open.
  let text = mode === 'text' ? readFileSync(path, 'utf8') : undefined
  return {
    open: async () => {
      const opened = text === undefined ? logs.open([path]) : logs.openText(text, 'pasted.log')
      text = undefined
      return opened
    },
    call: async (method, args) => (logs[method] as (...args: unknown[]) => unknown)(...args),
    close: async () => logs.dispose()
  }
}

/** The browser host (`daemon-doctor web`) on 127.0.0.1, asked over HTTP to open the file by its path. */
async function browserHost(path: string): Promise<Viewer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dd-bench-memory-host-'))
  const app = await startWebApp({ rendererDir: dataDir, dataDir, port: 0 })
  const call = async (method: string, args: unknown[]): Promise<unknown> => {
    const response = await fetch(`http://127.0.0.1:${app.host.port}/api/logs/${method}`, {
      method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: app.host.token }, body: JSON.stringify(args)
    })
    const answer = (await response.json()) as Result<unknown>
    if (!answer.ok) throw new Error(answer.error.message)
    return answer.value
  }
  return {
    open: async () => (await call('open', [[path]])) as LogSession,
    call,
    close: async () => {
      await app.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}

const LABELS = { path: 'from a path', text: 'as pasted text', host: 'in the browser host, by path over HTTP' }

/** One opening in this process, then what the viewer asks first; RSS and heap after GC, and peak RSS. */
async function measure(mode: keyof typeof LABELS, path: string): Promise<void> {
  const viewer = mode === 'host' ? await browserHost(path) : inProcess(mode, path)
  await collect()
  const rssBefore = process.memoryUsage.rss()
  const started = process.hrtime.bigint()
  const session = await viewer.open()
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  // A page, a filter, a search with context and the histogram, as the viewer does first.
  await viewer.call('records', [session.id, { offset: 0, limit: 200 }])
  await viewer.call('records', [session.id, { offset: 0, limit: 200, severities: ['Exception'] }])
  await viewer.call('search', [session.id, { pattern: 'OMAG-MULTI-TENANT-404-001', limit: 100 }])
  await viewer.call('histogram', [session.id])
  await collect()
  const usage = process.memoryUsage()
  const peakRss = process.resourceUsage().maxRSS * 1024
  const label = LABELS[mode]
  console.log(`memory.bench ${label}: ${session.storedRecords} records stored (${session.droppedRecords} dropped) in ${seconds.toFixed(1)} s`)
  console.log(`memory.bench ${label}: after GC RSS ${megabytes(usage.rss)} MB, heap used ${megabytes(usage.heapUsed)} MB, external (buffers) ${megabytes(usage.external)} MB (${megabytes(rssBefore)} MB RSS before opening)`)
  console.log(`memory.bench ${label}: peak RSS ${megabytes(peakRss)} MB; the code's estimate for a million records is ${ESTIMATE_MB} MB: ${usage.rss <= ESTIMATE_MB * 1048576 ? 'met' : 'NOT met'}`)
  await viewer.close()
}

const [modeArgument, pathArgument] = process.argv.slice(2)
const measuring = modeArgument?.match(/^--measure-(path|text|host)$/)?.[1] as keyof typeof LABELS | undefined
if (measuring) {
  await measure(measuring, pathArgument!)
} else {
  const records = Number(modeArgument ?? process.env.BENCH_RECORDS ?? 1_000_000)
  const dir = await mkdtemp(join(tmpdir(), 'dd-bench-memory-'))
  const path = join(dir, 'console.log')
  try {
    await generate(path, records)
    console.log(`memory.bench: ${records} records, ${megabytes(statSync(path).size)} MB; load average ${loadavg()[0]!.toFixed(1)}`)
    for (const mode of Object.keys(LABELS)) {
      const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), `--measure-${mode}`, path], { stdio: 'inherit' })
      if (run.status !== 0) process.exitCode = 1
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
