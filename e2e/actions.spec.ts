/**
 * Steps 3 and 4 on the demo daemon: the restart proposal waits for the metadata server, the files
 * connectors then fail on missing directories, and recover once those exist; refresh moves their
 * refresh times.
 */
import type { Page } from '@playwright/test'
import { expect, openApp, screenshot, test } from './fixtures'

const FILES = ['OakDeneLandingAreaFilesMonitor', 'OldMarketLandingAreaFilesMonitor', 'DropFootClinicalTrialResultsFilesMonitor']
const DATABASE = 'OakDeneLandingAreaDatabaseMonitor'

async function openDemoRestart(page: Page): Promise<void> {
  await page.getByRole('region', { name: 'Demo daemon' }).getByRole('button', { name: 'Start the demo' }).click()
  await expect(page.getByRole('heading', { name: 'Demo daemon (coco-pharma)' })).toBeVisible()
  await page.keyboard.press('Alt+3')
  await expect(page.getByRole('button', { name: /Restart/ }).first()).toBeVisible()
}

async function worldButton(page: Page, name: string | RegExp): Promise<ReturnType<Page['getByRole']>> {
  const world = page.locator('details.demo-world')
  if ((await world.getAttribute('open')) === null) await world.locator('summary').click()
  return world.getByRole('button', { name })
}

