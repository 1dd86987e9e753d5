/**
 * Diagnosis over a stream of records: per-connector lifecycle timelines and inferred state, findings
 * classified by their innermost message ID, and causes grouping findings by source and subject.
 * Memory is bounded by the number of connectors and distinct findings, never by the log size.
 */
import {
  PROBLEM_SEVERITY_SET,
  type AuditRecord,
  type Cause,
  type ConnectorEvent,
  type ConnectorTimeline,
  type CauseSource,
  type FailureSource,
  type Finding
} from '../../../shared/models/audit'
import { classifyFailure, type FailureClassification } from '../../../shared/knowledge/classify'
import { namesGuid, withAnyGuid } from '../../../shared/knowledge/element-guids'
import { hasReusedForms, lookupMessage, messageMeanings } from '../../../shared/knowledge/lookup'
import { extractMessageIds } from '../../../shared/knowledge/message-ids'
import { extractSubject, GROUP_NAME, PARTNER_SERVER, SERVICE_NAME } from '../../../shared/knowledge/subjects'
import { isFailedStatus } from '../../../shared/models/daemon'
import { idFamilyOf, namesPartnerServer } from '../../../shared/knowledge/id-families'
import type { MessageEntry } from '../../../shared/knowledge/types'
import { sourceName } from '../../../shared/troubleshooting/sources'
import { connectorsSubject, faultOf, ownFaultsKey } from '../../../shared/troubleshooting/failure-groups'
import { internString, ownCopy } from './own-string'
import type { ChatterSink } from './record-parser'
import { RecentRecords } from './recent-records'
import { exceptionForm, textForm } from './record-forms'
import { RepeatWatch } from './repeat-watch'
import { readsTraceLineAt, TRACE_LINES_READ } from './stack-trace'
import { RoundRobinMap } from './round-robin-map'

const MAX_EVENTS = 100
/** Restarts in a row that fail the same way before the diagnosis calls it a loop. */
const RESTART_LOOP_MIN = 2
const CAUSE_RANK: Record<CauseSource, number> = { platform: 0, 'third-party': 1, 'metadata-server': 2, connector: 3, undetermined: 4 }
const MAX_EVIDENCE = 10
const DEDUPE_WINDOW = 512
/** Distinct failure texts remembered with their classification (a failing connector repeats its text every retry). */
const CLASSIFICATION_MEMO = 4096

/** A connector's timeline, with what the diagnosis tracks to read it. */
type Timeline = ConnectorTimeline & {
  /** Once `events` holds MAX_EVENTS it is a ring (see recordEvent), its oldest event here. */
  firstEvent: number
  retryable: boolean
  /** Restarted, and no failure or successful refresh since. */
  restarted?: { time?: string }
  lastFailureRoot?: string
  /** Restarts in a row that failed again with `lastFailureRoot`, from `loopSince`. */
  loopRestarts: number
  loopSince?: string
}

interface ServerState {
  /** Its latest message said it was shutting down. */
  stopped?: boolean
  connectors?: Map<string, Timeline>
  metadataServer?: string
  egeriaMajor?: number
  service?: string
}

/** What a daemon message does to a connector: event kind and the state it leaves. */
type Lifecycle = NonNullable<MessageEntry['lifecycle']>

interface IdTraits {
  /** The lowest Egeria major version whose servers write this ID's family. */
  major: number | undefined
  /** The text names the metadata server the daemon calls. */
  namesPartner: boolean
  shutdown: boolean
  lifecycle: Lifecycle | undefined
  retried: boolean
  /** Egeria reused the ID with another text: its text tells which meaning (and so which release). */
  reused: boolean
  /** The ID's entry for the Egeria major version last asked about (a log's servers mostly share one): chatter asks on every line. */
  entryMajor?: number
  entry?: MessageEntry | null | typeof QUIET
}

/** A line of the platform's web server, which names the port it listens on. */
function isTomcatAnnouncement(level: string | undefined, logger: string | undefined): boolean {
  return level === 'INFO' && logger?.includes('Tomcat') === true
}

/** The subject of an undetermined failure that names nothing. */
const UNNAMED = 'the failing component'

/** What an ID means to the diagnosis, whatever the release of the server that wrote it (entryOf asks by release). */
function idTraitsOf(id: string): IdTraits {
  const entry = lookupMessage(id)
  return {
    major: idFamilyOf(id)?.fromMajor,
    namesPartner: namesPartnerServer(id),
    shutdown: entry?.serverShutdown === true,
    lifecycle: entry?.lifecycle,
    retried: entry?.retried === true,
    reused: hasReusedForms(id)
  }
}

/** Whether the knowledge base calls an ID's message chatter (a lifecycle message that is no failure). */
function isQuiet(entry: MessageEntry | undefined): boolean {
  return entry?.source === 'lifecycle' && !entry.failure
}

/** Whether every meaning the ID may have, in any release, is chatter (an unknown ID is not). */
function meaningsAllQuiet(id: string): boolean {
  const meanings = messageMeanings(id)
  return meanings.length > 0 && meanings.every(isQuiet)
}

