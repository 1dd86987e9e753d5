/**
 * Proves a change to the analysis engine keeps its findings: runs `analyze --format json --timeline` with
 * this tree's built CLI and with a reference build (another clone or worktree's `out/`, or a copy of it)
 * on every fixture under tests/fixtures (audit, real-logs) and on a generated log of every bench shape,
 * and fails on the first report that is not byte-identical.
 * Run: `node --import tsx bench/analysis-parity.ts <reference out/main/cli.js> [MB per shape, default 50]`.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SHAPES, writeConsoleShape, writeJsonRecords } from './log-shapes'
import { ensureBuilt, root } from '../scripts/ensure-built.mjs'

const reference = process.argv[2]
const megabytes = Number(process.argv[3] ?? 50)
if (!reference || !existsSync(reference)) {
  console.error('usage: analysis-parity.ts <reference out/main/cli.js> [MB per shape]')
  process.exit(2)
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() && !name.endsWith('.omalrecord') ? filesUnder(path) : [path]
  })
}

async function generatedShapes(): Promise<string[]> {
  const dir = join(tmpdir(), `dd-parity-shapes-${megabytes}mb`)
  mkdirSync(dir, { recursive: true })
  const paths: string[] = []
  for (const shape of SHAPES) {
    const path = join(dir, shape === 'json-records' ? 'records' : `${shape}.log`)
    if (!existsSync(path)) {
      if (shape === 'json-records') writeJsonRecords(path, megabytes * 1048576)
      else await writeConsoleShape(shape, path, megabytes * 1048576)
    }
    paths.push(path)
  }
  return paths
}

function report(cli: string, input: string): { status: number | null; stdout: Buffer } {
  const run = spawnSync(process.execPath, [cli, 'analyze', '--format', 'json', '--timeline', input], { maxBuffer: 1 << 30 })
  return { status: run.status, stdout: run.stdout }
}

ensureBuilt()
const current = join(root, 'out/main/cli.js')
const fixtures = ['audit', 'real-logs'].flatMap((dir) => filesUnder(join(root, 'tests/fixtures', dir)))
const inputs = [...fixtures.filter((path) => !path.endsWith('.md') && !path.endsWith('.json')), ...(await generatedShapes())]
let differing = 0
for (const input of inputs) {
  const ours = report(current, input)
  const theirs = report(reference, input)
  const same = ours.status === theirs.status && ours.stdout.equals(theirs.stdout)
  if (!same) {
    differing++
    console.log(`DIFFERENT ${input}: exit ${ours.status} vs ${theirs.status}, ${ours.stdout.length} vs ${theirs.stdout.length} bytes`)
  }
}
console.log(`analysis-parity: ${inputs.length - differing}/${inputs.length} reports byte-identical`)
process.exit(differing === 0 ? 0 : 1)
