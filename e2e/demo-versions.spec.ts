/**
 * Every demo version, as a newcomer follows it: the guidance bar's next safe action at each turn,
 * from the start to all connectors healthy. 6.x starts as a daemon with no connectors (its group
 * cannot read its configuration from cocoMDS1); one connector is corrected from the configuration dialog.
 */
import type { Locator, Page } from '@playwright/test'
import { expect, openApp, screenshot, test } from './fixtures'

const FILES = ['OakDeneLandingAreaFilesMonitor', 'OldMarketLandingAreaFilesMonitor', 'DropFootClinicalTrialResultsFilesMonitor']
const DATABASE = 'OakDeneLandingAreaDatabaseMonitor'
const GROUP = 'Egeria:IntegrationGroup:Default'

function guidanceBar(page: Page): Locator {
  return page.getByRole('region', { name: 'What was found and what to do next' })
}

/** The demo world panel stands in for the operator's hands outside the app. */
async function inWorld(page: Page, act: (world: Locator) => Promise<void>): Promise<void> {
  const world = page.locator('details.demo-world')
  await world.locator('summary').click()
  await act(world)
  await world.locator('summary').click()
}

async function followToStep(page: Page, step: RegExp): Promise<void> {
  await guidanceBar(page).getByRole('button', { name: step }).click()
}

test('Egeria 6.x: a daemon with no connectors, its group, a corrected connector, all healthy', async ({ page, host }) => {
  test.setTimeout(240_000)
  await openApp(page, host)
  const guidance = guidanceBar(page)
  const demo = page.getByRole('region', { name: 'Demo daemon' })
  await demo.getByRole('combobox').selectOption('6')
  await demo.getByRole('button', { name: 'Start the demo' }).click()
  await expect(page.getByRole('heading', { name: 'Demo daemon (coco-pharma)' })).toBeVisible()

  // Step 1 and the bar agree: no connectors, because the group cannot read cocoMDS1.
  await expect(guidance).toContainText(`The daemon has no connectors: The integration group ${GROUP} has not loaded its connectors from metadata server cocoMDS1.`, { timeout: 30_000 })
  await expect(guidance).toContainText('Bring cocoMDS1 back, then ask the group to re-read its configuration')
  await expect(guidance).not.toContainText('hop by hop')

  // Step 2: the groups instead of an error.
  await followToStep(page, /Go to step 2, Status/)
  const groups = page.getByRole('region', { name: 'Integration groups' })
  await expect(groups.getByRole('row').filter({ hasText: GROUP })).toContainText('ASSIGNED')
  await screenshot(page, 'v6-step2-no-connectors')
  // Step 3 has nothing to restart, and says the same current problem as the bar.
  await page.keyboard.press('Alt+3')
  const stepThree = page.getByRole('note').filter({ hasText: 'Nothing to restart yet.' })
  await expect(stepThree).toContainText(`The daemon has no connectors: The integration group ${GROUP}`)
  await expect(stepThree).toContainText('Bring cocoMDS1 back, then ask the group to re-read its configuration')
  await page.keyboard.press('Alt+2')

  await inWorld(page, (world) => world.getByRole('button', { name: 'Start cocoMDS1' }).click())
  await groups.getByRole('button', { name: 'Re-read its configuration' }).click()
  const rows = page.locator('tr.connector-row')
  await expect(rows).toHaveCount(4, { timeout: 30_000 })
  await screenshot(page, 'v6-step2-connectors')

  // The directories are missing: create them, then look at one connector's configuration and correct it.
  await expect(guidance).toContainText('unavailable', { timeout: 20_000 })
  await inWorld(page, async (world) => {
    const createButtons = world.getByRole('button', { name: 'Create directory' })
    for (let left = 3; left > 0; left--) {
      await createButtons.first().click()
      await expect(createButtons).toHaveCount(left - 1)
    }
  })
  await page.getByRole('button', { name: `Configuration of ${FILES[0]}` }).click()
  const dialog = page.getByRole('dialog', { name: `Configuration of ${FILES[0]}` })
  await expect(dialog.getByText('data/landing-area/hospitals/oak-dene/clinical-trials/drop-foot').first()).toBeVisible()
  const address = dialog.getByLabel(/New endpoint address/)
  await address.fill('landing:area')
  await expect(dialog.getByText('The port in landing:area must be a number from 1 to 65535 (host:port)')).toBeVisible()
  await expect(dialog.getByRole('button', { name: `Change and restart ${FILES[0]}` })).toBeDisabled()
  await dialog.getByLabel('Configuration properties').check()
  await dialog.getByLabel(/Properties to set/).fill('waitForDirectory=true')
  await expect(dialog.getByRole('table', { name: 'What changes' })).toContainText('property waitForDirectory')
  await screenshot(page, 'v6-configuration-dialog')
  await dialog.getByRole('button', { name: `Change and restart ${FILES[0]}` }).click()
  const outcome = dialog.getByRole('status', { name: 'Configuration change outcome' })
  await expect(outcome).toContainText('worked', { timeout: 60_000 })
  await expect(outcome).toContainText('→ WAITING')
  await screenshot(page, 'v6-configuration-changed')
  await dialog.getByRole('button', { name: 'Close' }).click()

  await followRestarts(page)
})