/** What the chatter rules make of an ID whatever the server's release, worked out once per ID. */
const releaseFreeTraits = new Map<string, { chatter: boolean; readsText: boolean }>()

/**
 * Whether the diagnosis takes a console line of the ID (below the problem severities) as chatter whatever
 * it has read before, for a server of any release; and whether it then reads the line's text (a connector's
 * start names its service) or its ID alone. A thread that parses apart from the diagnosis (parse-ahead.ts)
 * decides by this, and chatter.auditLine then takes every line it decided for.
 */
export function releaseFreeTraitsOf(id: string): { chatter: boolean; readsText: boolean } {
  let known = releaseFreeTraits.get(id)
  if (known === undefined) {
    const traits = idTraitsOf(id)
    known = {
      chatter: !traits.namesPartner && !traits.shutdown && !traits.reused && meaningsAllQuiet(id),
      readsText: traits.lifecycle?.kind === 'initializing'
    }
    if (releaseFreeTraits.size > 10_000) releaseFreeTraits.clear()
    releaseFreeTraits.set(id, known)
  }
  return known
}

/** Whether the diagnosis needs a Spring Boot or logback line below ERROR (chatter.logLine refuses it): only Tomcat's. */
export function needsLogLine(level: string, logger: string): boolean {
  return isTomcatAnnouncement(level, logger)
}

/** Traits of no ID: for evidence outside the audit log. */
const NO_TRAITS: IdTraits = { major: undefined, namesPartner: false, shutdown: false, lifecycle: undefined, retried: false, reused: false }

/** The knowledge-base answer for chatter: nothing to find in it. */
const QUIET = Symbol('quiet')

/** The classifications of one message ID's failure texts (by their GUID-blind form), and whether its forms come again. */
interface FailureMemo {
  texts: RoundRobinMap<KnownFailure>
  repeats: RepeatWatch
}

/**
 * A failure text's classification, for the Egeria version and exception detail it was made with, and its
 * last finding. Texts and details are kept GUID-blind (withAnyGuid), as classifyFailure reads them.
 */
interface KnownFailure {
  /** The record text with each GUID as ANY_GUID, as a copy of the diagnosis's own. */
  form: string
  egeriaMajor: number | undefined
  detail: string
  classification: FailureClassification
  /** Kept in the memo (a text whose ID's texts never repeat is not): only then is its finding worth remembering. */
  remembered: boolean
  /** The parts of its last finding's key, compared one by one: no key string is built for a repeat. */
  findingParts?: { owner: string | undefined; root: string; source: CauseSource; subject: string }
  finding?: FindingState
}

interface FindingState extends Finding {
  failedConnector: boolean
  candidates?: FailureSource[]
  /** The subject is the knowledge base's default, to be replaced by a name another finding of the same root gives. */
  defaultSubject?: boolean
  /** An outer failure: a more specific cause of the same source comes first. */
  outer?: boolean
  /** A saved status answer reported its connector failed (no timeline tells otherwise). */
  statusFailed?: boolean
  /** A fault of the connector itself (failure-groups.ts faultOf): connectors with the same faults are one cause. */
  ownFault?: string
}

export interface Diagnosis {
  servers: string[]
  connectors: ConnectorTimeline[]
  findings: Finding[]
  causes: Cause[]
  severityCounts: Record<string, number>
}

export class Diagnoser {
  /** The log is being followed: its end is now, not where a process stopped, so no "may have been killed". */
  live = false
  private readonly servers = new Map<string, ServerState>()
  private readonly connectors = new Map<string, Timeline>()
  private readonly findings = new Map<string, FindingState>()
  private readonly recent = new RecentRecords(DEDUPE_WINDOW)
  /** Classifications by message ID, then text (see `knownFailure`); `classified` counts them, to cap the memo. */
  private readonly classifications = new Map<string, FailureMemo>()
  private classified = 0
  /** The last start text of each connector and the service it named (serviceNamedBy). */
  private readonly startTexts = new WeakMap<Timeline, { text: string; service: string | undefined }>()
  private readonly findingIds = new Set<string>()
  /** Records per severity, in the order first seen; the last one's tally at hand, since runs of one severity are the rule. */
  private readonly severityTallies = new Map<string, { count: number }>()
  private lastSeverity = ''
  private lastTally: { count: number } | undefined
  /** Knowledge-base answers per Egeria major version (null: unknown ID). */
  private readonly entries = new Map<number, Map<string, MessageEntry | null | typeof QUIET>>()
  private readonly idTraits = new Map<string, IdTraits>()
  /** The port the platform's web server announced, to name the platform when its start fails. */
  private platformPort: string | undefined
  private lastServer = ''
  private lastServerState: ServerState | undefined

