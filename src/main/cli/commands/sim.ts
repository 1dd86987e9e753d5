import type { Command } from 'commander'
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { builtInScenarioNames, startSimulator, type EgeriaMajor, type RunningSimulator } from '../../simulator'
import { UsageError } from '../program'

interface SimOptions {
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
    .action(async (options: SimOptions) => {
      let sim: RunningSimulator
      try {
        sim = await startSimulator({
          scenario: options.scenario,
          egeria: options.egeria,
          port: options.port,
          tls: options.tls,
          auditLogFile: options.auditLog ? resolve(options.auditLog) : undefined,
          auditJsonDir: options.auditJson ? resolve(options.auditJson) : undefined,
          speed: options.speed
        })
      } catch (error) {
        throw new UsageError((error as Error).message)
      }
      if (options.certOut && sim.caCertificatePem) writeFileSync(resolve(options.certOut), sim.caCertificatePem)
      process.stdout.write(describe(sim, options))
      await new Promise<void>((done) => {
        const stop = (): void => done()
        process.once('SIGINT', stop)
        process.once('SIGTERM', stop)
      })
      await sim.close()
    })
}

function describe(sim: RunningSimulator, options: SimOptions): string {
  const lines = [
    `Simulated Egeria ${sim.egeria.label} platform (scenario ${sim.scenario}) listening at ${sim.url}`,
    sim.caCertificatePem
      ? `TLS: self-signed certificate for localhost / 127.0.0.1 (${options.certOut ? `PEM in ${resolve(options.certOut)}` : 'turn verification off, or trust it via --cert-out'})`
      : '',
    'Servers:',
    ...sim.servers.map((server) => `  ${server.name} (${server.serverType})${server.daemonURL ? `  ${server.daemonURL}` : ''}`),
    sim.egeria.major >= 6
      ? `Users (POST ${sim.url}/api/token with {"userId","password"}; send Authorization: Bearer <token>):`
      : 'Users (any userId works in /users/{userId}; these are the scenario\'s):',
    ...sim.users.map((user) => `  ${user.userId}${sim.egeria.major >= 6 ? ` / ${user.password}` : ''}`),
    `Change the world: GET/POST ${sim.url}/_sim/world  e.g. {"metadataServers":{"<name>":{"available":true}}}`,
    options.auditLog ? `Audit log: ${resolve(options.auditLog)}` : '',
    options.speed !== 1 ? `Simulated time runs ${options.speed}x faster than real time.` : '',
    'Press Ctrl+C to stop.'
  ]
  return `${lines.filter((line) => line.length > 0).join('\n')}\n`
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

function parsePort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535, not ${value}`)
  return port
}

function parseSpeed(value: string): number {
  const speed = Number(value)
  if (!Number.isFinite(speed) || speed <= 0 || speed > 1_000_000) throw new UsageError(`--speed must be a number above 0 (up to 1000000), not ${value}`)
  return speed
}
