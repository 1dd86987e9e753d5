/** The work of `analyze`, loaded only when the command runs (see analyze.ts for its options). */
import { stat } from 'node:fs/promises'
import { analyzeSources } from '../../services/audit/analyze'
import { timeZone, ZONE_HINT } from '../../services/audit/java-time'
import { openInput, streamSource, type RecordSource } from '../../services/audit/log-reader'
import { formatJson, formatMarkdown, formatText } from '../../services/audit/report-format'
import { UsageError } from '../program'
import { terminalSafe } from '../terminal-text'
import type { AnalyzeCommandOptions } from './analyze'

const PROGRESS_MIN_BYTES = 32 * 1024 * 1024

export async function runAnalyze(inputs: string[], options: AnalyzeCommandOptions): Promise<void> {
  if (inputs.length === 0 && options.postgres === undefined && options.kafka === undefined) throw new UsageError('name log files, - for stdin, --postgres URL or --kafka BROKERS --topic TOPIC')
  const zone = options.zone === undefined ? undefined : timeZone(options.zone)
  if (options.zone !== undefined && zone === undefined) throw new UsageError(`--zone ${options.zone} is not a known time zone: ${ZONE_HINT}`)
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
  let report
  const stopProgress = showProgress(sources)
  try {
    report = await analyzeSources(sources)
  } catch (error) {
    throw new UsageError(`cannot read input: ${(error as Error).message}`)
  } finally {
    stopProgress()
    await closeSources(sources)
  }
  const output = options.format === 'json' ? formatJson(report, options) : options.format === 'markdown' ? formatMarkdown(report, options) : formatText(report, options)
  process.stdout.write(terminalSafe(output))
}

/** Large files take seconds: on a terminal, say how far the reading has got (on stderr, so output stays clean). */
function showProgress(sources: RecordSource[]): () => void {
  const files = sources.flatMap((source) => (source.progress ? [source.progress] : []))
  const total = files.reduce((sum, progress) => sum + progress().size, 0)
  if (!process.stderr.isTTY || total < PROGRESS_MIN_BYTES) return () => undefined
  const megabytes = (bytes: number): string => (bytes / 1048576).toFixed(0)
  const timer = setInterval(() => {
    const done = files.reduce((sum, progress) => sum + progress().bytesRead, 0)
    process.stderr.write(`\rReading ${megabytes(done)} of ${megabytes(total)} MB (${Math.floor((done / total) * 100)}%)…`)
  }, 250)
  return () => {
    clearInterval(timer)
    process.stderr.write('\r\x1b[K')
  }
}
