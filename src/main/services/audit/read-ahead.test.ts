import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readAhead } from './read-ahead'

const dir = mkdtempSync(join(tmpdir(), 'read-ahead-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('readAhead', () => {
  it('gives the file\'s bytes in order, through every slot of the ring and a last partial one', async () => {
    const path = join(dir, 'big.bin')
    writeFileSync(path, randomBytes(9 * (1 << 20) + 12345))
    const chunks: Buffer[] = []
    let counted = 0
    for await (const chunk of readAhead(path, (bytes) => (counted += bytes))) chunks.push(Buffer.from(chunk))
    const whole = readFileSync(path)
    expect(Buffer.concat(chunks).equals(whole)).toBe(true)
    expect(counted).toBe(whole.length)
    expect(chunks.length).toBe(10)
  })

  it('reads its first bytes itself while the reader starts, and goes on with the reader from there', async () => {
    const path = join(dir, 'head.bin')
    writeFileSync(path, randomBytes(7 * (1 << 20) + 321))
    for (const headBytes of [0, 1 << 20, 3 * (1 << 20) + 5, 7 * (1 << 20) + 321, 64 << 20]) {
      const chunks: Buffer[] = []
      let counted = 0
      for await (const chunk of readAhead(path, (bytes) => (counted += bytes), { headBytes })) chunks.push(Buffer.from(chunk))
      expect(Buffer.concat(chunks).equals(readFileSync(path)), `head of ${headBytes}`).toBe(true)
      expect(counted).toBe(7 * (1 << 20) + 321)
    }
  })

  it('gives nothing for an empty file', async () => {
    const path = join(dir, 'empty.log')
    writeFileSync(path, '')
    const chunks: Buffer[] = []
    for await (const chunk of readAhead(path, () => undefined)) chunks.push(chunk)
    expect(chunks).toEqual([])
  })

  it('stops its reader when the parser stops early', async () => {
    const path = join(dir, 'stop.bin')
    writeFileSync(path, randomBytes(6 * (1 << 20)))
    let taken = 0
    for await (const chunk of readAhead(path, () => undefined)) {
      expect(chunk.length).toBeGreaterThan(0)
      if (++taken === 2) break
    }
    expect(taken).toBe(2)
  })

  it('fails with the read\'s own error', async () => {
    const read = async (path: string): Promise<void> => {
      for await (const chunk of readAhead(path, () => undefined)) expect(chunk).toBeDefined()
    }
    await expect(read(join(dir, 'missing.log'))).rejects.toThrow(/ENOENT/)
    await expect(read(dir)).rejects.toThrow(/EISDIR/)
  })
})
