#!/usr/bin/env node
// Runs every bench/*.bench.ts in its own Node process (so peak memory is per benchmark) and prints its figures.
// Extra arguments are passed on, e.g. `npm run bench -- 200` for a 200 MB log.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const benches = readdirSync(join(root, 'bench')).filter((name) => name.endsWith('.bench.ts')).sort()
let failed = false
for (const name of benches) {
  console.log(`# ${name}`)
  const run = spawnSync(process.execPath, ['--import', 'tsx', join('bench', name), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
  if (run.status !== 0) failed = true
}
process.exitCode = failed ? 1 : 0
