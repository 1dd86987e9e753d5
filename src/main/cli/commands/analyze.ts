import type { Command } from 'commander'
import { stat } from 'node:fs/promises'
import { analyzeSources } from '../../services/audit/analyze'
import { timeZone, ZONE_HINT } from '../../services/audit/java-time'
import { openInput, streamSource, type RecordSource } from '../../services/audit/log-reader'
import { formatMarkdown, formatText } from '../../services/audit/report-format'
import { UsageError } from '../program'
import type { SourceOptions } from './analyze-sources'

const FORMATS = ['text', 'json', 'markdown'] as const
const PROGRESS_MIN_BYTES = 32 * 1024 * 1024
type Format = (typeof FORMATS)[number]

export function registerAnalyzeCommand(program: Command): void {
  program
    .command('analyze')
    .description('Analyse Egeria audit logs (files, .gz, .omalrecord directories, - for stdin, a PostgreSQL audit log destination or an audit topic) and explain the failures.')
    .argument('[inputs...]', 'log files, directories of .omalrecord files, or - for stdin')
    .option('--format <format>', 'text, json or markdown', parseFormat, 'text' as Format)
    .option('--zone <zone>', 'time zone of the log\'s clock times, overriding the printed one (GMT, +05:30, CST, Europe/Paris)')
    .option('--postgres <url>', 'read Egeria\'s PostgreSQL audit log destination: postgresql://user@host:port/database[?schema=…] (password in the URL or PGPASSWORD)')
    .option('--server <name>', 'with --postgres: only this server\'s records')
    .option('--since <time>', 'with --postgres: records from this ISO 8601 time or age (15m, 2h, 1d)')
    .option('--kafka <brokers>', 'read Egeria\'s audit event topic from these brokers (host:port,…)')
    .option('--topic <topic>', 'with --kafka: the topic, e.g. egeria.omag.<root>.ffdc.audit-logs')
    .option('--from <start>', 'with --kafka: an ISO 8601 time or age, earliest (default), latest or offset:N')
    .option('--tls <mode>', 'database or broker TLS: disable, verify or no-verify (default: verify, or disable for loopback databases and plain brokers)')
    .option('--ca <file>', 'PEM file of the CA that signed the database\'s or broker\'s certificate')
    .option('--sasl-user <user>', 'with --kafka: SASL user (password in KAFKA_PASSWORD)')
    .option('--sasl-mechanism <mechanism>', 'with --sasl-user: PLAIN (default), SCRAM-SHA-256 or SCRAM-SHA-512')
    .action(async (inputs: string[], options: { format: Format; zone?: string } & SourceOptions) => {
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
      const output = options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : options.format === 'markdown' ? formatMarkdown(report) : formatText(report)
      process.stdout.write(output)
    })
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

function parseFormat(value: string): Format {
  if (!(FORMATS as readonly string[]).includes(value)) throw new UsageError(`--format must be text, json or markdown, not ${value}`)
  return value as Format
}
