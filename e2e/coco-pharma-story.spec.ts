/**
 * The whole coco-pharma story, as a newcomer follows it in the app alone: the demo daemon's audit
 * log names the causes, the status confirms them, the metadata server comes back (through the demo
 * world panel, the operator's hands in the simulated world), restarts reveal and then clear the missing
 * directories, the wrong-type connector keeps its configuration advice, a refresh moves the refresh
 * times, and the incident report records all of it.
 */
import { readFileSync } from 'node:fs'
import { expect, openApp, screenshot, test } from './fixtures'
import { AuditLogPage } from './pages/audit-log-page'

const FILES = ['OakDeneLandingAreaFilesMonitor', 'OldMarketLandingAreaFilesMonitor', 'DropFootClinicalTrialResultsFilesMonitor']
const DATABASE = 'OakDeneLandingAreaDatabaseMonitor'

test('a newcomer fixes the coco-pharma daemon by following the app alone', async ({ page, host }) => {
  test.setTimeout(180_000)
  await openApp(page, host)
  const guidance = page.getByRole('region', { name: 'What was found and what to do next' })

  // Home → the demo daemon opens on step 1.
  await page.getByRole('region', { name: 'Demo daemon' }).getByRole('button', { name: 'Start the demo' }).click()
  await expect(page.getByRole('heading', { name: 'Demo daemon (coco-pharma)' })).toBeVisible()
  await expect(page.getByRole('button', { name: /Audit log/ })).toHaveAttribute('aria-current', 'step')

  // Step 1: causes first: three connectors blocked by cocoMDS1, one of the wrong type.
  const logs = new AuditLogPage(page)
  const metadata = logs.cause(/metadata server cocoMDS1 unavailable: 3 connectors/)
  await expect(metadata).toBeVisible({ timeout: 20_000 })
  for (const name of FILES) await expect(metadata).toContainText(name)
  const wrongType = logs.cause(new RegExp(`connector ${DATABASE} misconfigured`))
  await expect(wrongType).toContainText('not a database integrator connector')
  await expect(guidance).toContainText('Metadata server cocoMDS1 unavailable: 3 connectors')
  await expect(guidance).toContainText(`Connector ${DATABASE} is misconfigured`)
  await logs.expectRowsLoaded()
  await screenshot(page, 'story-01-audit-log')

  // Step 2: the status confirms all four FAILED, each classified.
  await page.keyboard.press('Alt+2')
  const rows = page.locator('tr.connector-row')
  await expect(rows).toHaveCount(4)
  for (const name of [...FILES, DATABASE]) {
    await expect(rows.filter({ hasText: name }).locator('.status-pill')).toHaveText(/FAILED$/)
  }
  await expect(rows.filter({ hasText: FILES[0]! })).toContainText('OMAG-MULTI-TENANT-404-001')
  await screenshot(page, 'story-02-status')

  // The operator brings cocoMDS1 back; in the demo the closed world panel already names what is down,
  // and its buttons stand in for the operator's hands outside the app.
  const world = page.locator('details.demo-world')
  await expect(world.locator('summary')).toContainText('metadata server cocoMDS1 down, 3 directories missing')
  await world.locator('summary').click()
  await world.getByRole('button', { name: 'Start cocoMDS1' }).click()
  await expect(world.getByText('Metadata server cocoMDS1 is running')).toBeVisible()
  await expect(world.locator('summary')).toContainText('3 directories missing')
  await world.locator('summary').click()
  // Connectors do not recover by themselves: the status still says FAILED.
  await page.getByRole('button', { name: 'Read status now' }).click()
  await expect(rows.filter({ hasText: FILES[0]! }).locator('.status-pill')).toHaveText(/FAILED$/)

  // Step 3: the app checks the metadata server itself and proposes its three connectors.
  await guidance.getByRole('button', { name: /Go to step 3, Restart/ }).click()
  const metadataCause = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Metadata server cocoMDS1: 3 connectors/ }) })
  await expect(metadataCause.getByText('Ready: restart proposed')).toBeVisible()
  const configCause = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Connector configuration: 1 connector/ }) })
  await expect(configCause.getByText(/restarting the connector cannot help/i)).toBeVisible()
  const restartButton = page.getByRole('button', { name: /^(Restart \d+ connectors?…|Nothing to restart yet)$/ })
  await expect(restartButton).toHaveText('Restart 3 connectors…')
  await restartButton.click()
  const dialog = page.getByRole('dialog', { name: 'Restart 3 connectors on exchangeDL01?' })
  for (const name of FILES) await expect(dialog.getByText(name)).toBeVisible()
  await expect(dialog.getByText('Development')).toBeVisible()
  await screenshot(page, 'story-03-restart-confirm')
  await dialog.getByRole('button', { name: 'Restart 3 connectors' }).click()

  // They fail again, now on missing directories: explained as third-party.
  const outcome = page.getByRole('region', { name: 'Restart outcome: before and after' })
  for (const name of FILES) {
    await expect(outcome.getByRole('listitem').filter({ hasText: name })).toHaveAttribute('data-outcome', 'failing-new-error', { timeout: 60_000 })
  }
  const directoryCauses = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Third-party technology/ }) })
  await expect(directoryCauses).toHaveCount(3)
  await expect(guidance).toContainText(/data\/landing-area\/hospitals\/oak-dene\/clinical-trials\/drop-foot unavailable: 1 connector/)
  await screenshot(page, 'story-04-directories-missing')

  // The operator creates the directories (the demo world panel stands in for their file system).
  await world.locator('summary').click()
  const createButtons = world.getByRole('button', { name: 'Create directory' })
  for (let left = 3; left > 0; left--) {
    await createButtons.first().click()
    await expect(createButtons).toHaveCount(left - 1)
  }
  // Only the database connector's configuration is left wrong in the world.
  await expect(world.locator('summary')).toHaveText(/Demo world: ✖ 1 connector of the wrong type configured$/)
  await world.locator('summary').click()
  for (const box of await page.getByRole('checkbox', { name: /The directory .* has been created/ }).all()) await box.check()
  await expect(restartButton).toHaveText('Restart 3 connectors…')
  await restartButton.click()
  await page.getByRole('dialog').getByRole('button', { name: 'Restart 3 connectors' }).click()

  // Before/after: all three recovered; the database connector still needs a configuration change.
  for (const name of FILES) {
    await expect(outcome.getByRole('listitem').filter({ hasText: name })).toHaveAttribute('data-outcome', 'recovered', { timeout: 60_000 })
  }
  const next = page.getByRole('region', { name: 'Suggested next step' })
  await expect(next.getByText(`${DATABASE} needs a configuration change and a restart of the daemon`)).toBeVisible()
  // The daemon restart still to come restarts them too: the bar proposes it first, and their refresh after it.
  await expect(guidance).toContainText('Refresh the recovered connectors after the daemon restart, not before: it restarts them too.')
  await expect(guidance.getByRole('button', { name: /Go to step 4, Refresh/ })).toHaveCount(0)
  await screenshot(page, 'story-05-recovered')

  // The operator corrects the database connector's configuration (the demo world panel stands in for
  // the configuration document), and the daemon restart that applies it is the app's.
  await world.locator('summary').click()
  await world.getByRole('button', { name: 'Correct the configuration' }).click()
  await expect(world.locator('summary')).toContainText('everything the connectors need is there')
  await world.locator('summary').click()
  await configCause.getByRole('checkbox', { name: /configuration has been corrected/ }).check()
  await configCause.getByRole('button', { name: 'Restart the daemon…' }).click()
  const daemonDialog = page.getByRole('dialog', { name: 'Restart the daemon on exchangeDL01?' })
  await daemonDialog.getByRole('textbox').fill('exchangeDL01')
  await screenshot(page, 'story-05a-restart-daemon-confirm')
  await daemonDialog.getByRole('button', { name: 'Restart the daemon' }).click()
  await expect(outcome.getByRole('listitem').filter({ hasText: DATABASE })).toHaveAttribute('data-outcome', 'recovered', { timeout: 60_000 })
  await expect(guidance).toContainText('Every connector is healthy again after a restart.')
  await screenshot(page, 'story-05b-daemon-restarted')

  // Step 4: refresh the recovered connectors; their refresh times move.
  await guidance.getByRole('button', { name: /Go to step 4, Refresh/ }).click()
  await expect(page.getByRole('radio', { name: /Recommended: the 4 connectors recovered by a restart/ })).toBeChecked()
  await page.getByRole('button', { name: 'Refresh 4 connectors…' }).click()
  await page.getByRole('dialog', { name: 'Refresh 4 connectors on exchangeDL01?' }).getByRole('button', { name: 'Refresh 4 connectors' }).click()
  const refreshOutcome = page.getByRole('region', { name: 'Refresh outcome' })
  await expect(refreshOutcome.getByText('4 of 4 connectors refreshed.')).toBeVisible({ timeout: 60_000 })
  for (const name of [...FILES, DATABASE]) await expect(refreshOutcome.getByRole('row').filter({ hasText: name })).toHaveAttribute('data-moved', 'true')
  // Every connector of the daemon is healthy: the story is over.
  await expect(guidance).toContainText('All 4 connectors are healthy.')
  await screenshot(page, 'story-06-refreshed')

  // Step 5: the incident report, saved as Markdown and HTML.
  await guidance.getByRole('button', { name: /Go to step 5, Report/ }).click()
  await expect(page.getByRole('heading', { name: 'Incident report' })).toBeVisible()
  const saveMarkdown = page.getByRole('button', { name: 'Save as Markdown' })
  await expect(saveMarkdown).toBeEnabled({ timeout: 20_000 })
  await screenshot(page, 'story-07-report')
  const [markdownDownload] = await Promise.all([page.waitForEvent('download'), saveMarkdown.click()])
  const markdown = readFileSync((await markdownDownload.path())!, 'utf8')
  const [htmlDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as HTML' }).click()])
  const html = readFileSync((await htmlDownload.path())!, 'utf8')
  expect(markdownDownload.suggestedFilename()).toMatch(/\.md$/)
  expect(htmlDownload.suggestedFilename()).toMatch(/\.html$/)
  for (const document of [markdown, html]) {
    expect(document).toContain('exchangeDL01')
    expect(document).toContain('cocoMDS1')
    expect(document).toContain('OMAG-MULTI-TENANT-404-001')
    expect(document).toContain('BASIC-FILES-INTEGRATION-CONNECTORS-404-001')
    for (const name of [...FILES, DATABASE]) expect(document).toContain(name)
    expect(document).toContain('the daemon')
    expect(document).toMatch(/[Rr]ecovered/)
    expect(document).toMatch(/[Rr]efresh/)
    // No secrets: password fields in quoted connection dumps are empty or redacted.
    expect(document).not.toMatch(/Password='(?!null'|\[redacted\]')/)
  }
  expect(html).not.toMatch(/<script|https?:\/\/(?!127\.0\.0\.1)/i)
  // Two restarts and one refresh in the journal, before → after per connector.
  expect(markdown.match(/FAILED → RUNNING|FAILED\s*→\s*RUNNING/g)?.length ?? 0).toBeGreaterThanOrEqual(3)
})
