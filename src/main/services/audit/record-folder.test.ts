import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { RecordFileIndex, RecordFileReader, recordFilesInTimeOrder, timeStampIn } from './record-folder'

const guid = (index: number): string => `${index.toString(16).padStart(8, '0')}-5b7e-4c1d-9e8f-0a1b2c3d4e5f`

describe('RecordFileIndex', () => {
  it('gives back every kind of name as it was added', () => {
    const names = [
      `log-record-${guid(1)}.omalrecord`,
      `${guid(2)}.omalrecord`,
      `other-prefix-${guid(3)}-copy.omalrecord`,
      'LOG-RECORD-0000000A-5B7E-4C1D-9E8F-0A1B2C3D4E5F.omalrecord',
      'record-17.omalrecord',
      'journal entrée ünïcode 日本.omalrecord',
      '.omalrecord'
    ]
    const index = new RecordFileIndex()
    names.forEach((name, at) => index.add(name, at))
    expect(names.map((_, at) => index.nameAt(at))).toEqual(names)
    expect([...index.namesInTimeOrder()]).toEqual(names)
  })

  it('orders by time, then by name for files of the same millisecond, across pages of the index', () => {
    const index = new RecordFileIndex()
    const added: { name: string; time: number }[] = []
    for (let at = 0; at < 70_000; at++) {
      const entry = { name: at % 7 === 0 ? `plain-${at}.omalrecord` : `log-record-${guid((at * 7919) % 100_000)}.omalrecord`, time: 1_700_000_000_000 + ((at * 31) % 997) }
      added.push(entry)
      index.add(entry.name, entry.time)
    }
    const expected = [...added].sort((a, b) => a.time - b.time || a.name.localeCompare(b.name)).map((entry) => entry.name)
    expect(index.length).toBe(70_000)
    expect([...index.namesInTimeOrder()]).toEqual(expected)
  })

  it('keeps names in the arena once a folder has more name frames than it shares', () => {
    const index = new RecordFileIndex()
    const names = Array.from({ length: 1100 }, (_, at) => `frame${at}-${guid(at)}.omalrecord`)
    names.forEach((name) => index.add(name, 0))
    expect(names.map((_, at) => index.nameAt(at))).toEqual(names)
  })
})

describe('timeStampIn', () => {
  const time = (text: string): number => timeStampIn(Buffer.from(text))

  it('reads the first timeStamp with digits, as the JSON writes it', () => {
    expect(time('{"guid":"x","timeStamp":1700000000123,"severity":"Error"}')).toBe(1700000000123)
    expect(time('{\n  "timeStamp" :\t 42\n}')).toBe(42)
    expect(time('\uFEFF{"timeStamp":7}')).toBe(7)
  })

  it('skips a timeStamp without digits and answers 0 when there is none', () => {
    expect(time('{"messageText":"\\"timeStamp\\" is late","timeStamp":"2024-01-01","x":{"timeStamp":99}}')).toBe(99)
    expect(time('{"timeStamp":null}')).toBe(0)
    expect(time('not json at all')).toBe(0)
    expect(time('')).toBe(0)
  })
})

describe('RecordFileReader', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dd-timestamps-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('reads files larger than its buffer and empty files', () => {
    const reader = new RecordFileReader()
    const big = join(dir, 'big.omalrecord')
    writeFileSync(big, JSON.stringify({ exceptionStackTrace: 'at x\n'.repeat(20_000), timeStamp: 1234 }))
    const empty = join(dir, 'empty.omalrecord')
    writeFileSync(empty, '')
    const small = join(dir, 'small.omalrecord')
    writeFileSync(small, '{"timeStamp":5}')
    expect(timeStampIn(reader.read(big))).toBe(1234)
    expect(reader.read(empty).length).toBe(0)
    expect(reader.read(small).toString()).toBe('{"timeStamp":5}')
  })
})

describe('recordFilesInTimeOrder', () => {
  const folders: string[] = []
  afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

  /** A folder of record files, each `{ name, text }`; other files beside them are not records. */
  function folder(files: { name: string; text: string }[]): string {
    const dir = mkdtempSync(join(tmpdir(), 'dd-record-folder-'))
    folders.push(dir)
    for (const { name, text } of files) writeFileSync(join(dir, name), text)
    writeFileSync(join(dir, 'notes.txt'), '{"timeStamp":1}')
    return dir
  }

  async function listed(dir: string, windowFiles?: number): Promise<string[]> {
    const names: string[] = []
    for await (const name of recordFilesInTimeOrder(dir, new RecordFileReader(), windowFiles)) names.push(name)
    return names
  }

  const files = Array.from({ length: 300 }, (_, at) => ({
    name: at % 5 === 0 ? `plain-${at}.omalrecord` : `log-record-${guid(at * 7)}.omalrecord`,
    // Ties (files of one millisecond), files without a time, and one with a time too long for a number.
    text: at % 11 === 0 ? '{"messageId":"X"}' : at === 7 ? `{"timeStamp":${'9'.repeat(400)}}` : `{"timeStamp":${1_700_000_000_000 + ((at * 37) % 120)}}`
  }))
  const byTime = (entries: { name: string; text: string }[]): string[] =>
    entries
      .map(({ name, text }) => ({ name, time: timeStampIn(Buffer.from(text)) }))
      .sort((a, b) => a.time - b.time || a.name.localeCompare(b.name))
      .map(({ name }) => name)

  it('lists the record files by time, then name, in one window or in many', async () => {
    const dir = folder(files)
    expect(await listed(dir)).toEqual(byTime(files))
    expect(await listed(dir, 16)).toEqual(byTime(files))
    expect(await listed(dir, 1)).toEqual(byTime(files))
  })

  it('reads the time of a file the folder gained after its first listing', async () => {
    const dir = folder(files)
    const names = recordFilesInTimeOrder(dir, new RecordFileReader(), 32)
    const first = await names.next()
    const late = { name: `log-record-${guid(999_999)}.omalrecord`, text: '{"timeStamp":1700000000119}' }
    writeFileSync(join(dir, late.name), late.text)
    const rest: string[] = []
    for await (const name of names) rest.push(name)
    expect([first.value, ...rest]).toEqual(byTime([...files, late]))
  })

  it('reads again only the files the folder gained or lost since its first listing, not every file listed after them', async () => {
    const dir = folder(files)
    const reader = new RecordFileReader()
    const read = reader.read.bind(reader)
    let reads = 0
    reader.read = (path) => ((reads += 1), read(path))
    const names = recordFilesInTimeOrder(dir, reader, 32)
    const first = await names.next()
    const readFirst = reads
    const late = { name: `log-record-${guid(888_888)}.omalrecord`, text: '{"timeStamp":1700000000003}' }
    writeFileSync(join(dir, late.name), late.text)
    const rest: string[] = []
    for await (const name of names) rest.push(name)
    expect([first.value, ...rest]).toEqual(byTime([...files, late]))
    // Each later window reads the gained file alone, at most once per window of 32 files.
    expect(reads - readFirst).toBeLessThanOrEqual(Math.ceil(files.length / 32))
  })
})
