/**
 * Step 1 reading the daemon's audit log from Egeria's PostgreSQL audit log destination (a real
 * PostgreSQL, started here, holding the seed story's rows in the destination's schema), followed live.
 */
import { readFileSync } from 'node:fs'
import { AUDIT_TABLES_DDL, connectAs, insertEvents, type AuditEvent } from '../tests/support/egeria-audit-db'
import { startPostgres, type PostgresServer } from '../tests/support/postgres-server'
import { expect, openApp, screenshot, test } from './fixtures'
import { AuditLogPage } from './pages/audit-log-page'
import { ConnectionsPage } from './pages/connections-page'

const SEED: AuditEvent[] = readFileSync('tests/fixtures/audit/seed-2021-startup.events.jsonl', 'utf8').trim().split('\n').map((line) => JSON.parse(line) as AuditEvent)

let db: PostgresServer
test.beforeAll(async () => {
  db = await startPostgres()
  db.psql('CREATE DATABASE egeria_audit')
  db.psql(AUDIT_TABLES_DDL(), 'egeria_audit')
  const client = await connectAs(db.url('egeria_audit'))
  await insertEvents(client, SEED.slice(0, 24))
  await client.end()
})
test.afterAll(async () => {
  await db?.stop()
})

test('step 1 reads the audit database, explains the failures, follows new rows and says when the password is wrong', async ({ page, host }) => {
  await page.goto(`${host.url}#demo`)
  await expect(page.getByRole('button', { name: /Audit log/ })).toHaveAttribute('aria-current', 'step')
  const logs = new AuditLogPage(page)
  await page.getByRole('button', { name: 'Open other logs…' }).click()
  const form = page.getByRole('form', { name: "Read Egeria's audit database or topic" })
  await expect(form).toBeVisible()

  // The form checks its fields before anything is sent.
  await form.getByRole('button', { name: 'Read the audit database' }).click()
  await expect(form.getByText('Host is required')).toBeVisible()

  await form.getByLabel('Host').fill('127.0.0.1')
  await form.getByLabel('Port').fill(String(db.port))
  await form.getByLabel('Database').fill('egeria_audit')
  await form.getByLabel('User', { exact: true }).fill(db.user)
  await form.getByLabel('Password', { exact: true }).fill('not-the-password')
  await form.getByLabel('Since').fill('')
  await form.getByLabel('TLS').selectOption('disable')
  await form.getByRole('button', { name: 'Read the audit database' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'refused the password of user egeria_admin (28P01)' })).toBeVisible()
  await expect(page.getByText('not-the-password')).toHaveCount(0)

  await form.getByLabel('Password', { exact: true }).fill(db.password)
  await form.getByRole('button', { name: 'Read the audit database' }).click()
  await expect(page.locator('.source-name')).toContainText(`Audit database postgresql://egeria_admin@127.0.0.1:${db.port}/egeria_audit`)
  await expect(page.getByText('Following: new records appear as Egeria writes them')).toBeVisible()
  await expect(logs.cause(/metadata server cocoMDS1 unavailable/)).toBeVisible()
  await logs.expectRowsLoaded()
  await expect(page.locator('.source-name')).toContainText('24 records from exchangeDL01')
  await screenshot(page, 'step1-audit-database')

  // Rows Egeria writes later arrive while following.
  const writer = await connectAs(db.url('egeria_audit'))
  await insertEvents(writer, SEED.slice(24))
  await writer.end()
  await expect(page.locator('.source-name')).toContainText(`${SEED.length} records`, { timeout: 15_000 })
  await logs.severityChip('Exception').click()
  await expect(logs.rows.first()).toContainText('INTEGRATION-DAEMON-SERVICES-0031')
  await screenshot(page, 'step1-audit-database-followed')
})

test('a connection keeps its audit database: step 1 reads it again without asking', async ({ page, host }) => {
  await openApp(page, host)
  const connections = new ConnectionsPage(page)
  await connections.startNew()
  await connections.fill({ name: 'Estate daemon', platformUrl: 'https://127.0.0.1:9', serverName: 'exchangeDL01', userId: 'garygeeke' })
  await connections.save()
  await connections.card('Estate daemon').getByRole('button', { name: 'Estate daemon', exact: true }).click()
  await expect(page.getByRole('button', { name: /Audit log/ })).toHaveAttribute('aria-current', 'step')
  const form = page.getByRole('form', { name: "Read Egeria's audit database or topic" })
  await form.getByLabel('Host').fill('127.0.0.1')
  await form.getByLabel('Port').fill(String(db.port))
  await form.getByLabel('Database').fill('egeria_audit')
  await form.getByLabel('User', { exact: true }).fill(db.user)
  await form.getByLabel('Password', { exact: true }).fill(db.password)
  await form.getByLabel('Server (optional)').fill('exchangeDL01')
  await form.getByLabel('Since').fill('')
  await form.getByLabel('TLS').selectOption('disable')
  await form.getByLabel(/Save with this connection/).check()
  await form.getByRole('button', { name: 'Read the audit database' }).click()
  await expect(page.locator('.source-name')).toContainText('Audit database')
  await expect(page.getByText('Saved with the connection: step 1 reads it from now on')).toBeVisible()
  await expect(readFileSync(`${host.dataDir}/connections.json`, 'utf8')).toContain('egeria_audit')
  expect(readFileSync(`${host.dataDir}/connections.json`, 'utf8')).not.toContain(db.password)

  await page.reload()
  await expect(page.locator('[data-app-ready="true"]')).toBeVisible()
  await connections.card('Estate daemon').getByRole('button', { name: 'Estate daemon', exact: true }).click()
  await expect(page.locator('.source-name')).toContainText(`Audit database postgresql://egeria_admin@127.0.0.1:${db.port}/egeria_audit (server exchangeDL01)`)
  await expect(new AuditLogPage(page).cause(/metadata server cocoMDS1 unavailable/)).toBeVisible()
  await screenshot(page, 'step1-saved-audit-database')
})
