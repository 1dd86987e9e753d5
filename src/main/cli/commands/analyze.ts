import type { Command } from 'commander'
import { UsageError } from '../program'
import type { SourceOptions } from './analyze-sources'

const FORMATS = ['text', 'json', 'markdown'] as const
type Format = (typeof FORMATS)[number]
export interface AnalyzeCommandOptions extends SourceOptions {
  format: Format
  zone?: string
  timeline?: boolean
}

/** Options are declared here; the work is imported when the command runs, so `--help` loads none of it. */
export function registerAnalyzeCommand(program: Command): void {
  program
    .command('analyze')
    .description('Analyse Egeria audit logs (files, .gz, .omalrecord directories, - for stdin, a PostgreSQL audit log destination or an audit topic) and explain the failures.')
    .argument('[inputs...]', 'log files, directories of .omalrecord files, or - for stdin')
    .option('--format <format>', 'text, json or markdown', parseFormat, 'text' as Format)
    .option('--zone <zone>', 'time zone of the log\'s clock times, overriding the printed one (GMT, +05:30, CST, Europe/Paris)')
    .option('--timeline', 'list every kept event of each connector (by default a summary: counts, first and last)')
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
    .action(async (inputs: string[], options: AnalyzeCommandOptions) => (await import('./analyze-run')).runAnalyze(inputs, options))
}

function parseFormat(value: string): Format {
  if (!(FORMATS as readonly string[]).includes(value)) throw new UsageError(`--format must be text, json or markdown, not ${value}`)
  return value as Format
}
