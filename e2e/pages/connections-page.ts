import { expect, type Locator, type Page } from '@playwright/test'

export interface ConnectionFields {
  name?: string
  platformUrl?: string
  serverName?: string
  userId?: string
  password?: string
  environment?: 'Development' | 'Test' | 'Production'
  tls?: 'Verify with system CAs' | 'Verify with a CA file' | 'Verification off (this connection only)'
  readOnly?: boolean
}

/** Selectors for the connections screen and form live here, not in the specs. */
export class ConnectionsPage {
  constructor(private readonly page: Page) {}

  card(name: string): Locator {
    return this.page.getByRole('listitem', { name, exact: true })
  }

  async startNew(): Promise<void> {
    await this.page.getByRole('button', { name: 'New connection' }).click()
    await expect(this.page.getByRole('heading', { name: 'New connection' })).toBeVisible()
  }

  async fill(fields: ConnectionFields): Promise<void> {
    const form = this.page.locator('form')
    if (fields.name !== undefined) await form.getByLabel('Display name').fill(fields.name)
    if (fields.platformUrl !== undefined) await form.getByLabel('Platform root URL').fill(fields.platformUrl)
    if (fields.serverName !== undefined) await form.getByLabel('Integration daemon server name').fill(fields.serverName)
    if (fields.userId !== undefined) await form.getByLabel('User ID').fill(fields.userId)
    if (fields.password !== undefined) await form.getByLabel('Password (optional)').fill(fields.password)
    if (fields.environment) await form.getByLabel('Environment').selectOption({ label: fields.environment })
    if (fields.tls) await form.getByLabel(fields.tls).check()
    if (fields.readOnly !== undefined) await form.getByLabel(/Read-only: never restart/).setChecked(fields.readOnly)
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save connection' }).click()
  }

  fieldError(label: string): Locator {
    return this.page.locator('.field', { has: this.page.getByLabel(label, { exact: true }) }).locator('.field-error')
  }
}
