/** The work of `sim`, loaded only when the command runs (see sim.ts for its options). */
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { startSimulator, type RunningSimulator } from '../../simulator'
import { UsageError } from '../program'
import type { SimOptions } from './sim'

export async function runSim(options: SimOptions): Promise<void> {
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
