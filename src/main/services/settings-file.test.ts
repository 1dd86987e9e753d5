import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { tempDir } from '../../../tests/temp-dir'
import { openConfStore } from '../web/conf-store'
import { openSettingsFile } from './settings-file'

const schema = z.object({ items: z.array(z.object({ name: z.string() })) })
const open = (dir: string) =>
  openSettingsFile({
    dir,
    name: 'things',
    open: openConfStore,
    schema,
    version: 2,
    migrations: { 1: (doc) => ({ ...doc, items: (doc.list as string[]).map((name) => ({ name })) }) },
    defaults: () => ({ items: [] }),
    salvage: (raw) => {
      const items = (raw.items as unknown[]).filter((item) => schema.shape.items.element.safeParse(item).success)
      return items.length ? { items: items as { name: string }[] } : undefined
    },
    now: () => new Date('2026-11-21T10:00:00Z')
  })

describe('openSettingsFile', () => {
  it('starts a fresh versioned file and writes through', () => {
    const dir = tempDir()
    const file = open(dir)
    expect(file.read()).toEqual({ items: [] })
    file.write({ items: [{ name: 'a' }] })
    expect(JSON.parse(readFileSync(join(dir, 'things.json'), 'utf8'))).toEqual({ items: [{ name: 'a' }], schemaVersion: 2 })
    expect(open(dir).read()).toEqual({ items: [{ name: 'a' }] })
  })

  it('migrates a version 1 document and records the new version', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'things.json'), JSON.stringify({ list: ['x', 'y'] }))
    const file = open(dir)
    expect(file.read()).toEqual({ items: [{ name: 'x' }, { name: 'y' }] })
    expect(file.issues).toEqual([])
    expect(JSON.parse(readFileSync(join(dir, 'things.json'), 'utf8')).schemaVersion).toBe(2)
  })

  it('moves a file that is not JSON aside and reports it', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'things.json'), '{"items": [ {"name": "half')
    const file = open(dir)
    expect(file.read()).toEqual({ items: [] })
    expect(file.issues).toHaveLength(1)
    expect(file.issues[0]!.message).toMatch(/not valid JSON/)
    expect(readFileSync(file.issues[0]!.backupPath, 'utf8')).toBe('{"items": [ {"name": "half')
    expect(readdirSync(dir).sort()).toEqual(['things.json', 'things.json.unreadable-2026-11-21T10-00-00-000Z'])
  })

  it('keeps the valid entries of a document that fails the schema, with a backup of the original', () => {
    const dir = tempDir()
    const original = JSON.stringify({ schemaVersion: 2, items: [{ name: 'good' }, { name: 42 }] })
    writeFileSync(join(dir, 'things.json'), original)
    const file = open(dir)
    expect(file.read()).toEqual({ items: [{ name: 'good' }] })
    expect(file.issues[0]!.message).toMatch(/entries that could be read were kept/)
    expect(readFileSync(file.issues[0]!.backupPath, 'utf8')).toBe(original)
  })
})
