/**
 * Threads that run one of this app's own modules: its bundle entry beside the built code, or (tests and
 * scripts, which run the sources) the TypeScript source itself, loaded through tsx.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker, type WorkerOptions } from 'node:worker_threads'

/**
 * Starts `source` (relative to `caller`, the calling module's import.meta.url) on a thread of its own. A build
 * names each thread's entry after its source (electron.vite.config.ts) and puts it at the top of the build,
 * where the caller's chunk is or one folder up.
 */
export function startAppThread(caller: string, source: string, options: WorkerOptions): Worker {
  if (caller.endsWith('.ts')) {
    const tsx = createRequire(caller).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')
    const boot = `import(${JSON.stringify(pathToFileURL(tsx).href)}).then(({ register }) => { register(); return import(${JSON.stringify(new URL(source, caller).href)}) })`
    return new Worker(boot, { ...options, eval: true })
  }
  const entry = `${basename(source, '.ts')}.js`
  const built = [`./${entry}`, `../${entry}`].map((candidate) => new URL(candidate, caller)).find((url) => existsSync(url))
  if (!built) throw new Error(`this build has no ${entry} to run on a thread`)
  return new Worker(built, options)
}
