// How `npm test` turns each suite's exit status and JSON report into its summary row. A suite passes
// only when its tool exited 0 *and* its report shows no failure: either alone can lie (a failing
// `expect` in a timer makes Vitest exit 1 with every test marked passed).

/** Counts from a Vitest JSON report (`--reporter=json`). */
export function countVitest(report) {
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  }
}

/** Counts from a Playwright JSON report. */
export function countPlaywright(report) {
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected + (report.errors?.length ?? 0),
    skipped: report.stats.skipped ?? 0
  }
}

/**
 * One summary row for a suite: its report's counts, plus one failure when the tool exited non-zero
 * but the report records none (an error outside any test), or when the report is missing.
 */
export function suiteRow(label, exitStatus, counts) {
  if (!counts) return { label: `${label} (no report)`, passed: 0, failed: 1, skipped: 0 }
  const unexplained = exitStatus !== 0 && counts.failed === 0 ? 1 : 0
  return {
    label: unexplained ? `${label} (exit ${exitStatus} with no failed test in its report)` : label,
    passed: counts.passed,
    failed: counts.failed + unexplained,
    skipped: counts.skipped
  }
}

/** The summary lines and whether the whole run passed. */
export function summarise(rows) {
  const total = (key) => rows.reduce((sum, row) => sum + row[key], 0)
  const line = (row) => `${row.label}: ${row.passed} passed, ${row.failed} failed, ${row.skipped} skipped`
  const passed = total('passed')
  const failed = total('failed')
  return {
    lines: [...rows.map(line), `${passed} passed, ${failed} failed, ${total('skipped')} skipped`],
    ok: failed === 0 && passed > 0
  }
}
