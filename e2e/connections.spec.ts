import { ConnectionsPage } from './pages/connections-page'
import { expect, openApp, screenshot, startHost, test } from './fixtures'

test('creates, edits and deletes a connection, with undo', async ({ page, host }) => {
  await openApp(page, host)
  const connections = new ConnectionsPage(page)
  await expect(page.getByRole('heading', { name: 'No saved connections yet' })).toBeVisible()
  await expect(page.getByText(/passwords you enter are kept in memory only/)).toBeVisible()
  await screenshot(page, '01-home-empty')

  await connections.startNew()
  await connections.fill({
    name: 'Coco exchange',
    platformUrl: 'https://localhost:9443',
    serverName: 'exchangeDL01',
    userId: 'garygeeke',
    password: 'secret-password',
    environment: 'Production',
    tls: 'Verification off (this connection only)'
  })
  await expect(page.getByLabel(/Read-only: never restart/), 'production starts read-only').toBeChecked()
  await screenshot(page, '02-connection-form')
  await connections.save()

  const card = connections.card('Coco exchange')
  await expect(card).toBeVisible()
  await expect(card.getByText('Production')).toBeVisible()
  await expect(card.getByText('TLS verification off')).toBeVisible()
  await screenshot(page, '03-home-one-connection')

  await card.getByRole('button', { name: 'Edit Coco exchange' }).click()
  await expect(page.getByText('A password is saved. Leave blank to keep it.')).toBeVisible()
  await connections.fill({ name: 'Coco exchange (prod)', readOnly: true, tls: 'Verify with system CAs' })
  await connections.save()
  const edited = connections.card('Coco exchange (prod)')
  await expect(edited.getByText('Read-only')).toBeVisible()
  await expect(edited.getByText('TLS verification off')).toHaveCount(0)

  await edited.getByRole('button', { name: 'Duplicate Coco exchange (prod)' }).click()
  await expect(connections.card('Coco exchange (prod) (copy)')).toBeVisible()

  await edited.getByRole('button', { name: 'Delete Coco exchange (prod)' }).click()
  await expect(connections.card('Coco exchange (prod)')).toHaveCount(0)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(connections.card('Coco exchange (prod)')).toBeVisible()

  await page.getByLabel('Search connections').fill('copy')
  await expect(page.getByRole('listitem')).toHaveCount(1)
  await expect(page.getByText('1 of 2')).toBeVisible()
})

test('explains every invalid field', async ({ page, host }) => {
  await openApp(page, host)
  const connections = new ConnectionsPage(page)
  await connections.startNew()
  await connections.fill({ name: '', platformUrl: 'ftp://files.example', serverName: 'exchange DL01', userId: '' })
  await connections.fill({ tls: 'Verify with a CA file' })
  await connections.save()
  await expect(connections.fieldError('Display name')).toHaveText(/Display name is required/)
  await expect(connections.fieldError('Platform root URL')).toHaveText(/Only http:\/\/ and https:\/\/ URLs are supported/)
  await expect(connections.fieldError('Integration daemon server name')).toHaveText(/cannot contain spaces/)
  await expect(connections.fieldError('User ID')).toHaveText(/User ID is required/)
  await expect(connections.fieldError('CA certificate file (PEM)')).toHaveText(/Choose the CA certificate file/)
  await expect(page.getByLabel('Display name')).toBeFocused()
  await screenshot(page, '04-validation-messages')
})

test('keeps connections across a restart of the host', async ({ page, host, dataDir }) => {
  await openApp(page, host)
  const connections = new ConnectionsPage(page)
  await connections.startNew()
  await connections.fill({ name: 'Lab daemon', platformUrl: 'http://127.0.0.1:9443', serverName: 'qs-integration-daemon', userId: 'garygeeke', environment: 'Test' })
  await connections.save()
  await expect(connections.card('Lab daemon')).toBeVisible()
  await host.stop()

  const restarted = await startHost(dataDir)
  try {
    await openApp(page, restarted)
    await expect(connections.card('Lab daemon')).toBeVisible()
    await expect(connections.card('Lab daemon').getByText('Test')).toBeVisible()
  } finally {
    await restarted.stop()
  }
})

test('opens the guided flow frame and moves between steps from the keyboard', async ({ page, host }) => {
  await openApp(page, host)
  const connections = new ConnectionsPage(page)
  await page.keyboard.press('n')
  await connections.fill({ name: 'Keyboard daemon', platformUrl: 'https://localhost:9443', serverName: 'exchangeDL01', userId: 'garygeeke' })
  await page.keyboard.press('Enter')
  // Escape dismisses the toast that says it was saved; with none left, Escape goes back (below).
  const saved = page.locator('.notices').getByText('Saved “Keyboard daemon”')
  await expect(saved).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(saved).toHaveCount(0)
  await connections.card('Keyboard daemon').getByRole('button', { name: 'Keyboard daemon', exact: true }).click()
  await expect(page.getByRole('button', { name: /Audit log/ })).toHaveAttribute('aria-current', 'step')
  await page.keyboard.press('Alt+2')
  await expect(page.getByRole('button', { name: /Status/ })).toHaveAttribute('aria-current', 'step')
  await screenshot(page, '05-flow-frame')
  await page.getByLabel('Theme').selectOption('dark')
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(18, 22, 28)')
  await screenshot(page, '05b-flow-frame-dark')
  await page.getByLabel('Theme').selectOption('light')
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(246, 247, 249)')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('heading', { name: 'Connections' })).toBeVisible()
})

test('refuses API calls without the token or from a foreign origin', async ({ request, host }) => {
  const noToken = await request.post(`${host.origin}/api/connections/list`, { data: [] })
  expect(noToken.status()).toBe(401)
  const foreign = await request.post(`${host.origin}/api/connections/list`, {
    data: [],
    headers: { 'x-daemon-doctor-token': host.token, origin: 'https://evil.example' }
  })
  expect(foreign.status()).toBe(403)
})

test('reports a corrupted settings file and keeps it aside', async ({ page, dataDir }) => {
  const { writeFileSync, readdirSync } = await import('node:fs')
  const { join } = await import('node:path')
  writeFileSync(join(dataDir, 'connections.json'), '{"schemaVersion": 2, "connections": [ {"name": "tru')
  const host = await startHost(dataDir)
  try {
    await openApp(page, host)
    const alert = page.getByRole('alert').filter({ hasText: 'is not valid JSON' })
    await expect(alert).toBeVisible()
    await expect(alert).toContainText('connections.json.unreadable-')
    await screenshot(page, '06-settings-file-moved-aside')
    expect(readdirSync(dataDir).some((name) => name.startsWith('connections.json.unreadable-'))).toBe(true)
    await alert.getByRole('button', { name: 'Dismiss' }).click()
    await expect(alert).toHaveCount(0)
  } finally {
    await host.stop()
  }
})
