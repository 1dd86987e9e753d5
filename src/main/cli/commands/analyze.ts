import type { Command } from 'commander'
import { UsageError } from '../program'

const FORMATS = ['text', 'json', 'markdown'] as const
type Format = (typeof FORMATS)[number]
export interface AnalyzeOptions {
  format: Format
  zone?: string
  timeline?: boolean
}

/** Options are declared here; the work is imported when the command runs, so `--help` loads none of it. */
export function registerAnalyzeCommand(program: Command): void {
  program
    .command('analyze')
    .description('Analyse Egeria audit logs (files, .gz, .omalrecord directories, or - for stdin) and explain the failures.')
    .argument('<inputs...>', 'log files, directories of .omalrecord files, or - for stdin')
    .option('--format <format>', 'text, json or markdown', parseFormat, 'text' as Format)
    .option('--zone <zone>', 'time zone of the log\'s clock times, overriding the printed one (GMT, +05:30, CST, Europe/Paris)')
    .option('--timeline', 'list every kept event of each connector (by default a summary: counts, first and last)')
    .action(async (inputs: string[], options: AnalyzeOptions) => (await import('./analyze-run')).runAnalyze(inputs, options))
}

function parseFormat(value: string): Format {
  if (!(FORMATS as readonly string[]).includes(value)) throw new UsageError(`--format must be text, json or markdown, not ${value}`)
  return value as Format
}
