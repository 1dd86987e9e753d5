import { describe, expect, it } from 'vitest'
import { countPlaywright, countVitest, suiteRow, summarise } from '../scripts/test-summary.mjs'

describe('npm test summary', () => {
  it('counts a suite whose tool exited non-zero as failed even when its report shows no failed test', () => {
    // What Vitest writes when an `expect` fails in a timer after its test ended: exit 1, every test passed.
    const report = { numPassedTests: 4, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, success: false }
    const row = suiteRow('unit', 1, countVitest(report))
    expect(row).toMatchObject({ passed: 4, failed: 1 })
    expect(row.label).toContain('exit 1')
    const { lines, ok } = summarise([row])
    expect(ok).toBe(false)
    expect(lines.at(-1)).toBe('4 passed, 1 failed, 0 skipped')
  })

  it('prints skipped tests per suite and in the total', () => {
    const unit = suiteRow('unit', 0, countVitest({ numPassedTests: 10, numFailedTests: 0, numPendingTests: 2, numTodoTests: 1 }))
    const e2e = suiteRow('e2e', 0, countPlaywright({ stats: { expected: 5, flaky: 0, unexpected: 0, skipped: 1 }, errors: [] }))
    const { lines, ok } = summarise([unit, e2e])
    expect(ok).toBe(true)
    expect(lines).toEqual(['unit: 10 passed, 0 failed, 3 skipped', 'e2e: 5 passed, 0 failed, 1 skipped', '15 passed, 0 failed, 4 skipped'])
  })

  it('fails a suite without a report and a run in which nothing passed', () => {
    expect(suiteRow('e2e', 0, undefined)).toMatchObject({ passed: 0, failed: 1 })
    expect(summarise([]).ok).toBe(false)
  })
})
