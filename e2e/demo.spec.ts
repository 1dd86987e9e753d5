import { expect, openApp, screenshot, test } from './fixtures'

test('starts the built-in demo daemon from home and changes its world', async ({ page, host }) => {
  await openApp(page, host)
  const demoCard = page.getByRole('region', { name: 'Demo daemon' })
  await demoCard.getByRole('button', { name: 'Start the demo' }).click()
  await expect(page.getByRole('heading', { name: 'Demo daemon (coco-pharma)' })).toBeVisible()
  await expect(page.getByText('exchangeDL01 on http://127.0.0.1:')).toBeVisible()

  await page.getByText('Demo world: fix things the way an operator would').click()
  await expect(page.getByText('Metadata server cocoMDS1 is down')).toBeVisible()
  await page.getByRole('button', { name: 'Start cocoMDS1' }).click()
  await expect(page.getByText('Metadata server cocoMDS1 is running')).toBeVisible()
  await screenshot(page, '01-demo-flow')

  await page.keyboard.press('Escape')
  const card = page.getByRole('listitem', { name: 'Demo daemon (coco-pharma)', exact: true })
  await expect(card.locator('.badge', { hasText: 'Demo' })).toBeVisible()
  await expect(card.getByRole('button', { name: /^Edit/ })).toHaveCount(0)
  await expect(demoCard.getByText(/Running 3\./)).toBeVisible()
  await screenshot(page, '02-home-demo-running')
  await demoCard.getByRole('button', { name: 'Stop' }).click()
  await expect(card).toHaveCount(0)
})
