/**
 * Log analysis against lnav, on every shape in bench/log-shapes.ts: for each shape a log of BENCH_LOG_MB
 * megabytes (default 1024; a list such as `100,2048` runs each size, to show memory staying flat) is generated, then `daemon-doctor analyze --format json` (the built CLI, as a
 * user runs it) and Debian's lnav (indexing the same input headless, then one query) each read it three
 * times, in turn, under /usr/bin/time -v. Prints, per shape, the median wall time as MB/s, our time over lnav's,
 * and our median peak RSS. Targets (issue 13): ratio <= 1.0, peak RSS <= 150 MB. A run longer than
 * BENCH_TOOL_TIMEOUT_S seconds (default 600) is stopped and shown as a bound ("<").
 * Run: `npm run bench -- --only logs --size 100` (or `--size 100,2048`), or `node --import tsx bench/logs.bench.ts`.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { ensureBuilt, root } from '../scripts/ensure-built.mjs'
import { counted } from '../src/shared/counted'
import { SHAPES, writeConsoleShape, writeJsonRecords, type Shape } from './log-shapes'

/** Sizes to generate, e.g. `100,2048` to show that memory stays flat as the log grows. */
const sizes = String(process.env.BENCH_LOG_MB ?? 1024)
  .split(',')
  .map(Number)
  .filter((size) => size > 0)
const RUNS = 3
const TIME = '/usr/bin/time'
/** A run that takes longer is stopped and reported as slower than this (lnav on a folder of a million files). */
const LIMIT_SECONDS = Number(process.env.BENCH_TOOL_TIMEOUT_S ?? 600)

interface Measure {
  seconds: number
  rssMb: number
  /** The fastest and slowest of the runs, and the least and most memory: runs on a shared VM differ by a few per cent. */
  spread?: string
}

function requireTools(): boolean {
  if (!existsSync(TIME)) {
    console.error('logs.bench: /usr/bin/time is missing; install it with `sudo apt-get install time`.')
    process.exit(1)
  }
  if (spawnSync('lnav', ['-V'], { encoding: 'utf8' }).status === 0) return true
  console.log('logs.bench: lnav is missing; installing Debian\'s lnav with apt-get…')
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'lnav'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  if (install.status === 0 && spawnSync('lnav', ['-V']).status === 0) return true
  console.log('logs.bench: could not install lnav (run `sudo apt-get install lnav`); measuring Daemon Doctor alone.')
  return false
}

/** Runs a command under /usr/bin/time -v, output discarded; wall time and peak RSS from time's report. */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv, check: (stdout: string) => string | undefined): Measure {
  // coreutils' timeout stops the tool itself (killing /usr/bin/time would leave it running).
  const run = spawnSync(TIME, ['-v', 'timeout', String(LIMIT_SECONDS), command, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 30 })
  if (run.status === 124) throw new Error(`timed out after ${LIMIT_SECONDS} s`)
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(run.stderr)
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)
  const problem = run.status !== 0 ? `exit ${run.status}: ${run.stderr.slice(0, 400)}` : check(run.stdout)
  if (problem || !wall || !rss) throw new Error(`${command} ${args.join(' ')} failed: ${problem ?? 'no /usr/bin/time report'}`)
  return { seconds: Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]), rssMb: Number(rss[1]) / 1024 }
}

