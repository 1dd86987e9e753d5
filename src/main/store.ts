/**
 * The Electron adapter for the services' secret store port: values encrypted with `safeStorage`
 * (the OS keychain / DPAPI / libsecret).
 *
 * secrets.json on disk: `{ "<connection id>": "<base64 of safeStorage.encryptString(password)>" }`.
 * Where the OS offers no encryption, passwords stay in memory for this run and are never written.
 */
import ElectronStore from 'electron-store'
import { safeStorage } from 'electron'
import type { SecretStore } from './services/secret-store'
import { createMemorySecretStore } from './services/secret-store'

export function createSafeStorageSecretStore(dataDir: string): SecretStore {
  if (!safeStorage.isEncryptionAvailable()) return createMemorySecretStore()
  const file = new ElectronStore<Record<string, string>>({ cwd: dataDir, name: 'secrets', clearInvalidConfig: true })
  return {
    persistent: true,
    get(key) {
      const sealed = file.get(key)
      if (typeof sealed !== 'string') return undefined
      try {
        return safeStorage.decryptString(Buffer.from(sealed, 'base64'))
      } catch {
        // Sealed by another OS user or keychain: unusable, so the operator re-enters it.
        return undefined
      }
    },
    set(key, value) {
      file.set(key, safeStorage.encryptString(value).toString('base64'))
    },
    delete(key) {
      file.delete(key)
    }
  }
}
