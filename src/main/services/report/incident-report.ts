/**
 * The incident report of one connection: who the daemon is (never a secret), what its audit log
 * says (causes, findings with their evidence lines quoted), what the operator pinned, what was done
 * (the action journal), where it ended (the status now), and one timeline of all of it. Gathered
 * here once, then rendered as Markdown and as a self-contained HTML page with the same content.
 */
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'
import type { AnalysisReport, EvidenceRef } from '../../../shared/models/audit'
import type { Connection } from '../../../shared/models/connection'
import { describeScope, type DaemonStatus, type JournalEntry, type StatusSnapshot } from '../../../shared/models/daemon'
import type { Result } from '../../../shared/result'
import { type IncidentReport, type IncidentReportOptions, type PinnedEvidence } from '../../../shared/models/report'
import { analyzeSources } from '../audit/analyze'
import { sourceName } from '../../../shared/troubleshooting/sources'
import { isGzip, openInput } from '../audit/log-reader'
import { incidentDocument } from './incident-document'
import { renderHtml, renderMarkdown } from './render'

/** Evidence lines quoted per finding: the rest are counted, the log viewer has them all. */
export const QUOTES_PER_FINDING = 3
/** Log events in the timeline: a flapping connector must not bury the actions. */
export const MAX_LOG_EVENTS = 150
const MAX_QUOTE_CHARS = 2000
const MAX_PINS = 200

export interface IncidentReportDeps {
  connection(id: string): Connection
  /** The connection's saved password, only to scrub it from quoted text should it ever appear. */
  password(id: string): string | undefined
  status(id: string): Promise<DaemonStatus>
  /** Status snapshots kept by the poller, oldest first. */
  history(id: string): StatusSnapshot[]
  journal(): { entries: JournalEntry[] }
  now?: () => Date
}

export interface QuotedLine {
  ref: string
  text: string
}

/** The connection's audit log analysed, with quotes of its evidence lines, or why there is no analysis. */
export type LogAnalysis = Result<{ path: string; report: AnalysisReport; quotes: Map<string, QuotedLine> }, string>

export interface TimelineItem {
  time: string
  kind: 'log' | 'action' | 'status'
  text: string
}

/** Everything the report says, before it is rendered. */
export interface IncidentData {
  generatedAt: string
  connection: Connection
  analysis: LogAnalysis
  pins: PinnedEvidence[]
  actions: JournalEntry[]
  /** When this incident began (see IncidentReportOptions.since); absent: every action is reported. */
  since?: string
  /** Actions of this connection before `since`, left out of the report (the journal has them). */
  earlierActions: number
  /** The daemon's status when the report was made, or why it could not be read. */
  final: Result<DaemonStatus, string>
  timeline: TimelineItem[]
  omittedLogEvents: number
}

export class IncidentReportService {
  constructor(private readonly deps: IncidentReportDeps) {}

  async build(connectionId: string, options: IncidentReportOptions = {}): Promise<IncidentReport> {
    const data = await this.gather(connectionId, options)
    const redact = redactor(this.deps.password(connectionId))
    const document = incidentDocument(data, redact)
    const counts = data.final.ok ? data.final.value.counts : undefined
    return {
      generatedAt: data.generatedAt,
      fileBaseName: fileBaseName(data.connection.name, data.generatedAt),
      title: document.title,
      markdown: renderMarkdown(document),
      html: renderHtml(document),
      summary: {
        causes: data.analysis.ok ? data.analysis.value.report.causes.length : 0,
        findings: data.analysis.ok ? data.analysis.value.report.findings.length : 0,
        pinned: data.pins.length,
        actions: data.actions.length,
        ...(counts ? { failing: counts.failed, total: counts.total } : {}),
        gaps: [
          ...(data.analysis.ok ? [] : [data.analysis.error]),
          ...(data.final.ok ? [] : [data.final.error])
        ]
      }
    }
  }

