import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { TOKEN_HEADER } from '../src/shared/channels'
import { expect, openApp, screenshot, test, type RunningHost } from './fixtures'
import { AuditLogPage } from './pages/audit-log-page'

const FILES_MONITOR = 'OakDeneLandingAreaFilesMonitor'

/** Calls the host's API as the renderer does, for the steps other engineers' panels own. */
async function apiCall<T>(page: Page, host: RunningHost, path: string, args: unknown[]): Promise<T> {
  const response = await page.request.post(`${host.origin}/api/${path}`, { headers: { [TOKEN_HEADER]: host.token }, data: args, timeout: 60_000 })
  const result = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } }
  if (!result.ok) throw new Error(`${path}: ${result.error.message}`)
  return result.value
}

async function openPalette(page: Page): Promise<void> {
  await page.keyboard.press('Control+k')
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible()
}

async function startDemo(page: Page, host: RunningHost): Promise<string> {
  await openApp(page, host)
  await page.getByRole('region', { name: 'Demo daemon' }).getByRole('button', { name: 'Start the demo' }).click()
  await expect(page.getByRole('heading', { name: 'Demo daemon (coco-pharma)' })).toBeVisible()
  const info = await apiCall<{ connectionId: string }>(page, host, 'demo/info', [])
  return info.connectionId
}

