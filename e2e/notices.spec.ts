/**
 * Toasts over Step 3 on the demo daemon: at most two at a time, newest on top, the older ones folded
 * into "+N more" and never over the step's buttons; Escape dismisses the newest, but an open dialog
 * gets Escape first.
 */
import type { Locator } from '@playwright/test'
import { expect, openApp, test } from './fixtures'
import { demoWorldButton } from './pages/demo-world'

/** Whether something else (a toast) is drawn over the middle of the element; off screen, nothing can be. */
async function covered(target: Locator): Promise<boolean> {
  return target.evaluate((element) => {
    const box = element.getBoundingClientRect()
    const x = box.left + box.width / 2
    const y = box.top + box.height / 2
    if (y < 0 || y > window.innerHeight || x < 0 || x > window.innerWidth) return false
    const top = document.elementFromPoint(x, y)
    return top === null || !element.contains(top)
  })
}

test('toasts over Step 3: two at a time, newest on top, Escape dismisses the newest after any open dialog', async ({ page, host }) => {
  await page.clock.install()
  await openApp(page, host)
  const card = page.getByRole('region', { name: 'Demo daemon' })
  await card.getByRole('button', { name: 'Start the demo' }).click()
  await expect(page.getByRole('heading', { name: 'Demo daemon (coco-pharma)' })).toBeVisible()
  // The next safe action says the restart once, with its count.
  const guidance = page.getByRole('region', { name: 'What was found and what to do next' })
  await expect(guidance).toContainText('Start the metadata server (or fix its name or platform URL), then restart its 3 FAILED connectors.', { timeout: 30_000 })
  await expect(guidance).not.toContainText('Once that is fixed')
  await page.keyboard.press('Alt+3')
  const restartAll = page.getByRole('button', { name: 'Restart all connectors…' })
  await expect(restartAll).toBeVisible()

  // The page's clock stands still from here: success toasts go after six seconds, and the checks must not race them.
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 500))
  const notices = page.locator('.notices')
  const toasts = notices.locator('.notice-text')
  await (await demoWorldButton(page, 'Start cocoMDS1')).click()
  await expect(toasts).toHaveText(['Started metadata server cocoMDS1'])
  const createDirectory = await demoWorldButton(page, 'Create directory')
  const created: string[] = []
  for (let left = 3; left > 0; left--) {
    await createDirectory.first().click()
    await expect(createDirectory).toHaveCount(left - 1)
    created.unshift((await toasts.first().textContent()) ?? '')
  }
  expect(created.every((text) => text.startsWith('Created data/'))).toBe(true)

  // Four toasts: the two newest show, newest on top, in the polite live region; two fold into "+2 more".
  await expect(toasts).toHaveText(created.slice(0, 2))
  await expect(notices.getByRole('status')).toHaveAttribute('aria-live', 'polite')
  const more = notices.getByRole('button', { name: '+2 more notices' })
  await expect(more).toBeVisible()
  await page.locator('details.demo-world summary').click()
  const buttons = page.locator('#main button:visible')
  for (const button of await buttons.all()) expect(await covered(button), `${await button.textContent()} is covered`).toBe(false)
  // Scrolled to the end, where the step's restart buttons are.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
  await expect(restartAll).toBeInViewport()
  for (const button of await buttons.all()) expect(await covered(button), `${await button.textContent()} is covered`).toBe(false)
  await page.screenshot({ path: test.info().outputPath('step3-toasts.png') })

  // A dialog gets Escape first: it closes, the toasts stay.
  await restartAll.click()
  const dialog = page.getByRole('dialog', { name: /Restart all connectors/ })
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(toasts).toHaveText(created.slice(0, 2))

  // Then Escape dismisses the newest toast, one per press, and the flow stays open.
  await page.keyboard.press('Escape')
  await expect(toasts).toHaveText(created.slice(1, 3))
  await expect(notices.getByRole('button', { name: '+1 more notices' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(toasts).toHaveText([created[2]!, 'Started metadata server cocoMDS1'])
  await expect(notices.getByRole('button', { name: /more notices/ })).toHaveCount(0)
  await expect(restartAll).toBeVisible()

  // Time moves again: the rest go by themselves, and Escape is the app's (back to home) once none is left.
  await page.clock.runFor(6_500)
  await expect(toasts).toHaveCount(0)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('heading', { name: 'Connections', exact: true })).toBeVisible()
})