test('restart waits for the metadata server, then for the directories, and shows the recovery', async ({ page, host }) => {
  test.setTimeout(120_000)
  await openApp(page, host)
  await openDemoRestart(page)

  const metadataCause = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Metadata server cocoMDS1: 3 connectors/ }) })
  await expect(metadataCause.getByText('Blocked: cocoMDS1 is not active')).toBeVisible()
  await expect(metadataCause.getByText(/cocoMDS1 is known to http:\/\/127\.0\.0\.1:\d+ but not active/)).toBeVisible()
  const restartButton = page.getByRole('button', { name: /^(Restart \d+ connectors?…|Nothing to restart yet)$/ })
  await expect(restartButton).toHaveText('Nothing to restart yet')
  await expect(restartButton).toBeDisabled()

  const configCause = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Connector configuration: 1 connector/ }) })
  await expect(configCause.locator('.readiness')).toHaveText(/Restarting cannot help$/)
  await expect(configCause.getByText(/Restarting the connector cannot help.*daemon's configuration.*then restart the daemon/)).toBeVisible()
  await expect(configCause.getByRole('checkbox')).toHaveCount(0)
  await screenshot(page, 'actions-01-restart-blocked')

  // "All" always needs the daemon's name typed; Escape cancels.
  await page.getByRole('button', { name: 'Restart all connectors…' }).click()
  const allDialog = page.getByRole('dialog', { name: 'Restart all connectors on exchangeDL01?' })
  await expect(allDialog).toBeVisible()
  const confirmAll = allDialog.getByRole('button', { name: 'Restart all connectors' })
  await expect(confirmAll).toBeDisabled()
  await allDialog.getByLabel(/Type the daemon’s name/).fill('exchangeDL01')
  await expect(confirmAll).toBeEnabled()
  await page.keyboard.press('Escape')
  await expect(allDialog).toHaveCount(0)

  // Fix the metadata server: the app sees it active and proposes its three connectors.
  await (await worldButton(page, 'Start cocoMDS1')).click()
  await metadataCause.getByRole('button', { name: 'Check again' }).click()
  await expect(metadataCause.getByText('Ready: restart proposed')).toBeVisible()
  await expect(restartButton).toHaveText('Restart 3 connectors…')
  await restartButton.click()
  const dialog = page.getByRole('dialog', { name: 'Restart 3 connectors on exchangeDL01?' })
  await expect(dialog).toBeVisible()
  for (const name of FILES) await expect(dialog.getByText(name)).toBeVisible()
  await expect(dialog.getByText(/exchangeDL01 on http:\/\/127\.0\.0\.1/)).toBeVisible()
  await expect(dialog.getByText('Development')).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await screenshot(page, 'actions-02-restart-confirm')
  await dialog.getByRole('button', { name: 'Restart 3 connectors' }).click()

  // The files connectors now fail on missing directories: a third-party cause, a new error.
  const outcome = page.getByRole('region', { name: 'Restart outcome: before and after' })
  await expect(outcome).toBeVisible({ timeout: 60_000 })
  for (const name of FILES) {
    const row = outcome.getByRole('listitem').filter({ hasText: name })
    await expect(row).toHaveAttribute('data-outcome', 'failing-new-error')
    await expect(row.locator('.ba-before mark.message-id')).toHaveText('OMAG-MULTI-TENANT-404-001')
    await expect(row.locator('.ba-after mark.message-id')).toHaveText('BASIC-FILES-INTEGRATION-CONNECTORS-404-001')
  }
  const directoryChecks = page.getByRole('checkbox', { name: /The directory .* has been created/ })
  await expect(directoryChecks).toHaveCount(3)
  await expect(page.getByRole('heading', { name: /Third-party technology data\/landing-area\/hospitals\/oak-dene/ })).toBeVisible()
  await screenshot(page, 'actions-03-restart-new-error')

  // Create the directories, confirm, restart: they recover.
  const createButtons = await worldButton(page, 'Create directory')
  await expect(createButtons).toHaveCount(3)
  for (let left = 3; left > 0; left--) {
    await createButtons.first().click()
    // One at a time: the button turns into "Remove directory" once the world has changed.
    await expect(createButtons).toHaveCount(left - 1)
  }
  for (const box of await directoryChecks.all()) await box.check()
  await expect(restartButton).toHaveText('Restart 3 connectors…')
  await restartButton.click()
  await page.getByRole('dialog').getByRole('button', { name: 'Restart 3 connectors' }).click()
  await expect(outcome.getByRole('listitem').filter({ hasText: FILES[0]! })).toHaveAttribute('data-outcome', 'recovered', { timeout: 60_000 })
  for (const name of FILES) {
    const row = outcome.getByRole('listitem').filter({ hasText: name })
    await expect(row).toHaveAttribute('data-outcome', 'recovered')
    await expect(row.locator('.ba-outcome')).toHaveText(/Recovered$/)
  }
  const next = page.getByRole('region', { name: 'Suggested next step' })
  await expect(next.getByText(`${DATABASE} needs a configuration change and a restart of the daemon`)).toBeVisible()
  await screenshot(page, 'actions-04-restart-recovered')
  await page.emulateMedia({ colorScheme: 'dark' })
  await screenshot(page, 'actions-05-restart-recovered-dark')
  await page.emulateMedia({ colorScheme: 'light' })

  // Refresh the recovered connectors: their refresh times move.
  await next.getByRole('button', { name: 'Go to Refresh' }).click()
  await expect(page.getByText('Refresh is expensive: use it after an outage.')).toBeVisible()
  await expect(page.getByRole('radio', { name: /Recommended: the 3 connectors recovered by a restart/ })).toBeChecked()
  await expect(page.getByText(/1 connector still failing \(OakDeneLandingAreaDatabaseMonitor\)/)).toBeVisible()
  await screenshot(page, 'actions-06-refresh-scope')
  await page.getByRole('button', { name: 'Refresh 3 connectors…' }).click()
  const refreshDialog = page.getByRole('dialog', { name: 'Refresh 3 connectors on exchangeDL01?' })
  await expect(refreshDialog.getByText(/can take many minutes/)).toBeVisible()
  await refreshDialog.getByRole('button', { name: 'Refresh 3 connectors' }).click()
  const refreshOutcome = page.getByRole('region', { name: 'Refresh outcome' })
  await expect(refreshOutcome).toBeVisible({ timeout: 60_000 })
  await expect(refreshOutcome.getByText('3 of 3 connectors refreshed.')).toBeVisible()
  for (const name of FILES) {
    await expect(refreshOutcome.getByRole('row').filter({ hasText: name })).toHaveAttribute('data-moved', 'true')
  }
  await screenshot(page, 'actions-07-refresh-done')
  await page.emulateMedia({ colorScheme: 'dark' })
  await screenshot(page, 'actions-08-refresh-done-dark')
})
