import { describe, expect, it } from 'vitest'
import { classifyFailure } from '../knowledge'
import type { Cause } from '../models/audit'
import type { ConnectorState, DaemonStatus } from '../models/daemon'
import { describeGroup, groupFailures } from './failure-groups'
import { nextSafeAction } from './guidance'

function connector(name: string, status: string, classification?: ConnectorState['classification']): ConnectorState {
  return { name, status, refreshOverdue: false, failingMessageIds: [], classification }
}

const mds = { source: 'metadata-server', subject: 'cocoMDS1', summary: 'down', action: 'Start the metadata server cocoMDS1.' } as const
const dir = { source: 'third-party', subject: '/data/landing', summary: 'missing', action: 'Create the directory.' } as const
const wrongType = { source: 'connector', subject: 'DbMonitor', summary: 'wrong type', action: 'Change the daemon configuration, then restart the daemon.' } as const

function status(connectors: ConnectorState[]): DaemonStatus {
  const failed = connectors.filter((c) => c.status === 'FAILED').length
  return {
    server: 'exchangeDL01', platformUrl: 'https://x', egeria: 3, fetchedAt: '2026-01-01T00:00:00Z', services: [], groups: [], connectors,
    counts: { total: connectors.length, failed, healthy: connectors.length - failed, other: 0 }
  }
}

const cocoPharma = [
  connector('Files1', 'FAILED', mds),
  connector('Files2', 'FAILED', mds),
  connector('Files3', 'FAILED', mds),
  connector('DbMonitor', 'FAILED', wrongType)
]

describe('groupFailures', () => {
  it('groups failed connectors by source and subject, metadata server first, ignoring healthy ones', () => {
    const groups = groupFailures([...cocoPharma].reverse().concat(connector('Healthy', 'RUNNING')))
    expect(groups.map((g) => [g.source, g.subject, g.connectors.map((c) => c.name).sort(), g.restartHelps])).toEqual([
      ['metadata-server', 'cocoMDS1', ['Files1', 'Files2', 'Files3'], true],
      ['connector', 'DbMonitor', ['DbMonitor'], false]
    ])
    expect(groups.map(describeGroup)).toEqual(['Metadata server cocoMDS1 unavailable: 3 connectors', 'Connector DbMonitor is misconfigured'])
  })

  it('makes connectors that fail the same way one cause of their own fault, and keeps other faults apart', () => {
    const unknownGuid = { source: 'connector', rootMessageId: 'OMRS-REPOSITORY-404-002', summary: 'unknown GUID', action: 'Check whether the element was deleted.' } as const
    const sameWay = ['Sync1', 'Sync2', 'Sync3', 'Sync4', 'Sync5'].map((name) => connector(name, 'FAILED', unknownGuid))
    const badClass = (subject: string): ConnectorState['classification'] => ({ ...unknownGuid, rootMessageId: 'OCF-CONNECTOR-400-005', summary: 'class not found', subject })
    const groups = groupFailures([...sameWay, ...cocoPharma, connector('Loader1', 'FAILED', badClass('com.a.Missing')), connector('Loader2', 'FAILED', badClass('com.b.Missing'))])
    expect(groups.map((g) => [g.source, g.subject, g.connectors.map((c) => c.name)])).toEqual([
      ['metadata-server', 'cocoMDS1', ['Files1', 'Files2', 'Files3']],
      ['connector', 'DbMonitor', ['DbMonitor']],
      // The same message naming another class is another fault.
      ['connector', 'Loader1', ['Loader1']],
      ['connector', 'Loader2', ['Loader2']],
      ['connector', 'Sync1, Sync2, Sync3 and 2 more', ['Sync1', 'Sync2', 'Sync3', 'Sync4', 'Sync5']]
    ])
    expect(describeGroup(groups[4]!)).toBe('5 connectors misconfigured or faulty the same way (Sync1, Sync2, Sync3 and 2 more)')
    expect(nextSafeAction({ status: status(sameWay) }).found).toBe('5 of 5 connectors failed: 5 connectors misconfigured or faulty the same way (Sync1, Sync2, Sync3 and 2 more).')
  })

  it('keeps unclassified failures apart, named by their connector', () => {
    const [group] = groupFailures([connector('Mystery', 'CONFIG_FAILED')])
    expect(group).toMatchObject({ source: 'undetermined', subject: 'Mystery', restartHelps: true })
  })
})

