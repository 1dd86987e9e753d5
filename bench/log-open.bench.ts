/**
 * Opening a large log in the app (LogService, as both hosts run it): a heartbeat log of BENCH_LOG_MB
 * megabytes (default 1024) is opened with progress, while the event loop's delay is sampled: it is how
 * late the host answers any call meanwhile (Cancel, a page of records, a click's request). Then the
 * same log is opened again and cancelled at a quarter, timing how soon the opening stops.
 * Targets (issue 13): event-loop delay under 100 ms while reading; the causes when the reading ends.
 * Run: `npm run bench -- --only log-open --size 200`.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import type { LogOpenProgress } from '../src/shared/models/audit'
import { LogService } from '../src/main/services/audit/log-service'
import { counted } from '../src/shared/counted'
import { writeConsoleShape } from './log-shapes'

const megabytes = Number(process.env.BENCH_LOG_MB ?? 1024)
const dir = mkdtempSync(join(tmpdir(), 'dd-bench-open-'))
const ms = (nanoseconds: number): string => (nanoseconds / 1e6).toFixed(1)

try {
  const path = join(dir, 'heartbeat.log')
  await writeConsoleShape('heartbeat', path, megabytes * 1048576)
  const mb = statSync(path).size / 1048576
  let cancelAt: ((event: LogOpenProgress) => void) | undefined = undefined
  let progressEvents = 0
  const logs: LogService = new LogService({
    emit: (_namespace, event, payload) => {
      if (event !== 'progress') return
      progressEvents++
      cancelAt?.(payload as LogOpenProgress)
    }
  })
  let peakRss = process.memoryUsage.rss()
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50)
  const delay = monitorEventLoopDelay({ resolution: 10 })
  delay.enable()
  const started = performance.now()
  const session = await logs.open([path], undefined, 'bench-open')
  const seconds = (performance.now() - started) / 1000
  delay.disable()
  console.log(`log-open.bench: opened ${mb.toFixed(0)} MB in ${seconds.toFixed(2)} s (${(mb / seconds).toFixed(1)} MB/s wall), ${session.report.records} records, ${counted(session.report.causes.length, 'cause')}, ${progressEvents} progress events; load average ${loadavg()[0]!.toFixed(1)}`)
  console.log(`log-open.bench: event-loop delay while reading: p50 ${ms(delay.percentile(50))} ms, p99 ${ms(delay.percentile(99))} ms, max ${ms(delay.max)} ms (target: under 100 ms)`)
  logs.close(session.id)

  let cancelledAt = 0
  cancelAt = (event) => {
    if (cancelledAt === 0 && event.bytesRead >= event.totalBytes / 4) {
      cancelledAt = performance.now()
      logs.cancel(event.openId)
    }
  }
  const outcome = await logs.open([path], undefined, 'bench-cancel').then(
    () => 'finished',
    (error: Error) => error.message
  )
  console.log(`log-open.bench: cancelled at a quarter: "${outcome}" ${(performance.now() - cancelledAt).toFixed(1)} ms after the cancel`)
  clearInterval(sampler)
  console.log(`log-open.bench: peak RSS ${(Math.max(peakRss, process.memoryUsage.rss()) / 1048576).toFixed(0)} MB (the app keeps up to 1,000,000 records for browsing)`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
