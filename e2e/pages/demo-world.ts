import type { Locator, Page } from '@playwright/test'

/** A button of the demo world's panel (opened first when closed): what the operator does outside the app. */
export async function demoWorldButton(page: Page, name: string | RegExp): Promise<Locator> {
  const world = page.locator('details.demo-world')
  if ((await world.getAttribute('open')) === null) await world.locator('summary').click()
  return world.getByRole('button', { name })
}
