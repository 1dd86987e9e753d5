import { describe, expect, it } from 'vitest'
import type { ServerCheck } from '../models/daemon'
import { COCO_DATABASE, COCO_FILES, cocoStart, connector, directoryMissing, statusOf } from '../../../tests/support/coco-status'
import { causesOf, needsOperator, proposedConnectors, readinessOf, serversToCheck } from './restart-proposal'

const check = (state: ServerCheck['state']): Record<string, ServerCheck> => ({
  cocoMDS1: { server: 'cocoMDS1', platformUrl: 'http://127.0.0.1:9443', state, verdict: state, checkedAt: '2026-11-22T02:00:00.000Z' }
})

describe('the restart proposal', () => {
  it('groups the guide’s failures by cause: the metadata server first, the configuration failure last', () => {
    const causes = causesOf(cocoStart())
    expect(causes.map((cause) => [cause.source, cause.subject, cause.connectors.length, cause.precondition.kind])).toEqual([
      ['metadata-server', 'cocoMDS1', 3, 'server-active'],
      ['connector', COCO_DATABASE, 1, 'cannot-help']
    ])
    expect(causes[1]!.connectors[0]!.name).toBe(COCO_DATABASE)
    const advice = (causes[1]!.precondition as { advice: string }).advice
    expect(advice).toMatch(/^Restarting the connector cannot help: its configuration is wrong\. .*then restart the daemon\.?$/)
    // Said once, even though the knowledge base's action says it too.
    expect(advice.match(/cannot help/gi)).toHaveLength(1)
    expect(serversToCheck(causes)).toEqual(['cocoMDS1'])
  })

  it('proposes the metadata server’s connectors only once the platform says it is active', () => {
    const causes = causesOf(cocoStart())
    expect(proposedConnectors(causes, {}, {})).toEqual([])
    expect(readinessOf(causes[0]!, {}, {})).toMatchObject({ ready: false, pending: true })
    expect(proposedConnectors(causes, check('inactive'), {})).toEqual([])
    expect(readinessOf(causes[0]!, check('inactive'), {})).toMatchObject({ ready: false, pending: false, reason: 'cocoMDS1 is not active' })
    expect(proposedConnectors(causes, check('active'), {}).sort()).toEqual([...COCO_FILES].sort())
    // The wrong-type connector is never proposed, whatever the operator says.
    expect(proposedConnectors(causes, check('active'), { [causes[1]!.key]: true })).not.toContain(COCO_DATABASE)
  })

  it('asks the operator when the platform cannot tell, and only then', () => {
    const causes = causesOf(cocoStart())
    for (const state of ['unknown', 'unreachable'] as const) {
      expect(needsOperator(causes[0]!, check(state))).toBe(true)
      expect(proposedConnectors(causes, check(state), {})).toEqual([])
      expect(proposedConnectors(causes, check(state), { [causes[0]!.key]: true })).toHaveLength(3)
    }
    expect(needsOperator(causes[0]!, check('inactive'))).toBe(false)
    // A confirmation does not override the platform saying the server is down.
    expect(proposedConnectors(causes, check('inactive'), { [causes[0]!.key]: true })).toEqual([])
  })

  it('makes one cause per missing directory, each confirmed by the operator', () => {
    const status = statusOf([
      connector(COCO_FILES[0]!, 'FAILED', directoryMissing('data/a')),
      connector(COCO_FILES[1]!, 'FAILED', directoryMissing('data/b')),
      connector(COCO_FILES[2]!, 'RUNNING')
    ])
    const causes = causesOf(status)
    expect(causes.map((cause) => [cause.source, cause.subject, cause.precondition])).toEqual([
      ['third-party', 'data/a', { kind: 'operator', statement: 'The directory data/a has been created' }],
      ['third-party', 'data/b', { kind: 'operator', statement: 'The directory data/b has been created' }]
    ])
    expect(proposedConnectors(causes, {}, { [causes[1]!.key]: true })).toEqual([COCO_FILES[1]])
  })

  it('treats CONFIG_FAILED as a configuration problem and unclassified failures as the operator’s call', () => {
    const causes = causesOf(statusOf([connector('A', 'CONFIG_FAILED', directoryMissing('data/a')), connector('B', 'FAILED'), connector('C', 'WAITING')]))
    expect(causes.map((cause) => [cause.connectors[0]!.name, cause.source, cause.precondition.kind])).toEqual([
      ['B', 'undetermined', 'operator'],
      ['A', 'third-party', 'cannot-help']
    ])
  })
})
