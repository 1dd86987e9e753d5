import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { extractMessageIds } from './message-ids'

/** What extractMessageIds stands in for: the ID pattern tried from every position of each text. */
function idsByPattern(...texts: string[]): string[] {
  const ids: string[] = []
  for (const text of texts) for (const [id] of text.matchAll(/\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+-(?:\d{3}-\d{3}|\d{4})(?![\w-])/g)) if (!ids.includes(id)) ids.push(id)
  return ids
}

describe('message IDs in a text', () => {
  it('finds the IDs the pattern finds from every position, in order, in texts full of look-alikes', () => {
    const piece = fc.oneof(
      fc.constantFrom('OMRS-REPOSITORY-404-002', 'INTEGRATION-DAEMON-SERVICES-0031', 'OCF-KAFKA-TOPIC-CONNECTOR-0001', 'A-B-400-001', 'X-1-0001', 'ISO-8601', 'UTF-8', '1d62bacb-6f1f-9298-f8dc-e15d129abbd9', '2025-11-22', '9000-9999'),
      fc.string({ unit: fc.constantFrom('A', 'Z', 'a', '_', '0', '4', '9', '-', ' ', '.', '\n', '\u00c9'), maxLength: 8 })
    )
    let found = 0
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 10 }).map((pieces) => pieces.join('')), { minLength: 1, maxLength: 3 }), (texts) => {
        const expected = idsByPattern(...texts)
        found += expected.length
        expect(extractMessageIds(...texts)).toEqual(expected)
      }),
      { numRuns: 5000 }
    )
    expect(found).toBeGreaterThan(2000)
  })

  it('skips texts that are undefined or empty, and reads long runs of ID characters in linear time', () => {
    expect(extractMessageIds(undefined, '', 'see OMAG-ADMIN-400-012.')).toEqual(['OMAG-ADMIN-400-012'])
    // The pattern alone would take minutes on these (the test's time-out): it tries each capital and fails only at the run's end.
    const run = 'A-'.repeat(200_000)
    expect(extractMessageIds(`${run}1234x`, `a${run}0001 `, `${run}-0001`)).toEqual([`${'A-'.repeat(199_999)}0001`])
  })
})