  add(record: AuditRecord): void {
    if (!record.audit) {
      this.addEvidence(record)
      return
    }
    if (!record.messageId) return
    const id = record.messageId
    const traits = this.traitsOf(id)
    const state = this.serverState(record.server ?? '', traits)
    this.count(record.severity ?? 'Unknown')
    if (traits.namesPartner) {
      const partner = PARTNER_SERVER.exec(record.text)
      if (partner) state.metadataServer = partner[1]
    }
    state.stopped = traits.shutdown
    if (traits.shutdown) {
      for (const connector of this.connectors.values()) {
        if (connector.server === record.server && connector.state !== 'failed') connector.state = 'stopped'
      }
    }
    if (traits.lifecycle && record.connector) {
      const timeline = this.connectorEvent(state, record.connector, record.server, record.text, record.time, record.input, record.firstLine, traits, id)
      if (traits.lifecycle.kind === 'failure') failedAgain(timeline, record.messageIds[record.messageIds.length - 1]!, record.time)
    }
    const entry = traits.reused ? this.entryByForm(id, record.text, state) : this.entryOf(id, state, traits)
    if (entry !== QUIET && this.isProblem(record, entry ?? undefined)) this.addFinding(record, state)
  }

  /**
   * Lines that need no record object: what `add` would do with them. A console line of known chatter
   * counts and moves a lifecycle (heartbeats, type registrations); anything more (a problem, a partner
   * server, a shutdown, an ID not known as chatter) is refused: it comes as a record. A Spring Boot line
   * below ERROR is no evidence (see addEvidence), unless Tomcat announces the platform's port in it.
   */
  readonly chatter: ChatterSink = {
    auditLine: (input, lineNo, time, server, severity, id, text, connector) => {
      if (PROBLEM_SEVERITY_SET.has(severity)) return false
      const traits = this.traitsOf(id)
      if (traits.namesPartner || traits.shutdown || traits.reused) return false
      const state = this.serverState(server, traits)
      if (this.entryOf(id, state, traits) !== QUIET) return false
      this.count(severity)
      state.stopped = false
      if (traits.lifecycle && connector !== undefined) this.connectorEvent(state, connector, server, text, time, input, lineNo, traits, id)
      return true
    },
    logLine: (level, logger) => !needsLogLine(level, logger)
  }

  finish(): Diagnosis {
    this.nameDefaultSubjects()
    // A report is a snapshot: what the diagnosis goes on to change (a live tail feeds it) is copied.
    const findings = [...this.findings.values()].map(({ failedConnector: _failed, candidates: _candidates, defaultSubject: _default, outer: _outer, statusFailed: _status, ownFault: _fault, ...finding }) => ({ ...finding, evidence: [...finding.evidence] }))
    return {
      servers: [...this.servers.keys()].filter((name) => name.length > 0).sort(),
      connectors: [...this.connectors.values()].map(({ firstEvent, retryable: _retryable, restarted: _restarted, lastFailureRoot, loopRestarts, loopSince, ...timeline }) => {
        if (loopRestarts >= RESTART_LOOP_MIN && lastFailureRoot) {
          timeline.restartLoop = { restarts: loopRestarts, rootMessageId: lastFailureRoot, ...(loopSince ? { since: loopSince } : {}) }
        }
        timeline.events = eventsInOrder(timeline.events, firstEvent)
        return timeline
      }),
      findings,
      causes: this.causes(),
      severityCounts: Object.fromEntries([...this.severityTallies].map(([severity, tally]) => [severity, tally.count]))
    }
  }

  /** What an ID means to the diagnosis, worked out once per ID: every record asks. */
  private traitsOf(id: string): IdTraits {
    let traits = this.idTraits.get(id)
    if (traits) return traits
    traits = idTraitsOf(id)
    if (this.idTraits.size > 10_000) this.idTraits.clear()
    this.idTraits.set(id, traits)
    return traits
  }

  /** The state of a server, made on its first record (and the Egeria major its IDs reveal). */
  private serverState(server: string, traits: IdTraits): ServerState {
    let state = server === this.lastServer ? this.lastServerState : this.servers.get(server)
    if (!state) this.servers.set(server, (state = {}))
    this.lastServer = server
    this.lastServerState = state
    // Each family is a lower bound on the server's release: the highest seen so far is the best guess.
    if (traits.major !== undefined && (state.egeriaMajor === undefined || traits.major > state.egeriaMajor)) state.egeriaMajor = traits.major
    return state
  }

  /**
   * The entry of a reused ID, by the form of its text; the form is evidence of the server's release
   * (a 5+ text read in a log whose other IDs only showed 4.x families).
   */
  private entryByForm(id: string, text: string, state: ServerState): MessageEntry | null | typeof QUIET {
    const found = lookupMessage(id, state.egeriaMajor, text)
    if (found?.form !== undefined && found.fromMajor !== undefined && found.fromMajor > (state.egeriaMajor ?? 0)) state.egeriaMajor = found.fromMajor
    if (!found) return null
    return isQuiet(found) ? QUIET : found
  }

  private count(severity: string): void {
    let tally = severity === this.lastSeverity ? this.lastTally : undefined
    if (tally === undefined) {
      tally = this.severityTallies.get(severity)
      if (tally === undefined) this.severityTallies.set(severity, (tally = { count: 0 }))
      this.lastSeverity = severity
      this.lastTally = tally
    }
    tally.count++
  }

