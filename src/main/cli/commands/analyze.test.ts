import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'

import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { writeConsoleShape } from '../../../../bench/log-shapes'
import { analyzeSources } from '../../services/audit/analyze'
import { analyzeFilesOnThread } from '../../services/audit/analysis-thread'
import type * as AnalysisThread from '../../services/audit/analysis-thread'
import { timeZone } from '../../services/audit/java-time'
import { openInput } from '../../services/audit/log-reader'
import { formatJson } from '../../services/audit/report-format'
import { registerAnalyzeCommand } from './analyze'
import { runCommand } from '../../../../tests/support/cli'
import { tempDir } from '../../../../tests/temp-dir'

// The real analysing thread, watched: which runs take it.
vi.mock('../../services/audit/analysis-thread', async (importOriginal) => {
  const actual = await importOriginal<typeof AnalysisThread>()
  return { ...actual, analyzeFilesOnThread: vi.fn(actual.analyzeFilesOnThread) }
})

const seed = fileURLToPath(new URL('../../../../tests/fixtures/audit/seed-2021-startup.console.txt', import.meta.url))
const tmp = tempDir('dd-cli-')
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

let stdout = ''
let stderr = ''
beforeEach(() => {
  stdout = ''
  stderr = ''
})

/** Runs `analyze`; what it prints is added to `stdout` and `stderr`. */
async function run(...args: string[]): Promise<number> {
  const result = await runCommand(registerAnalyzeCommand, ['analyze', ...args])
  stdout += result.stdout
  stderr += result.stderr
  return result.code
}

