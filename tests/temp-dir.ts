import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A fresh folder per test (settings, logs, CA files): no test sees another's files. */
export function tempDir(prefix = 'daemon-doctor-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}
