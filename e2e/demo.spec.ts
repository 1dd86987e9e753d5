import { expect, openApp, screenshot, test } from './fixtures'

test('starts the built-in demo daemon from home and changes its world', async ({ page, host }) => {
  await openApp(page, host)
  const demoCard = page.getByRole('region', { name: 'Demo daemon' })
  await demoCard.getByRole('button', { name: 'Start the demo' }).click()
  await expect(page.getByRole('heading', { name: 'Demo daemon (coco-pharma)' })).toBeVisible()
  await expect(page.getByText('exchangeDL01 on http://127.0.0.1:')).toBeVisible()

  await page.getByText('metadata server cocoMDS1 down, 3 directories missing').click()
  await expect(page.getByText('Metadata server cocoMDS1 is down')).toBeVisible()
  await page.getByRole('button', { name: 'Start cocoMDS1' }).click()
  await expect(page.getByText('Metadata server cocoMDS1 is running')).toBeVisible()
  // The first Escape dismisses the toast of that change and the flow stays; the next goes back home.
  const toast = page.locator('.notices').getByText('Started metadata server cocoMDS1')
  await expect(toast).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(toast).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Demo daemon (coco-pharma)' })).toBeVisible()
  await screenshot(page, '01-demo-flow')

  await page.keyboard.press('Escape')
  await expect(demoCard.getByText(/Running 3\./)).toBeVisible()
  // Health at a glance: the connectors stay FAILED after their metadata server is back (no self-recovery).
  await expect(demoCard.getByText('4 failed')).toBeVisible()
  await expect(demoCard.getByText('4 connectors')).toBeVisible()
  await expect(demoCard.getByText(/checked (now|\d+ seconds? ago)/)).toBeVisible()
  // The demo has its own card: the saved list stays for the operator's own daemons.
  await expect(page.getByRole('listitem', { name: 'Demo daemon (coco-pharma)', exact: true })).toHaveCount(0)
  await expect(page.getByText('0 saved')).toBeVisible()
  await screenshot(page, '02-home-demo-running')
  await demoCard.getByRole('button', { name: 'Stop' }).click()
  await expect(demoCard.getByText('4 connectors')).toHaveCount(0)
})

test('shows the demo daemon status with every failure classified, needing attention first', async ({ page, host }) => {
  await openApp(page, host)
  await page.getByRole('region', { name: 'Demo daemon' }).getByRole('button', { name: 'Start the demo' }).click()
  await expect(page.getByRole('heading', { name: 'Demo daemon (coco-pharma)' })).toBeVisible()
  await page.keyboard.press('Alt+2')
  const rows = page.locator('tr.connector-row')
  await expect(rows).toHaveCount(4)
  await expect(page.getByRole('button', { name: /Failed 4/ })).toBeVisible()
  for (const name of ['OakDeneLandingAreaFilesMonitor', 'OldMarketLandingAreaFilesMonitor', 'DropFootClinicalTrialResultsFilesMonitor']) {
    const row = rows.filter({ hasText: name })
    await expect(row.locator('.status-pill')).toHaveText(/FAILED$/)
    await expect(row.getByText('Metadata server', { exact: true })).toBeVisible()
    await expect(row.locator('code', { hasText: 'cocoMDS1' })).toBeVisible()
    await expect(row.locator('mark.message-id', { hasText: 'OMAG-MULTI-TENANT-404-001' })).toBeVisible()
  }
  const database = rows.filter({ hasText: 'OakDeneLandingAreaDatabaseMonitor' })
  await expect(database.getByText('Connector', { exact: true })).toBeVisible()
  await expect(database.locator('mark.message-id', { hasText: 'OMIS-DATABASE-INTEGRATOR-400-001' })).toBeVisible()
  await expect(page.getByText(/fetched .*(now|second)/)).toBeVisible()
  await screenshot(page, '03-demo-status')

  await page.getByRole('button', { name: /Healthy 0/ }).click()
  await expect(page.getByText('No connector matches this filter.')).toBeVisible()
  await page.getByRole('button', { name: /All 4/ }).click()
  await page.getByLabel('Search connectors').fill('Database')
  await expect(rows).toHaveCount(1)

  await page.getByRole('button', { name: 'Check the connection' }).click()
  await expect(page.getByRole('region', { name: 'Connection check' })).toContainText('TCP')
})

test('opens straight on the demo daemon with `web --demo` (npm run demo)', async ({ page, host }) => {
  await page.goto(`${host.url}#demo`)
  await expect(page.getByRole('heading', { name: 'Demo daemon (coco-pharma)' })).toBeVisible()
  await expect(page.getByRole('button', { name: /Audit log/ })).toHaveAttribute('aria-current', 'step')
})
