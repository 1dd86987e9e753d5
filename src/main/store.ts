/**
 * The Electron adapter for the services' secret store port: values encrypted with `safeStorage`
 * (the OS keychain / DPAPI / libsecret).
 *
 * secrets.json on disk: `{ "schemaVersion": 2, "sealed": { "<connection id>": "<base64 of
 * safeStorage.encryptString(password)>" } }` (version 1 was the bare map). It is written like
 * connections.json (locked, atomic, 0600); an unreadable one is moved aside and reported, never
 * cleared. Where the OS offers no real encryption, passwords stay in memory for this run and are
 * never written: that includes Linux without a keyring, where Electron falls back to `basic_text`,
 * a key built into Electron that anyone holding the file can undo.
 */
import { safeStorage } from 'electron'
import { z } from 'zod'
import type { SecretStore } from './services/secret-store'
import { createMemorySecretStore } from './services/secret-store'
import { openSettingsFile } from './services/settings-file'

const secretsDocumentSchema = z.object({ sealed: z.record(z.string(), z.string()) })
type SecretsDocument = z.infer<typeof secretsDocumentSchema>

/** Why no OS encryption can be used, or undefined when it can. */
function unavailableReason(): SecretStore['memoryOnlyReason'] {
  if (!safeStorage.isEncryptionAvailable()) return 'no-encryption'
  // The backend is chosen on Linux only; elsewhere the call is absent or refused.
  try {
    if (safeStorage.getSelectedStorageBackend?.() === 'basic_text') return 'basic-text'
  } catch {
    // not Linux
  }
  return undefined
}

export function createSafeStorageSecretStore(dataDir: string): SecretStore {
  const reason = unavailableReason()
  if (reason) return { ...createMemorySecretStore(), memoryOnlyReason: reason }
  const file = openSettingsFile<SecretsDocument>({
    dir: dataDir,
    name: 'secrets',
    schema: secretsDocumentSchema,
    version: 2,
    migrations: {
      1: ({ schemaVersion: _version, ...sealed }) => ({ sealed })
    },
    salvage: (raw) => {
      const sealed = raw.sealed && typeof raw.sealed === 'object' ? (raw.sealed as Record<string, unknown>) : {}
      const kept = Object.fromEntries(Object.entries(sealed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
      return Object.keys(kept).length > 0 ? { sealed: kept } : undefined
    },
    defaults: () => ({ sealed: {} })
  })
  return {
    persistent: true,
    issues: file.issues,
    get(key) {
      const sealed = file.read().sealed[key]
      if (sealed === undefined) return undefined
      try {
        return safeStorage.decryptString(Buffer.from(sealed, 'base64'))
      } catch {
        // Sealed by another OS user or keychain: unusable, so the operator re-enters it.
        return undefined
      }
    },
    set(key, value) {
      const sealed = safeStorage.encryptString(value).toString('base64')
      file.update((document) => ({ sealed: { ...document.sealed, [key]: sealed } }))
    },
    delete(key) {
      if (file.read().sealed[key] === undefined) return
      file.update((document) => {
        const { [key]: _removed, ...rest } = document.sealed
        return { sealed: rest }
      })
    }
  }
}
