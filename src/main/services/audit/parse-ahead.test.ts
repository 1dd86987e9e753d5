import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { writeConsoleShape } from '../../../../bench/log-shapes'
import { analyzeSources } from './analyze'
import { timeZone } from './java-time'
import { openInput, type FileReading } from './log-reader'
import { cutPointIn, windowAt, type StretchPlan } from './parse-ahead'
import { RecordUnpacker } from './record-codec'
import { isCutPoint } from './record-parser'

const dir = mkdtempSync(join(tmpdir(), 'parse-ahead-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
afterEach(() => vi.restoreAllMocks())

const fixtures = join(__dirname, '../../../../tests/fixtures')

/** Every text log of the fixtures: our own, and the real ones users posted. */
const LOGS = [...readdirSync(join(fixtures, 'audit')).map((name) => join(fixtures, 'audit', name)), ...readdirSync(join(fixtures, 'real-logs')).map((name) => join(fixtures, 'real-logs', name))].filter(
  (path) => statSync(path).isFile() && !path.endsWith('.md') && !path.endsWith('.jsonl')
)

/** Parse ahead whatever can be, in small stretches: a log of a few kilobytes is cut as a large one is. */
const EAGER: FileReading = { headBytes: 0, stretches: { stretchBytes: 512, windowBytes: 1024, parseWhenQueued: 0, maxTextPerByte: Infinity } }

async function analyze(path: string, reading?: FileReading): Promise<{ report: unknown; stretches: number }> {
  const unpack = vi.spyOn(RecordUnpacker.prototype, 'unpack')
  const report = await analyzeSources([await openInput(path, 0, {}, reading)])
  const stretches = unpack.mock.calls.length
  unpack.mockRestore()
  return { report, stretches }
}

describe('parsing ahead on the reading thread', () => {
  it('gives the report of a log read in line, on every fixture and real log and on all of them at once', async () => {
    const all = join(dir, 'all.log')
    writeFileSync(all, Buffer.concat(LOGS.map((path) => readFileSync(path))))
    let parsedAhead = 0
    for (const path of [...LOGS, all]) {
      const inLine = await analyze(path)
      const ahead = await analyze(path, EAGER)
      expect(inLine.stretches, path).toBe(0)
      expect(ahead.report, path).toEqual(inLine.report)
      parsedAhead += ahead.stretches
    }
    // The comparison means something only if stretches were parsed ahead, on many of the logs.
    expect(parsedAhead).toBeGreaterThan(50)
  }, 120_000)

  it('gives the report of a log read in line on every shape of the bench', async () => {
    for (const shape of ['heartbeat', 'startup-exceptions', 'spring-interleaved', 'container-prefixed'] as const) {
      const path = join(dir, `${shape}.log`)
      await writeConsoleShape(shape, path, 3 << 20)
      const inLine = await analyze(path)
      const ahead = await analyze(path, { headBytes: 0, stretches: { stretchBytes: 64 << 10, windowBytes: 64 << 10, parseWhenQueued: 0, maxTextPerByte: Infinity } })
      expect(ahead.stretches, shape).toBeGreaterThan(5)
      expect(ahead.report, shape).toEqual(inLine.report)
    }
  }, 120_000)

  it('leaves a log whose zone is given, or which the app keeps records of, to the parsing thread', async () => {
    const path = join(dir, 'zoned.log')
    await writeConsoleShape('heartbeat', path, 1 << 20)
    const unpack = vi.spyOn(RecordUnpacker.prototype, 'unpack')
    await analyzeSources([await openInput(path, 0, { zone: timeZone('GMT') }, EAGER)])
    await analyzeSources([await openInput(path, 0, {}, EAGER)], { onRecord: () => undefined })
    expect(unpack).not.toHaveBeenCalled()
  })
})

describe('cut points', () => {
  const plan: StretchPlan = { input: 0, stretchBytes: 0, windowBytes: 4096, parseWhenQueued: 0, maxTextPerByte: Infinity }
  const date = 'Sat Nov 22 18:00:00 GMT 2025'

  it('are console lines that continue no record', () => {
    expect(isCutPoint(`${date} intserv Startup OMRS-AUDIT-0064 The audit log is initialized`, 0, 76)).toBe(true)
    const further = `${date} intserv Exception OMRS-AUDIT-0064 Further reading: https://egeria-project.org/x`
    expect(isCutPoint(further, 0, further.length)).toBe(false)
    const supplement = `${date} intserv Exception INTEGRATION-DAEMON-SERVICES-0006 Supplementary information: log record id 0000 x returned message of y and stacktrace of`
    expect(isCutPoint(supplement, 0, supplement.length)).toBe(false)
    // A CRI line may be the last part of a line split before it: the line alone cannot tell.
    const cri = `2025-11-22T18:00:00.000000000Z stdout F ${date} intserv Startup OMRS-AUDIT-0064 The audit log is initialized`
    expect(isCutPoint(cri, 0, cri.length)).toBe(false)
    expect(isCutPoint(`2025-11-22T18:00:00Z ${date} intserv Startup OMRS-AUDIT-0064 ok`, 0, 60)).toBe(true)
    for (const line of ['\tat org.example.Foo.bar(Foo.java:12)', 'Caused by: java.io.IOException: no', '2025-11-22 18:00:00.000  INFO 1 --- [main] o.e.Foo : started', '']) {
      expect(isCutPoint(line, 0, line.length), line).toBe(false)
    }
  })

  it('are found after a position, at it when a line starts there, and not beyond the window', () => {
    const text = ['\tat a.B.c(B.java:1)', `${date} intserv Exception OMRS-AUDIT-0001 Supplementary information: log record id g c returned message of m and stacktrace of`, `${date} intserv Startup OMRS-AUDIT-0001 ok`, ''].join('\n')
    const path = join(dir, 'cut.log')
    writeFileSync(path, text)
    const fd = openSync(path, 'r')
    const scratch = Buffer.alloc(4096)
    const cutPointAfter = (from: number, lineStart: boolean, windowBytes = plan.windowBytes): number => cutPointIn(windowAt(fd, from, { ...plan, windowBytes }, scratch), from, lineStart)
    try {
      const third = text.indexOf(`${date} intserv Startup`)
      expect(cutPointAfter(0, true)).toBe(third)
      expect(cutPointAfter(3, false)).toBe(third)
      expect(cutPointAfter(third, true)).toBe(third)
      // Mid-line, the next line is the first whole one.
      expect(cutPointAfter(third + 1, false)).toBe(-1)
      expect(cutPointAfter(0, true, third)).toBe(-1)
    } finally {
      closeSync(fd)
    }
  })
})
