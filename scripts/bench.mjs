#!/usr/bin/env node
// Runs every bench/*.bench.ts in its own Node process (so peak memory is per benchmark) and prints its figures.
// `--only NAME` runs the benches whose file name contains NAME; `--size MB[,MB…]` sets the generated log size(s) of
// the log analysis bench (BENCH_LOG_MB, default 1024), `--shapes a,b` limits its log shapes. Other
// arguments are passed on to every bench.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const { values, positionals } = parseArgs({
  options: { only: { type: 'string' }, size: { type: 'string' }, shapes: { type: 'string' } },
  allowPositionals: true
})
const env = {
  ...process.env,
  ...(values.size ? { BENCH_LOG_MB: values.size } : {}),
  ...(values.shapes ? { BENCH_ONLY_SHAPES: values.shapes } : {})
}
const benches = readdirSync(join(root, 'bench'))
  .filter((name) => name.endsWith('.bench.ts') && (!values.only || name.includes(values.only)))
  .sort()
let failed = false
for (const name of benches) {
  console.log(`# ${name}`)
  const run = spawnSync(process.execPath, ['--import', 'tsx', join('bench', name), ...positionals], { cwd: root, stdio: 'inherit', env })
  if (run.status !== 0) failed = true
}
process.exitCode = failed ? 1 : 0
