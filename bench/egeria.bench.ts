/**
 * Daemon client speed: normalising a large 5.x+ status answer (2,000 connectors in 20 groups, JSON
 * parse included), and status round trips over real HTTP against the simulator's large-estate scenario.
 * Run: `node --import tsx bench/egeria.bench.ts`. Targets: normalise < 50 ms; status p95 < 100 ms on loopback.
 */
import { normaliseStatus } from '../src/main/services/egeria/normalise'
import { EgeriaClient } from '../src/main/services/egeria/client'
import { startSimulator } from '../src/main/simulator'

const GROUPS = 20
const PER_GROUP = 100
const reports = Array.from({ length: GROUPS * PER_GROUP }, (_, index) => ({
  connectorId: `id-${index}`,
  connectorName: `Connector${index}`,
  connectorStatus: index % 17 === 0 ? 'FAILED' : 'WAITING',
  lastStatusChange: '2026-06-28T10:00:00.000+00:00',
  lastRefreshTime: '2026-06-28T10:00:01.000+00:00',
  minMinutesBetweenRefresh: 60,
  ...(index % 17 === 0
    ? { failingExceptionMessage: `OMAG-MULTI-TENANT-404-001 The OMAG Server mds${index % 3} is not available to service a request from user npa` }
    : {})
}))
const body = JSON.stringify({
  class: 'IntegrationDaemonStatusResponse',
  relatedHTTPCode: 200,
  integrationDaemonStatus: {
    integrationGroupSummaries: Array.from({ length: GROUPS }, (_, group) => ({
      integrationGroupName: `Group${group}`,
      integrationGroupStatus: 'RUNNING',
      integrationConnectorReports: reports.slice(group * PER_GROUP, (group + 1) * PER_GROUP)
    })),
    integrationConnectorReports: reports
  }
})

const context = { server: 'bench', platformUrl: 'https://127.0.0.1', egeria: 5 as const }
for (let warm = 0; warm < 5; warm++) normaliseStatus(JSON.parse(body), context)
const runs = 30
const started = performance.now()
for (let run = 0; run < runs; run++) normaliseStatus(JSON.parse(body), context)
const normaliseMs = (performance.now() - started) / runs
console.log(`normalise ${reports.length} connectors (${(body.length / 1024).toFixed(0)} KiB JSON): ${normaliseMs.toFixed(1)} ms per status (target < 50 ms)`)

const sim = await startSimulator({ scenario: 'large-estate', egeria: 5, port: 0 })
const client = new EgeriaClient({ platformUrl: sim.url, server: sim.servers[0]!.name, userId: 'garygeeke', egeria: 'auto', tls: { mode: 'system' } })
const first = await client.status()
if (!first.ok) throw new Error(JSON.stringify(first.error))
const timings: number[] = []
for (let run = 0; run < 50; run++) {
  const callStarted = performance.now()
  const result = await client.status()
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  timings.push(performance.now() - callStarted)
}
timings.sort((a, b) => a - b)
const p50 = timings[Math.floor(timings.length / 2)]!
const p95 = timings[Math.floor(timings.length * 0.95)]!
console.log(`status round trip, large-estate (${first.value.counts.total} connectors, keep-alive): p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (target p95 < 100 ms)`)
await client.close()
await sim.close()
