/** The desktop secret store under a mocked `electron` (no Electron binary on build machines). */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { tempDir } from '../../tests/temp-dir'

const safeStorage = vi.hoisted(() => ({
  available: true,
  backend: 'gnome_libsecret',
  isEncryptionAvailable: () => safeStorage.available,
  getSelectedStorageBackend: () => safeStorage.backend,
  // A stand-in cipher: what matters here is that the file holds only what safeStorage returned.
  encryptString: (value: string) => Buffer.from([...Buffer.from(value)].map((byte) => byte ^ 0x5a).reverse()),
  decryptString: (sealed: Buffer) => Buffer.from([...sealed].reverse().map((byte) => byte ^ 0x5a)).toString()
}))
vi.mock('electron', () => ({ safeStorage, default: { safeStorage } }))

const { createSafeStorageSecretStore } = await import('./store')

beforeEach(() => {
  safeStorage.available = true
  safeStorage.backend = 'gnome_libsecret'
})

describe('the desktop secret store', () => {
  it('writes only sealed values: neither the password nor its base64 is in secrets.json', () => {
    const dir = tempDir('dd-secrets-')
    const secrets = createSafeStorageSecretStore(dir)
    secrets.set('c1', 'Pa55word-of-gary')
    const text = readFileSync(join(dir, 'secrets.json'), 'utf8')
    for (const form of ['Pa55word-of-gary', Buffer.from('Pa55word-of-gary').toString('base64'), Buffer.from('Pa55word-of-gary').toString('hex')]) expect(text).not.toContain(form)
    expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600)
    expect(createSafeStorageSecretStore(dir).get('c1')).toBe('Pa55word-of-gary')
    secrets.delete('c1')
    expect(createSafeStorageSecretStore(dir).get('c1')).toBeUndefined()
  })

  it('reads a version 1 file (the bare map) and keeps its secrets', () => {
    const dir = tempDir('dd-secrets-')
    writeFileSync(join(dir, 'secrets.json'), JSON.stringify({ c1: safeStorage.encryptString('old').toString('base64') }))
    const secrets = createSafeStorageSecretStore(dir)
    expect(secrets.get('c1')).toBe('old')
    expect(secrets.issues).toEqual([])
  })

  it('moves an unreadable secrets file aside and reports it instead of clearing it', () => {
    const dir = tempDir('dd-secrets-')
    writeFileSync(join(dir, 'secrets.json'), '{"c1": "AAAA')
    const secrets = createSafeStorageSecretStore(dir)
    expect(secrets.get('c1')).toBeUndefined()
    expect(secrets.issues).toHaveLength(1)
    expect(secrets.issues![0]!.message).toMatch(/secrets\.json is not valid JSON/)
    expect(readFileSync(secrets.issues![0]!.backupPath!, 'utf8')).toBe('{"c1": "AAAA')
    expect(readdirSync(dir).some((name) => name.startsWith('secrets.json.unreadable-'))).toBe(true)
  })

  it('keeps passwords in memory only on Electron\'s basic_text backend, and says why', () => {
    safeStorage.backend = 'basic_text'
    const dir = tempDir('dd-secrets-')
    const secrets = createSafeStorageSecretStore(dir)
    expect(secrets).toMatchObject({ persistent: false, memoryOnlyReason: 'basic-text' })
    secrets.set('c1', 'pw')
    expect(secrets.get('c1')).toBe('pw')
    expect(readdirSync(dir)).toEqual([])
  })

  it('keeps passwords in memory only when the OS offers no encryption', () => {
    safeStorage.available = false
    const secrets = createSafeStorageSecretStore(tempDir('dd-secrets-'))
    expect(secrets).toMatchObject({ persistent: false, memoryOnlyReason: 'no-encryption' })
  })
})
