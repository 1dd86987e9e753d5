import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, openApp, screenshot, test } from './fixtures'
import { AuditLogPage } from './pages/audit-log-page'

const shapes = join(process.cwd(), 'tests/fixtures/audit/shapes')

test('a pasted status answer and a Spring Boot log with a Kafka failure show their causes, sources and evidence', async ({ page, host }) => {
  await openApp(page, host)
  await page.getByRole('button', { name: 'Open log files' }).click()
  const logs = new AuditLogPage(page)

  await page.getByLabel('Paste log text').fill(readFileSync(join(shapes, 'status-pasted.txt'), 'utf8'))
  await page.getByRole('button', { name: 'Analyse the pasted text' }).click()
  const down = logs.cause('metadata server cocoMDS1 unavailable: 1 connector')
  await expect(down).toBeVisible()
  await expect(down.locator('.source-tag')).toHaveText(/Metadata server/)
  await expect(down).toContainText('Blocks connector: LandingMonitor')
  // The status answer (line 2) and the refresh call's error envelope (line 18) both point at cocoMDS1.
  const evidence = down.getByRole('group', { name: 'Evidence' }).getByRole('button')
  await expect(evidence).toHaveText(['↳ LandingMonitor (line 2)', '↳ cocoMDS1 (line 18)'])
  await screenshot(page, 'shapes-01-pasted-status')
  await page.getByRole('button', { name: 'Close this log' }).click()

  await page.getByLabel('Paste log text').fill(readFileSync(join(shapes, 'spring3-kafka.txt'), 'utf8'))
  await page.getByRole('button', { name: 'Analyse the pasted text' }).click()
  const kafka = logs.cause('third-party resource Kafka failing')
  await expect(kafka).toBeVisible()
  await expect(kafka.locator('.source-tag')).toHaveText(/Third-party technology/)
  await expect(kafka).toContainText('A system outside Egeria')
  await kafka.getByRole('group', { name: 'Evidence' }).getByRole('button').first().click()
  await expect(logs.selectedRow).toContainText('Error connecting to Kafka')
  await screenshot(page, 'shapes-02-spring-kafka')
})
