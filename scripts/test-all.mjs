// `npm test`: every check and suite, in order, continuing past failures so the summary is complete.
// Ends with one line `N passed, N failed` summing all suites (lint, typecheck and build count as one
// check each; unit and e2e count their tests).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { root } from './ensure-built.mjs'

const bin = (name) => join(root, 'node_modules/.bin', name)
const run = (label, command, args) => {
  console.log(`\n=== ${label}`)
  const started = Date.now()
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit' })
  console.log(`=== ${label}: ${status === 0 ? 'ok' : `failed (exit ${status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return status === 0
}
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined)

rmSync(join(root, 'reports'), { recursive: true, force: true })
mkdirSync(join(root, 'reports'))

const checks = [
  ['lint', bin('eslint'), ['.', '--max-warnings=0']],
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['build', bin('electron-vite'), ['build']]
].map(([label, command, args]) => [label, run(label, command, args)])

run('unit tests', bin('vitest'), ['run'])
const built = checks.find(([label]) => label === 'build')[1]
if (built) run('end-to-end tests', bin('playwright'), ['test'])
run('real Egeria catalogues', 'npm', ['run', '--silent', 'test:real-egeria'])

const rows = checks.map(([label, passed]) => [label, passed ? 1 : 0, passed ? 0 : 1])
const unit = readJson(join(root, 'reports/unit.json'))
rows.push(unit ? ['unit', unit.numPassedTests, unit.numFailedTests + (unit.success === false && unit.numFailedTests === 0 ? 1 : 0)] : ['unit (no report)', 0, 1])
const e2e = readJson(join(root, 'reports/e2e.json'))
rows.push(e2e ? ['e2e', e2e.stats.expected + e2e.stats.flaky, e2e.stats.unexpected + (e2e.errors?.length ?? 0)] : ['e2e (no report)', 0, 1])
const realEgeria = readJson(join(root, 'reports/real-egeria.json'))
rows.push(realEgeria ? ['real Egeria', realEgeria.numPassedTests, realEgeria.numFailedTests] : ['real Egeria (no report)', 0, 1])

console.log('\n=== summary')
for (const [label, passed, failed] of rows) console.log(`${label}: ${passed} passed, ${failed} failed`)
const passed = rows.reduce((sum, row) => sum + row[1], 0)
const failed = rows.reduce((sum, row) => sum + row[2], 0)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