for (const egeria of ['3', '4', '5'] as const) {
  test(`Egeria ${egeria}.x: the guidance bar leads from the failed connectors to all healthy`, async ({ page, host }) => {
    test.setTimeout(240_000)
    await openApp(page, host)
    const guidance = guidanceBar(page)
    const demo = page.getByRole('region', { name: 'Demo daemon' })
    await demo.getByRole('combobox').selectOption(egeria)
    await demo.getByRole('button', { name: 'Start the demo' }).click()
    await expect(guidance).toContainText('Metadata server cocoMDS1 unavailable: 3 connectors', { timeout: 30_000 })

    await page.keyboard.press('Alt+2')
    const rows = page.locator('tr.connector-row')
    await expect(rows).toHaveCount(4)
    await screenshot(page, `v${egeria}-step2`)
    // The configuration from the daemon's own API where the version has it, said plainly where not.
    await page.getByRole('button', { name: `Configuration of ${FILES[0]}` }).click()
    const dialog = page.getByRole('dialog', { name: `Configuration of ${FILES[0]}` })
    await expect(dialog.getByText(egeria === '3' ? /Egeria 3\.x cannot show or change/ : 'every 10 min')).toBeVisible()
    if (egeria === '4') await expect(dialog.getByText(/Egeria 4\.x cannot change a connector's endpoint while the daemon runs/)).toBeVisible()
    if (egeria === '3') {
      // A limit of the version, said as information: its icon and words, no alert.
      await expect(dialog.getByRole('status')).toHaveText(/^ℹ Not available on this version: Egeria 3\.x cannot show or change/)
      await expect(dialog.getByRole('alert')).toHaveCount(0)
    }
    await screenshot(page, `v${egeria}-configuration-dialog`)
    await dialog.getByRole('button', { name: 'Close' }).click()

    // The metadata server comes back; the restart proposal follows once the directories exist too.
    await inWorld(page, (world) => world.getByRole('button', { name: 'Start cocoMDS1' }).click())
    await inWorld(page, async (world) => {
      const createButtons = world.getByRole('button', { name: 'Create directory' })
      for (let left = 3; left > 0; left--) {
        await createButtons.first().click()
        await expect(createButtons).toHaveCount(left - 1)
      }
    })
    await page.getByRole('button', { name: 'Read status now' }).click()
    await expect(guidance.getByRole('button', { name: /Go to step 3, Restart/ })).toBeVisible({ timeout: 30_000 })
    await followRestarts(page)
  })
}

/** Step 3 by the guidance: the directory causes confirmed and restarted, the wrong-type connector corrected and the daemon restarted, then a refresh. */
async function followRestarts(page: Page): Promise<void> {
  const guidance = guidanceBar(page)
  await followToStep(page, /Go to step 3, Restart/)
  // The proposal opens the wrong-type connector's configuration too.
  // The cause card whose only connector is the wrong-type one (its source is the diagnosis's call).
  const configCause = page.getByRole('listitem').filter({ has: page.getByRole('list', { name: /Connectors failing because of/ }).filter({ hasText: DATABASE }) })
  await configCause.getByRole('button', { name: `Configuration of ${DATABASE}…` }).click()
  const configuration = page.getByRole('dialog', { name: `Configuration of ${DATABASE}` })
  await expect(configuration.getByText(/DataFilesMonitorIntegrationProvider|Egeria 3\.x cannot show/).first()).toBeVisible()
  await configuration.getByRole('button', { name: 'Close' }).click()
  for (const box of await page.getByRole('checkbox', { name: /has been created|is running again|is available again/ }).all()) await box.check()
  const restartButton = page.getByRole('button', { name: /^Restart \d+ connectors?…$/ })
  await restartButton.click()
  await page.getByRole('dialog').getByRole('button', { name: /^Restart \d+ connectors?$/ }).click()
  const outcome = page.getByRole('region', { name: 'Restart outcome: before and after' })
  await expect(outcome.getByRole('listitem').filter({ hasText: FILES[1]! })).toHaveAttribute('data-outcome', 'recovered', { timeout: 60_000 })

  await inWorld(page, (world) => world.getByRole('button', { name: 'Correct the configuration' }).click())
  await configCause.getByRole('checkbox', { name: /configuration has been corrected/ }).check()
  await configCause.getByRole('button', { name: 'Restart the daemon…' }).click()
  const daemonDialog = page.getByRole('dialog', { name: 'Restart the daemon on exchangeDL01?' })
  await daemonDialog.getByRole('textbox').fill('exchangeDL01')
  await daemonDialog.getByRole('button', { name: 'Restart the daemon' }).click()
  await expect(outcome.getByRole('listitem').filter({ hasText: DATABASE })).toHaveAttribute('data-outcome', 'recovered', { timeout: 60_000 })
  // All recovered: Step 3 says so once, and the one way on to Refresh is the guidance bar's.
  await expect(page.getByRole('region', { name: 'Suggested next step' })).toContainText('No connector is failing any more.')
  await expect(page.getByText('there is nothing to restart')).toHaveCount(0)
  await expect(page.getByRole('button', { name: /Go to (step 4, )?Refresh/ })).toHaveCount(1)
  await screenshot(page, 'step3-all-recovered')

  await followToStep(page, /Go to step 4, Refresh/)
  await page.getByRole('button', { name: /^Refresh \d+ connectors…$/ }).click()
  await page.getByRole('dialog').getByRole('button', { name: /^Refresh \d+ connectors$/ }).click()
  await expect(guidance).toContainText('All 4 connectors are healthy.', { timeout: 60_000 })
}
