/** The daemon commands end to end against the simulator (in-process, real HTTP). */
import { readFileSync, writeFileSync } from 'node:fs'

import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startSimulator, type RunningSimulator } from '../../simulator'
import { createProgram, runProgram } from '../program'
import { registerDaemonCommands } from './daemon'
import { tempDir } from '../../../../tests/temp-dir'

let sim: RunningSimulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
  process.exitCode = undefined
  vi.restoreAllMocks()
})

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true))
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true))
  process.exitCode = undefined
  const program = createProgram('0.0.0-test')
  registerDaemonCommands(program)
  try {
    const code = await runProgram(program, ['node', 'daemon-doctor', ...args])
    return { code, stdout, stderr }
  } finally {
    process.exitCode = undefined
    vi.restoreAllMocks()
  }
}

describe('daemon-doctor status, probe, restart, refresh', () => {
  it('status --format json prints the model and exits 1 when connectors have failed', async () => {
    sim = await startSimulator({ scenario: 'coco-pharma', egeria: 3, port: 0 })
    const { code, stdout } = await cli('status', '--url', sim.url, '--server', 'exchangeDL01', '--format', 'json')
    expect(code).toBe(1)
    const status = JSON.parse(stdout)
    expect(status).toMatchObject({ server: 'exchangeDL01', egeria: 3, fetchedAt: expect.any(String) })
    expect(status.connectors).toContainEqual(
      expect.objectContaining({
        name: 'OakDeneLandingAreaFilesMonitor',
        status: 'FAILED',
        service: 'files-integrator',
        lastStatusChange: expect.any(String),
        minMinutesBetweenRefresh: 10,
        failingMessageId: 'OMAG-MULTI-TENANT-404-001',
        source: 'metadata-server'
      })
    )
  })

  it('status of a healthy 6.x daemon over TLS with its CA file exits 0; verifying without it exits 2', async () => {
    sim = await startSimulator({ scenario: 'secured-quickstart', egeria: 6, port: 0, tls: true })
    await sim.tick()
    const caFile = join(tempDir('dd-cli-'), 'ca.pem')
    writeFileSync(caFile, sim.caCertificatePem!)
    process.env.DD_TEST_PASSWORD = 'secret'
    const base = ['--url', sim.url, '--server', 'qs-integration-daemon', '--password-env', 'DD_TEST_PASSWORD']
    const ok = await cli('status', ...base, '--ca', caFile)
    expect(ok.code).toBe(0)
    expect(ok.stdout).toContain('3 connector(s): 3 healthy, 0 failed')
    const refused = await cli('status', ...base)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/self-signed|unknown CA/)
    const insecure = await cli('status', ...base, '--insecure', '--egeria', '6')
    expect(insecure.code).toBe(0)
  })

  it('probe names the failing hop and exits 2', async () => {
    sim = await startSimulator({ scenario: 'coco-pharma', egeria: 4, port: 0 })
    const { code, stdout } = await cli('probe', '--url', sim.url, '--server', 'exchangeDL02')
    expect(code).toBe(2)
    expect(stdout).toContain('✗ Server running')
    expect(stdout.trim().split('\n').at(-1)).toContain('exchangeDL02')
  })

  it('restart needs --yes and one scope; the outcome decides the exit code and the journal records it', async () => {
    sim = await startSimulator({ scenario: 'coco-pharma', egeria: 5, port: 0, speed: 60 })
    const base = ['--url', sim.url, '--server', 'exchangeDL01', '--settle-timeout', '10']
    expect((await cli('restart', ...base, '--failed')).code).toBe(2)
    expect((await cli('restart', ...base, '--failed', '--all', '--yes')).code).toBe(2)
    sim.updateWorld({
      metadataServers: { cocoMDS1: { available: true } },
      resources: {
        'data/landing-area/hospitals/oak-dene/clinical-trials/drop-foot': { available: true },
        'data/landing-area/hospitals/old-market/clinical-trials/drop-foot': { available: true },
        'data/data-lake/research/clinical-trials/drop-foot/weekly-measurements': { available: true }
      }
    })
    const dataDir = tempDir('dd-cli-journal-')
    const one = await cli('restart', ...base, '--connector', 'OakDeneLandingAreaFilesMonitor', '--yes', '--format', 'json', '--data-dir', dataDir)
    expect(one.code).toBe(0)
    expect(JSON.parse(one.stdout)).toMatchObject({ success: true, connectors: [{ name: 'OakDeneLandingAreaFilesMonitor', outcome: 'recovered' }] })
    const several = await cli('restart', ...base, '--connector', 'OldMarketLandingAreaFilesMonitor', '--connector', 'DropFootClinicalTrialResultsFilesMonitor', '--yes', '--format', 'json', '--no-journal')
    expect(several.code).toBe(0)
    expect(JSON.parse(several.stdout)).toMatchObject({
      scope: { kind: 'connectors', names: ['OldMarketLandingAreaFilesMonitor', 'DropFootClinicalTrialResultsFilesMonitor'] },
      connectors: [{ outcome: 'recovered' }, { outcome: 'recovered' }]
    })
    const failed = await cli('restart', ...base, '--failed', '--yes', '--data-dir', dataDir)
    expect(failed.code).toBe(1)
    expect(failed.stdout).toContain('OakDeneLandingAreaDatabaseMonitor is still CONFIG_FAILED with the same error')
    const journal = readFileSync(join(dataDir, 'action-journal.jsonl'), 'utf8').trim().split('\n')
    expect(journal).toHaveLength(2)
    const refresh = await cli('refresh', ...base, '--service', 'files-integrator', '--yes', '--no-journal')
    expect(refresh.code).toBe(0)
    expect(refresh.stdout).toContain('Refresh of integration service files-integrator worked')
  })

  it('rejects bad options with exit 2', async () => {
    expect((await cli('status', '--url', 'localhost:9443', '--server', 'x')).code).toBe(2)
    expect((await cli('status', '--url', 'http://127.0.0.1:9', '--server', 'x', '--egeria', '7')).code).toBe(2)
    expect((await cli('status', '--url', 'http://127.0.0.1:9', '--server', 'x', '--password-env', 'DD_SURELY_UNSET_VAR')).code).toBe(2)
  })
})
