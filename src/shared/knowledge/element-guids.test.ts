import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { classifyFailure } from './classify'
import { ANY_GUID, namesGuid, withAnyGuid } from './element-guids'
import { extractMessageIds } from './message-ids'

const GUID = '1d62bacb-6f1f-9298-f8dc-e15d129abbd9'
const OTHER = '2E73CBDC-7A2A-4309-A9ED-F26E23ABCCE0'
const notKnown = (guid: string): string =>
  `OMRS-REPOSITORY-404-002 The entity identified with guid ${guid} passed on the getEntityDetail call is not known to the open metadata repository cocoMDS1`

describe('withAnyGuid', () => {
  it('reads every standalone GUID, in either case, as ANY_GUID', () => {
    expect(withAnyGuid(`guid ${GUID} and (${OTHER}).`)).toBe(`guid ${ANY_GUID} and (${ANY_GUID}).`)
    expect(withAnyGuid(GUID)).toBe(ANY_GUID)
  })

  it('gives the text itself when it names none', () => {
    const text = 'OMAG-MULTI-TENANT-404-001 The OMAG Server cocoMDS1 is not available at 2025-11-22 18:00'
    expect(withAnyGuid(text)).toBe(text)
    expect(namesGuid(text)).toBe(false)
  })

  it('leaves hex runs that are part of a longer name, or not shaped 8-4-4-4-12', () => {
    for (const text of [`x${GUID}`, `${GUID}0`, `id-${GUID}`, `${GUID}-2`, `a_${GUID}`, '1d62bacb-6f1f-9298-f8dc-e15d129abbd', '1d62bacb-6f1f-9298-f8dcx-15d129abbd9', '1d62bacg-6f1f-9298-f8dc-e15d129abbd9']) {
      expect(withAnyGuid(text)).toBe(text)
    }
  })

  it('never changes the message IDs a text holds', () => {
    const part = fc.constantFrom(GUID, OTHER, 'OMRS-AUDIT-0001', 'ABCD1234-1234-1234-1234-123456789012', '-', ' ', 'x', '0123', 'A-', '-0042')
    fc.assert(
      fc.property(fc.array(part, { maxLength: 12 }), (parts) => {
        const text = parts.join('')
        expect(extractMessageIds(withAnyGuid(text))).toEqual(extractMessageIds(text))
      })
    )
  })
})

describe('classifyFailure and GUIDs', () => {
  it('classifies failures that differ only in the elements they name alike', () => {
    expect(classifyFailure(notKnown(GUID), 5, { detail: `${OTHER} gone` })).toEqual(classifyFailure(notKnown(OTHER), 5, { detail: `${GUID} gone` }))
  })

  it('names a GUID as the subject when the text gives one there', () => {
    const text = (guid: string): string => `OMAG-MULTI-TENANT-404-001 The OMAG Server ${guid} is not available to service a request from user garygeeke`
    expect(classifyFailure(text(GUID), 5)).toMatchObject({ source: 'metadata-server', subject: GUID })
    expect(classifyFailure(text(OTHER), 5).subject).toBe(OTHER)
  })
})