describe('daemon-doctor analyze', () => {
  it('prints the JSON report of the guide\'s start-up with the documented shape', async () => {
    expect(await run(seed, '--format', 'json')).toBe(0)
    const report = JSON.parse(stdout)
    expect(report).toMatchObject({ records: 28, unparsedLines: 0, servers: ['exchangeDL01'], inputs: [{ path: seed, format: 'console', lines: 28, records: 28 }] })
    expect(report.connectors[0]).toMatchObject({ name: 'OakDeneLandingAreaFilesMonitor', service: 'files-integrator', state: 'failed' })
    expect(report.findings[0]).toMatchObject({
      connector: 'OakDeneLandingAreaFilesMonitor', server: 'exchangeDL01', source: 'metadata-server', subject: 'cocoMDS1',
      rootMessageId: 'OMAG-MULTI-TENANT-404-001', messageIds: ['INTEGRATION-DAEMON-SERVICES-0031', 'OMAG-MULTI-TENANT-404-001'],
      evidence: [{ input: 0, line: 11 }], firstSeen: '2021-02-02T20:57:50Z', lastSeen: '2021-02-02T20:57:50Z', occurrences: 1
    })
    for (const finding of report.findings) expect(Object.keys(finding)).toEqual(expect.arrayContaining(['id', 'summary', 'action']))
    expect(report.causes.map((cause: { source: string; subject: string; connectors: string[]; findings: string[] }) => [cause.source, cause.subject, cause.connectors.length, cause.findings.length])).toEqual([
      ['metadata-server', 'cocoMDS1', 3, 3],
      ['connector', 'OakDeneLandingAreaDatabaseMonitor', 1, 1]
    ])
  })

  it('prints readable text and shareable markdown', async () => {
    expect(await run(seed)).toBe(0)
    expect(stdout.split('\n')[0]).toBe('Analysed 28 records (28 audit, 0 unparsed lines) from 1 input.')
    expect(stdout).toContain('metadata server cocoMDS1 unavailable: 3 connectors')
    expect(stdout).toContain('  failed            OakDeneLandingAreaFilesMonitor (files-integrator) on exchangeDL01: 1 failure, 1 refresh\n')
    expect(stdout).toContain('                    3 events: 1 initializing, 1 failure, 1 refresh; first 2021-02-02T20:57:50Z\n')
    expect(stdout).toContain('failed            OakDeneLandingAreaDatabaseMonitor (database-integrator)')
    stdout = ''
    expect(await run(seed, '--format', 'markdown')).toBe(0)
    expect(stdout).toMatch(/^# Daemon Doctor: audit log analysis/)
    expect(stdout).toContain('\n28 records (28 audit, 0 unparsed lines); servers: exchangeDL01.\n')
    expect(stdout).toContain('| OakDeneLandingAreaDatabaseMonitor | connector | OakDeneLandingAreaDatabaseMonitor | `OMIS-DATABASE-INTEGRATOR-400-001` |')
  })

  it('summarises each connector\'s timeline so the report follows the findings, not the log\'s length; --timeline lists the events', async () => {
    expect(await run(seed, '--format', 'json')).toBe(0)
    const small = stdout
    const connector = JSON.parse(small).connectors[0]
    expect(connector.events).toBeUndefined()
    expect(connector.timelineSummary).toMatchObject({ events: 3, keptByKind: { initializing: 1, failure: 1, refresh: 1 }, first: { kind: 'initializing', time: '2021-02-02T20:57:50Z' } })
    const repeated = join(tmp, 'repeated.log')
    writeFileSync(repeated, readFileSync(seed, 'utf8').repeat(300))
    stdout = ''
    expect(await run(repeated, '--format', 'json')).toBe(0)
    const big = stdout
    expect(JSON.parse(big).connectors[0].timelineSummary.events).toBe(900)
    expect(big.length).toBeLessThan(small.length * 1.3)
    stdout = ''
    expect(await run(repeated, '--format', 'json', '--timeline')).toBe(0)
    const detailed = JSON.parse(stdout).connectors[0]
    expect(detailed.events.length + detailed.omittedEvents).toBe(900)
    stdout = ''
    expect(await run(repeated)).toBe(0)
    expect(stdout.split('\n')[0]).toBe('Analysed 8400 records (8400 audit, 0 unparsed lines) from 1 input.')
    expect(stdout).toContain(': 300 failures, 300 refreshes\n')
    expect(stdout).toContain('                    900 events: 34 refreshes, 33 restarts, 33 failures (latest kept); first 2021-02-02T20:57:50Z\n')
    stdout = ''
    expect(await run(seed, '--format', 'markdown', '--timeline')).toBe(0)
    expect(stdout).toContain('### OakDeneLandingAreaFilesMonitor')
    expect(stdout).toMatch(/- 2021-02-02T20:57:50Z failure INTEGRATION-DAEMON-SERVICES-0031 \(line \d+\)/)
  })

  it('analyses files of 64 MB or more on a thread of its own, printing the report it would make on this one', async () => {
    const large = join(tmp, 'large.log')
    await writeConsoleShape('spring-interleaved', large, 64 << 20)
    vi.mocked(analyzeFilesOnThread).mockClear()
    expect(await run(seed, '--format', 'json')).toBe(0)
    expect(analyzeFilesOnThread).not.toHaveBeenCalled()
    stdout = ''
    expect(await run(large, '--format', 'json', '--zone', 'GMT')).toBe(0)
    expect(analyzeFilesOnThread).toHaveBeenCalledWith([large], 'GMT', undefined)
    expect(JSON.parse(stdout)).toEqual(JSON.parse(formatJson(await analyzeSources([await openInput(large, 0, { zone: timeZone('GMT') })]))))
  }, 60_000)

  it('applies --zone to console times', async () => {
    expect(await run(seed, '--format', 'json', '--zone', '+01:00')).toBe(0)
    expect(JSON.parse(stdout).findings[0].firstSeen).toBe('2021-02-02T19:57:50Z')
  })

  it('says how it read a log: a zone it does not know read as UTC, a wrapping taken off; --zone leaves nothing to say', async () => {
    const path = join(tmp, 'unknown-zone.log')
    writeFileSync(path, readFileSync(seed, 'utf8').replaceAll(' GMT ', ' XYZT ').split('\n').map((line) => `> ${line}`).join('\n'))
    expect(await run(path)).toBe(0)
    expect(stdout.split('\n').filter((line) => line.startsWith('Note: '))).toEqual([
      'Note: Every line was quoted with "> ": read without the quote.',
      "Note: The zone XYZT is not one Daemon Doctor knows: its times are read as UTC (the command line's --zone gives the true one)."
    ])
    stdout = ''
    expect(await run(path, '--format', 'json', '--zone', '+01:00')).toBe(0)
    const report = JSON.parse(stdout)
    expect(report.inputs[0].notes).toEqual(['Every line was quoted with "> ": read without the quote.'])
    expect(report.findings[0].firstSeen).toBe('2021-02-02T19:57:50Z')
  })

  it('exits 2 with a one-line reason for unreadable input or bad usage', async () => {
    expect(await run(join(tmp, 'missing.log'))).toBe(2)
    expect(stderr).toMatch(/^daemon-doctor: cannot read .*missing\.log: ENOENT\n$/)
    stderr = ''
    expect(await run(seed, '--format', 'yaml')).toBe(2)
    expect(stderr).toContain('--format must be text, json or markdown')
    expect(await run(seed, '--zone', 'Mars/Olympus')).toBe(2)
    const corrupt = join(tmp, 'corrupt.gz')
    writeFileSync(corrupt, Buffer.from([0x1f, 0x8b, 1, 2, 3]))
    stderr = ''
    expect(await run(corrupt)).toBe(2)
    expect(stderr).toMatch(/^daemon-doctor: cannot read input: /)
  })

  it('reads stdin for - through the real bin', () => {
    const tsx = fileURLToPath(new URL('../../../../node_modules/.bin/tsx', import.meta.url))
    const index = fileURLToPath(new URL('../index.ts', import.meta.url))
    const out = execFileSync(tsx, [index, 'analyze', '-', '--format', 'json'], { input: readFileSync(seed) })
    expect(JSON.parse(out.toString()).findings).toHaveLength(4)
    const bad = spawnSync(tsx, [index, 'analyze'], { encoding: 'utf8' })
    expect(bad.status).toBe(2)
  })
})
