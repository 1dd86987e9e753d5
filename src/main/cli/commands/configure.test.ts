/** `daemon-doctor configure` against the simulator (in-process, real HTTP). */
import { afterEach, describe, expect, it } from 'vitest'
import { loadScenario, startSimulator, type RunningSimulator } from '../../simulator'
import { ActionJournal } from '../../services/egeria/journal'
import { registerConfigureCommand } from './configure'
import { runCommand, type CliRun } from '../../../../tests/support/cli'
import { tempDir } from '../../../../tests/temp-dir'

const OAK_DENE = 'OakDeneLandingAreaFilesMonitor'
const NEW_DIRECTORY = 'data/landing-area/hospitals/oak-dene/clinical-trials/drop-foot-v2'

let sim: RunningSimulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

const cli = (...args: string[]): Promise<CliRun> => runCommand(registerConfigureCommand, args)

async function startCoco(): Promise<RunningSimulator> {
  const running = await startSimulator({ scenario: loadScenario('coco-pharma'), egeria: 5, port: 0, speed: 60 })
  running.updateWorld({ metadataServers: { cocoMDS1: { available: true } }, resources: { [NEW_DIRECTORY]: { available: true } } })
  return running
}

describe('daemon-doctor configure', () => {
  it('shows the configuration, then changes the endpoint with --yes and journals it', async () => {
    sim = await startCoco()
    const target = ['--url', sim.url, '--server', 'exchangeDL01', '--connector', OAK_DENE]
    const shown = await cli('configure', ...target)
    expect(shown.code).toBe(0)
    expect(shown.stdout).toMatch(/endpoint +data\/landing-area\/hospitals\/oak-dene\/clinical-trials\/drop-foot\n/)
    expect(shown.stdout).toContain('changeable while running: endpoint, properties')

    const dataDir = tempDir('dd-cli-configure-')
    const changed = await cli('configure', ...target, '--endpoint', NEW_DIRECTORY, '--yes', '--data-dir', dataDir)
    expect(changed.code).toBe(0)
    expect(changed.stdout).toContain(`endpoint address: data/landing-area/hospitals/oak-dene/clinical-trials/drop-foot → ${NEW_DIRECTORY}`)
    expect(changed.stdout).toMatch(/recovered: (INITIALIZE_)?FAILED → WAITING/)
    expect(new ActionJournal(dataDir).list().entries[0]).toMatchObject({ action: 'configure', configuration: { connector: OAK_DENE } })
  })

  it('refuses bad input with a clear message and exit 2, changing nothing', async () => {
    sim = await startCoco()
    const target = ['--url', sim.url, '--server', 'exchangeDL01']
    const cases: [string[], RegExp][] = [
      [['--endpoint', NEW_DIRECTORY, '--yes'], /--connector NAME is required/],
      [['--connector', OAK_DENE, '--endpoint', NEW_DIRECTORY], /add --yes/],
      [['--connector', OAK_DENE, '--endpoint', '', '--yes'], /endpoint address is empty/],
      [['--connector', OAK_DENE, '--endpoint', 'db:port', '--yes'], /port in db:port/],
      [['--connector', OAK_DENE, '--property', 'novalue', '--yes'], /novalue is not KEY=VALUE/],
      [['--connector', OAK_DENE, '--endpoint', NEW_DIRECTORY, '--property', 'a=1', '--yes'], /either --endpoint or --property/],
      [['--connector', 'Nobody', '--endpoint', NEW_DIRECTORY, '--yes', '--no-journal'], /no connector named Nobody/]
    ]
    for (const [args, message] of cases) {
      const { code, stderr } = await cli('configure', ...target, ...args)
      expect(code).toBe(2)
      expect(stderr).toMatch(message)
    }
    const shown = await cli('configure', ...target, '--connector', OAK_DENE, '--format', 'json')
    expect(JSON.parse(shown.stdout)).toMatchObject({ endpointAddress: 'data/landing-area/hospitals/oak-dene/clinical-trials/drop-foot' })
  })
})
