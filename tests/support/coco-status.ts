/** The coco-pharma daemon's status as the app models it, for renderer tests (classified by the real knowledge base). */
import { classifyFailure } from '../../src/shared/knowledge/classify'
import type { ConnectorState, DaemonStatus } from '../../src/shared/models/daemon'
import { isFailedStatus, isHealthyStatus } from '../../src/shared/models/daemon'

export const COCO_MDS_DOWN = 'OMAG-MULTI-TENANT-404-001 The OMAG Server cocoMDS1 is not available to service a request from user exchangeDL01npa'
export const COCO_WRONG_TYPE =
  'OMIS-DATABASE-INTEGRATOR-400-001 Integration connector OakDeneLandingAreaDatabaseMonitor is not of the correct type to run in the Database Integrator OMIS integration service.'
export const directoryMissing = (path: string): string =>
  `BASIC-FILES-INTEGRATION-CONNECTORS-404-001 The directory named ${path} in the Connection object Connection{displayName='null'} does not exist`

export const COCO_FILES = ['OakDeneLandingAreaFilesMonitor', 'OldMarketLandingAreaFilesMonitor', 'DropFootClinicalTrialResultsFilesMonitor']
export const COCO_DATABASE = 'OakDeneLandingAreaDatabaseMonitor'

export function connector(name: string, status: string, failingMessage?: string, extra: Partial<ConnectorState> = {}): ConnectorState {
  const classification = failingMessage ? classifyFailure(failingMessage, 3) : undefined
  return {
    name,
    status,
    service: name.includes('Database') ? 'database-integrator' : 'files-integrator',
    lastStatusChange: '2021-02-02T20:57:50.647+00:00',
    lastRefreshTime: '2021-02-02T21:01:11.399+00:00',
    minMinutesBetweenRefresh: 10,
    refreshOverdue: false,
    failingMessage,
    failingMessageIds: classification?.messageIds ?? [],
    failingMessageId: classification?.messageIds[0],
    classification: classification && {
      rootMessageId: classification.rootMessageId,
      source: classification.source,
      subject: classification.subject,
      summary: classification.summary,
      action: classification.action
    },
    ...extra
  }
}

export function statusOf(connectors: ConnectorState[]): DaemonStatus {
  const failed = connectors.filter((entry) => isFailedStatus(entry.status)).length
  const healthy = connectors.filter((entry) => isHealthyStatus(entry.status)).length
  return {
    server: 'exchangeDL01',
    platformUrl: 'http://127.0.0.1:9443',
    egeria: 3,
    fetchedAt: '2026-11-22T02:00:00.000Z',
    services: [
      { marker: 'files-integrator', name: 'Files Integrator OMIS', connectorNames: connectors.filter((entry) => entry.service === 'files-integrator').map((entry) => entry.name) },
      { marker: 'database-integrator', name: 'Database Integrator OMIS', connectorNames: connectors.filter((entry) => entry.service === 'database-integrator').map((entry) => entry.name) }
    ],
    groups: [],
    connectors,
    counts: { total: connectors.length, failed, healthy, other: connectors.length - failed - healthy }
  }
}

/** The guide's first status: three files monitors blocked by cocoMDS1, the database monitor of the wrong type. */
export function cocoStart(): DaemonStatus {
  return statusOf([...COCO_FILES.map((name) => connector(name, 'FAILED', COCO_MDS_DOWN)), connector(COCO_DATABASE, 'FAILED', COCO_WRONG_TYPE)])
}
