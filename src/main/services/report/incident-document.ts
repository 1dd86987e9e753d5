/**
 * The incident report as a small document model (headings, facts, tables, quotes): built once from
 * the gathered data, so the Markdown and the HTML say exactly the same thing and escaping lives in
 * the two renderers only. Every text from outside (log lines, messages, names) passes `redact`.
 */
import { ENVIRONMENT_LABELS, TLS_MODE_LABELS } from '../../../shared/models/connection'
import type { Cause } from '../../../shared/models/audit'
import { ACTION_LABELS, describeScope, isFailedStatus, isHealthyStatus, type JournalEntry, type RecordedAction } from '../../../shared/models/daemon'
import { comparisonRows, outcomeLabel, statusTone, type ComparisonRow } from '../../../shared/models/report'
import { foldDumps } from '../../../shared/readable-message'
import { nextSafeAction } from '../../../shared/troubleshooting/guidance'
import { sourceName } from '../../../shared/troubleshooting/sources'
import { refKey, type IncidentData } from './incident-report'

export type Tone = 'ok' | 'err' | 'neutral'
export type Inline = string | { code: string } | { strong: string } | { badge: string; icon: string; tone: Tone }
export type Block =
  | { kind: 'heading'; level: 2 | 3; text: string }
  | { kind: 'paragraph'; parts: Inline[] }
  | { kind: 'facts'; rows: [string, Inline[]][] }
  | { kind: 'table'; head: string[]; rows: Inline[][][] }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'quote'; lines: { ref: string; text: string }[] }

export interface IncidentDocument {
  title: string
  subtitle: string
  blocks: Block[]
}

const MAX_MESSAGE_CHARS = 400

export function statusBadge(status: string | undefined): Inline {
  return { badge: status ?? 'not reported', ...statusTone(status) }
}

