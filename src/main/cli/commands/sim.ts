import type { Command } from 'commander'
import type { EgeriaMajor } from '../../simulator'
import { builtInScenarioNames } from '../../simulator/scenario-files'
import { parsePort, UsageError } from '../program'

export interface SimOptions {
  scenario: string
  egeria: EgeriaMajor
  port: number
  tls?: boolean
  auditLog?: string
  auditJson?: string
  speed: number
  certOut?: string
}

export function registerSimCommand(program: Command): void {
  program
    .command('sim')
    .description('Run a simulated Egeria integration daemon (platform, REST API, audit log) on 127.0.0.1 until Ctrl+C.')
    .option('--scenario <name|file>', `built-in scenario (${safeScenarioList()}) or a scenario JSON file`, 'coco-pharma')
    .option('--egeria <major>', 'Egeria release to imitate: 3 (3.4), 4 (4.3), 5 (5.3) or 6 (6.0)', parseMajor, 3)
    .option('--port <number>', 'port to listen on (default: any free port)', parsePort, 0)
    .option('--tls', 'serve HTTPS with a generated self-signed certificate')
    .option('--audit-log <file>', 'append the console-format audit log to this file')
    .option('--audit-json <dir>', 'also write one JSON .omalrecord file per audit record to this folder')
    .option('--cert-out <file>', 'with --tls: write the generated certificate (PEM) here, to trust it in a client')
    .option('--speed <factor>', 'simulated time runs this many times faster (e.g. 60: a 10-minute refresh every 10 s)', parseSpeed, 1)
    .action(async (options: SimOptions) => (await import('./sim-run')).runSim(options))
}

function safeScenarioList(): string {
  try {
    return builtInScenarioNames().join(', ')
  } catch {
    return 'coco-pharma, …'
  }
}

function parseMajor(value: string): EgeriaMajor {
  if (value === '3' || value === '4' || value === '5' || value === '6') return Number(value) as EgeriaMajor
  throw new UsageError(`--egeria must be 3, 4, 5 or 6, not ${value}`)
}

function parseSpeed(value: string): number {
  const speed = Number(value)
  if (!Number.isFinite(speed) || speed <= 0 || speed > 1_000_000) throw new UsageError(`--speed must be a number above 0 (up to 1000000), not ${value}`)
  return speed
}
