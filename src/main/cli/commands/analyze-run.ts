/** The work of `analyze`, loaded only when the command runs (see analyze.ts for its options). */
import { stat } from 'node:fs/promises'
import type { AnalysisReport } from '../../../shared/models/audit'
import { analyzeSources } from '../../services/audit/analyze'
import { analyzeFilesOnThread, PROGRESS_MS } from '../../services/audit/analysis-thread'
import { timeZone, ZONE_HINT } from '../../services/audit/java-time'
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
  if (options.postgres === undefined && options.kafka === undefined && !inputs.includes('-')) {
    const sizes = await Promise.all(inputs.map(sizeOf))
    if (sizes.every((size) => size !== undefined) && sizes.reduce((sum, size) => sum + size, 0) >= THREAD_MIN_BYTES) {
      const progress = progressLine(sizes.reduce((sum, size) => sum + size, 0))
      try {
        print(await analyzeFilesOnThread(inputs, options.zone, progress.show), options)
      } catch (error) {
        throw new UsageError(`cannot read input: ${(error as Error).message}`)
      } finally {
        progress.stop()
      }
      return
    }
  }
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
  let report
  try {
    report = await analyzeSources(sources)
  } catch (error) {
    throw new UsageError(`cannot read input: ${(error as Error).message}`)
  } finally {
    clearInterval(timer)
    progress.stop()
    await closeSources(sources)
  }
  print(report, options)
}

function print(report: AnalysisReport, options: AnalyzeCommandOptions): void {
  const output = options.format === 'json' ? formatJson(report, options) : options.format === 'markdown' ? formatMarkdown(report, options) : formatText(report, options)
  process.stdout.write(terminalSafe(output))
}

/** The size of a regular file, or undefined (a directory, a missing path: those are read, or refused, on this thread). */
async function sizeOf(path: string): Promise<number | undefined> {
  const info = await stat(path).catch(() => undefined)
  return info?.isFile() ? info.size : undefined
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