  /**
   * The knowledge-base entry of an ID for the server's Egeria version, looked up once per ID and version;
   * QUIET for known chatter (lifecycle messages that are not failures), null for an unknown ID.
   */
  private entryOf(id: string, state: ServerState, traits: IdTraits): MessageEntry | null | typeof QUIET {
    const major = state.egeriaMajor ?? 0
    if (traits.entryMajor === major) return traits.entry!
    let entries = this.entries.get(major)
    if (!entries) this.entries.set(major, (entries = new Map()))
    let entry = entries.get(id)
    if (entry === undefined) {
      const found = lookupMessage(id, state.egeriaMajor)
      entry = isQuiet(found) ? QUIET : (found ?? null)
      entries.set(id, entry)
    }
    traits.entryMajor = major
    traits.entry = entry
    return entry
  }

  private connectorEvent(
    server: ServerState,
    name: string,
    serverName: string | undefined,
    text: string,
    time: string | undefined,
    input: number,
    line: number,
    traits: IdTraits,
    id: string
  ): Timeline {
    const lifecycle = traits.lifecycle!
    let kind = lifecycle.kind
    // Per-server map first: no key string to build for every heartbeat.
    let timeline = (server.connectors ??= new Map()).get(name)
    if (!timeline) {
      timeline = { name, server: serverName, state: 'unknown', events: [], omittedEvents: 0, refreshes: 0, failures: 0, firstEvent: 0, retryable: false, loopRestarts: 0 }
      server.connectors.set(name, timeline)
      this.connectors.set(timelineKey(serverName, name), timeline)
    }
    if (kind === 'initializing') {
      const service = this.serviceNamedBy(timeline, text)
      if (service) server.service = service
      if (server.service) timeline.service = server.service
      if (timeline.events.length > 0 || timeline.omittedEvents > 0) kind = 'restart'
    }
    const heartbeat = kind === 'refresh' || kind === 'refreshed'
    const previous = lastEvent(timeline)
    if (heartbeat && time) timeline.lastRefresh = time
    // A run of heartbeats is one event: the timeline shows changes, not every refresh.
    if (!heartbeat || !previous || (previous.kind !== 'refresh' && previous.kind !== 'refreshed')) recordEvent(timeline, kind, id, input, line, time)
    if (heartbeat) {
      timeline.refreshes += kind === 'refresh' ? 1 : 0
      const recovers = timeline.state === 'initializing' || timeline.state === 'unknown' || (kind === 'refreshed' && timeline.retryable)
      if (recovers) timeline.state = 'running'
      // A refresh that completed after a restart: the restart worked, whatever happens next.
      if (kind === 'refreshed' && timeline.restarted) {
        timeline.restarted = undefined
        timeline.loopRestarts = 0
      }
      return timeline
    }
    if (kind === 'failure') {
      timeline.failures++
      timeline.retryable = traits.retried
    }
    if (kind === 'restart') timeline.restarted ??= { time }
    if (lifecycle.leaves) timeline.state = lifecycle.leaves
    return timeline
  }

  private isProblem(record: AuditRecord, entry: MessageEntry | undefined): boolean {
    const problemSeverity = PROBLEM_SEVERITY_SET.has(record.severity ?? '')
    if (!entry) return problemSeverity || record.exceptionClass !== undefined
    if (entry.failure) return true
    if (entry.source === 'lifecycle') return false
    return problemSeverity || entry.severity.startsWith('HTTP')
  }

  /**
   * Evidence outside the audit log: a saved status answer (each failed connector, classified as the
   * Status step does), an FFDC error envelope, an ERROR line of Spring Boot or the platform, a thrown
   * exception, or text naming problem message IDs.
   */
  private addEvidence(record: AuditRecord): void {
    const state = this.serverState(record.server ?? '', NO_TRAITS)
    if (record.daemonStatus) {
      for (const connector of record.daemonStatus.connectors) {
        if (!isFailedStatus(connector.status) || !connector.classification) continue
        const classified = { ...connector.classification, messageIds: connector.failingMessageIds }
        this.addFinding(record, state, classified, connector.name)
      }
      return
    }
    if (isTomcatAnnouncement(record.level, record.logger)) {
      const port = extractSubject(record.text, ['port'])?.value
      if (port) this.platformPort = port
    }
    const ids = record.messageIds.length > 0 || record.format !== 'platform' ? record.messageIds : extractMessageIds(record.text)
    const problemId = ids.some((id) => this.isProblemId(id, state))
    if (!problemId && record.level !== 'ERROR') return
    this.addFinding(record, state)
  }

  /** An ID whose entry reports a failure, or an unknown exception-format ID with a 4xx/5xx code. */
  private isProblemId(id: string, state: ServerState): boolean {
    const entry = this.entryOf(id, state, this.traitsOf(id))
    if (entry === QUIET) return false
    if (entry === null) return /-[45]\d\d-\d{3}$/.test(id)
    return entry.failure === true || (entry.source !== 'lifecycle' && (PROBLEM_SEVERITY_SET.has(entry.severity) || /^HTTP [45]/.test(entry.severity)))
  }