  async gather(connectionId: string, options: IncidentReportOptions = {}): Promise<IncidentData> {
    const connection = this.deps.connection(connectionId)
    const generatedAt = (this.deps.now?.() ?? new Date()).toISOString()
    const [analysis, final] = await Promise.all([
      analyseLog(connection.auditLogPath),
      this.deps.status(connectionId).then(
        (status): IncidentData['final'] => ({ ok: true, value: status }),
        (error: Error): IncidentData['final'] => ({ ok: false, error: `The status could not be read when the report was made: ${error.message}` })
      )
    ])
    const since = options.since
    const ofConnection = this.deps.journal().entries.filter((entry) => isForConnection(entry, connection))
    // Journal times and `since` are both ISO times from the app's own clock, so they compare as text.
    const actions = ofConnection.filter((entry) => !since || entry.time >= since).sort((a, b) => a.time.localeCompare(b.time))
    const pins = (options.pins ?? []).slice(0, MAX_PINS)
    const { items, omitted } = timelineOf(analysis, actions, this.deps.history(connectionId), final)
    return {
      generatedAt,
      connection,
      analysis,
      pins,
      actions,
      since,
      earlierActions: ofConnection.length - actions.length,
      final,
      timeline: items,
      omittedLogEvents: omitted
    }
  }
}

/** Journal entries written before ids were recorded match on the daemon's address instead. */
function isForConnection(entry: JournalEntry, connection: Connection): boolean {
  if (entry.connection.id) return entry.connection.id === connection.id
  return entry.connection.platformUrl === connection.platformUrl && entry.connection.server === connection.serverName
}

export function fileBaseName(name: string, generatedAt: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'daemon'
  return `incident-${slug}-${generatedAt.slice(0, 19).replace(/[:T]/g, '-')}`
}

