/** Which connectors a refresh should cover: the choices the refresh step offers, and the scope each sends. */
import { isHealthyStatus, type ActionScope, type DaemonStatus } from '../../../../shared/models/daemon'
import { groupFailures, restartCanHelp } from '../../../../shared/troubleshooting/failure-groups'
import { clockTime } from '../../lib/time'

export type RefreshChoiceId = 'recovered' | 'service' | 'group' | 'healthy'

export interface RefreshChoice {
  id: RefreshChoiceId
  /** Connectors the choice covers now (for a service or group: the one picked). */
  names: string[]
  available: boolean
}

export interface RefreshSelection {
  choice: RefreshChoiceId
  service?: string
  group?: string
}

/** Connectors recovered by a restart this session that are still healthy: refresh's first purpose. */
export function recoveredAndHealthy(status: DaemonStatus, recovered: string[]): string[] {
  const healthy = new Set(status.connectors.filter((connector) => isHealthyStatus(connector.status)).map((connector) => connector.name))
  return recovered.filter((name) => healthy.has(name))
}

export function healthyConnectors(status: DaemonStatus): string[] {
  return status.connectors.filter((connector) => isHealthyStatus(connector.status)).map((connector) => connector.name)
}

/**
 * Failed connectors (a refresh skips them), split by what gets them running again: a restart once
 * their cause is fixed, or a change to the daemon's configuration, where restarting cannot help.
 */
export function failedConnectors(status: DaemonStatus): { restart: string[]; configuration: string[] } {
  const failed = { restart: [] as string[], configuration: [] as string[] }
  for (const group of groupFailures(status.connectors)) {
    for (const connector of group.connectors) {
      failed[restartCanHelp(group, connector) ? 'restart' : 'configuration'].push(connector.name)
    }
  }
  return failed
}

/** The recommended choice: what a restart recovered, else every healthy connector. */
export function defaultChoice(status: DaemonStatus, recovered: string[]): RefreshChoiceId {
  return recoveredAndHealthy(status, recovered).length > 0 ? 'recovered' : 'healthy'
}

/** The scope to send and the connectors it covers; undefined when the choice is incomplete or empty. */
export function refreshScope(status: DaemonStatus, recovered: string[], selection: RefreshSelection): { scope: ActionScope; names: string[] } | undefined {
  switch (selection.choice) {
    case 'recovered': {
      const names = recoveredAndHealthy(status, recovered)
      return names.length ? { scope: { kind: 'connectors', names }, names } : undefined
    }
    case 'healthy': {
      const names = healthyConnectors(status)
      return names.length ? { scope: { kind: 'connectors', names }, names } : undefined
    }
    case 'service': {
      const service = status.services.find((entry) => entry.marker === selection.service)
      return service ? { scope: { kind: 'service', marker: service.marker }, names: service.connectorNames } : undefined
    }
    case 'group': {
      const group = status.groups.find((entry) => entry.name === selection.group)
      return group ? { scope: { kind: 'group', name: group.name }, names: group.connectorNames } : undefined
    }
  }
}

/** How far `lastRefreshTime` moved, in seconds; undefined when either side is missing or did not parse. */
export function refreshMovedSeconds(before: string | undefined, after: string | undefined): number | undefined {
  if (!after) return undefined
  const end = Date.parse(after)
  if (Number.isNaN(end)) return undefined
  if (!before) return Number.POSITIVE_INFINITY
  const start = Date.parse(before)
  return Number.isNaN(start) ? undefined : Math.round((end - start) / 1000)
}

/** A connector's last refresh time as a clock time, or 'never'. */
export function refreshLabel(iso: string | undefined): string {
  return iso ? clockTime(iso) : 'never'
}
