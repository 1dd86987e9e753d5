import { appendFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { expect, openApp, screenshot, test } from './fixtures'
import { AuditLogPage } from './pages/audit-log-page'

const fixtures = join(process.cwd(), 'tests/fixtures/audit')
const seed = join(fixtures, 'seed-2021-startup.console.txt')
const kafka = join(fixtures, 'platform-interleaved-kafka.console.txt')

test('inspects log files offline with no connection: causes, evidence, filters, search, errors, pins', async ({ page, host }) => {
  await openApp(page, host)
  await expect(page.getByRole('region', { name: 'Open log files' })).toContainText('Inspect audit logs offline')
  await screenshot(page, 'offline-00-home')
  await page.getByRole('region', { name: 'Open log files' }).getByRole('button', { name: 'Open log files' }).click()
  await expect(page.getByRole('heading', { name: 'Log files', level: 1 })).toBeVisible()
  await screenshot(page, 'offline-01-empty')

  const logs = new AuditLogPage(page)
  // Two files, merged into one timeline.
  await logs.openFiles('offline', [seed, kafka])
  await expect(logs.cause('metadata server cocoMDS1 unavailable: 3 connectors')).toBeVisible()
  const metadata = logs.cause('metadata server cocoMDS1 unavailable')
  await expect(metadata.locator('.source-tag')).toHaveText(/Metadata server/)
  await expect(metadata).toContainText('OakDeneLandingAreaFilesMonitor')
  await expect(logs.cause(/connector OakDeneLandingAreaDatabaseMonitor misconfigured/).locator('.source-tag')).toHaveText(/Connector/)
  await logs.expectRowsLoaded()
  await expect(page.getByText('38 records', { exact: true })).toBeVisible()
  await expect(page.getByRole('figure')).toContainText('Severity over time')
  await screenshot(page, 'offline-02-causes')

  // One click on an evidence line selects it in the viewer, scrolled into view, explained beside it.
  await metadata.getByRole('button', { name: 'Show OldMarketLandingAreaFilesMonitor, seed-2021-startup.console.txt, line 14 in the log' }).click()
  await expect(logs.selectedRow).toBeVisible()
  await expect(logs.selectedRow).toContainText('OldMarketLandingAreaFilesMonitor')
  await expect(logs.details).toContainText('OMAG-MULTI-TENANT-404-001')
  await expect(logs.details).toContainText('The metadata server is not running on the platform that was called.')
  await expect(logs.list).toBeFocused()

  // Pin it as evidence with the keyboard.
  await page.keyboard.press('p')
  await expect(logs.selectedRow.locator('.c-pin')).toHaveText('★')
  await expect(page.getByText('1 line pinned as evidence')).toBeVisible()
  await expect(logs.details.getByRole('button', { name: 'Pinned as evidence' })).toHaveAttribute('aria-pressed', 'true')

  // Next and previous error, by key and by button, announced.
  await page.keyboard.press('e')
  await expect(logs.selectedRow).toContainText('DropFootClinicalTrialResultsFilesMonitor')
  await expect(page.getByRole('status').filter({ hasText: /Next error: record/ })).toBeAttached()
  await page.getByRole('button', { name: 'Previous error' }).click()
  await expect(logs.selectedRow).toContainText('OldMarketLandingAreaFilesMonitor')

  // Filters: severity chips and connector.
  await logs.severityChip('Exception').click()
  await expect(logs.severityChip('Exception')).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByText('5 of 38 records match the filters')).toBeVisible()
  await expect(logs.rows).toHaveCount(5)
  await page.getByRole('combobox', { name: 'Connector', exact: true }).selectOption('OakDeneLandingAreaDatabaseMonitor')
  await expect(logs.rows).toHaveCount(1)
  await expect(logs.rows.first()).toContainText('INTEGRATION-DAEMON-SERVICES-0031')
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(page.getByText('38 records', { exact: true })).toBeVisible()
  await page.getByLabel('Message ID').fill('omag-multi-tenant-404-001')
  await page.getByLabel('Message ID').press('Enter')
  await expect(page.getByText('3 of 38 records match the filters')).toBeVisible()
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(page.getByLabel('Message ID')).toHaveValue('')

  // Regex search with only matching lines and context.
  await page.getByLabel('Search the log (regular expression)').fill('listNodes|Kafka')
  await expect(page.getByText(/\d+ matches/)).toBeVisible()
  await page.getByLabel('Only matching lines').check()
  await expect(page.getByText(/matching records?, with 2 records of context/)).toBeVisible()
  await expect(logs.list.locator('mark').first()).toBeVisible()
  await screenshot(page, 'offline-03-search')
  await page.getByLabel('Search the log (regular expression)').fill('([')
  await expect(page.getByRole('alert').filter({ hasText: 'Not a valid pattern' })).toBeVisible()
  await page.getByLabel('Search the log (regular expression)').fill('')

  // Timeline bars are buttons: one shows its time in the viewer.
  const bar = page.locator('.timeline-bar').first()
  await bar.focus()
  await page.keyboard.press('Enter')
  await expect(logs.selectedRow).toBeVisible()
})

