import { spawn } from 'node:child_process'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { tempDir } from '../../../tests/temp-dir'
import { AppError } from '../../shared/result'
import { openSettingsFile } from './settings-file'

const schema = z.object({ items: z.array(z.object({ name: z.string() })) })
const open = (dir: string) =>
  openSettingsFile({
    dir,
    name: 'things',
    schema,
    version: 2,
    migrations: { 1: (doc) => ({ ...doc, items: (doc.list as string[]).map((name) => ({ name })) }) },
    defaults: () => ({ items: [] }),
    salvage: (raw) => {
      const items = (Array.isArray(raw.items) ? raw.items : []).filter((item) => schema.shape.items.element.safeParse(item).success)
      return items.length ? { items: items as { name: string }[] } : undefined
    },
    now: () => new Date('2026-11-21T10:00:00Z')
  })
const onDisk = (dir: string): unknown => JSON.parse(readFileSync(join(dir, 'things.json'), 'utf8'))

describe('openSettingsFile', () => {
  it('starts a fresh versioned private file and writes through', () => {
    const dir = tempDir()
    const file = open(dir)
    expect(file.read()).toEqual({ items: [] })
    file.update(() => ({ items: [{ name: 'a' }] }))
    expect(onDisk(dir)).toEqual({ items: [{ name: 'a' }], schemaVersion: 2 })
    expect(statSync(join(dir, 'things.json')).mode & 0o777).toBe(0o600)
    expect(open(dir).read()).toEqual({ items: [{ name: 'a' }] })
  })

  it('creates a missing data folder private (0700)', () => {
    const dir = join(tempDir(), 'new', 'folder')
    open(dir)
    expect(statSync(dir).mode & 0o777).toBe(0o700)
  })

  it('migrates a version 1 document and records the new version', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'things.json'), JSON.stringify({ list: ['x', 'y'] }))
    const file = open(dir)
    expect(file.read()).toEqual({ items: [{ name: 'x' }, { name: 'y' }] })
    expect(file.issues).toEqual([])
    expect((onDisk(dir) as { schemaVersion: number }).schemaVersion).toBe(2)
  })

  it.each([
    ['truncated JSON', '{"items": [ {"name": "half', /not valid JSON/],
    ['not JSON at all', 'items = a, b', /not valid JSON/],
    ['an empty file', '', /is empty/],
    ['only whitespace', ' \n\t\n', /is empty/],
    ['JSON null', 'null', /not an object/],
    ['a JSON array', '[{"name": "a"}]', /not an object/],
    ['a JSON string', '"items"', /not an object/],
    ['a JSON number', '42', /not an object/],
    ['NUL bytes from a crash mid-write', '\0\0\0\0', /not valid JSON/],
    ['two documents glued together', '{"items": []}{"items": []}', /not valid JSON/]
  ])('moves %s aside, reports it and starts empty', (_case, content, reason) => {
    const dir = tempDir()
    writeFileSync(join(dir, 'things.json'), content)
    const file = open(dir)
    expect(file.read()).toEqual({ items: [] })
    expect(file.issues).toHaveLength(1)
    expect(file.issues[0]!.message).toMatch(reason)
    expect(readFileSync(file.issues[0]!.backupPath!, 'utf8')).toBe(content)
    expect(readdirSync(dir).sort()).toEqual(['things.json', 'things.json.unreadable-2026-11-21T10-00-00-000Z'])
    expect(onDisk(dir)).toEqual({ items: [], schemaVersion: 2 })
  })

  it.each([
    ['an entry of the wrong type', { schemaVersion: 2, items: [{ name: 'good' }, { name: 42 }] }, [{ name: 'good' }]],
    ['entries that are not objects', { schemaVersion: 2, items: [{ name: 'good' }, 'bad', null] }, [{ name: 'good' }]],
    ['a list that is not a list', { schemaVersion: 2, items: { name: 'x' } }, []],
    ['a missing list', { schemaVersion: 2 }, []],
    ['a schemaVersion of the wrong type', { schemaVersion: 'two', items: [{ name: 3 }] }, []]
  ])('keeps what it can of a document with %s, with a copy of the original', (_case, document, kept) => {
    const dir = tempDir()
    const original = JSON.stringify(document)
    writeFileSync(join(dir, 'things.json'), original)
    const file = open(dir)
    expect(file.read()).toEqual({ items: kept })
    expect(file.issues).toHaveLength(1)
    expect(file.issues[0]!.message).toMatch(kept.length ? /entries that could be read were kept/ : /new empty file was started/)
    expect(readFileSync(file.issues[0]!.backupPath!, 'utf8')).toBe(original)
  })

  it('reads a file that starts with a byte-order mark without losing it', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'things.json'), `\uFEFF${JSON.stringify({ schemaVersion: 2, items: [{ name: 'bom' }] })}`)
    const file = open(dir)
    expect(file.read()).toEqual({ items: [{ name: 'bom' }] })
    expect(file.issues).toEqual([])
  })

  it('opens a file from a newer version read-only, says so and never rewrites it', () => {
    const dir = tempDir()
    const newer = JSON.stringify({ schemaVersion: 3, items: [{ name: 'a', colour: 'teal' }], groups: ['future'] })
    writeFileSync(join(dir, 'things.json'), newer)
    const file = open(dir)
    expect(file.read()).toEqual({ items: [{ name: 'a' }] })
    expect(file.readOnlyReason).toMatch(/newer Daemon Doctor \(settings version 3; this one knows 2\).*read-only/)
    expect(file.issues.map((issue) => issue.message)).toEqual([file.readOnlyReason])
    expect(() => file.update(() => ({ items: [] }))).toThrow(AppError)
    expect(readFileSync(join(dir, 'things.json'), 'utf8')).toBe(newer)
    expect(readdirSync(dir)).toEqual(['things.json'])
  })

  it('notices a change another writer made and builds on it', () => {
    const dir = tempDir()
    const mine = open(dir)
    const theirs = open(dir)
    theirs.update((document) => ({ items: [...document.items, { name: 'theirs' }] }))
    expect(mine.read()).toEqual({ items: [{ name: 'theirs' }] })
    mine.update((document) => ({ items: [...document.items, { name: 'mine' }] }))
    expect(theirs.read().items.map((item) => item.name)).toEqual(['theirs', 'mine'])
  })
})

describe('two processes saving connections at once', () => {
  it('keeps all 100 of 50 + 50 concurrent saves', async () => {
    const dir = tempDir('dd-two-processes-')
    const script = join(import.meta.dirname, '../../../tests/support/save-connections.ts')
    const run = (prefix: string): Promise<string> =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', script, dir, prefix, '50'], { stdio: ['ignore', 'pipe', 'pipe'] })
        let output = ''
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
        child.on('error', reject)
        child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${prefix} exited ${code}: ${output}`))))
      })
    const outputs = await Promise.all([run('left'), run('right')])
    // Each process also saw the other's connections while it worked (it did not read the list once).
    for (const output of outputs) expect(Number(/saw (\d+) at the end/.exec(output)?.[1])).toBe(100)
    const saved = (JSON.parse(readFileSync(join(dir, 'connections.json'), 'utf8')) as { connections: { name: string }[] }).connections
    expect(saved).toHaveLength(100)
    expect(new Set(saved.map((entry) => entry.name)).size).toBe(100)
    expect(readdirSync(dir).filter((name) => name !== 'connections.json')).toEqual([])
  }, 60_000)
})
