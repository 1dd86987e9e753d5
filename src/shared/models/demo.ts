/** The built-in demo: the simulated daemon's world, as far as the app lets the operator change it. */

export const DEMO_EGERIA_VERSIONS = [3, 4, 5, 6] as const
export type DemoEgeriaVersion = (typeof DEMO_EGERIA_VERSIONS)[number]

export interface DemoWorld {
  /** Metadata servers the daemon's connectors call, by server name. */
  metadataServers: Record<string, { available: boolean; platformURL?: string }>
  /** Third-party resources (directories, host:port endpoints, topics), by path or address. */
  resources: Record<string, { available: boolean; kind: 'directory' | 'endpoint' | 'topic' }>
}

export interface DemoWorldPatch {
  metadataServers?: Record<string, { available: boolean }>
  resources?: Record<string, { available: boolean }>
}

export interface DemoInfo {
  running: boolean
  scenario: string
  egeria?: { major: DemoEgeriaVersion; label: string }
  /** The saved connection that points at the running simulator. */
  connectionId?: string
  platformUrl?: string
  auditLogPath?: string
}
