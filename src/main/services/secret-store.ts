import type { SettingsIssue } from '../../shared/api'

/** Where connection passwords live. Never in the settings file, never sent to the renderer. */
export interface SecretStore {
  /** `true` when secrets survive a restart (encrypted by the OS), `false` when kept in memory only. */
  readonly persistent: boolean
  /**
   * Why a host that could write secrets keeps them in memory: the OS offers no encryption, or only
   * Electron's `basic_text` fallback (a built-in key, so no protection at all).
   */
  readonly memoryOnlyReason?: 'no-encryption' | 'basic-text'
  /** Problems met reading the secrets file (it is moved aside and reported, never cleared). */
  readonly issues?: SettingsIssue[]
  get(key: string): string | undefined
  set(key: string, value: string): void
  delete(key: string): void
}

/** The browser host's and the tests' store: secrets live as long as the process. */
export function createMemorySecretStore(): SecretStore {
  const secrets = new Map<string, string>()
  return {
    persistent: false,
    get: (key) => secrets.get(key),
    set: (key, value) => void secrets.set(key, value),
    delete: (key) => void secrets.delete(key)
  }
}