describe('nextSafeAction', () => {
  it('sends the operator to fix the metadata server and restart first', () => {
    const guidance = nextSafeAction({ status: status(cocoPharma) })
    expect(guidance).toMatchObject({ tone: 'problem', step: 'restart' })
    expect(guidance.found).toBe('4 of 4 connectors failed: Metadata server cocoMDS1 unavailable: 3 connectors; Connector DbMonitor is misconfigured.')
    expect(guidance.next).toContain('Start the metadata server cocoMDS1.')
  })

  it('follows the guide: a third-party cause next, then the daemon restart for the config fault, then refresh', () => {
    const afterServer = [connector('Files1', 'FAILED', dir), connector('Files2', 'RUNNING'), connector('DbMonitor', 'FAILED', wrongType)]
    expect(nextSafeAction({ status: status(afterServer) })).toMatchObject({ step: 'restart', next: expect.stringContaining('Create the directory.') })

    const afterRestart = [connector('Files1', 'RUNNING'), connector('DbMonitor', 'FAILED', wrongType)]
    const onlyConfig = nextSafeAction({ status: status(afterRestart) })
    // Step 3 holds the connector's configuration and the daemon restart that applies a corrected one.
    expect(onlyConfig).toMatchObject({ tone: 'problem', step: 'restart', next: 'Change the daemon configuration, then restart the daemon. Restarting the connector alone cannot help.' })

    const allHealthy = [connector('Files1', 'RUNNING'), connector('DbMonitor', 'RUNNING')]
    expect(nextSafeAction({ status: status(allHealthy), restartedWithoutRefresh: true })).toEqual({
      tone: 'attention',
      found: 'Every connector is healthy again after a restart.',
      next: 'Refresh the recovered connectors next: they may have missed changes during the outage.',
      step: 'refresh'
    })
  })

  it.each([3, 4, 5] as const)('on %i.x, a daemon restart still to come is proposed before refreshing the connectors it will restart anyway', (egeria) => {
    const afterRestart = [connector('Files1', 'RUNNING'), connector('Files2', 'RUNNING'), connector('DbMonitor', 'FAILED', wrongType)]
    expect(nextSafeAction({ status: { ...status(afterRestart), egeria }, restartedWithoutRefresh: true })).toEqual({
      tone: 'problem',
      found: '1 of 3 connectors failed: Connector DbMonitor is misconfigured.',
      next: 'Change the daemon configuration, then restart the daemon. Restarting the connector alone cannot help. Refresh the recovered connectors after the daemon restart, not before: it restarts them too.',
      step: 'restart'
    })
  })

  it('says when the status cannot be read, and when all is well', () => {
    expect(nextSafeAction({ error: 'connection refused' })).toMatchObject({ tone: 'problem', step: 'status' })
    expect(nextSafeAction({ status: status([connector('A', 'RUNNING')]) })).toMatchObject({ tone: 'ok', step: 'report' })
    const overdue = { ...connector('A', 'WAITING'), refreshOverdue: true }
    expect(nextSafeAction({ status: status([overdue]) })).toMatchObject({ tone: 'attention', step: 'audit-log' })
  })
})

describe('nextSafeAction wording', () => {
  it('adds the restart by the knowledge base\'s trait, whatever its action says', () => {
    expect(nextSafeAction({ status: status([connector('F', 'FAILED', mds), connector('G', 'FAILED', mds)]) }).next).toBe(
      'Start the metadata server cocoMDS1. Once that is fixed, restart its 2 connectors.'
    )
    // The catalogue's own action for a metadata server that is not running (the demo's) already ends in the restart: it is said once, with the count.
    const catalogued = classifyFailure('OMAG-MULTI-TENANT-404-001 The OMAG Server cocoMDS1 is not available to service a request from user garygeeke', 3)
    expect(nextSafeAction({ status: status([connector('F', 'FAILED', catalogued), connector('G', 'FAILED', catalogued), connector('H', 'FAILED', catalogued)]) }).next).toBe(
      'Start the metadata server (or fix its name or platform URL), then restart its 3 FAILED connectors.'
    )
    // An action that mentions a restart does not make one helpful: the trait says it cannot help.
    const noRestart = { ...dir, action: 'Fix the path, then restart the platform.', restartHelps: false }
    const guidance = nextSafeAction({ status: status([connector('F', 'FAILED', noRestart)]) })
    expect(guidance).toMatchObject({ step: 'restart', next: 'Fix the path, then restart the platform. Restarting the connector alone cannot help.' })
  })
})

describe('nextSafeAction with the audit log', () => {
  const metadataCause: Cause = { source: 'metadata-server', subject: 'cocoMDS1', verdict: 'Metadata server cocoMDS1 unavailable', connectors: [], findings: [], action: 'Start cocoMDS1, then restart its connectors.' }

  it('names the group, the metadata server, the retry and the fix for a daemon with no connectors', () => {
    const empty = { ...status([]), egeria: 6 as const, noConnectors: true, groups: [{ name: 'Egeria:IntegrationGroup:Default', status: 'ASSIGNED', connectorNames: [] }] }
    const guidance = nextSafeAction({ status: empty, logCauses: [metadataCause] })
    expect(guidance).toMatchObject({ tone: 'problem', step: 'status' })
    expect(guidance.found).toBe('The daemon has no connectors: The integration group Egeria:IntegrationGroup:Default has not loaded its connectors from metadata server cocoMDS1.')
    expect(guidance.next).toMatch(/^Bring cocoMDS1 back, then ask the group to re-read its configuration .* about every 33 minutes\.$/)
    expect(nextSafeAction({ status: empty }).found).toContain('from its metadata server')
  })

  it('weighs a status call Egeria answered with the audit log, instead of blaming the connection', () => {
    const answered = 'OMAG-COMMON-400-016 An unexpected java.lang.NullPointerException exception was caught by getIntegrationDaemonStatus'
    expect(nextSafeAction({ error: answered, logCauses: [metadataCause] })).toMatchObject({
      found: 'The daemon answers, but its status call fails (OMAG-COMMON-400-016); its audit log says: Metadata server cocoMDS1 unavailable.',
      next: metadataCause.action,
      step: 'audit-log'
    })
    expect(nextSafeAction({ error: answered }).next).toMatch(/audit log .* the connection itself works/)
    expect(nextSafeAction({ error: 'connect ECONNREFUSED 127.0.0.1:9443', logCauses: [metadataCause] }).next).toMatch(/hop by hop/)
  })
})
