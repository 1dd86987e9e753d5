/** The daemon commands end to end against the simulator (in-process, real HTTP). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'

import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestServer, trickle, type TestServer } from '../../../../tests/support/test-server'
import { startSimulator, type RunningSimulator } from '../../simulator'
import { registerDaemonCommands } from './daemon'
import { runCommand, type CliRun } from '../../../../tests/support/cli'
import { tempDir } from '../../../../tests/temp-dir'
import { connector, statusOf } from '../../../../tests/support/coco-status'
import { statusText } from './daemon-run'

let sim: RunningSimulator | undefined
let hostile: TestServer | undefined
afterEach(async () => {
  await sim?.close()
  await hostile?.close()
  sim = hostile = undefined
})

const cli = (...args: string[]): Promise<CliRun> => runCommand(registerDaemonCommands, args)

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
    expect(ok.stdout).toContain('\n3 connectors: 3 healthy, 0 failed, 0 other\n')
    const refused = await cli('status', ...base)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/self-signed|unknown CA/)
    expect(ok.stderr).not.toContain('unencrypted')
    const plain = await cli('status', '--url', 'http://127.0.0.1:9', '--server', 'x', '--password-env', 'DD_TEST_PASSWORD', '--timeout', '1')
    expect(plain.stderr.split('\n')[0]).toBe('daemon-doctor: warning: 127.0.0.1:9: Over plain http://, an Egeria 6 login sends the password unencrypted: anyone on the network path could read it. Use https:// where the platform offers it.')
    const insecure = await cli('status', ...base, '--insecure', '--egeria', '6')
    expect(insecure.code).toBe(0)
  })

  it('status of a 6.x daemon with no connectors names its groups and exits 1', async () => {
    sim = await startSimulator({ scenario: 'coco-pharma', egeria: 6, port: 0 })
    process.env.DD_TEST_PASSWORD = 'secret'
    const { code, stdout } = await cli('status', '--url', sim.url, '--server', 'exchangeDL01', '--password-env', 'DD_TEST_PASSWORD')
    expect(code).toBe(1)
    expect(stdout).toContain('No connectors yet: no integration group has loaded its connectors from its metadata server')
    expect(stdout).toMatch(/\n {2}✗ Egeria:IntegrationGroup:Default +ASSIGNED +0 connectors\n/)
  })

  it('probe warns once about a password sent over plain http, in its TLS hop', async () => {
    sim = await startSimulator({ scenario: 'secured-quickstart', egeria: 6, port: 0 })
    process.env.DD_TEST_PASSWORD = 'secret'
    const { code, stdout, stderr } = await cli('probe', '--url', sim.url, '--server', 'qs-integration-daemon', '--password-env', 'DD_TEST_PASSWORD')
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(`${stdout}${stderr}`.match(/plain http/gi)).toHaveLength(1)
    expect(stdout).toContain('! TLS certificate                Over plain http://, an Egeria 6 login sends the password unencrypted: anyone on the network path could read it. Use https:// where the platform offers it.\n')
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

  it('reload-group asks a group to re-read its configuration: --yes and --group needed, journalled, verified', async () => {
    const group = 'Egeria:IntegrationGroup:Default'
    sim = await startSimulator({ scenario: 'coco-pharma', egeria: 6, port: 0, speed: 60 })
    process.env.DD_TEST_PASSWORD = 'secret'
    const base = ['--url', sim.url, '--server', 'exchangeDL01', '--password-env', 'DD_TEST_PASSWORD', '--settle-timeout', '10']
    const noYes = await cli('reload-group', ...base, '--group', group)
    expect(noYes.code).toBe(2)
    expect(noYes.stderr).toContain('daemon-doctor: reload-group changes the daemon: add --yes to confirm')
    const noGroup = await cli('reload-group', ...base, '--yes')
    expect(noGroup.code).toBe(2)
    expect(noGroup.stderr).toContain("required option '--group <name>' not specified")
    const unknown = await cli('reload-group', ...base, '--group', 'NoSuchGroup', '--yes', '--no-journal')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain(`The daemon runs no integration group NoSuchGroup (known: ${group})`)

    const dataDir = tempDir('dd-cli-journal-')
    const stillDown = await cli('reload-group', ...base, '--group', group, '--yes', '--data-dir', dataDir)
    expect(stillDown.code).toBe(1)
    expect(stillDown.stdout).toContain(`✓ re-read the configuration of group ${group}\n`)
    expect(stillDown.stdout).toContain(`The group ${group} re-read its configuration but has no connectors yet: is its metadata server running?`)
    sim.updateWorld({ metadataServers: { cocoMDS1: { available: true } } })
    const loaded = await cli('reload-group', ...base, '--group', group, '--yes', '--data-dir', dataDir, '--format', 'json')
    const report = JSON.parse(loaded.stdout)
    expect(report).toMatchObject({ action: 'reload-group', scope: { kind: 'group', name: group }, calls: [{ call: `re-read the configuration of group ${group}`, ok: true }] })
    expect(report.connectors).toHaveLength(4)
    // The files monitors' directories are still missing and the database monitor is of the wrong type: loaded, none healthy yet.
    expect(report.summary).toBe('The group Egeria:IntegrationGroup:Default re-read its configuration: 4 connectors, 0 healthy')
    expect(loaded.code).toBe(1)
    const journal = readFileSync(join(dataDir, 'action-journal.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line))
    expect(journal.map((entry) => entry.action)).toEqual(['reload-group', 'reload-group'])
  })

  it('reload-group on Egeria 3.x says it has no integration groups, and sends nothing', async () => {
    sim = await startSimulator({ scenario: 'coco-pharma', egeria: 3, port: 0 })
    const dataDir = tempDir('dd-cli-journal-')
    const { code, stdout, stderr } = await cli('reload-group', '--url', sim.url, '--server', 'exchangeDL01', '--group', 'Any', '--yes', '--data-dir', dataDir)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toBe(
      'daemon-doctor: Egeria 3.x has no integration groups: a group re-reads its configuration (refresh-config) from Egeria 4.0 on. Restart the daemon to make it read its configuration afresh\n'
    )
    expect(existsSync(join(dataDir, 'action-journal.jsonl'))).toBe(false)
  })

  it('rejects bad options with exit 2 and says which option is wrong', async () => {
    const badUrl = await cli('status', '--url', 'localhost 9443', '--server', 'x')
    expect(badUrl).toMatchObject({ code: 2, stdout: '' })
    expect(badUrl.stderr).toContain('--url must be a full URL such as https://localhost:9443, not localhost 9443')
    const badScheme = await cli('status', '--url', 'localhost:9443', '--server', 'x')
    expect(badScheme.code).toBe(2)
    expect(badScheme.stderr).toContain('--url must start with http:// or https://')
    const badVersion = await cli('status', '--url', 'http://127.0.0.1:9', '--server', 'x', '--egeria', '7')
    expect(badVersion.code).toBe(2)
    expect(badVersion.stderr).toContain('--egeria must be one of auto, 3, 4, 5, 6, not 7')
    const unsetPassword = await cli('status', '--url', 'http://127.0.0.1:9', '--server', 'x', '--password-env', 'DD_SURELY_UNSET_VAR')
    expect(unsetPassword.code).toBe(2)
    expect(unsetPassword.stderr).toContain('The environment variable DD_SURELY_UNSET_VAR is not set')
    const badTimeout = await cli('status', '--url', 'http://127.0.0.1:9', '--server', 'x', '--timeout', '0')
    expect(badTimeout.code).toBe(2)
    expect(badTimeout.stderr).toContain('--timeout must be a positive number of seconds, not 0')
    for (const [option, value, reason] of [
      ['--server', '..', 'Server name cannot be . or ..'],
      ['--server', 'a/b', 'Server name cannot contain spaces or / ? #'],
      ['--server', '%2e%2e', 'Server name cannot contain \\, % or control characters'],
      ['--user', '..', 'User ID cannot be . or ..']
    ]) {
      const refused = await cli('status', '--url', 'http://127.0.0.1:9', '--server', 'x', option!, value!)
      expect(refused.code).toBe(2)
      expect(refused.stderr).toContain(`${option}: ${reason}`)
    }
    const noYes = await cli('restart', '--url', 'http://127.0.0.1:9', '--server', 'x', '--all')
    expect(noYes.code).toBe(2)
    expect(noYes.stderr).toContain('restart changes the daemon: add --yes to confirm')
  })
})

describe('--timeout against a platform that sends one byte every 2 s', () => {
  const failedStatus = readFileSync(join(import.meta.dirname, '../../../../tests/fixtures/status-3x-failed.json'), 'utf8')
  const timed = async (...args: string[]): Promise<{ code: number; stdout: string; stderr: string; seconds: number }> => {
    const started = performance.now()
    const result = await cli(...args)
    return { ...result, seconds: (performance.now() - started) / 1000 }
  }

  it('ends status and probe within --timeout, saying so', async () => {
    hostile = await startTestServer((_request, response) => trickle(response, 2_000))
    const base = ['--url', hostile.url, '--server', 'exchangeDL01', '--egeria', '3', '--timeout', '3']
    const status = await timed('status', ...base)
    expect(status.code).toBe(2)
    expect(status.stderr).toContain('no complete answer within 3 s')
    expect(status.seconds).toBeLessThan(3 + 1.5)
    const probe = await timed('probe', ...base)
    expect(probe.code).toBe(2)
    expect(probe.stdout).toContain('no complete answer within 3 s')
    expect(probe.seconds).toBeLessThan(3 + 1.5)
  })

  it('ends a restart call at --timeout and the settle wait at --settle-timeout', async () => {
    // Status reads answer at once; the restart call itself trickles.
    hostile = await startTestServer((request, response) => {
      if (request.method === 'POST') trickle(response, 2_000)
      else {
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end(failedStatus)
      }
    })
    const restart = await timed(
      'restart', '--url', hostile.url, '--server', 'exchangeDL01', '--egeria', '3', '--timeout', '3', '--settle-timeout', '2',
      '--connector', 'OakDeneLandingAreaFilesMonitor', '--yes', '--no-journal'
    )
    expect(restart.code).toBe(1)
    expect(restart.stdout).toContain('✗ restart OakDeneLandingAreaFilesMonitor')
    expect(restart.stdout).toContain('no complete answer within 3 s')
    expect(restart.seconds).toBeLessThan(3 + 2 + 2)
  })
})

describe('status text', () => {
  it('counts one connector in the singular', () => {
    expect(statusText(statusOf([connector('OakDeneLandingAreaFilesMonitor', 'RUNNING')])).split('\n')[1]).toBe('1 connector: 1 healthy, 0 failed, 0 other')
  })
})

describe('hostile text stays text', () => {
  it('escapes terminal control sequences a platform sends before they reach the terminal', async () => {
    const status = JSON.parse(readFileSync(join(import.meta.dirname, '../../../../tests/fixtures/status-3x-failed.json'), 'utf8'))
    const report = status.integrationServiceSummaries[0].integrationConnectorReports[0]
    report.connectorName = 'Evil\u001b]0;pwned\u0007\u001b[2J\u009b31m'
    hostile = await startTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify(status))
    })
    const base = ['--url', hostile.url, '--server', 'exchangeDL01', '--egeria', '3']
    for (const format of ['text', 'json']) {
      const { stdout } = await cli('status', ...base, '--format', format)
      expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
      expect(stdout).toContain('Evil\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m')
    }
  })
})
