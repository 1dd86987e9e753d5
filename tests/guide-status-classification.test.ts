import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { classifyFailure } from '../src/shared/knowledge'

/** The status JSON of the guide's second example: the directory-missing failures after the restart. */
function statusFailures(): { connector: string; text: string }[] {
  const seed = readFileSync(new URL('./fixtures/audit/guide-2021-integration-daemon.md', import.meta.url), 'utf8')
  const out: { connector: string; text: string }[] = []
  for (const match of seed.matchAll(/"connectorName": "(\w+)",[^}]*?"failingExceptionMessage": "([^"]*)"/g)) out.push({ connector: match[1]!, text: match[2]! })
  return out
}

describe('classifyFailure on the troubleshooting guide\'s status JSON', () => {
  it('classifies every failingExceptionMessage of the guide\'s status examples', () => {
    const results = statusFailures().map(({ connector, text }) => {
      const result = classifyFailure(text, 2)
      return [connector, result.source, result.subject ?? connector, result.rootMessageId]
    })
    expect(results).toEqual([
      ['OakDeneLandingAreaFilesMonitor', 'metadata-server', 'cocoMDS1', 'OMAG-MULTI-TENANT-404-001'],
      ['OldMarketLandingAreaFilesMonitor', 'metadata-server', 'cocoMDS1', 'OMAG-MULTI-TENANT-404-001'],
      ['DropFootClinicalTrialResultsFilesMonitor', 'metadata-server', 'cocoMDS1', 'OMAG-MULTI-TENANT-404-001'],
      ['OakDeneLandingAreaDatabaseMonitor', 'connector', 'OakDeneLandingAreaDatabaseMonitor', 'OMIS-DATABASE-INTEGRATOR-400-001'],
      ['OakDeneLandingAreaFilesMonitor', 'third-party', 'data/landing-area/hospitals/oak-dene/clinical-trials/drop-foot', 'BASIC-FILES-INTEGRATION-CONNECTORS-404-001'],
      ['OldMarketLandingAreaFilesMonitor', 'third-party', 'data/landing-area/hospitals/old-market/clinical-trials/drop-foot', 'BASIC-FILES-INTEGRATION-CONNECTORS-404-001'],
      ['DropFootClinicalTrialResultsFilesMonitor', 'third-party', 'data/data-lake/research/clinical-trials/drop-foot/weekly-measurements', 'BASIC-FILES-INTEGRATION-CONNECTORS-404-001'],
      ['OakDeneLandingAreaDatabaseMonitor', 'connector', 'OakDeneLandingAreaDatabaseMonitor', 'OMIS-DATABASE-INTEGRATOR-400-001'],
      ['OakDeneLandingAreaDatabaseMonitor', 'connector', 'OakDeneLandingAreaDatabaseMonitor', 'OMIS-DATABASE-INTEGRATOR-400-001']
    ])
    const missing = classifyFailure(statusFailures()[4]!.text)
    expect(missing.action).toMatch(/Create the directory, then restart the connector/)
  })

})