test('opens pasted text, .gz files, and says clearly what is wrong with bad input', async ({ page, host }, testInfo) => {
  await openApp(page, host)
  await page.getByRole('button', { name: 'Open log files' }).click()
  const logs = new AuditLogPage(page)

  const binary = testInfo.outputPath('image.log')
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]))
  await logs.openFiles('offline', [binary])
  await expect(page.getByRole('alert')).toContainText('image.log is not a text log')
  const brokenGz = testInfo.outputPath('broken.log.gz')
  writeFileSync(brokenGz, 'not gzip at all')
  await logs.openFiles('offline', [brokenGz])
  await expect(page.getByRole('alert')).toContainText('Cannot read broken.log.gz: it is not a valid gzip file')
  await page.getByLabel('Open by path').fill('/nowhere/exchangeDL01.log')
  await page.getByRole('button', { name: 'Open', exact: true }).click()
  await expect(page.getByRole('alert')).toContainText('Cannot read /nowhere/exchangeDL01.log: there is no such file or folder (ENOENT). Check the path')
  await screenshot(page, 'offline-04-errors')

  const gz = testInfo.outputPath('seed.log.gz')
  writeFileSync(gz, gzipSync(readFileSync(seed)))
  await logs.openFiles('offline', [gz])
  await expect(logs.cause('metadata server cocoMDS1 unavailable: 3 connectors')).toBeVisible()
  await page.getByRole('button', { name: 'Close this log' }).click()

  // Drag and drop: the browser reads the dropped file.
  const dropped = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer()
    transfer.items.add(new File([text], 'dropped.log', { type: 'text/plain' }))
    return transfer
  }, readFileSync(kafka, 'utf8'))
  await page.locator('.drop-zone').dispatchEvent('drop', { dataTransfer: dropped })
  await expect(logs.cause('third-party resource localhost:9092 failing')).toBeVisible()
  await expect(page.locator('.source-name')).toContainText('dropped.log')
  await page.getByRole('button', { name: 'Close this log' }).click()

  const lines = readFileSync(seed, 'utf8').split('\n').slice(0, 20).join('\n')
  await page.getByLabel('Paste log text').fill(lines)
  await page.getByRole('button', { name: 'Analyse the pasted text' }).click()
  await expect(logs.cause('metadata server cocoMDS1 unavailable: 3 connectors')).toBeVisible()
  await expect(page.getByText('Pasted log')).toBeVisible()
})

test('step 1 of the demo daemon follows its live audit log and shows the causes first', async ({ page, host }) => {
  await openApp(page, host)
  await page.getByRole('region', { name: 'Demo daemon' }).getByRole('button', { name: 'Start the demo' }).click()
  await expect(page.getByRole('heading', { name: 'Demo daemon (coco-pharma)' })).toBeVisible()
  await expect(page.getByRole('button', { name: /Audit log/ })).toHaveAttribute('aria-current', 'step')
  const logs = new AuditLogPage(page)
  const metadata = logs.cause(/metadata server cocoMDS1 unavailable: 3 connectors/)
  await expect(metadata).toBeVisible({ timeout: 20_000 })
  for (const name of ['OakDeneLandingAreaFilesMonitor', 'OldMarketLandingAreaFilesMonitor', 'DropFootClinicalTrialResultsFilesMonitor']) {
    await expect(metadata).toContainText(name)
  }
  const wrongType = logs.cause(/connector OakDeneLandingAreaDatabaseMonitor misconfigured/)
  await expect(wrongType.locator('.source-tag')).toHaveText(/Connector/)
  await expect(wrongType).toContainText('Restarting the connector cannot help')
  await expect(page.getByText(/Following: new lines appear/)).toBeVisible()
  await logs.expectRowsLoaded()
  await screenshot(page, 'demo-01-step1')

  // Lines the daemon writes now arrive while the step is open.
  const logPath = await page.locator('.source-name code').innerText()
  appendFileSync(logPath, `${new Date().toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1 $3 $2 $5 GMT $4')} exchangeDL01 Error OMAG-E2E-0001 marker line written by the test\n`)
  await page.getByLabel('Search the log (regular expression)').fill('marker line written')
  await expect(page.getByText('1 match', { exact: true })).toBeVisible({ timeout: 15_000 })
  await page.getByLabel('Search the log (regular expression)').press('Escape')
  await expect(page.getByLabel('Search the log (regular expression)')).toHaveValue('')
  await expect(page.getByRole('heading', { name: 'Demo daemon (coco-pharma)' })).toBeVisible()

  await page.getByRole('button', { name: 'Pause' }).click()
  await expect(page.getByText(/Paused: new lines are not read/)).toBeVisible()
  await page.getByRole('button', { name: 'Resume following' }).click()
  await expect(page.getByText(/Following: new lines appear/)).toBeVisible()

  await wrongType.getByRole('button', { name: 'Show OakDeneLandingAreaDatabaseMonitor, line 20 in the log' }).click()
  await expect(logs.selectedRow).toContainText('OakDeneLandingAreaDatabaseMonitor')
  await expect(logs.details).toContainText('OMIS-DATABASE-INTEGRATOR-400-001')
  await page.keyboard.press('p')

  // The status step shows the audit log lines around each connector's last status change.
  await page.keyboard.press('Alt+2')
  const database = page.locator('tr.connector-row').filter({ hasText: 'OakDeneLandingAreaDatabaseMonitor' })
  await database.getByText(/Audit log around/).click()
  await expect(database.locator('.related-lines li').first()).toBeVisible()
  await expect(database.locator('.related-lines')).toContainText('INTEGRATION-DAEMON-SERVICES')
  await screenshot(page, 'demo-02-status-related')

  // A related line opens step 1 on it.
  await database.locator('.related-lines li', { hasText: 'Exception' }).getByRole('button').click()
  await expect(page.getByRole('button', { name: /Audit log/ })).toHaveAttribute('aria-current', 'step')
  await expect(logs.selectedRow).toContainText('Exception')
  await expect(logs.selectedRow).toContainText('OakDeneLandingAreaDatabaseMonitor')

  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(metadata).toBeVisible()
  await expect(page.getByText('1 line pinned as evidence: they go into the incident report.')).toBeVisible()
  await screenshot(page, 'demo-03-step1-dark')
})
