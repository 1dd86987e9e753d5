import { homedir } from 'node:os'
import { join } from 'node:path'

export const PRODUCT_NAME = 'Daemon Doctor'

/**
 * The folder Electron would use as `userData`, so the desktop app, the browser host and the CLI
 * share one set of settings. `DAEMON_DOCTOR_DATA_DIR` overrides it (tests give each run its own).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.DAEMON_DOCTOR_DATA_DIR) return env.DAEMON_DOCTOR_DATA_DIR
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME)
}
