/**
 * Simulator throughput on the large estate (320 connectors): start-up time, status payload size and latency over
 * real HTTP. Run with `node --import tsx bench/simulator.bench.ts`.
 */
import { ManualClock, startSimulator } from '../src/main/simulator'

const clock = new ManualClock(Date.parse('2025-01-01T00:00:00.000Z'))
for (const egeria of [3, 5, 6] as const) {
  const began = performance.now()
  const sim = await startSimulator({ scenario: 'large-estate', egeria, clock, speed: 1_000_000 })
  await sim.tick()
  const startup = performance.now() - began
  const headers: Record<string, string> = {}
  if (egeria === 6) {
    const token = await (await fetch(`${sim.url}/api/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"userId":"garygeeke","password":"secret"}' })).text()
    headers.Authorization = `Bearer ${token}`
  }
  const statusURL = `${sim.servers[0]!.daemonURL}/status`
  const rounds = 100
  let bytes = 0
  const timed = performance.now()
  for (let round = 0; round < rounds; round++) bytes = (await (await fetch(statusURL, { headers })).text()).length
  const perRequest = (performance.now() - timed) / rounds
  const refreshStart = performance.now()
  await fetch(`${sim.servers[0]!.daemonURL}/integration-connectors/refresh`.replace('/integration-connectors/', egeria === 3 ? '/' : '/integration-connectors/'), { method: 'POST', headers })
  const refreshAll = performance.now() - refreshStart
  console.log(
    `egeria ${sim.egeria.label}: start-up+first refresh ${startup.toFixed(0)} ms, status ${(bytes / 1024).toFixed(0)} KiB in ${perRequest.toFixed(1)} ms/request, refresh-all ${refreshAll.toFixed(0)} ms, rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`
  )
  await sim.close()
}
