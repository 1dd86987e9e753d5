import { describe, expect, it } from 'vitest'
import { foldDumps, messageParts } from './readable-message'

describe('readable failure messages', () => {
  it('highlights message IDs and folds Connection dumps', () => {
    const dump = `Connection{displayName='null', ${'x'.repeat(200)}, endpoint=Endpoint{address='data/x'}}`
    const parts = messageParts(`BASIC-FILES-INTEGRATION-CONNECTORS-404-001 The directory named data/x in the Connection object ${dump} does not exist`)
    expect(parts.filter((p) => p.messageId).map((p) => p.text)).toEqual(['BASIC-FILES-INTEGRATION-CONNECTORS-404-001'])
    expect(parts.filter((p) => p.dump).map((p) => p.text)).toEqual([dump])
    expect(parts.map((p) => p.text).join('')).toContain('does not exist')
    const short = messageParts('short Thing{a=1} stays')
    expect(short.some((p) => p.dump)).toBe(false)
    expect(short.map((p) => p.text).join('')).toBe('short Thing{a=1} stays')
  })

  it('folds dumps to Name{…} for one-line reports', () => {
    const dump = `Connection{displayName='null', ${'y'.repeat(300)}}`
    expect(foldDumps(`BASIC-FILES-INTEGRATION-CONNECTORS-404-001 The directory named d in the Connection object ${dump} does not exist`)).toBe(
      'BASIC-FILES-INTEGRATION-CONNECTORS-404-001 The directory named d in the Connection object Connection{…} does not exist'
    )
    expect(foldDumps('OMAG-MULTI-TENANT-404-001 The OMAG Server cocoMDS1 is not available')).toBe('OMAG-MULTI-TENANT-404-001 The OMAG Server cocoMDS1 is not available')
  })
})
