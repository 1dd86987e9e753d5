/**
 * Memory of a browsing session: what the browser host (and the desktop main process) holds after
 * opening one log of about a million records in the log viewer, against the code's own estimate of
 * 300 MB (MAX_STORED_RECORDS in log-service.ts). Generates BENCH_RECORDS records (default 1,000,000)
 * of a busy daemon into a temp file, opens it with the LogService the hosts use, and reports RSS and
 * heap after a full GC (what stays) and peak RSS (what the machine must have).
 * Run: `npm run bench:memory` or `node --expose-gc --import tsx bench/memory.bench.ts [records]`.
 */
import { createWriteStream, rmSync, statSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { once } from 'node:events'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LogService } from '../src/main/services/audit/log-service'

const records = Number(process.argv[2] ?? process.env.BENCH_RECORDS ?? 1_000_000)
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

async function generate(path: string): Promise<void> {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 })
  const start = Date.UTC(2025, 10, 22, 18, 0, 0)
  for (let index = 0; index < records; index++) {
    if (!out.write(`${line(index, start + index * 50)}\n`)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

const collect = (): void => (globalThis as { gc?: () => void }).gc?.()

const dir = await mkdtemp(join(tmpdir(), 'dd-bench-memory-'))
const path = join(dir, 'console.log')
try {
  await generate(path)
  collect()
  const rssBefore = process.memoryUsage.rss()
  const logs = new LogService({ emit: () => {}, pollMs: 60_000 })
  const started = process.hrtime.bigint()
  const session = await logs.open([path])
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  // A page and a search, as the viewer does first.
  logs.records(session.id, { offset: 0, limit: 200 })
  logs.search(session.id, { pattern: 'OMAG-MULTI-TENANT-404-001', limit: 100 })
  collect()
  const usage = process.memoryUsage()
  const peakRss = process.resourceUsage().maxRSS * 1024
  console.log(`memory.bench: opened ${megabytes(statSync(path).size)} MB, ${session.storedRecords} records stored (${session.droppedRecords} dropped) in ${seconds.toFixed(1)} s`)
  console.log(`memory.bench: after GC RSS ${megabytes(usage.rss)} MB, heap used ${megabytes(usage.heapUsed)} MB (${megabytes(rssBefore)} MB RSS before opening)`)
  console.log(`memory.bench: peak RSS ${megabytes(peakRss)} MB; the code's estimate for a million records is ${ESTIMATE_MB} MB: ${usage.rss <= ESTIMATE_MB * 1048576 ? 'met' : 'NOT met'}`)
  logs.dispose()
} finally {
  rmSync(dir, { recursive: true, force: true })
}
