import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A fresh settings folder per test: no test sees another's files. */
export function tempDataDir(prefix = 'daemon-doctor-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}
