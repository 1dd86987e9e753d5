/**
 * Steps 3 and 4 on the demo daemon: the restart proposal waits for the metadata server, the files
 * connectors then fail on missing directories, and recover once those exist; refresh moves their
 * refresh times.
 */
import type { Page } from '@playwright/test'
import { expect, openApp, screenshot as save, test } from './fixtures'
import { demoWorldButton } from './pages/demo-world'

const FILES = ['OakDeneLandingAreaFilesMonitor', 'OldMarketLandingAreaFilesMonitor', 'DropFootClinicalTrialResultsFilesMonitor']
const DATABASE = 'OakDeneLandingAreaDatabaseMonitor'

/** Screenshots without the toasts of earlier world changes covering the step. */
async function screenshot(page: Page, name: string): Promise<void> {
  const dismiss = page.locator('.notices').getByRole('button', { name: 'Dismiss' })
  // A modal dialog makes the toasts inert: leave them then.
  if ((await page.getByRole('dialog').count()) === 0) while ((await dismiss.count()) > 0) await dismiss.first().click()
  await save(page, name)
}

async function openDemoRestart(page: Page, egeria = '3'): Promise<void> {
  const card = page.getByRole('region', { name: 'Demo daemon' })
  await card.getByLabel('Egeria version').selectOption(egeria)
  await card.getByRole('button', { name: 'Start the demo' }).click()
  await expect(page.getByRole('heading', { name: 'Demo daemon (coco-pharma)' })).toBeVisible()
  await page.keyboard.press('Alt+3')
  await expect(page.getByRole('button', { name: /Restart/ }).first()).toBeVisible()
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
  await expect(configCause.getByText(/daemon's configuration.*then restart the daemon/)).toBeVisible()
  // The connector is never offered for a restart; the one checkbox is the operator's word that the configuration changed.
  await expect(configCause.getByRole('checkbox')).toHaveCount(1)
  await expect(configCause.getByRole('checkbox')).toHaveAccessibleName(/The daemon’s configuration has been corrected/)
  await expect(configCause.getByText(/Not selectable/)).toBeAttached()
  await expect(configCause.getByRole('button', { name: 'Restart the daemon…' })).toBeDisabled()
  await screenshot(page, 'actions-01-restart-blocked')

  // "All" always needs the daemon's name typed; Escape cancels.
  await page.getByRole('button', { name: 'Restart all connectors…' }).click()
  const allDialog = page.getByRole('dialog', { name: 'Restart all connectors on exchangeDL01?' })
  await expect(allDialog).toBeVisible()
  const confirmAll = allDialog.getByRole('button', { name: 'Restart all connectors' })
  await expect(confirmAll).toBeDisabled()
  await allDialog.getByLabel(/Type the daemon’s name/).fill('exchangeDL01')
  await expect(confirmAll).toBeEnabled()
  await screenshot(page, 'actions-01b-restart-all-typed-name')
  await page.keyboard.press('Escape')
  await expect(allDialog).toHaveCount(0)

  // Fix the metadata server: the app sees it active and proposes its three connectors.
  await (await demoWorldButton(page, 'Start cocoMDS1')).click()
  // No click needed: while the server is down the app asks its platform again every few seconds.
  await expect(metadataCause.getByText('Ready: restart proposed')).toBeVisible()
  await expect(metadataCause.getByText(/cocoMDS1 is active on http:\/\/127\.0\.0\.1:\d+/)).toBeVisible()
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
  const createButtons = await demoWorldButton(page, 'Create directory')
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
  const progress = page.getByRole('region', { name: 'Restarting in progress' })
  await expect(progress.getByRole('button', { name: 'Stop waiting' })).toBeVisible()
  await save(page, 'actions-03b-restart-progress')
  await expect(outcome.getByRole('listitem').filter({ hasText: FILES[0]! })).toHaveAttribute('data-outcome', 'recovered', { timeout: 60_000 })
  for (const name of FILES) {
    const row = outcome.getByRole('listitem').filter({ hasText: name })
    await expect(row).toHaveAttribute('data-outcome', 'recovered')
    await expect(row.locator('.ba-outcome')).toHaveText(/Recovered$/)
  }
  await expect(page.getByText('Earlier restarts in this session (1)')).toBeVisible()
  const next = page.getByRole('region', { name: 'Suggested next step' })
  await expect(next.getByText(`${DATABASE} needs a configuration change and a restart of the daemon`)).toBeVisible()
  await screenshot(page, 'actions-04-restart-recovered')
  await page.emulateMedia({ colorScheme: 'dark' })
  await screenshot(page, 'actions-05-restart-recovered-dark')
  await page.emulateMedia({ colorScheme: 'light' })

  // The daemon restart still to come restarts them too, so the step says to refresh after it; the operator may still refresh now.
  await expect(next.getByText('3 connectors recovered this session. Refresh the recovered connectors after the daemon restart, not before: it restarts them too. Refresh is step 4.')).toBeVisible()
  // The guidance bar agrees: the daemon restart first, so it offers no way to Refresh yet.
  await expect(page.getByRole('region', { name: 'What was found and what to do next' })).toContainText('Refresh the recovered connectors after the daemon restart, not before')
  await expect(page.getByRole('button', { name: /Go to (step 4, )?Refresh/ })).toHaveCount(0)
  // Refresh the recovered connectors: their refresh times move.
  await page.keyboard.press('Alt+4')
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

test('Egeria 5: the same proposal, checked through the 5.x platform services, and a restart of the chosen connectors', async ({ page, host }) => {
  await openApp(page, host)
  await openDemoRestart(page, '5')
  const metadataCause = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Metadata server cocoMDS1: 3 connectors/ }) })
  await expect(metadataCause.getByText('Blocked: cocoMDS1 is not active')).toBeVisible()
  await (await demoWorldButton(page, 'Start cocoMDS1')).click()
  await expect(metadataCause.getByText('Ready: restart proposed')).toBeVisible()
  // Take one connector out: only the two others are restarted.
  await metadataCause.getByRole('checkbox', { name: new RegExp(FILES[2]!) }).uncheck()
  const restartButton = page.getByRole('button', { name: 'Restart 2 connectors…' })
  await restartButton.click()
  const dialog = page.getByRole('dialog', { name: 'Restart 2 connectors on exchangeDL01?' })
  await expect(dialog.getByText(FILES[2]!)).toHaveCount(0)
  await dialog.getByRole('button', { name: 'Restart 2 connectors' }).click()
  const outcome = page.getByRole('region', { name: 'Restart outcome: before and after' })
  await expect(outcome).toBeVisible({ timeout: 60_000 })
  await expect(outcome.getByRole('listitem')).toHaveCount(2)
  for (const name of FILES.slice(0, 2)) {
    await expect(outcome.getByRole('listitem').filter({ hasText: name })).toHaveAttribute('data-outcome', 'failing-new-error')
  }
  await screenshot(page, 'actions-09-egeria5-two-chosen')
})
