// `npm start`: the desktop app where Electron's runtime is installed, otherwise the browser host.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ensureBuilt, root } from './ensure-built.mjs'

/** The Electron binary, without triggering electron's download-on-require in plain Node. */
function electronBinary() {
  const pkg = join(root, 'node_modules/electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return undefined
  const relative = readFileSync(pathFile, 'utf8').trim()
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist')
  const binary = join(dist, relative)
  return existsSync(binary) ? binary : undefined
}

ensureBuilt()
const extra = process.argv.slice(2)
const binary = electronBinary()
const child = binary
  ? spawn(binary, [root, ...extra], { stdio: 'inherit' })
  : (console.log("Electron's runtime is not installed on this machine, so Daemon Doctor opens in your browser instead."),
    spawn(process.execPath, [join(root, 'bin/daemon-doctor.mjs'), 'web', ...extra], { stdio: 'inherit' }))
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