/** The measure, or why it could not be taken (lnav cannot open more files than the open-file limit, for one). */
function attempt(measure: () => Measure): Measure | string {
  try {
    return measure()
  } catch (error) {
    failures++
    const message = (error as Error).message
    return /Too many open files/.test(message) ? 'too many open files' : message.split('\n')[0]!.slice(0, 160)
  }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/**
 * Each tool's runs taken in turn (ours, lnav, ours, ...), so that a slow spell of the shared VM falls on
 * both alike; a tool whose run fails (a timeout) is not run again, and shows why.
 */
function sideBySide(tools: (() => Measure)[]): (Measure | string)[] {
  const runs: Measure[][] = tools.map(() => [])
  const failed: (string | undefined)[] = tools.map(() => undefined)
  for (let run = 0; run < RUNS; run++) {
    tools.forEach((tool, index) => {
      if (failed[index] !== undefined) return
      const measure = attempt(tool)
      if (typeof measure === 'string') failed[index] = measure
      else runs[index]!.push(measure)
    })
  }
  return tools.map((_, index) => failed[index] ?? medianOf(runs[index]!))
}

function medianOf(runs: Measure[]): Measure {
  const seconds = runs.map((run) => run.seconds)
  const rss = runs.map((run) => run.rssMb)
  const spread = `runs ${Math.min(...seconds).toFixed(2)}–${Math.max(...seconds).toFixed(2)} s, ${Math.min(...rss).toFixed(0)}–${Math.max(...rss).toFixed(0)} MB`
  return { seconds: median(seconds), rssMb: median(rss), spread }
}

async function generate(shape: Shape, dir: string, megabytes: number): Promise<{ path: string; bytes: number }> {
  const bytes = megabytes * 1024 * 1024
  if (shape === 'json-records') {
    const path = join(dir, 'records')
    return { path, bytes: writeJsonRecords(path, bytes) }
  }
  const path = join(dir, `${shape}.log`)
  await writeConsoleShape(shape, path, bytes)
  return { path, bytes: statSync(path).size }
}

ensureBuilt()
const withLnav = requireTools()
const work = mkdtempSync(join(tmpdir(), 'dd-bench-logs-'))
// lnav keeps its settings and index state under HOME; a throwaway one leaves the user's untouched.
const lnavHome = join(work, 'lnav-home')
mkdirSync(lnavHome)
const lnavEnv = { ...process.env, HOME: lnavHome, XDG_CONFIG_HOME: join(lnavHome, '.config') }
const cli = join(root, 'bin/daemon-doctor.mjs')
const rows: string[][] = []
let failures = 0
console.log(`logs.bench: ${sizes.join(', ')} MB per shape, median of ${RUNS}, ${process.env.BENCH_ONLY_SHAPES ?? 'all shapes'}; load average ${loadavg()[0]!.toFixed(1)}`)
try {
  const shapes = process.env.BENCH_ONLY_SHAPES ? SHAPES.filter((shape) => process.env.BENCH_ONLY_SHAPES!.split(',').includes(shape)) : SHAPES
  for (const shape of shapes) for (const megabytes of sizes) {
    const dir = join(work, `${shape}-${megabytes}`)
    mkdirSync(dir)
    const { path, bytes } = await generate(shape, dir, megabytes)
    // The fresh log written out to disk first: the kernel's writing it back would otherwise slow whichever run it falls in.
    spawnSync('sync')
    const mb = bytes / 1048576
    let records = ''
    let lnavLines = ''
    const analyze = (): Measure =>
      timed(process.execPath, [cli, 'analyze', '--format', 'json', path], process.env, (stdout) => {
        const report = JSON.parse(stdout) as { records: number; unparsedLines: number; findings: unknown[] }
        records = `${report.records} records, ${report.unparsedLines} unparsed lines, ${report.findings.length} findings`
        return undefined
      })
    // lnav indexes every file before it runs a command; the line count proves it read them all.
    const index = (): Measure =>
      timed('lnav', ['-n', '-c', ';SELECT count(*) AS files, sum(lines) AS lines FROM lnav_file', path], lnavEnv, (stdout) => {
        lnavLines = /(\d+)\s+(\d+)\s*$/.exec(stdout.trim())?.[2] ?? ''
        return lnavLines ? undefined : `no answer: ${stdout.slice(0, 200)}`
      })
    const [ours, theirs = 'lnav is not installed'] = sideBySide(withLnav ? [analyze, index] : [analyze])
    const files = shape === 'json-records' ? `, ${readdirSync(path).length} files` : ''
    const said = (measure: Measure | string, detail: string): string => (typeof measure === 'string' ? `failed (${measure})` : `${measure.seconds.toFixed(2)} s (${measure.spread}; ${detail})`)
    console.log(`logs.bench: ${shape}: ${mb.toFixed(0)} MB${files}; ours ${said(ours, records)}; lnav ${said(theirs, `${lnavLines} lines indexed`)}`)
    // A timed-out run still bounds the figures: slower than the limit.
    const seconds = (measure: Measure | string): number | undefined =>
      typeof measure !== 'string' ? measure.seconds : measure.startsWith('timed out') ? LIMIT_SECONDS : undefined
    const bound = (measure: Measure | string): string => (typeof measure === 'string' ? '<' : '')
    const rate = (measure: Measure | string): string => {
      const taken = seconds(measure)
      return taken === undefined ? 'n/a' : `${bound(measure)}${(mb / taken).toFixed(1)}`
    }
    const ourSeconds = seconds(ours)
    const theirSeconds = seconds(theirs)
    rows.push([
      shape,
      mb.toFixed(0),
      rate(ours),
      rate(theirs),
      ourSeconds === undefined || theirSeconds === undefined || typeof ours === 'string' ? 'n/a' : `${bound(theirs)}${(ourSeconds / theirSeconds).toFixed(2)}`,
      typeof ours === 'string' ? 'n/a' : ours.rssMb.toFixed(0),
      typeof theirs === 'string' ? 'n/a' : theirs.rssMb.toFixed(0)
    ])
    rmSync(dir, { recursive: true, force: true })
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
const head = ['shape', 'MB', 'ours MB/s', 'lnav MB/s', 'time ratio (ours/lnav)', 'our peak RSS MB', 'lnav peak RSS MB']
const widths = head.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)))
const line = (cells: string[]): string => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`
console.log(['', line(head), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n'))
if (failures > 0) console.log(`logs.bench: ${counted(failures, 'measurement')} failed; see the lines above.`)
