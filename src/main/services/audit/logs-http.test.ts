import { readFileSync, rmSync } from 'node:fs'

import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LocateResult, LogSession, RecordPage } from '../../../shared/models/audit'
import type { Result } from '../../../shared/result'
import { TOKEN_HEADER } from '../../../shared/channels'
import { startWebApp, type WebApp } from '../../web/web-app'
import { tempDir } from '../../../../tests/temp-dir'

const seed = fileURLToPath(new URL('../../../../tests/fixtures/audit/seed-2021-startup.console.txt', import.meta.url))
const dataDir = tempDir('dd-logs-http-')
let app: WebApp

beforeAll(async () => {
  app = await startWebApp({ rendererDir: dataDir, dataDir, port: 0 })
})
afterAll(async () => {
  await app.close()
  rmSync(dataDir, { recursive: true, force: true })
})

type Answer = Result<LogSession & RecordPage & LocateResult>

async function call(method: string, args: unknown[]): Promise<Answer> {
  const response = await fetch(`http://127.0.0.1:${app.host.port}/api/logs/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: app.host.token },
    body: JSON.stringify(args)
  })
  return (await response.json()) as Answer
}

describe('logs API over the browser host (127.0.0.1)', () => {
  it('analyses pasted text and pages records across HTTP', async () => {
    const opened = await call('openText', [readFileSync(seed, 'utf8'), 'seed'])
    if (!opened.ok) throw new Error(opened.error.message)
    expect(opened.value.report.causes[0]).toMatchObject({ source: 'metadata-server', subject: 'cocoMDS1' })
    const page = await call('records', [opened.value.id, { severities: ['Exception'], limit: 2 }])
    expect(page).toMatchObject({ ok: true, value: { total: 4 } })
    expect(page.ok && page.value.records).toHaveLength(2)
    const located = await call('locate', [opened.value.id, { kind: 'line', input: 0, line: 14 }, { severities: ['Exception'] }])
    expect(located).toEqual({ ok: true, value: { position: 1, total: 4 } })
    expect(await call('locate', [opened.value.id, { kind: 'time', time: 'yesterday' }])).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    const closed = await call('close', [opened.value.id])
    expect(closed.ok).toBe(true)
    expect(await call('records', [opened.value.id])).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('rejects bad arguments and unreadable paths as Results', async () => {
    expect(await call('search', ['x', { pattern: '' }])).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(await call('open', [[join(dataDir, 'missing.log')]])).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('answers a catastrophic pattern on a 31-character line at once (linear-time matching)', async () => {
    // `(a+)+$` on thirty a's and a '!' backtracks about 2^30 times in a backtracking engine.
    const opened = await call('openText', [`Tue Feb 02 20:57:50 GMT 2021 exchangeDL01 Information OMRS-AUDIT-0001 ${'a'.repeat(30)}!\n`, 'hostile'])
    if (!opened.ok) throw new Error(opened.error.message)
    expect(await call('search', [opened.value.id, { pattern: '(a+)+$' }])).toEqual({ ok: true, value: { hits: [], searched: 1, total: 1 } })
    const anchored = await call('search', [opened.value.id, { pattern: '(a+)+!$' }])
    expect(anchored).toMatchObject({ ok: true, value: { hits: [{ index: 0 }], searched: 1, total: 1 } })
    expect(await call('search', [opened.value.id, { pattern: '(?=a)' }])).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('unsupported Perl syntax') } })
  })
})
