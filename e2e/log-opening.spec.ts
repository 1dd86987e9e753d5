import { closeSync, openSync, readFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { expect, openApp, screenshot, test } from './fixtures'

const seed = readFileSync(join(process.cwd(), 'tests/fixtures/audit/seed-2021-startup.console.txt'))

/** The guide's start-up log repeated to about `megabytes` MB. */
function bigLog(path: string, megabytes: number): string {
  const file = openSync(path, 'w')
  const block = Buffer.concat(Array.from({ length: 256 }, () => seed))
  for (let written = 0; written < megabytes * 1048576; written += block.length) writeSync(file, block)
  closeSync(file)
  return path
}

test('a large log opens with a progress bar that can be cancelled, then shows its causes', async ({ page, host }, testInfo) => {
  test.setTimeout(180_000)
  const big = bigLog(testInfo.outputPath('big.log'), 400)
  await openApp(page, host)
  await page.getByRole('region', { name: 'Open log files' }).getByRole('button', { name: 'Open log files' }).click()
  await page.getByLabel('Open by path').fill(big)
  await page.getByRole('button', { name: 'Open', exact: true }).click()

  const reading = page.getByRole('region', { name: 'Reading the log' })
  await expect(reading.getByRole('progressbar', { name: 'Part of the log read' })).toBeVisible()
  await expect(reading.getByRole('status')).toContainText(/[1-9]\d* of 40\d MB read \([1-9]\d?%\)/, { timeout: 60_000 })
  await screenshot(page, 'log-opening-progress')

  // Escape cancels: the picker is back, with no error.
  await page.keyboard.press('Escape')
  await expect(page.getByLabel('Open by path')).toBeVisible()
  await expect(reading).toHaveCount(0)
  await expect(page.getByRole('alert')).toHaveCount(0)

  // Read to the end, the causes show.
  await page.getByLabel('Open by path').fill(bigLog(testInfo.outputPath('smaller.log'), 20))
  await page.getByRole('button', { name: 'Open', exact: true }).click()
  await expect(page.getByText('metadata server cocoMDS1 unavailable: 3 connectors')).toBeVisible({ timeout: 60_000 })
  await screenshot(page, 'log-opening-done')
})