  /**
   * The service a connector's start names: OMIS services as slugs (`Files Integrator` → files-integrator), 5+
   * integration groups by qualified name. A connector starts with the same text every time: the last one's
   * answer is kept per timeline, and a compare costs less than the two searches.
   */
  private serviceNamedBy(timeline: Timeline, text: string): string | undefined {
    const last = this.startTexts.get(timeline)
    if (last?.text === text) return last.service
    const omis = SERVICE_NAME.exec(text)?.[1]
    const service = omis ? omis.toLowerCase().replace(/ /g, '-') : GROUP_NAME.exec(text)?.[1]?.replace(/,$/, '')
    // A copy: the text is a slice of a decoded piece of the log, which a kept one would hold in memory.
    this.startTexts.set(timeline, { text: ownCopy(text), service })
    return service
  }

  /** A failure record (or, `given` its classification, a failed connector of a saved status answer) counted in its finding. */
  private addFinding(record: AuditRecord, server: ServerState, given?: FailureClassification, statusConnector?: string): void {
    let finding: FindingState
    if (given) finding = this.findingFor(record, server, given, { statusConnector })
    else {
      const known = this.knownFailure(record, server.egeriaMajor)
      // The memo's copy of a text that names no GUID is the text, and its hash is known.
      if (this.recent.seen(record, known.remembered && known.form === record.text ? known.form : undefined)) return // the same record through a second destination (console + SLF4J)
      finding = this.findingFor(record, server, known.classification, { known: known.remembered ? known : undefined })
    }
    finding.occurrences++
    if (finding.evidence.length < MAX_EVIDENCE) finding.evidence.push(record.file ? { input: record.input, line: record.firstLine, file: record.file } : { input: record.input, line: record.firstLine })
    if (record.time) finding.lastSeen = record.time
  }

  /**
   * classifyFailure is pure and blind to GUIDs, and a failing connector repeats its text every retry (or
   * names another element each time): its answer is kept per message ID and then GUID-blind text (no key
   * built from the long text and trace), for one Egeria version and exception detail.
   */
  private knownFailure(record: AuditRecord, egeriaMajor: number | undefined): KnownFailure {
    const id = record.messageId ?? ''
    let memo = this.classifications.get(id)
    const asked = memo === undefined || memo.repeats.asks()
    // The text as it is first, where the order repeats: a text that names no GUID is its own form, and not scanned.
    let form = record.text
    let known = asked ? memo?.texts.getInOrder(form) : undefined
    if (asked && known === undefined) known = memo?.texts.get((form = textForm(record)))
    if (known) memo!.repeats.repeated()
    // Likewise the detail, unless the text named a GUID: then its detail most likely names one too.
    if (known && known.egeriaMajor === egeriaMajor && ((form === record.text && known.detail === detailOf(record)) || known.detail === detailOf(record, true))) return known
    const detail = detailOf(record)
    const classification = classifyFailure(record.messageId ? `${record.messageId} ${record.text}` : record.text, egeriaMajor, { detail, messageIds: messageIdsOf(record) })
    // A subject that is a GUID belongs to this text alone.
    const remembered = asked && (classification.subject === undefined || !namesGuid(classification.subject))
    // Copies of their own: the record's strings are slices of a decoded piece of the log, which kept ones would hold in memory.
    if (known && remembered) return Object.assign(known, { egeriaMajor, detail: ownCopy(detailOf(record, true)), classification, findingParts: undefined, finding: undefined })
    if (!remembered) return { form, egeriaMajor, detail, classification, remembered: false }
    const failure: KnownFailure = { form: ownCopy(form), egeriaMajor, detail: ownCopy(detailOf(record, true)), classification, remembered: true }
    if (this.classified >= CLASSIFICATION_MEMO) {
      this.classifications.clear()
      this.classified = 0
      memo = undefined
    }
    if (!memo) this.classifications.set(internString(id), (memo = { texts: new RoundRobinMap(), repeats: new RepeatWatch() }))
    memo.texts.set(failure.form, failure)
    this.classified++
    return failure
  }

