/** The built-in demo: the simulated daemon's world, as far as the app lets the operator change it. */

export const DEMO_EGERIA_VERSIONS = [3, 4, 5, 6] as const
export type DemoEgeriaVersion = (typeof DEMO_EGERIA_VERSIONS)[number]

export interface DemoWorld {
  /** Metadata servers the daemon's connectors call, by server name. */
  metadataServers: Record<string, { available: boolean; platformURL?: string }>
  /** Third-party resources (directories, host:port endpoints, topics), by path or address. */
  resources: Record<string, { available: boolean; kind: 'directory' | 'endpoint' | 'topic' }>
  /**
   * Connectors whose stored configuration names a class of the wrong type, by connector name. A
   * correction takes effect when the daemon restarts (Step 3 offers that), as in Egeria.
   */
  connectorConfigs: Record<string, { wrongType: boolean }>
}

export interface DemoWorldPatch {
  metadataServers?: Record<string, { available: boolean }>
  resources?: Record<string, { available: boolean }>
  connectorConfigs?: Record<string, { wrongType: boolean }>
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
