import { describe, expect, it } from 'vitest'
import { COCO_DATABASE, COCO_FILES, COCO_MDS_DOWN, COCO_WRONG_TYPE, connector, statusOf } from '../../../../../tests/support/coco-status'
import { defaultChoice, failedConnectors, recoveredAndHealthy, refreshMovedSeconds, refreshScope } from './refresh-scope'

const status = statusOf([...COCO_FILES.map((name) => connector(name, 'RUNNING')), connector(COCO_DATABASE, 'FAILED', COCO_WRONG_TYPE)])

describe('the refresh scope', () => {
  it('recommends the connectors a restart recovered, as long as they are still healthy', () => {
    expect(defaultChoice(status, [])).toBe('healthy')
    expect(defaultChoice(status, [COCO_FILES[0]!])).toBe('recovered')
    const failedAgain = statusOf([connector(COCO_FILES[0]!, 'FAILED', COCO_WRONG_TYPE), connector(COCO_FILES[1]!, 'RUNNING')])
    expect(recoveredAndHealthy(failedAgain, [COCO_FILES[0]!, COCO_FILES[1]!])).toEqual([COCO_FILES[1]])
  })

  it('sends chosen connectors by name, a service by marker, and never the failed ones as "healthy"', () => {
    expect(refreshScope(status, [COCO_FILES[1]!], { choice: 'recovered' })).toEqual({
      scope: { kind: 'connectors', names: [COCO_FILES[1]] },
      names: [COCO_FILES[1]]
    })
    expect(refreshScope(status, [], { choice: 'healthy' })?.names).toEqual(COCO_FILES)
    expect(refreshScope(status, [], { choice: 'service', service: 'files-integrator' })).toEqual({
      scope: { kind: 'service', marker: 'files-integrator' },
      names: COCO_FILES
    })
    expect(refreshScope(status, [], { choice: 'recovered' })).toBeUndefined()
    expect(refreshScope(status, [], { choice: 'group', group: 'none' })).toBeUndefined()
  })

  it('splits the failed connectors into those a restart can bring back and those that need a configuration change', () => {
    const mixed = statusOf([
      connector(COCO_FILES[0]!, 'FAILED', COCO_MDS_DOWN),
      connector(COCO_FILES[1]!, 'RUNNING'),
      connector(COCO_FILES[2]!, 'CONFIG_FAILED', COCO_MDS_DOWN),
      connector(COCO_DATABASE, 'FAILED', COCO_WRONG_TYPE)
    ])
    expect(failedConnectors(mixed)).toEqual({ restart: [COCO_FILES[0]], configuration: [COCO_FILES[2], COCO_DATABASE] })
    expect(failedConnectors(status)).toEqual({ restart: [], configuration: [COCO_DATABASE] })
  })

  it('measures how far lastRefreshTime moved', () => {
    expect(refreshMovedSeconds('2021-02-02T21:01:11.399+00:00', '2021-02-02T21:02:11.399+00:00')).toBe(60)
    expect(refreshMovedSeconds('2021-02-02T21:01:11.399+00:00', '2021-02-02T21:01:11.399+00:00')).toBe(0)
    expect(refreshMovedSeconds(undefined, '2021-02-02T21:01:11.399+00:00')).toBe(Number.POSITIVE_INFINITY)
    expect(refreshMovedSeconds('2021-02-02T21:01:11.399+00:00', undefined)).toBeUndefined()
    expect(refreshMovedSeconds('garbage', '2021-02-02T21:01:11.399+00:00')).toBeUndefined()
  })
})
