// Builds out/ when it is missing or older than the sources, so `npm start`, `npm run web` and the
// `daemon-doctor` command always run what is in the tree.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const outputs = ['out/main/index.js', 'out/main/cli.js', 'out/preload/index.cjs', 'out/renderer/index.html']
const inputs = ['src', 'resources', 'package.json', 'electron.vite.config.ts']

function newestMtime(path) {
  const info = statSync(path)
  if (!info.isDirectory()) return info.mtimeMs
  let newest = info.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

export function isBuildCurrent() {
  if (!outputs.every((file) => existsSync(join(root, file)))) return false
  const built = Math.min(...outputs.map((file) => statSync(join(root, file)).mtimeMs))
  const changed = Math.max(...inputs.filter((p) => existsSync(join(root, p))).map((p) => newestMtime(join(root, p))))
  return built >= changed
}

export function ensureBuilt() {
  if (isBuildCurrent()) return
  if (!existsSync(join(root, 'node_modules/electron-vite'))) {
    console.error('Daemon Doctor is not built and its build tools are not installed: run `npm ci` first.')
    process.exit(2)
  }
  console.error('Building Daemon Doctor…')
  const result = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit']
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureBuilt()