  /**
   * The finding of a classified record (by owner, innermost ID, source and subject), made on first sight.
   * A known failure text remembers its last finding: the same key finds it with a compare, not a hash.
   */
  private findingFor(
    record: AuditRecord,
    server: ServerState,
    classification: FailureClassification,
    { known, statusConnector }: { known?: KnownFailure; statusConnector?: string }
  ): FindingState {
    let classified = classification
    if (classified.source === 'third-party' && !classified.subject && !statusConnector && !record.connector) {
      // A third party that the evidence does not name cannot be told from the component that calls it.
      classified = { ...classified, source: 'undetermined', candidates: ['third-party', 'connector'] }
    }
    if (classified.source === 'connector' && !statusConnector && !record.connector && !record.server && !classified.subject) {
      // A programming error with no connector, server or class named: nothing shows that it is a connector's.
      classified = { ...classified, source: 'undetermined', candidates: ['connector', 'platform'] }
    }
    const connector = statusConnector ?? record.connector
    const owner = connector ?? record.server
    const subject =
      classified.source === 'connector'
        ? connectorSubject(classified.subject, connector, record.server)
        : (classified.subject ??
          (classified.source === 'metadata-server' ? server.metadataServer : undefined) ??
          (classified.source === 'undetermined' ? (owner ?? UNNAMED) : undefined) ??
          (classified.source === 'platform' ? (record.server ?? (this.platformPort ? `the platform on port ${this.platformPort}` : 'the OMAG Server Platform')) : undefined) ??
          (connector ? `the technology ${connector} connects to` : 'an unnamed resource'))
    const rootMessageId = innermostOf(record.messageIds, classified.messageIds)
    const root = rootMessageId ?? classified.rule ?? record.exceptionClass ?? 'no-id'
    const last = known?.findingParts
    if (last && last.owner === owner && last.root === root && last.source === classified.source && last.subject === subject) return known!.finding!
    const key = `${owner ?? ''}/${root}/${classified.source}/${subject}`
    const finding = this.findings.get(key) ?? this.newFinding(key, {
      id: `${owner ?? 'log'}:${root}`,
      connector,
      server: record.server,
      source: classified.source,
      subject,
      rootMessageId,
      messageIds: unique([...record.messageIds, ...classified.messageIds]),
      summary: summaryOf(connector, classified.source, subject, classified.summary),
      action: classified.restartHelps === false ? `${classified.action} Restarting the connector cannot help.` : classified.action,
      evidence: [],
      firstSeen: record.time,
      lastSeen: record.time,
      occurrences: 0,
      failedConnector: record.messageId !== undefined && record.audit && this.traitsOf(record.messageId).lifecycle?.kind === 'failure',
      candidates: classified.candidates,
      defaultSubject: classified.defaultSubject,
      outer: classified.outer,
      statusFailed: statusConnector !== undefined,
      ownFault: classified.source === 'connector' && connector ? faultOf(rootMessageId, classified.summary, classified.subject) : undefined
    })
    if (known) {
      // Copies: the parts may be slices of the log.
      known.findingParts = { owner: owner === undefined ? undefined : internString(owner), root: internString(root), source: classified.source, subject: internString(subject) }
      known.finding = finding
    }
    return finding
  }

  /** Keeps a new finding under its key, with an ID no other finding has, without the fields it does not have. */
  private newFinding(key: string, finding: FindingState): FindingState {
    if (this.findingIds.has(finding.id)) finding.id = `${finding.id}#${this.findings.size + 1}`
    this.findingIds.add(finding.id)
    for (const field of ['connector', 'server', 'firstSeen', 'lastSeen', 'rootMessageId', 'candidates', 'defaultSubject', 'outer', 'statusFailed', 'ownFault'] as const) if (finding[field] === undefined) delete finding[field]
    this.findings.set(key, finding)
    return finding
  }

  /** A finding that only has a default subject (`Kafka`) takes the name another finding of the same source and root gives (a cohort, a broker). */
  private nameDefaultSubjects(): void {
    const byRoot = new Map<string, string>()
    const byServer = new Map<string, Set<string>>()
    for (const finding of this.findings.values()) {
      if (finding.defaultSubject) continue
      if (finding.rootMessageId) byRoot.set(`${finding.source}|${finding.rootMessageId}`, finding.subject)
      const key = `${finding.source}|${finding.server ?? ''}`
      const names = byServer.get(key)
      if (names) names.add(finding.subject)
      else byServer.set(key, new Set([finding.subject]))
    }
    for (const finding of this.findings.values()) {
      if (!finding.defaultSubject) continue
      const sameServer = byServer.get(`${finding.source}|${finding.server ?? ''}`)
      const name = byRoot.get(`${finding.source}|${finding.rootMessageId}`) ?? (sameServer?.size === 1 ? [...sameServer][0] : undefined)
      if (name === undefined) continue
      finding.summary = finding.summary.replace(`${sourceName(finding.source)} ${finding.subject})`, `${sourceName(finding.source)} ${name})`)
      finding.subject = name
      finding.defaultSubject = false
    }
  }

