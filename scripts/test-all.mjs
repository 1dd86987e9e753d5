// `npm test`: every check and suite, in order, continuing past failures so the summary is complete.
// Ends with one line `N passed, N failed, N skipped` summing all suites (lint, typecheck and build
// count as one check each; suites count their tests). A suite counts as failed when its tool exits
// non-zero even if its JSON report shows no failed test.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { root } from './ensure-built.mjs'
import { countPlaywright, countVitest, suiteRow, summarise } from './test-summary.mjs'

const bin = (name) => join(root, 'node_modules/.bin', name)
const run = (label, command, args) => {
  console.log(`\n=== ${label}`)
  const started = Date.now()
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit' })
  console.log(`=== ${label}: ${status === 0 ? 'ok' : `failed (exit ${status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return status
}
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined)

rmSync(join(root, 'reports'), { recursive: true, force: true })
mkdirSync(join(root, 'reports'))

const checks = [
  ['lint', bin('eslint'), ['.', '--max-warnings=0']],
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['build', bin('electron-vite'), ['build']]
]
const rows = checks.map(([label, command, args]) => {
  const passed = run(label, command, args) === 0
  return { label, passed: passed ? 1 : 0, failed: passed ? 0 : 1, skipped: 0 }
})
const built = rows.find((row) => row.label === 'build').passed === 1

// Suites with a JSON report. To add one: its label, command, report file and a counter for that report.
const suites = [
  { label: 'unit', command: bin('vitest'), args: ['run'], report: 'reports/unit.json', count: countVitest },
  { label: 'e2e', command: bin('playwright'), args: ['test'], report: 'reports/e2e.json', count: countPlaywright, needsBuild: true },
  { label: 'real Egeria', command: 'npm', args: ['run', '--silent', 'test:real-egeria'], report: 'reports/real-egeria.json', count: countVitest }
]
for (const suite of suites) {
  if (suite.needsBuild && !built) {
    rows.push(suiteRow(`${suite.label} (not run: build failed)`, 1, undefined))
    continue
  }
  const status = run(suite.label, suite.command, suite.args)
  const report = readJson(join(root, suite.report))
  rows.push(suiteRow(suite.label, status, report && suite.count(report)))
}

const { lines, ok } = summarise(rows)
console.log('\n=== summary')
for (const line of lines) console.log(line)
process.exit(ok ? 0 : 1)
