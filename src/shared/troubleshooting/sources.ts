/**
 * The one table of where a failure comes from, as the troubleshooting guide names them (plus the
 * platform, and "undetermined" when the evidence does not say). The diagnosis, the CLI, the guidance
 * bar, the restart step and the report all name sources from here.
 */
import type { CauseSource } from '../models/audit'

export type { CauseSource }

export interface SourceInfo {
  /** The plain name, as in "Source: Metadata server". */
  label: string
  /** A heading that says what kind of fix is needed. */
  heading: string
  /** What this source means, in one sentence for an operator. */
  meaning: string
  /** A symbol shown beside the label (never the only sign: the label is always there). */
  icon: string
}

export const SOURCE_INFO: Record<CauseSource, SourceInfo> = {
  'metadata-server': {
    label: 'Metadata server',
    heading: 'Metadata server',
    meaning: 'The metadata server the daemon or server calls (or the way to it: URL, TLS, security) is down, missing or refusing the call.',
    icon: '⛁'
  },
  'third-party': {
    label: 'Third-party technology',
    heading: 'Third-party technology',
    meaning: 'A system outside Egeria that a connector reaches (database, Kafka, file system, catalogue) is unavailable or rejects it.',
    icon: '⇄'
  },
  connector: {
    label: 'Connector',
    heading: 'Connector configuration',
    meaning: 'The connector itself: its class, jar, connection or configuration properties are wrong, or its code failed.',
    icon: '⚙'
  },
  platform: {
    label: 'Platform',
    heading: 'Platform or server configuration',
    meaning: 'The OMAG Server Platform (TLS, keystore, port, configuration store, class path) or a server’s configuration document.',
    icon: '▣'
  },
  undetermined: {
    label: 'Undetermined',
    heading: 'Undetermined source',
    meaning: 'The evidence does not establish where the failure comes from: check the candidates listed.',
    icon: '?'
  }
}

/** "metadata server", "third-party technology": the label inside a sentence. */
export function sourceName(source: CauseSource): string {
  const label = SOURCE_INFO[source].label
  return source === 'third-party' ? label.charAt(0).toLowerCase() + label.slice(1) : label.toLowerCase()
}
