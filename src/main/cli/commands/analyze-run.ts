/** The work of `analyze`, loaded only when the command runs (see analyze.ts for its options). */
import { stat } from 'node:fs/promises'
import type { AnalysisReport } from '../../../shared/models/audit'
import { analyzeSources } from '../../services/audit/analyze'
import { analyzeFilesOnThread, PROGRESS_MS } from '../../services/audit/analysis-thread'
import { timeZone, ZONE_HINT, type TimeZone } from '../../services/audit/java-time'
import { openInput, streamSource, type RecordSource } from '../../services/audit/log-reader'
import { formatJson, formatMarkdown, formatText } from '../../services/audit/report-format'
import { UsageError } from '../program'
import { terminalSafe } from '../terminal-text'
import type { AnalyzeCommandOptions } from './analyze'

const PROGRESS_MIN_BYTES = 32 * 1024 * 1024
/** Files this large are analysed on a thread of their own (analysis-thread.ts): starting it costs a few hundredths of a second. */
const THREAD_MIN_BYTES = 64 * 1024 * 1024

export async function runAnalyze(inputs: string[], options: AnalyzeCommandOptions): Promise<void> {
  if (inputs.length === 0 && options.postgres === undefined && options.kafka === undefined) throw new UsageError('name log files, - for stdin, --postgres URL or --kafka BROKERS --topic TOPIC')
  const zone = options.zone === undefined ? undefined : timeZone(options.zone)
  if (options.zone !== undefined && zone === undefined) throw new UsageError(`--zone ${options.zone} is not a known time zone: ${ZONE_HINT}`)
  const size = options.postgres === undefined && options.kafka === undefined ? await filesSize(inputs) : undefined
  const report = size !== undefined && size >= THREAD_MIN_BYTES ? await analyzeOnThread(inputs, options.zone, size) : await analyzeHere(inputs, options, zone)
  print(report, options)
}

async function analyzeOnThread(paths: string[], zone: string | undefined, size: number): Promise<AnalysisReport> {
  const progress = progressLine(size)
  try {
    return await analyzeFilesOnThread(paths, zone, progress.show)
  } catch (error) {
    throw unreadableInput(error)
  } finally {
    progress.stop()
  }
}

async function analyzeHere(inputs: string[], options: AnalyzeCommandOptions, zone: TimeZone | undefined): Promise<AnalysisReport> {
  const sources: RecordSource[] = []
  for (const [index, path] of inputs.entries()) {
    if (path === '-') {
      sources.push(streamSource('-', process.stdin, index, { zone }))
      continue
    }
    try {
      await stat(path)
      sources.push(await openInput(path, index, { zone }))
    } catch (error) {
      throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
    }
  }
  const { openSourcesOf, closeSources } = await import('./analyze-sources')
  sources.push(...(await openSourcesOf(options, sources.length)))
  const files = sources.flatMap((source) => (source.progress ? [source.progress] : []))
  const progress = progressLine(files.reduce((sum, read) => sum + read().size, 0))
  const timer = progress.show ? setInterval(() => progress.show!(files.reduce((sum, read) => sum + read().bytesRead, 0)), PROGRESS_MS) : undefined
  try {
    return await analyzeSources(sources)
  } catch (error) {
    throw unreadableInput(error)
  } finally {
    clearInterval(timer)
    progress.stop()
    await closeSources(sources)
  }
}

function unreadableInput(error: unknown): UsageError {
  return new UsageError(`cannot read input: ${(error as Error).message}`)
}

function print(report: AnalysisReport, options: AnalyzeCommandOptions): void {
  const output = options.format === 'json' ? formatJson(report, options) : options.format === 'markdown' ? formatMarkdown(report, options) : formatText(report, options)
  process.stdout.write(terminalSafe(output))
}

/**
 * The bytes of the inputs when all are regular files; undefined otherwise (stdin, a directory, a missing
 * path: those are read, or refused, on this thread).
 */
async function filesSize(paths: string[]): Promise<number | undefined> {
  if (paths.includes('-')) return undefined
  const infos = await Promise.all(paths.map((path) => stat(path).catch(() => undefined)))
  return infos.every((info) => info?.isFile()) ? infos.reduce((sum, info) => sum + info!.size, 0) : undefined
}

/**
 * Large files take seconds: on a terminal, a line that says how far the reading has got (on stderr, so
 * output stays clean). No `show` when there is nothing to show.
 */
function progressLine(total: number): { show?: (done: number) => void; stop: () => void } {
  if (!process.stderr.isTTY || total < PROGRESS_MIN_BYTES) return { stop: () => undefined }
  const megabytes = (bytes: number): string => (bytes / 1048576).toFixed(0)
  return {
    show: (done) => process.stderr.write(`\rReading ${megabytes(done)} of ${megabytes(total)} MB (${Math.floor((done / total) * 100)}%)…`),
    stop: () => process.stderr.write('\r\x1b[K')
  }
}
