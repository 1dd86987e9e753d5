/**
 * The real-log corpus as tests: logs that Egeria users posted in public threads, each with the truth
 * the thread established. Every case is diagnosed as `daemon-doctor analyze` does and judged by the
 * rules in tests/support/diagnosis-eval.ts. Cases the engine does not get yet are listed, with the
 * reason, in fixtures/real-logs/known-gaps.json; a listed case must still answer as listed (so the list
 * shrinks as the engine learns: a listed case that starts passing fails here until it is removed).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  caseName,
  describeGot,
  evaluateCase,
  isEstablished,
  loadCases,
  loadKnownGaps,
  REAL_LOGS_DIR,
  type RealLogCase
} from './support/diagnosis-eval'

const cases = loadCases()
const gaps = new Map(loadKnownGaps().map((gap) => [gap.case, gap]))
const SOURCES = ['connector', 'third-party', 'metadata-server', 'platform', 'undetermined']

describe('the real-log corpus', () => {
  it('gives every case its thread, files, truth and a machine-checkable expectation', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40)
    const names = cases.map(caseName)
    expect(new Set(names).size).toBe(names.length)
    for (const realLogCase of cases) {
      const name = caseName(realLogCase)
      expect(realLogCase.source_url, name).toMatch(/^https:\/\//)
      for (const file of [realLogCase.file, ...(realLogCase.extra_files ?? [])]) expect(existsSync(join(REAL_LOGS_DIR, file)), `${name}: ${file}`).toBe(true)
      expect(['high', 'medium', 'low'], name).toContain(realLogCase.confidence)
      expect(realLogCase.expected.confidence, name).toBe(realLogCase.confidence)
      expect(SOURCES, name).toContain(realLogCase.expected.source)
      expect(realLogCase.expected.subjectIncludes.length > 0, name).toBe(isEstablished(realLogCase))
      expect(realLogCase.egeria_version.length, name).toBeGreaterThan(0)
      expect(realLogCase.truth, name).toBeTruthy()
    }
  })

  it('lists only cases that exist in known-gaps.json, each once, with a reason', () => {
    const names = new Set(cases.map(caseName))
    expect(gaps.size).toBe(loadKnownGaps().length)
    for (const gap of gaps.values()) {
      expect(names.has(gap.case), gap.case).toBe(true)
      expect(['unknown', 'wrong'], gap.case).toContain(gap.verdict)
      expect(gap.reason.length, gap.case).toBeGreaterThan(20)
    }
  })
})

describe.each(cases.map((realLogCase): [string, RealLogCase] => [caseName(realLogCase), realLogCase]))('%s', (name, realLogCase) => {
  const gap = gaps.get(name)
  const expectation = realLogCase.expected.subjectIncludes.join(' + ')

  it('accounts for every line: part of a record, or counted unparsed or blank', async () => {
    const result = await evaluateCase(realLogCase)
    expect(result.unaccountedLines).toEqual(result.unaccountedLines.map(() => 0))
  })

  if (gap) {
    it(`is a known gap (${gap.verdict}): ${gap.reason}`, async () => {
      const result = await evaluateCase(realLogCase)
      // A listed case that now passes (or changes how it fails) must be taken off or updated in known-gaps.json.
      expect(result.verdict, `got ${describeGot(result)}`).toBe(gap.verdict)
    })
  } else if (isEstablished(realLogCase)) {
    it(`blames the ${realLogCase.expected.source} and names ${expectation}`, async () => {
      const result = await evaluateCase(realLogCase)
      expect(result.verdict, `got ${describeGot(result)}`).toBe('right')
      expect(result.got?.source).toBe(realLogCase.expected.source)
    })
  } else {
    it('gives no confident single source where the thread did not establish one', async () => {
      const result = await evaluateCase(realLogCase)
      expect(result.verdict, `got ${describeGot(result)}`).toBe('right')
    })
  }
})
