import { expect, type Locator, type Page } from '@playwright/test'

/** Selectors for the audit log step and the offline log view. */
export class AuditLogPage {
  constructor(private readonly page: Page) {}

  get list(): Locator {
    return this.page.getByRole('listbox', { name: /Log records of/ })
  }

  get rows(): Locator {
    return this.list.locator('.log-row:not(.placeholder)')
  }

  get selectedRow(): Locator {
    return this.list.locator('.log-row[aria-selected="true"]')
  }

  get details(): Locator {
    return this.page.getByRole('complementary', { name: 'Selected record' })
  }

  get causes(): Locator {
    return this.page.locator('.log-cause')
  }

  cause(verdict: string | RegExp): Locator {
    return this.causes.filter({ hasText: verdict })
  }

  async openFiles(owner: string, paths: string[]): Promise<void> {
    await this.page.getByTestId(`log-files-${owner}`).setInputFiles(paths)
  }

  async expectRowsLoaded(): Promise<void> {
    await expect(this.rows.first()).toBeVisible()
  }

  severityChip(severity: string): Locator {
    return this.page.getByRole('group', { name: 'Severity' }).getByRole('button', { name: new RegExp(`^${severity} `) })
  }
}
