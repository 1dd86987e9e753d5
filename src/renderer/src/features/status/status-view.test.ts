import { describe, expect, it } from 'vitest'
import type { ConnectorState } from '../../../../shared/models/daemon'
import { ageOf, groupConnectors, nameWords, needingAttentionFirst, timeLabel, visibleConnectors } from './status-view'

const connector = (name: string, status: string, extra: Partial<ConnectorState> = {}): ConnectorState => ({
  name,
  status,
  refreshOverdue: false,
  failingMessageIds: [],
  ...extra
})

describe('status view helpers', () => {
  const connectors = [
    connector('b-healthy', 'WAITING', { group: 'G1' }),
    connector('a-healthy-overdue', 'RUNNING', { refreshOverdue: true, group: 'G2' }),
    connector('c-failed', 'FAILED', { group: 'G1', failingMessage: 'OMAG-MULTI-TENANT-404-001 The OMAG Server cocoMDS1 is not available' }),
    connector('d-starting', 'INITIALIZED', { group: 'G2' }),
    connector('e-config', 'CONFIG_FAILED', { group: 'G1' })
  ]

  it('puts connectors needing attention first: failed, unusual, overdue, then healthy', () => {
    expect(needingAttentionFirst(connectors).map((c) => c.name)).toEqual(['c-failed', 'e-config', 'd-starting', 'a-healthy-overdue', 'b-healthy'])
  })

  it('filters by category and searches names and messages', () => {
    expect(visibleConnectors(connectors, 'failed', '').map((c) => c.name)).toEqual(['c-failed', 'e-config'])
    expect(visibleConnectors(connectors, 'all', 'cocomds1').map((c) => c.name)).toEqual(['c-failed'])
    expect(groupConnectors(visibleConnectors(connectors, 'all', ''), 'group').map((g) => [g.key, g.connectors.length])).toEqual([
      ['G1', 3],
      ['G2', 2]
    ])
  })

  it('gives ages for past times only, so a skewed daemon clock never reads as "in 2 hours"', () => {
    const now = Date.parse('2026-11-21T12:00:00Z')
    expect(ageOf('2026-11-21T11:59:30Z', now)).toBe('30 seconds ago')
    expect(ageOf('2026-11-21T11:00:00Z', now)).toBe('1 hour ago')
    expect(timeLabel('2026-11-21T11:58:00Z', now).age).toBe('2 minutes ago')
    expect(timeLabel('2026-11-21T13:00:00Z', now).age).toBeUndefined()
    // A few seconds ahead (a change seen before the clock's next tick) is "now", not ageless.
    expect(timeLabel('2026-11-21T12:00:04Z', now).age).toBe('now')
    expect(timeLabel(undefined, now)).toEqual({ absolute: '—' })
  })
})

describe('nameWords', () => {
  it('cuts a camel-case connector name where its words meet, losing nothing', () => {
    expect(nameWords('DropFootClinicalTrialResultsFilesMonitor')).toEqual(['Drop', 'Foot', 'Clinical', 'Trial', 'Results', 'Files', 'Monitor'])
    expect(nameWords('OMRSTopicMonitor2x1')).toEqual(['OMRS', 'Topic', 'Monitor2x1'])
    expect(nameWords('landing-area_files.monitor')).toEqual(['landing-', 'area_', 'files.', 'monitor'])
    expect(nameWords('plain')).toEqual(['plain'])
  })
})