export function formatTime(iso: string): string {
  return Number.isNaN(Date.parse(iso)) ? iso : `${new Date(iso).toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

export function incidentDocument(data: IncidentData, redact: (text: string) => string): IncidentDocument {
  const blocks: Block[] = []
  const { connection, analysis, final } = data
  const add = (...more: Block[]): void => void blocks.push(...more)
  const text = (value: string): string => redact(value)

  // At a glance
  add({ kind: 'heading', level: 2, text: 'Summary' })
  const summaryRows: [string, Inline[]][] = []
  if (analysis.ok) {
    const { causes } = analysis.value.report
    if (causes.length === 0) add({ kind: 'paragraph', parts: ['The audit log shows no failure.'] })
    else {
      add({ kind: 'paragraph', parts: [`What was wrong, from the audit log (${causes.length} cause${causes.length === 1 ? '' : 's'}):`] })
      add({ kind: 'list', items: causes.map((cause) => [...causeState(cause, final), { strong: text(cause.verdict) }, ` (${sourceName(cause.source)})`]) })
    }
  } else add({ kind: 'paragraph', parts: ['The audit log was not analysed (see Audit log analysis).'] })
  summaryRows.push(['Actions taken', [actionsSummary(data.actions)]])
  if (final.ok) {
    const { counts, noConnectors } = final.value
    const badge: Inline = noConnectors
      ? { badge: 'No connectors', icon: '◌', tone: 'err' }
      : counts.failed === 0
        ? { badge: 'All healthy', icon: '✔', tone: 'ok' }
        : { badge: `${counts.failed} failing`, icon: '✖', tone: 'err' }
    summaryRows.push(['Final state', [badge, ` ${counts.healthy} healthy, ${counts.failed} failed, ${counts.other} other of ${counts.total} connectors`]])
  } else summaryRows.push(['Final state', [{ badge: 'Unknown', icon: '?', tone: 'neutral' }, ` ${text(final.error)}`]])
  // The same answer as the app's guidance bar: the status and the audit log weighed together.
  const current = nextSafeAction({
    status: final.ok ? final.value : undefined,
    error: final.ok ? undefined : final.error,
    logCauses: data.analysis.ok ? data.analysis.value.report.causes : []
  })
  summaryRows.push(['Current problem', [text(current.found)]], ['Next safe action', [text(current.next)]])
  add({ kind: 'facts', rows: summaryRows })

  // Connection: what identifies the daemon, never a secret.
  const detected = final.ok ? final.value.platformVersion ?? `Egeria ${final.value.egeria}` : undefined
  add({ kind: 'heading', level: 2, text: 'Connection' })
  add({
    kind: 'facts',
    rows: [
      ['Name', [text(connection.name)]],
      ['Platform', [{ code: text(connection.platformUrl) }]],
      ['Integration daemon', [{ code: text(connection.serverName) }]],
      ['Egeria version', [connection.egeriaVersion === 'auto' ? 'detected automatically' : `set to ${connection.egeriaVersion}.x`, ...(detected ? [`; the platform reports ${text(detected)}`] : [])]],
      ['Environment', [ENVIRONMENT_LABELS[connection.environment]]],
      ['TLS', [TLS_MODE_LABELS[connection.tls.mode]]],
      ['User ID', [{ code: text(connection.userId) }]],
      ['Actions', [connection.readOnly ? 'Read-only connection (actions turned off)' : 'Allowed']]
    ]
  })

  // Audit log
  add({ kind: 'heading', level: 2, text: 'Audit log analysis' })
  if (!analysis.ok) add({ kind: 'paragraph', parts: [text(analysis.error)] })
  else {
    const { path, report, quotes } = analysis.value
    add({
      kind: 'paragraph',
      parts: ['Analysed ', { code: text(path) }, `: ${report.records} records (${report.auditRecords} audit records, ${report.unparsedLines} unparsed lines)`, report.servers.length ? ` from ${report.servers.map(text).join(', ')}.` : '.']
    })
    add({ kind: 'heading', level: 3, text: `Causes (${report.causes.length})` })
    if (report.causes.length === 0) add({ kind: 'paragraph', parts: ['No failures found in the audit log.'] })
    else {
      add({
        kind: 'list',
        items: report.causes.map((cause) => [
          ...causeState(cause, final),
          { strong: text(cause.verdict) },
          ` (${sourceName(cause.source)}).`,
          ...(cause.connectors.length ? [' Connectors: ', ...joined(cause.connectors.map((name) => ({ code: text(name) }))), '.'] : []),
          ` Next step: ${text(cause.action)}`
        ])
      })
    }
    add({ kind: 'heading', level: 3, text: `Findings (${report.findings.length})` })
    for (const finding of report.findings) {
      add({ kind: 'paragraph', parts: [{ strong: text(finding.summary) }] })
      add({
        kind: 'facts',
        rows: [
          ['Source', [`${sourceName(finding.source)}: ${text(finding.subject)}`]],
          ...(finding.connector ? ([['Connector', [{ code: text(finding.connector) }]]] as [string, Inline[]][]) : []),
          ['Messages', joined(finding.messageIds.map((id) => ({ code: text(id) })), ' › ')],
          ['Seen', [`${finding.occurrences} time${finding.occurrences === 1 ? '' : 's'}${finding.firstSeen ? `, first ${formatTime(finding.firstSeen)}` : ''}${finding.lastSeen && finding.lastSeen !== finding.firstSeen ? `, last ${formatTime(finding.lastSeen)}` : ''}`]],
          ['What to do', [text(finding.action)]]
        ]
      })
      const lines = finding.evidence.flatMap((ref) => {
        const quote = quotes.get(refKey(ref))
        // Egeria's Connection{…} dumps are folded: the log keeps them, the report stays readable.
        return quote ? [{ ref: quote.ref, text: text(foldDumps(quote.text)) }] : []
      })
      if (lines.length > 0) add({ kind: 'quote', lines })
      const more = finding.evidence.length - lines.length
      if (more > 0) add({ kind: 'paragraph', parts: [`${more} more evidence line${more === 1 ? '' : 's'} in the audit log.`] })
    }
  }

  add({ kind: 'heading', level: 2, text: `Pinned evidence (${data.pins.length})` })
  if (data.pins.length === 0) add({ kind: 'paragraph', parts: ['No log lines were pinned in step 1.'] })
  else add({ kind: 'quote', lines: data.pins.map((pin) => ({ ref: `${text(pin.input)}:${pin.line}`, text: text(foldDumps(pin.text)) })) })

  // Actions
  add({ kind: 'heading', level: 2, text: `Actions (${data.actions.length})` })
  if (data.actions.length === 0) add({ kind: 'paragraph', parts: [data.since ? 'No action was run on this connection in this incident.' : 'No action was run on this connection from Daemon Doctor.'] })
  for (const entry of data.actions) {
    add({ kind: 'heading', level: 3, text: `${formatTime(entry.time)}: ${ACTION_LABELS[entry.action]} of ${text(describeScope(entry.scope))}` })
    add({
      kind: 'paragraph',
      parts: [
        entry.outcome.success ? { badge: 'Succeeded', icon: '✔', tone: 'ok' } : { badge: 'Not fully successful', icon: '✖', tone: 'err' },
        ` ${text(entry.outcome.summary)} (verification: ${entry.outcome.settle}).`
      ]
    })
    const failedCalls = entry.outcome.calls.filter((call) => !call.ok)
    if (failedCalls.length > 0) {
      add({ kind: 'list', items: failedCalls.map((call) => [{ code: text(call.call) }, ` failed: ${text(call.error ?? 'no reason given')}`]) })
    }
    if (entry.configuration) {
      const shown = (value: string | undefined): Inline => (value === undefined ? 'unset' : { code: text(value) })
      add({
        kind: 'table',
        head: ['Changed', 'Before', 'Asked for', 'Read back'],
        rows: entry.configuration.diff.map((line, index) => [[text(line.field)], [shown(line.before)], [shown(line.after)], [shown(entry.configuration!.readBack[index]?.after)]])
      })
    }
    add({ kind: 'table', head: ['Connector', 'Before', 'After', 'Outcome'], rows: comparisonInlines(entry, text) })
  }

  // Final state
  add({ kind: 'heading', level: 2, text: 'Final state' })
  if (!final.ok) add({ kind: 'paragraph', parts: [text(final.error)] })
  else {
    const status = final.value
    add({ kind: 'paragraph', parts: [`Read ${formatTime(status.fetchedAt)} from `, { code: text(status.server) }, `: ${status.counts.healthy} healthy, ${status.counts.failed} failed, ${status.counts.other} other of ${status.counts.total} connectors.`] })
    const failing = status.connectors.filter((connector) => isFailedStatus(connector.status))
    if (failing.length === 0) add({ kind: 'paragraph', parts: [{ badge: 'No connector is failing', icon: '✔', tone: 'ok' }] })
    else {
      add({
        kind: 'table',
        head: ['Connector', 'Status', 'Source', 'Failing message'],
        rows: failing.map((connector) => [
          [{ code: text(connector.name) }],
          [statusBadge(connector.status)],
          [connector.classification ? text(connector.classification.summary ?? connector.classification.source) : 'unclassified'],
          [text(clipMessage(foldDumps(connector.failingMessage ?? '')))]
        ])
      })
    }
  }

  // Timeline
  add({ kind: 'heading', level: 2, text: 'Timeline' })
  if (data.omittedLogEvents > 0) add({ kind: 'paragraph', parts: [`${data.omittedLogEvents} earlier log events are left out; the audit log has them all.`] })
  if (data.timeline.length === 0) add({ kind: 'paragraph', parts: ['Nothing happened that the report could place in time.'] })
  else {
    const kinds = { log: 'Audit log', action: 'Action', status: 'Status' }
    add({ kind: 'table', head: ['Time', 'Source', 'Event'], rows: data.timeline.map((item) => [[formatTime(item.time)], [kinds[item.kind]], [text(item.text)]]) })
  }

  return {
    title: `Incident report: ${text(connection.name)}`,
    subtitle: `${text(connection.serverName)} on ${text(connection.platformUrl)}, made ${formatTime(data.generatedAt)} by Daemon Doctor. ${incidentScope(data)}`,
    blocks
  }
}

function comparisonInlines(entry: JournalEntry, text: (value: string) => string): Inline[][][] {
  const state = (value: ComparisonRow['before']): Inline[] => [statusBadge(value?.status), ...(value?.messageId ? [' ', { code: text(value.messageId) }] : [])]
  return comparisonRows(entry).map((row) => {
    const label = row.outcome ? outcomeLabel(row.outcome) : undefined
    return [
      [{ code: text(row.name) }],
      state(row.before),
      state(row.after),
      label ? [{ badge: label.text, icon: label.icon, tone: label.tone }, ...(row.verdict ? [` ${text(row.verdict)}`] : [])] : ['–']
    ]
  })
}

/** Where a cause's connectors stand now: the report says whether the trouble is over. */
function causeState(cause: Cause, final: IncidentData['final']): Inline[] {
  if (!final.ok || cause.connectors.length === 0) return []
  const now = new Map(final.value.connectors.map((connector) => [connector.name, connector.status]))
  const statuses = cause.connectors.map((name) => now.get(name))
  const failing = statuses.filter((status) => status !== undefined && isFailedStatus(status)).length
  const total = cause.connectors.length
  if (failing > 0) return [{ badge: total === 1 ? 'Still failing' : `${failing} of ${total} still failing`, icon: '✖', tone: 'err' }, ' ']
  if (statuses.every((status) => status !== undefined && isHealthyStatus(status))) return [{ badge: 'Resolved', icon: '✔', tone: 'ok' }, ' ']
  return [{ badge: 'Not failing now', icon: '●', tone: 'neutral' }, ' ']
}

/** Which actions the report covers, so an older incident's restarts are not taken for this one's. */
function incidentScope(data: IncidentData): string {
  if (!data.since) return 'Covers every action of this connection in the journal.'
  const earlier = data.earlierActions
  const older = earlier === 0 ? '' : ` ${earlier} earlier action${earlier === 1 ? ' is' : 's are'} left out: see the journal.`
  return `Covers this incident: actions since its guided flow was opened at ${formatTime(data.since)}.${older}`
}

function actionsSummary(actions: JournalEntry[]): string {
  if (actions.length === 0) return 'None'
  const count = (action: RecordedAction): number => actions.filter((entry) => entry.action === action).length
  const restarts = count('restart')
  const refreshes = count('refresh')
  const changes = count('configure')
  const rereads = count('reload-group')
  const parts = [
    restarts ? `${restarts} restart${restarts === 1 ? '' : 's'}` : '',
    refreshes ? `${refreshes} refresh${refreshes === 1 ? '' : 'es'}` : '',
    changes ? `${changes} configuration change${changes === 1 ? '' : 's'}` : '',
    rereads ? `${rereads} group configuration re-read${rereads === 1 ? '' : 's'}` : ''
  ].filter(Boolean)
  const failed = actions.filter((entry) => !entry.outcome.success).length
  return `${parts.join(' and ')}${failed ? ` (${failed} not fully successful)` : ', all successful'}`
}

function joined(parts: Inline[], separator = ', '): Inline[] {
  return parts.flatMap((part, index) => (index === 0 ? [part] : [separator, part]))
}

const clipMessage = (message: string): string => (message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS)} …` : message)