  private causes(): Cause[] {
    const ownFaults = new Map<string, string[]>()
    for (const finding of this.findings.values()) if (finding.ownFault !== undefined) ownFaults.set(finding.connector!, [...(ownFaults.get(finding.connector!) ?? []), finding.ownFault])
    const groups = new Map<string, FindingState[]>()
    for (const finding of this.findings.values()) {
      const key = finding.ownFault !== undefined ? ownFaultsKey(ownFaults.get(finding.connector!)!) : `${finding.source}\u0000${finding.subject}`
      const group = groups.get(key)
      if (group) group.push(finding)
      else groups.set(key, [finding])
    }
    const causes = [...groups.values()].map((group) => {
      const first = group[0]!
      const connectors = unique(group.flatMap((finding) => (finding.connector ? [finding.connector] : [])))
      const timelines = unique(group.flatMap((finding) => this.timelineOf(finding.server, finding.connector) ?? []))
      // Connectors still failed because of this cause: a later failure of another kind is another cause's.
      const roots = new Set(group.map((finding) => finding.rootMessageId))
      const failed = timelines.filter(
        (timeline) => timeline.state !== 'running' && timeline.state !== 'stopped' && (timeline.lastFailureRoot === undefined || roots.has(timeline.lastFailureRoot))
      )
      const looping = failed.filter((timeline) => timeline.loopRestarts >= RESTART_LOOP_MIN)
      const failedNames = unique([...failed.map((timeline) => timeline.name), ...group.flatMap((finding) => (finding.statusFailed && finding.connector ? [finding.connector] : []))])
      const subject = first.ownFault !== undefined ? connectorsSubject(connectors) : first.subject
      const cause: Cause = {
        source: first.source,
        subject,
        verdict: verdictOf(first, subject, connectors.length),
        connectors,
        findings: group.map((finding) => finding.id),
        action: [causeAction(first.source, subject, first.action, failedNames), loopWarning(looping)].filter(Boolean).join(' ')
      }
      const candidates = first.candidates
      if (first.source === 'undetermined') cause.candidates = candidates ?? ['connector', 'third-party', 'metadata-server']
      return { cause, outer: group.every((finding) => finding.outer), occurrences: sum(group.map((finding) => finding.occurrences)) }
    })
    // Best first: an outer failure (a consequence that wraps another) after the causes it may wrap; then what the
    // others wait on (platform, third party, metadata server) before what is left undetermined.
    causes.sort((a, b) => Number(a.outer) - Number(b.outer) || CAUSE_RANK[a.cause.source] - CAUSE_RANK[b.cause.source] || b.occurrences - a.occurrences)
    // An exception that names nothing is a cause only when nothing else explains the log.
    const determined = causes.filter(({ cause }) => cause.source !== 'undetermined' || cause.subject !== UNNAMED)
    const ordered = (determined.length > 0 ? determined : causes).map(({ cause }) => cause)
    const killed = ordered.length === 0 && !this.live ? this.endedWithoutShutdown() : undefined
    return killed ? [killed] : ordered
  }

  /**
   * A log whose last server went quiet without any shutdown message and with no error: the process
   * may have been killed (out of memory, or by its container manager).
   */
  private endedWithoutShutdown(): Cause | undefined {
    const named = [...this.servers.entries()].filter(([name]) => name.length > 0)
    const [server, state] = named[named.length - 1] ?? []
    if (!server || !state || state.stopped) return undefined
    const source: CauseSource = state.connectors ? 'platform' : 'metadata-server'
    return {
      source,
      subject: server,
      verdict: `${server} stops writing without any shutdown message: the process may have been killed`,
      connectors: [],
      findings: [],
      action: `Check how ${server}'s process ended: the container's last state and exit code (OOMKilled, 137), the platform's memory limits and the host's kernel log; then restart it with enough memory.`
    }
  }

  private timelineOf(server: string | undefined, connector: string | undefined): Timeline | undefined {
    return connector ? this.connectors.get(timelineKey(server, connector)) : undefined
  }
}

function timelineKey(server: string | undefined, connector: string): string {
  return `${server ?? ''}\u0000${connector}`
}

/** The timeline's newest event. */
function lastEvent(timeline: Timeline): ConnectorEvent | undefined {
  const { events } = timeline
  return events.length < MAX_EVENTS ? events[events.length - 1] : events[(timeline.firstEvent + MAX_EVENTS - 1) % MAX_EVENTS]
}

/**
 * Adds an event to a timeline, which keeps the last MAX_EVENTS. Once it holds that many, the oldest
 * event's object takes the new one's fields: a new object per event of a failing connector lives until a
 * hundred more have come, long enough for V8 to move it to its old generation, where it dies (on a log of
 * failures that churn cost 6% of the time and a third of the memory).
 */
function recordEvent(timeline: Timeline, kind: ConnectorEvent['kind'], messageId: string, input: number, line: number, time: string | undefined): void {
  const { events } = timeline
  if (events.length < MAX_EVENTS) {
    events.push({ kind, messageId, evidence: { input, line }, time })
    return
  }
  const oldest = events[timeline.firstEvent]!
  oldest.kind = kind
  oldest.messageId = messageId
  oldest.evidence.input = input
  oldest.evidence.line = line
  oldest.time = time
  timeline.firstEvent = (timeline.firstEvent + 1) % MAX_EVENTS
  timeline.omittedEvents++
}

/** A timeline's events oldest first, as objects of their own (the ring reuses its own), with a time only when they have one. */
function eventsInOrder(events: ConnectorEvent[], firstEvent: number): ConnectorEvent[] {
  return [...events.slice(firstEvent), ...events.slice(0, firstEvent)].map(({ kind, messageId, evidence, time }) => {
    const event: ConnectorEvent = { kind, messageId, evidence: { ...evidence } }
    if (time) event.time = time
    return event
  })
}

/** A failure after a restart that failed the same way before it extends a restart loop; any other ends it. */
function failedAgain(timeline: Timeline, root: string, time: string | undefined): void {
  if (timeline.restarted) {
    if (root === timeline.lastFailureRoot) {
      if (timeline.loopRestarts === 0) timeline.loopSince = timeline.restarted.time ?? time
      timeline.loopRestarts++
    } else timeline.loopRestarts = 0
    timeline.restarted = undefined
  }
  timeline.lastFailureRoot = root
}