test('step 5: the incident report after a restart, previewed, saved as Markdown and HTML, and the journal', async ({ page, host }) => {
  test.setTimeout(120_000)
  const connectionId = await startDemo(page, host)
  // Pin the wrong-type evidence line in step 1: the report quotes it.
  const logs = new AuditLogPage(page)
  const wrongType = logs.cause(/connector OakDeneLandingAreaDatabaseMonitor misconfigured/)
  await wrongType.getByRole('button', { name: /Show OakDeneLandingAreaDatabaseMonitor, line \d+ in the log/ }).click()
  await expect(logs.details).toContainText('OMIS-DATABASE-INTEGRATOR-400-001')
  await logs.details.getByRole('button', { name: 'Pin as evidence' }).click()
  await expect(logs.details.getByRole('button', { name: 'Pinned as evidence' })).toHaveAttribute('aria-pressed', 'true')
  // Bring cocoMDS1 back and restart one files monitor: its directory is still missing, so it fails anew.
  await apiCall(page, host, 'demo/updateWorld', [{ metadataServers: { cocoMDS1: { available: true } } }])
  await apiCall(page, host, 'daemon/restart', [connectionId, { kind: 'connector', name: FILES_MONITOR }])

  // To step 5 by keyboard through the command palette
  await openPalette(page)
  await page.keyboard.type('report')
  await expect(page.getByRole('listbox', { name: 'Commands' }).getByRole('option', { selected: true })).toContainText('Go to step 5: Report')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: /Report/ }).and(page.locator('[aria-current="step"]'))).toBeVisible()

  const preview = page.frameLocator('iframe[title="Incident report preview"]')
  await expect(preview.getByRole('heading', { name: 'Incident report: Demo daemon (coco-pharma)' })).toBeVisible({ timeout: 20_000 })
  await expect(preview.getByText('Failing with a new error').first()).toBeVisible()
  await expect(preview.locator('pre.evidence').first()).toContainText('exchangeDL01.log:')
  await expect(page.getByText(/1 pinned line, 1 action; \d of 4 connectors failing now/)).toBeVisible()
  await expect(preview.getByRole('heading', { name: 'Pinned evidence (1)' })).toBeVisible()
  await screenshot(page, '10-report-light')

  // Markdown
  const markdownDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Save as Markdown' }).click()
  const markdownFile = await markdownDownload
  expect(markdownFile.suggestedFilename()).toMatch(/^incident-demo-daemon-coco-pharma-[\d-]+\.md$/)
  const markdown = readFileSync((await markdownFile.path())!, 'utf8')
  expect(markdown).toContain('# Incident report: Demo daemon \\(coco-pharma\\)'.replace('\\(', '(').replace('\\)', ')'))
  expect(markdown).toContain('## Causes')
  expect(markdown).toContain('OMAG-MULTI-TENANT-404-001')
  expect(markdown).toContain('OMIS-DATABASE-INTEGRATOR-400-001')
  expect(markdown).toMatch(/^exchangeDL01\.log:\d+ {2}.*OMAG-MULTI-TENANT-404-001/m)
  expect(markdown).toMatch(new RegExp(`\\| \`${FILES_MONITOR}\` \\| ✖ \\*\\*FAILED\\*\\* \`OMAG-MULTI-TENANT-404-001\` \\| ✖ \\*\\*FAILED\\*\\* \`BASIC-FILES-INTEGRATION-CONNECTORS-404-001\` \\| ✖ \\*\\*Failing with a new error\\*\\*`))
  expect(markdown).toMatch(/## Pinned evidence \(1\)\n\n```text\nexchangeDL01\.log:\d+ {2}.*OMIS-DATABASE-INTEGRATOR-400-001/)
  expect(markdown).toContain('## Final state')
  expect(markdown).toContain('## Timeline')
  expect(markdown).not.toMatch(/(clear|encrypted)Password='(?!null'|\[redacted\]')/)

  // HTML: the same content, self-contained
  const htmlDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Save as HTML' }).click()
  const htmlFile = await htmlDownload
  expect(htmlFile.suggestedFilename()).toMatch(/\.html$/)
  const html = readFileSync((await htmlFile.path())!, 'utf8')
  expect(html).toContain('<h1>Incident report: Demo daemon (coco-pharma)</h1>')
  expect(html).toContain('Failing with a new error')
  expect(html).toContain('BASIC-FILES-INTEGRATION-CONNECTORS-404-001')
  expect(html).not.toMatch(/<script|<link|<img/i)
  expect(html).not.toMatch(/(clear|encrypted)Password=&#39;(?!null&#39;|\[redacted\]&#39;)/)

  // The journal: the restart, expanded to its before → after comparison
  const journal = page.getByRole('region', { name: 'Action journal' })
  const entry = journal.getByRole('button', { name: new RegExp(`Restart of connector ${FILES_MONITOR}`) })
  await expect(entry).toHaveAttribute('aria-expanded', 'false')
  await entry.click()
  await expect(entry).toHaveAttribute('aria-expanded', 'true')
  const row = journal.getByRole('row', { name: new RegExp(FILES_MONITOR) })
  await expect(row.getByRole('cell').nth(0)).toContainText('FAILED')
  await expect(row.getByRole('cell').nth(0)).toContainText('OMAG-MULTI-TENANT-404-001')
  await expect(row.getByRole('cell').nth(2)).toContainText('BASIC-FILES-INTEGRATION-CONNECTORS-404-001')
  await expect(row).toContainText('Failing with a new error')
  await journal.getByLabel('Outcome').selectOption('success')
  await expect(journal.getByText('No journal entry matches these filters for this connection.')).toBeVisible()
  await journal.getByRole('button', { name: 'Show every entry' }).click()
  await expect(entry).toBeVisible()

  // Dark theme through the palette
  await openPalette(page)
  await page.keyboard.type('dark')
  await page.keyboard.press('Enter')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.getByRole('button', { name: 'Markdown', exact: true }).click()
  await expect(page.getByLabel('Incident report as Markdown')).toContainText('## Final state')
  await screenshot(page, '11-report-dark')
})

test('the command palette is keyboard operable and gives focus back', async ({ page, host }) => {
  await startDemo(page, host)
  const stepOne = page.getByRole('button', { name: /Audit log/ })
  await stepOne.focus()
  await openPalette(page)
  await page.keyboard.type('step')
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('listbox', { name: 'Commands' }).getByRole('option', { selected: true })).toContainText('Go to step 2: Status')
  await screenshot(page, '12-command-palette')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: /Status/ }).and(page.locator('[aria-current="step"]'))).toBeVisible()
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toHaveCount(0)

  // Escape closes the palette only (the flow stays open), and focus returns where it was
  await stepOne.focus()
  await page.keyboard.press('Control+Shift+P')
  await page.keyboard.type('nothing matches this')
  await expect(page.getByText(/No command matches/)).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Demo daemon (coco-pharma)' })).toBeVisible()
  await expect(stepOne).toBeFocused()

  // Home, then open the demo again by name
  await openPalette(page)
  await page.keyboard.type('saved connections')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('region', { name: 'Demo daemon' })).toBeVisible()
  await openPalette(page)
  await page.keyboard.type('open the demo')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Demo daemon (coco-pharma)' })).toBeVisible()
})

test('status changes are announced politely', async ({ page, host }) => {
  const connectionId = await startDemo(page, host)
  await page.keyboard.press('Alt+2')
  await expect(page.locator('tr.connector-row')).toHaveCount(4)
  await apiCall(page, host, 'demo/updateWorld', [{ metadataServers: { cocoMDS1: { available: true } } }])
  await apiCall(page, host, 'daemon/restart', [connectionId, { kind: 'connector', name: FILES_MONITOR }])
  const announcer = page.getByTestId('announcer')
  await expect(announcer).toHaveAttribute('aria-live', 'polite')
  await expect(announcer).toContainText(/OakDeneLandingAreaFilesMonitor is still FAILED, now with BASIC-FILES-INTEGRATION-CONNECTORS-404-001/, { timeout: 15_000 })
})
