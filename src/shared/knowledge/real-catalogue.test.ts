/**
 * The knowledge base against the message catalogues of real Egeria releases (read out of Egeria's published jars,
 * tests/fixtures/real-egeria): an entry that holds for a release and whose ID that release has, has that release's
 * severity. Egeria reused IDs with another meaning; a mismatch here is how such a reuse shows.
 */
import { describe, expect, it } from 'vitest'
import { difference, loadAllowedDifferences, loadCatalogue, reviewDifferences, severityDisplayNames } from '../../../tests/support/real-catalogue'
import { MESSAGES, lookupMessage } from '.'

const releases = [
  { release: '3.4', major: 3 },
  { release: '4.2', major: 4 }
] as const

describe.each(releases)('knowledge base vs real Egeria $release', ({ release, major }) => {
  const catalogue = loadCatalogue(release)

  it('gives each message the severity that release prints, except the reviewed differences', () => {
    const entries = MESSAGES.filter((entry) => (entry.fromMajor ?? 0) <= major && major <= (entry.untilMajor ?? Infinity) && catalogue.messages[entry.id])
    expect(entries.length).toBeGreaterThan(100)
    const differences = entries.flatMap((entry) => {
      const real = catalogue.messages[entry.id]!
      const severity = real.severity ? severityDisplayNames[real.severity] : `HTTP ${/-(\d{3})-\d{3}$/.exec(entry.id)?.[1]}`
      return severity === entry.severity ? [] : [difference(entry.id, 'severity', `${entry.severity}, real ${severity}`)]
    })
    const { unexplained, stale } = reviewDifferences(differences, loadAllowedDifferences('knowledge', release))
    expect(unexplained).toEqual([])
    expect(stale).toEqual([])
  })
})

it('reads 3.x logs with 3.x meanings where Egeria renumbered the daemon thread messages', () => {
  // Egeria 3.4: 0043 is the thread stopping and 0044 a connector's exception; 4.2 moved both one up.
  expect(lookupMessage('INTEGRATION-DAEMON-SERVICES-0043', 3)).toMatchObject({ severity: 'Shutdown' })
  expect(lookupMessage('INTEGRATION-DAEMON-SERVICES-0044', 3)).toMatchObject({ severity: 'Exception', source: 'nested' })
  expect(lookupMessage('INTEGRATION-DAEMON-SERVICES-0043', 4)).toMatchObject({ severity: 'Information', meaning: expect.stringContaining('refresh finished') })
  expect(lookupMessage('INTEGRATION-DAEMON-SERVICES-0044', 4)).toMatchObject({ severity: 'Shutdown' })
  // Without a version, the newest meaning.
  expect(lookupMessage('INTEGRATION-DAEMON-SERVICES-0043')).toMatchObject({ severity: 'Information' })
})
