/**
 * One measured read, in its own process so `/usr/bin/time -v` gives its peak memory: analyses a
 * PostgreSQL destination or an audit topic as the CLI does and prints one JSON line of timings.
 * With FIRST_PAGE_ONLY set, it stops after the first batch (the viewer's first page).
 * Usage: read-source.ts postgres URL [server] [sinceIso]  |  read-source.ts kafka BROKERS TOPIC [offset]
 */
import { analyzeSources } from '../../src/main/services/audit/analyze'
import { openKafkaSource } from '../../src/main/services/audit/kafka-source'
import type { RecordSource } from '../../src/main/services/audit/log-reader'
import { openPostgresSource, parsePostgresUrl } from '../../src/main/services/audit/postgres-source'

const [kind, where, third, fourth] = process.argv.slice(2)
const started = performance.now()
let source: RecordSource
if (kind === 'postgres') {
  source = await openPostgresSource(parsePostgresUrl(where!), 0, { ...(third ? { server: third } : {}), ...(fourth ? { since: fourth } : {}), statementTimeoutMs: 600_000 })
} else {
  source = await openKafkaSource({ brokers: [where!], topic: third!, tls: 'disable' }, 0, { start: fourth ? { offset: Number(fourth) } : { position: 'earliest' } })
}
const opened = performance.now()
if (process.env.FIRST_PAGE_ONLY) {
  // The viewer's first page: the first batch the source yields, nothing more.
  const first = await source.read().next()
  const firstPageMs = Math.round(performance.now() - started)
  await source.close?.()
  console.log(JSON.stringify({ openMs: Math.round(opened - started), firstPageMs, totalMs: firstPageMs, records: first.done ? 0 : first.value.length, causes: 0, findings: 0 }))
  process.exit(0)
}
let firstPageMs: number | undefined
let records = 0
const report = await analyzeSources([source], {
  onRecord: () => {
    records++
    firstPageMs ??= performance.now() - started
  }
})
const done = performance.now()
await source.close?.()
console.log(JSON.stringify({ openMs: Math.round(opened - started), firstPageMs: Math.round(firstPageMs ?? 0), totalMs: Math.round(done - started), records, causes: report.causes.length, findings: report.findings.length }))
