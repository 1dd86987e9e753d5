import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { writeConsoleShape } from '../../../../bench/log-shapes'
import { analyzeSources } from './analyze'
import { analyzeFilesOnThread } from './analysis-thread'
import { timeZone } from './java-time'
import { openInput } from './log-reader'

const dir = mkdtempSync(join(tmpdir(), 'analysis-thread-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const realLogs = join(__dirname, '../../../../tests/fixtures/real-logs')

describe('analysing files on a thread of their own', () => {
  it('gives the report of an analysis on this thread, for one file and for several merged by time, with a zone', async () => {
    const large = join(dir, 'startup-exceptions.log')
    await writeConsoleShape('startup-exceptions', large, 20 << 20)
    const logs = [join(realLogs, '06a-mds1-kafka-down-before-fix.txt'), join(realLogs, '24-platform-3.4-tls-startup-failed.txt')]
    for (const [paths, zone] of [[[large], undefined], [logs, undefined], [logs, 'Europe/Paris']] as const) {
      const here = await analyzeSources(await Promise.all(paths.map((path, index) => openInput(path, index, { zone: zone === undefined ? undefined : timeZone(zone) }))))
      expect(await analyzeFilesOnThread([...paths], zone), paths.join()).toEqual(here)
    }
  }, 60_000)

  it('says how far it has read while it reads', async () => {
    const path = join(dir, 'heartbeat.log')
    const size = await writeConsoleShape('heartbeat', path, 40 << 20)
    const heard: number[] = []
    await analyzeFilesOnThread([path], undefined, (bytesRead, total) => {
      expect(total).toBe(size)
      heard.push(bytesRead)
    })
    expect(heard.at(-1)).toBe(size)
    expect(heard).toEqual([...heard].sort((a, b) => a - b))
  }, 60_000)

  it('rejects with the reason when a file cannot be read', async () => {
    await expect(analyzeFilesOnThread([join(dir, 'missing.log')], undefined)).rejects.toThrow(/ENOENT/)
  })
})
