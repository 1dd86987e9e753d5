import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startWebApp, type WebApp } from '../src/main/web/web-app'
import { tempDir } from './temp-dir'

/** The real services behind the real browser host, with a throwaway settings folder and renderer. */
export async function startTestWebApp(dataDir = tempDir()): Promise<WebApp> {
  const rendererDir = join(dataDir, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Daemon Doctor</title>')
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(dataDir, 'secret.txt'), 'outside the renderer')
  // A trailing slash, as the CLI passes it.
  return startWebApp({ rendererDir: `${rendererDir}/`, dataDir, port: 0 })
}