async function analyseLog(path: string | undefined): Promise<LogAnalysis> {
  if (!path) return { ok: false, error: 'No audit log file is set for this connection, so the report has no log analysis. Set one in the connection, or pin lines from offline files in step 1.' }
  let report: AnalysisReport
  try {
    report = await analyzeSources([await openInput(path, 0)])
  } catch (error) {
    return { ok: false, error: `The audit log ${path} could not be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }
  }
  return { ok: true, value: { path, report, quotes: await quoteEvidence(path, report) } }
}

export const refKey = (ref: EvidenceRef): string => `${ref.input}:${ref.file ?? ''}:${ref.line}`

/** Reads the first evidence lines of every finding back from the log, so the report can quote them. */
async function quoteEvidence(path: string, report: AnalysisReport): Promise<Map<string, QuotedLine>> {
  const refs = report.findings.flatMap((finding) => finding.evidence.slice(0, QUOTES_PER_FINDING))
  const quotes = new Map<string, QuotedLine>()
  const name = basename(path)
  const wanted = new Set(refs.filter((ref) => !ref.file).map((ref) => ref.line))
  if (wanted.size > 0) {
    for (const [line, text] of await readLines(path, wanted)) quotes.set(refKey({ input: 0, line }), { ref: `${name}:${line}`, text: clip(text) })
  }
  for (const ref of refs.filter((candidate) => candidate.file)) {
    const text = await readFile(join(path, ref.file!), 'utf8').catch(() => undefined)
    if (text !== undefined) quotes.set(refKey(ref), { ref: `${name}/${ref.file}`, text: clip(text.replace(/\s+/g, ' ').trim()) })
  }
  return quotes
}

async function readLines(path: string, wanted: Set<number>): Promise<Map<number, string>> {
  const found = new Map<number, string>()
  if (!(await stat(path)).isFile()) return found
  const last = Math.max(...wanted)
  const gzip = await isGzip(path)
  const raw = createReadStream(path)
  const lines = createInterface({ input: gzip ? raw.pipe(createGunzip()) : raw, crlfDelay: Infinity })
  let number = 0
  for await (const line of lines) {
    number += 1
    if (wanted.has(number)) found.set(number, line)
    if (number >= last) break
  }
  raw.destroy()
  return found
}

const clip = (text: string): string => (text.length > MAX_QUOTE_CHARS ? `${text.slice(0, MAX_QUOTE_CHARS)} …` : text)

const LOG_EVENT_TEXT: Record<string, string> = {
  failure: 'failed',
  restart: 'was restarted',
  stopped: 'stopped',
  initializing: 'started initialising'
}

function timelineOf(
  analysis: LogAnalysis,
  actions: JournalEntry[],
  history: StatusSnapshot[],
  final: IncidentData['final']
): { items: TimelineItem[]; omitted: number } {
  const logItems: TimelineItem[] = []
  if (analysis.ok) {
    // A failure event names the outer message; the finding it is evidence of knows the root cause.
    const findingByRef = new Map(analysis.value.report.findings.flatMap((finding) => finding.evidence.map((ref) => [refKey(ref), finding] as const)))
    for (const connector of analysis.value.report.connectors) {
      for (const event of connector.events) {
        const verb = LOG_EVENT_TEXT[event.kind]
        if (!event.time || !verb || event.kind === 'initializing') continue
        const finding = event.kind === 'failure' ? findingByRef.get(refKey(event.evidence)) : undefined
        const messageId = finding?.rootMessageId ?? event.messageId
        const why = finding ? `: ${sourceName(finding.source)} ${finding.subject}` : ''
        logItems.push({ time: event.time, kind: 'log', text: `${connector.name} ${verb}${messageId ? ` (${messageId})` : ''}${why}` })
      }
    }
    for (const finding of analysis.value.report.findings) {
      if (!finding.connector && finding.firstSeen) logItems.push({ time: finding.firstSeen, kind: 'log', text: finding.summary })
    }
  }
  logItems.sort((a, b) => a.time.localeCompare(b.time))
  // Keep the latest log events: the end of the story is what the actions answered.
  const omitted = Math.max(0, logItems.length - MAX_LOG_EVENTS)
  const items: TimelineItem[] = logItems.slice(omitted)
  for (const entry of actions) {
    const what = `${capitalise(entry.action)} of ${describeScope(entry.scope)}`
    // Summaries usually start by saying what was done; do not say it twice.
    items.push({ time: entry.time, kind: 'action', text: entry.outcome.summary.startsWith(what) ? entry.outcome.summary : `${what}: ${entry.outcome.summary}` })
  }
  for (const snapshot of history) {
    if (snapshot.error) items.push({ time: snapshot.at, kind: 'status', text: `Status could not be read: ${snapshot.error}` })
    for (const name of snapshot.changed) {
      const connector = snapshot.status?.connectors.find((candidate) => candidate.name === name)
      items.push({ time: snapshot.at, kind: 'status', text: connector ? `${name} is ${connector.status}` : `${name} is no longer reported` })
    }
  }
  if (final.ok) {
    const { counts, fetchedAt } = final.value
    items.push({ time: fetchedAt, kind: 'status', text: `Final status: ${counts.healthy} healthy, ${counts.failed} failed, ${counts.other} other of ${counts.total}` })
  }
  items.sort((a, b) => a.time.localeCompare(b.time))
  return { items, omitted }
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

/**
 * Removes what must never leave the machine: Egeria's `Connection{…}` dumps carry
 * `clearPassword='…'` and `encryptedPassword='…'`, and the saved password is scrubbed wherever it appears.
 */
const SECRET_FIELD = /\b((?:clearPassword|encryptedPassword|password|passwd|secret)["']?\s*[=:]\s*)(?:(['"])(.*?)\2|([^\s,;}'"]+))/gi

export function redactor(password: string | undefined): (text: string) => string {
  return (text) => {
    let out = text.replace(SECRET_FIELD, (match, key: string, quote: string | undefined, quoted: string | undefined, bare: string | undefined) => {
      const value = quoted ?? bare ?? ''
      if (value === '' || value === 'null') return match
      return quote ? `${key}${quote}[redacted]${quote}` : `${key}[redacted]`
    })
    if (password && password.length >= 3) out = out.split(password).join('[redacted]')
    return out
  }
}