/** Says so when restarting has not helped: restarting again will not either. */
function loopWarning(looping: Timeline[]): string {
  if (looping.length === 0) return ''
  const who = looping.map((timeline) => `${timeline.name} (${timeline.loopRestarts} restarts)`).join(', ')
  return `Restarting alone has not helped: ${who} failed the same way after each restart; fix the cause before restarting again.`
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)]
}

/** The last ID of two outer-to-inner lists merged without repeats, as `unique([...first, ...second])` would end, without building that list for every record. */
function innermostOf(first: readonly string[], second: readonly string[]): string | undefined {
  for (let index = second.length - 1; index >= 0; index--) {
    const id = second[index]!
    if (second.indexOf(id) === index && !first.includes(id)) return id
  }
  for (let index = first.length - 1; index >= 0; index--) if (first.indexOf(first[index]!) === index) return first[index]
  return undefined
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0)
}

/** The trace lines the diagnosis reads, trimmed, with their place: its head, every cause, lines naming IDs. */
function forEachTraceLineRead(record: AuditRecord, visit: (line: string, index: number) => void): void {
  const stack = record.stackTrace
  if (stack === undefined) return
  for (let index = 0, taken = 0; index < stack.length && taken < TRACE_LINES_READ; index++) {
    const line = stack[index]!
    if (!readsTraceLineAt(index, line, 0, line.length)) continue
    taken++
    const trimmed = line.trim()
    if (trimmed) visit(trimmed, index)
  }
}

/** The exception text and the trace lines read; `guidBlind`, with each GUID as ANY_GUID (as the memo keeps it). */
function detailOf(record: AuditRecord, guidBlind = false): string {
  let detail = (guidBlind ? exceptionForm(record) : record.exceptionMessage) ?? ''
  forEachTraceLineRead(record, (line) => {
    const part = guidBlind ? withAnyGuid(line) : line
    detail = detail ? `${detail}\n${part}` : part
  })
  return detail
}

/**
 * The message IDs of a record's text and detail, when its ID chain holds those of its text, exception and
 * trace head (then only the rest of the trace is looked at); undefined when the chain does not say so.
 */
function messageIdsOf(record: AuditRecord): string[] | undefined {
  if (!record.messageIdsOfHead) return undefined
  const ids = [...record.messageIds]
  forEachTraceLineRead(record, (line, index) => {
    // Interned, as the chain's: a slice would keep the decoded piece of the log alive with the classification.
    if (index > 0) for (const id of extractMessageIds(line)) if (!ids.includes(id)) ids.push(internString(id))
  })
  return ids
}

/** A connector's fault is named after the connector; without one, the class at fault and the server it runs on. */
function connectorSubject(classified: string | undefined, connector: string | undefined, server: string | undefined): string {
  if (connector) return connector
  if (server && classified && classified !== server) return `${classified} on ${server}`
  return server ?? classified ?? 'unknown connector'
}

function summaryOf(connector: string | undefined, source: CauseSource, subject: string, meaning: string): string {
  const who = connector ? `${connector}: ` : ''
  return source === 'connector' || source === 'undetermined' ? `${who}${meaning}` : `${who}${meaning} (${sourceName(source)} ${subject})`
}

function verdictOf({ source, summary, connector }: FindingState, subject: string, connectors: number): string {
  const count = connectors > 0 ? `: ${connectors} connector${connectors === 1 ? '' : 's'}` : ''
  const lower = (text: string): string => `${text.charAt(0).toLowerCase()}${text.slice(1)}`
  if (source === 'metadata-server') return `metadata server ${subject} unavailable${count}`
  if (source === 'third-party') return `third-party resource ${subject} failing${count}`
  if (source === 'platform') return `platform or server configuration at fault (${subject}): ${lower(summary)}`
  if (source === 'undetermined') return `source undetermined for ${subject}: ${lower(summary)}`
  const detail = lower(summary.replace(`${connector ?? subject}: `, ''))
  return connectors > 1 ? `${connectors} connectors misconfigured or faulty the same way (${subject}): ${detail}` : `connector ${subject} misconfigured or faulty: ${detail}`
}

function causeAction(source: CauseSource, subject: string, findingAction: string, failed: string[]): string {
  const restart = failed.length > 0 ? `restart the failed connector${failed.length === 1 ? '' : 's'} ${failed.join(', ')}` : ''
  if (source === 'metadata-server') {
    return [
      `Bring metadata server ${subject} back (start it, or correct its name, URL, TLS or security settings).`,
      restart ? `Then ${restart}: ${failed.length === 1 ? 'it does not recover by itself' : 'they do not recover by themselves'}.` : '',
      'Once the restarts succeed, refresh the daemon so the connectors catch up on what they missed during the outage.'
    ].filter(Boolean).join(' ')
  }
  if (source === 'third-party') {
    const still = failed.length > 0 ? ` Connectors still failed, to restart once it is fixed: ${failed.join(', ')}.` : ''
    // An action that already names what to fix ("Start Kafka: …") needs no "Fix Kafka." before it.
    const fix = findingAction.toLowerCase().includes(subject.toLowerCase()) ? '' : `Fix ${subject}. `
    return `${fix}${findingAction}${still}`
  }
  return findingAction
}
