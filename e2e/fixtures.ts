/**
 * E2E fixtures: each test runs the real `daemon-doctor web` (the built app: renderer plus the
 * main-process services behind the browser host) with its own settings folder, and opens the
 * printed URL in Debian's Chromium. No Electron binary is needed.
 */
import { test as base, expect, type Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'


import { tempDir } from '../tests/temp-dir'

export interface RunningHost {
  url: string
  origin: string
  token: string
  dataDir: string
  stop(): Promise<void>
}

/** Starts `node out/main/cli.js web` and waits for the line with its URL. */
export async function startHost(dataDir: string): Promise<RunningHost> {
  const child: ChildProcess = spawn(process.execPath, ['out/main/cli.js', 'web', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stderr = ''
  child.stderr!.on('data', (chunk) => (stderr += chunk))
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = ''
    const timer = setTimeout(() => reject(new Error(`browser host did not start: ${stderr}`)), 15_000)
    child.stdout!.on('data', (chunk) => {
      stdout += chunk
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(stdout)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
    child.once('exit', (code) => reject(new Error(`browser host exited with ${code}: ${stderr}`)))
  })
  const parsed = new URL(url)
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    dataDir,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      })
  }
}

export async function openApp(page: Page, host: RunningHost): Promise<void> {
  await page.goto(host.url)
  await expect(page.locator('[data-app-ready="true"]')).toBeVisible()
}

/** Saves a full-page screenshot under the test's output folder. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true })
}

export const test = base.extend<{ dataDir: string; host: RunningHost }>({
  dataDir: async ({}, use) => {
    await use(tempDir('daemon-doctor-e2e-'))
  },
  host: async ({ dataDir }, use) => {
    const host = await startHost(dataDir)
    await use(host)
    await host.stop()
  }
})

export { expect }
