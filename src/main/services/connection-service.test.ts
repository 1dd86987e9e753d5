import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { ConnectionDraft } from '../../shared/models/connection'
import { type AppError } from '../../shared/result'
import { tempDir } from '../../../tests/temp-dir'
import { ConnectionService } from './connection-service'
import { createMemorySecretStore } from './secret-store'

const draft = (overrides: Partial<ConnectionDraft> = {}): ConnectionDraft => ({
  name: 'Coco exchange',
  platformUrl: 'https://localhost:9443/',
  serverName: 'exchangeDL01',
  userId: 'garygeeke',
  egeriaVersion: 'auto',
  tls: { mode: 'system' },
  environment: 'prod',
  readOnly: false,
  ...overrides
})

function setup(dir = tempDir()) {
  const secrets = createMemorySecretStore()
  const emit = vi.fn()
  const service = new ConnectionService({ dataDir: dir, secrets, emit })
  return { dir, secrets, emit, service }
}

function thrown(work: () => unknown): AppError {
  try {
    work()
  } catch (error) {
    return error as AppError
  }
  throw new Error('expected an error')
}

describe('ConnectionService', () => {
  it('creates, lists, edits and persists connections without ever writing the password', () => {
    const { dir, service, emit } = setup()
    const created = service.save(draft({ password: 's3cret-pass' }))
    expect(created).toMatchObject({ name: 'Coco exchange', platformUrl: 'https://localhost:9443', hasPassword: true })
    expect(emit).toHaveBeenCalledWith('connections', 'changed', [created])
    const afterFirstSave = readFileSync(join(dir, 'connections.json'), 'utf8')
    expect(afterFirstSave).toContain('Coco exchange')
    for (const form of ['s3cret-pass', Buffer.from('s3cret-pass').toString('base64'), 'password']) expect(afterFirstSave).not.toContain(form)

    const edited = service.save({ ...draft({ name: 'Coco exchange (prod)' }), id: created.id })
    expect(edited.hasPassword).toBe(true)
    expect(edited.createdAt).toBe(created.createdAt)

    const onDisk = readFileSync(join(dir, 'connections.json'), 'utf8')
    expect(onDisk).toContain('Coco exchange (prod)')
    expect(onDisk).not.toContain('s3cret-pass')
    expect(setup(dir).service.list().map((c) => c.name)).toEqual(['Coco exchange (prod)'])
  })

  it('reports every invalid field with a clear message', () => {
    const { service } = setup()
    const error = thrown(() =>
      service.save(draft({ name: ' ', platformUrl: 'ftp://x', serverName: 'has space', tls: { mode: 'ca-file' } }))
    )
    expect(error.code).toBe('invalid-input')
    expect(error.fields).toEqual({
      name: 'Display name is required',
      platformUrl: 'Only http:// and https:// URLs are supported',
      serverName: 'Server name cannot contain spaces or / ? #',
      'tls.caFile': 'Choose the CA certificate file (PEM)'
    })
  })

  it('refuses server names and user IDs that would change the REST path', () => {
    const { service } = setup()
    expect(thrown(() => service.save(draft({ serverName: '..', userId: '.' }))).fields).toEqual({
      serverName: 'Server name cannot be . or ..',
      userId: 'User ID cannot be . or ..'
    })
    expect(thrown(() => service.save(draft({ serverName: 'a\\b', userId: 'gary%2F..' }))).fields).toEqual({
      serverName: 'Server name cannot contain \\, % or control characters',
      userId: 'User ID cannot contain \\, % or control characters'
    })
  })

  it('refuses a second connection with the same name', () => {
    const { service } = setup()
    service.save(draft())
    expect(thrown(() => service.save(draft({ name: 'COCO EXCHANGE' }))).fields).toEqual({
      name: 'Another connection already has this name'
    })
  })

  it('removes a saved password on request', () => {
    const { service, secrets } = setup()
    const created = service.save(draft({ password: 'pw' }))
    const updated = service.save({ ...draft(), id: created.id, password: null })
    expect(updated.hasPassword).toBe(false)
    expect(secrets.get(created.id)).toBeUndefined()
  })

  it('duplicates with a fresh id, a distinct name and the password', () => {
    const { service } = setup()
    const created = service.save(draft({ password: 'pw' }))
    const copy = service.duplicate(created.id)
    expect(copy.id).not.toBe(created.id)
    expect(copy.name).toBe('Coco exchange (copy)')
    expect(copy.hasPassword).toBe(true)
    expect(service.duplicate(created.id).name).toBe('Coco exchange (copy) 2')
  })

  it('deletes and undoes the deletion, password included, exactly once', () => {
    const { service, secrets } = setup()
    const created = service.save(draft({ password: 'pw' }))
    const { undoToken } = service.remove(created.id)
    expect(service.list()).toEqual([])
    expect(secrets.get(created.id)).toBeUndefined()
    const restored = service.undoRemove(undoToken)
    expect(restored).toMatchObject({ id: created.id, name: created.name, hasPassword: true })
    expect(thrown(() => service.undoRemove(undoToken)).code).toBe('not-found')
  })

  it('exports without secrets and imports, reporting entries it cannot use', () => {
    const { service } = setup()
    service.save(draft({ password: 'pw', tls: { mode: 'insecure' } }))
    const exported = service.exportJson()
    expect(exported.count).toBe(1)
    expect(exported.json).not.toContain('pw')
    expect(exported.fileName).toMatch(/^daemon-doctor-connections-.*\.json$/)

    const document = JSON.parse(exported.json)
    document.connections.push({ name: 'Broken', platformUrl: 'nope' })
    const other = setup().service
    const outcome = other.importJson(JSON.stringify(document))
    expect(outcome.imported.map((c) => [c.name, c.tls.mode, c.hasPassword])).toEqual([['Coco exchange', 'insecure', false]])
    expect(outcome.skipped).toHaveLength(1)
    expect(outcome.skipped[0]!.name).toBe('Broken')
    expect(outcome.skipped[0]!.reason).toMatch(/platformUrl/)
    expect(other.importJson(JSON.stringify(document)).imported[0]!.name).toBe('Coco exchange 2')
  })

  it('rejects an import file that is not JSON or not an export', () => {
    const { service } = setup()
    expect(thrown(() => service.importJson('{')).message).toMatch(/not JSON/)
    expect(thrown(() => service.importJson('{"a":1}')).message).toMatch(/no "connections" list/)
  })
})
