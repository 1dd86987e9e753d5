import { describe, expect, it } from 'vitest'
import { changeUnavailable, configurationDiff, endpointAddressProblem, MASKED, parsePropertyAssignments, type ConnectorConfiguration } from './configuration'

describe('endpointAddressProblem', () => {
  it.each(['data/landing-area/oak-dene', '/var/data/landing', 'C:\\data\\landing', 'jdbc:postgresql://db.coco:5432/sales', 'db.coco:5432', 'https://kafka.coco:9092/topic', 'file:///data/x', 'localhost'])(
    'accepts %s',
    (address) => expect(endpointAddressProblem(address)).toBeUndefined()
  )
  it.each([
    ['', /empty/],
    ['   ', /empty/],
    [' data/x', /spaces/],
    ['data/x\n', /spaces/],
    ['data/\tx', /control character/],
    ['db.coco:54x2', /port in db.coco:54x2 must be a number/],
    ['db.coco:0', /1 to 65535/],
    ['jdbc:postgresql://db.coco:99999/sales', /port/],
    ['https:///path', /names no host/]
  ])('refuses %j', (address, message) => expect(endpointAddressProblem(address)).toMatch(message))
})

describe('parsePropertyAssignments', () => {
  it('keeps JSON types and plain strings', () => {
    expect(parsePropertyAssignments(['waitForDirectory=true', 'batch=20', 'name=Oak Dene', 'empty=', 'expr=a=b'])).toEqual({
      ok: true,
      value: { waitForDirectory: true, batch: 20, name: 'Oak Dene', empty: '', expr: 'a=b' }
    })
  })
  it.each([[[], /No property/], [['novalue'], /not KEY=VALUE/], [['=x'], /not KEY=VALUE/], [['a=1', 'a=2'], /given twice/]])('refuses %j', (input, message) => {
    const result = parsePropertyAssignments(input)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toMatch(message)
  })
})

describe('configurationDiff', () => {
  const configuration = { endpointAddress: 'old/dir', configurationProperties: { a: 1, password: MASKED } } as unknown as ConnectorConfiguration
  it('lists only what changes, and never shows a secret', () => {
    expect(configurationDiff(configuration, { kind: 'endpoint', address: 'old/dir' })).toEqual([])
    expect(configurationDiff(configuration, { kind: 'endpoint', address: 'new/dir' })).toEqual([{ field: 'endpoint address', before: 'old/dir', after: 'new/dir' }])
    expect(configurationDiff(configuration, { kind: 'properties', properties: { a: 1, b: 'x', password: 'p' } })).toEqual([
      { field: 'property b', before: undefined, after: 'x' },
      { field: 'property password', before: MASKED, after: MASKED }
    ])
  })
})

describe('changeUnavailable', () => {
  it('follows the versions the daemon API has', () => {
    expect(changeUnavailable(3, 'properties')).toMatch(/3\.x/)
    expect(changeUnavailable(4, 'properties')).toBeUndefined()
    expect(changeUnavailable(4, 'endpoint')).toMatch(/5\.0\+/)
    expect(changeUnavailable(5, 'endpoint')).toBeUndefined()
  })
})
