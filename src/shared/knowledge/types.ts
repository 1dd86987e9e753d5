import type { CauseSource, ConnectorEventKind, FailureSource, InferredConnectorState, MessageSource } from '../models/audit'

/** One message definition, as Egeria raises it in a range of major versions. */
export interface MessageEntry {
  id: string
  /** Audit severity display name, or `HTTP nnn` for exception (error-code) messages. */
  severity: string
  source: MessageSource
  meaning: string
  action: string
  /** Inclusive range of Egeria major versions where this meaning holds (IDs were reused). */
  fromMajor?: number
  untilMajor?: number
  /**
   * Regex source (case-insensitive) that this meaning's text matches, for an ID Egeria reused with
   * another text: the text decides between the meanings before the version does, and is evidence of it.
   */
  form?: string
  /** Marks a message that reports a failure even though its severity does not say so. */
  failure?: boolean
  /** Regex source with one capture group naming the subject at fault in the message text. */
  subject?: string
  /** Subject to name when the text does not say (e.g. `Kafka`). */
  subjectDefault?: string
  /** Whether restarting the connector can help once the cause is fixed; by default, unless the source is the connector or platform. */
  restartHelps?: boolean
  /** What the message does to the connector it names: the timeline event and the state it leaves. */
  lifecycle?: { kind: ConnectorEventKind; leaves?: InferredConnectorState }
  /** A failure the daemon retries by itself at the next refresh: a completed refresh then means recovery. */
  retried?: boolean
  /** The server stops: its connectors that have not failed are stopped. */
  serverShutdown?: boolean
}

/** A rule for text the catalogue does not cover: exception classes and messages. */
export interface FallbackRule {
  name: string
  /** Regex source, tested case-insensitively against the whole failure text. */
  pattern: string
  source: CauseSource
  /** For an undetermined source: the sources the evidence leaves open. */
  candidates?: FailureSource[]
  summary: string
  action: string
  /** Regex source with one capture group for the subject (host:port, path, …). */
  subject?: string
  /** Subject to name when the text does not say. */
  subjectDefault?: string
  /**
   * A known misleader: the rule decides even when a catalogue entry would (the outer message blames
   * the wrong place, or the evidence is known to be ambiguous).
   */
  overrides?: boolean
  /** An outer failure (the platform did not start): a more specific cause of the same source is listed first. */
  outer?: boolean
  /** Whether restarting the connector can help once the cause is fixed, against the source's default. */
  restartHelps?: boolean
}
