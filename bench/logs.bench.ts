/**
 * Audit log analysis throughput: generates a console log of BENCH_LOG_MB megabytes (default 1024) into a
 * temp file, analyses it with the streaming parser and diagnosis, and reports MB/s and peak RSS.
 * Run: `node --import tsx bench/logs.bench.ts [megabytes]`. Targets: >= 100 MB/s, peak RSS < 300 MB.
 */
import { createWriteStream, rmSync, statSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { analyzeSources } from '../src/main/services/audit/analyze'
import { openInput } from '../src/main/services/audit/log-reader'

const megabytes = Number(process.argv[2] ?? process.env.BENCH_LOG_MB ?? 1024)
const targetBytes = megabytes * 1024 * 1024

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad = (n: number): string => String(n).padStart(2, '0')
function javaDate(ms: number): string {
  const d = new Date(ms)
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} GMT ${d.getUTCFullYear()}`
}

const CONNECTORS = Array.from({ length: 40 }, (_, index) => `LandingAreaMonitor${index}`)

/** One minute of a busy daemon: heartbeats, type chatter, a platform line, now and then a failure with a trace. */
function block(ms: number, cycle: number): string {
  const date = javaDate(ms)
  const out: string[] = []
  for (const name of CONNECTORS) {
    out.push(`${date} integration-daemon Information INTEGRATION-DAEMON-SERVICES-0042 The integration daemon thread is refreshing integration connector ${name} in the integration-daemon integration daemon instance`)
    out.push(`${date} integration-daemon Information INTEGRATION-DAEMON-SERVICES-0043 The refresh of integration connector ${name} completed in ${(cycle * 7) % 900} ms`)
  }
  for (let index = 0; index < 10; index++) out.push(`${date} active-metadata-store Types OMRS-AUDIT-0301 The local server has added a new type called DataFile${index} with a unique identifier of 10ba${index}e9e-6e8a-4d1e-9f5c-5a6b1c2d3e4f and a version number of 1 from Egeria Core Types (2.0)`)
  out.push(`${date} OMAG server platform ready for more configuration`)
  if (cycle % 5 === 0) {
    const name = CONNECTORS[cycle % CONNECTORS.length]!
    const text = `The integration connector ${name} method refresh has returned with a org.odpi.openmetadata.frameworks.connectors.ffdc.InvalidParameterException exception containing message OMAG-MULTI-TENANT-404-001 The OMAG Server active-metadata-store is not available to service a request from user integration-daemon-npa`
    out.push(`${date} integration-daemon Exception INTEGRATION-DAEMON-SERVICES-0031 ${text}`)
    out.push(`${date} integration-daemon Exception INTEGRATION-DAEMON-SERVICES-0031 Supplementary information: log record id 3f2c9a10-5b7e-4c1d-9e8f-0a1b2c3d4e5f org.odpi.openmetadata.frameworks.connectors.ffdc.InvalidParameterException returned message of OMAG-MULTI-TENANT-404-001 The OMAG Server active-metadata-store is not available and stacktrace of `)
    out.push(`org.odpi.openmetadata.frameworks.connectors.ffdc.InvalidParameterException{reportedHTTPCode=404, reportedErrorMessageId='OMAG-MULTI-TENANT-404-001'}`)
    for (let frame = 0; frame < 12; frame++) out.push(`\tat org.odpi.openmetadata.commonservices.ffdc.RESTExceptionHandler.detectAndThrow${frame}(RESTExceptionHandler.java:${100 + frame})`)
    out.push('\t... 61 more')
    out.push(`${date} integration-daemon Startup INTEGRATION-DAEMON-SERVICES-0008 A new integration connector named ${name} is initializing in integration group Egeria:IntegrationGroup:Files running in integration daemon integration-daemon, permitted synchronization is: FROM_THIRD_PARTY`)
  }
  return `${out.join('\n')}\n`
}

async function generate(path: string): Promise<number> {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 })
  let written = 0
  let cycle = 0
  let ms = Date.UTC(2025, 10, 22, 18, 0, 0)
  while (written < targetBytes) {
    const text = block(ms, cycle++)
    ms += 60_000
    written += Buffer.byteLength(text)
    if (!out.write(text)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
  return written
}

const dir = await mkdtemp(join(tmpdir(), 'dd-bench-'))
const path = join(dir, 'console.log')
try {
  await generate(path)
  const bytes = statSync(path).size
  let peakRss = process.memoryUsage.rss()
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss())
  }, 20)
  const rssBefore = process.memoryUsage.rss()
  const cpuBefore = process.cpuUsage()
  const started = process.hrtime.bigint()
  const report = await analyzeSources([await openInput(path, 0)])
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const cpu = process.cpuUsage(cpuBefore)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  clearInterval(sampler)
  peakRss = Math.max(peakRss, process.memoryUsage.rss())
  const mb = bytes / (1024 * 1024)
  console.log(`logs.bench: analysed ${mb.toFixed(0)} MB (${report.records} records, ${report.inputs[0]!.lines} lines, ${report.findings.length} findings) in ${seconds.toFixed(2)} s`)
  // On a shared machine wall time includes waiting for a core; CPU time shows the parser's own cost.
  console.log(`logs.bench: throughput ${(mb / seconds).toFixed(1)} MB/s wall, ${(mb / cpuSeconds).toFixed(1)} MB per CPU-second (target >= 100); load average ${loadavg()[0]!.toFixed(1)}`)
  console.log(`logs.bench: peak RSS ${(peakRss / 1048576).toFixed(0)} MB (target < 300; ${(rssBefore / 1048576).toFixed(0)} MB before analysis)`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
