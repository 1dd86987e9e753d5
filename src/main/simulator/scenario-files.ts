/** Where the built-in scenarios live; kept apart from the scenario schema so `daemon-doctor --help` can list them cheaply. */
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** resources/scenarios, found from the source tree and from the bundled CLI (out/…). */
export function scenariosDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let depth = 0; depth < 6; depth++) {
    const candidate = join(dir, 'resources', 'scenarios')
    if (existsSync(candidate)) return candidate
    dir = dirname(dir)
  }
  throw new Error('The built-in scenarios folder (resources/scenarios) was not found')
}

export function builtInScenarioNames(): string[] {
  return readdirSync(scenariosDir())
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort()
}
