/** Where connection passwords live. Never in the settings file, never sent to the renderer. */
export interface SecretStore {
  /** `true` when secrets survive a restart (encrypted by the OS), `false` when kept in memory only. */
  readonly persistent: boolean
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
