/**
 * Renders an AnalysisReport for a terminal (text), for sharing (markdown) or for scripts (JSON). Each
 * connector's timeline is summarised (counts, first and last event) so a report's size follows its
 * findings, not the log's length; `timeline: true` adds every kept event.
 */
import {
  type AnalysisReport,
  type ConnectorEvent,
  type ConnectorEventKind,
  type CauseSource,
  type ConnectorTimeline,
  type Finding,
  type RestartLoop
} from '../../../shared/models/audit'
import { counted } from '../../../shared/counted'
import { sourceName } from '../../../shared/troubleshooting/sources'

export interface ReportFormatOptions {
  /** Every kept event of every connector, instead of their summary. */
  timeline?: boolean
}

/** A connector's timeline in a few fields: how many events of each kind, and the first and last of them. */
export interface TimelineSummary {
  /** Events seen, including those the diagnosis left out to stay bounded. */
  events: number
  /** Of the events kept (the latest ones), how many of each kind. */
  keptByKind: Partial<Record<ConnectorEventKind, number>>
  first?: ConnectorEvent
  last?: ConnectorEvent
}

export type SummarisedConnector = Omit<ConnectorTimeline, 'events'> & { timelineSummary: TimelineSummary }

export function summariseTimeline(connector: ConnectorTimeline): TimelineSummary {
  const keptByKind: Partial<Record<ConnectorEventKind, number>> = {}
  for (const event of connector.events) keptByKind[event.kind] = (keptByKind[event.kind] ?? 0) + 1
  return { events: connector.events.length + connector.omittedEvents, keptByKind, first: connector.events[0], last: connector.events.at(-1) }
}

/** The JSON report: the analysis with summarised timelines, or with every kept event on request. */
export function formatJson(report: AnalysisReport, options: ReportFormatOptions = {}): string {
  if (options.timeline) return `${JSON.stringify(report, null, 2)}\n`
  const connectors: SummarisedConnector[] = report.connectors.map((connector) => {
    const { events, ...rest } = connector
    return { ...rest, timelineSummary: summariseTimeline({ ...rest, events }) }
  })
  return `${JSON.stringify({ ...report, connectors }, null, 2)}\n`
}

/** Event kinds that are nouns take a plural; the others are states ("2 stopped"). */
const KIND_PLURALS: Partial<Record<ConnectorEventKind, string>> = { failure: 'failures', refresh: 'refreshes', restart: 'restarts' }

function kindCount(kind: ConnectorEventKind, count: number): string {
  const plural = KIND_PLURALS[kind]
  return plural ? counted(count, kind, plural) : `${count} ${kind}`
}

/** "12 events: 9 refreshes, 3 failures; first 2021-…Z, last 2021-…Z" */
function timelineSummaryText(summary: TimelineSummary): string {
  const kinds = Object.entries(summary.keptByKind)
    .map(([kind, count]) => kindCount(kind as ConnectorEventKind, count))
    .join(', ')
  const span = summary.first?.time ? `; first ${summary.first.time}${summary.last?.time && summary.last.time !== summary.first.time ? `, last ${summary.last.time}` : ''}` : ''
  const kept = summary.events > Object.values(summary.keptByKind).reduce((total, count) => total + count, 0) ? ' (latest kept)' : ''
  return `${counted(summary.events, 'event')}${kinds ? `: ${kinds}${kept}` : ''}${span}`
}

function eventText(report: AnalysisReport, event: ConnectorEvent): string {
  const where = `${report.inputs.length > 1 ? `${report.inputs[event.evidence.input]?.path ?? event.evidence.input}:` : 'line '}${event.evidence.line}`
  return `${event.time ?? '(no time)'} ${event.kind}${event.messageId ? ` ${event.messageId}` : ''} (${where})`
}

/** "28 records (28 audit, 1 unparsed line)" */
function recordsText(report: AnalysisReport): string {
  return `${counted(report.records, 'record')} (${report.auditRecords} audit, ${counted(report.unparsedLines, 'unparsed line')})`
}

/** How the inputs were read, where the reader had something to say (a wrapping taken off, a zone read as UTC), named by input when there are several. */
function inputNotes(report: AnalysisReport): string[] {
  return report.inputs.flatMap((input) => (input.notes ?? []).map((note) => (report.inputs.length > 1 ? `${input.path}: ${note}` : note)))
}

/** The sources an undetermined cause leaves open: "connector or third-party technology". */
function candidatesText(candidates: readonly CauseSource[]): string {
  return candidates.map(sourceName).join(' or ')
}

function restartLoopText(loop: RestartLoop): string {
  return `restart loop: failed with ${loop.rootMessageId} after each of ${loop.restarts} restarts${loop.since ? ` since ${loop.since}` : ''}`
}

function evidenceText(report: AnalysisReport, finding: Finding): string {
  return finding.evidence
    .map((ref) => `${report.inputs.length > 1 ? `${report.inputs[ref.input]?.path ?? ref.input}:` : 'line '}${ref.line}`)
    .join(', ')
}

export function formatText(report: AnalysisReport, options: ReportFormatOptions = {}): string {
  const out: string[] = []
  out.push(`Analysed ${recordsText(report)} from ${counted(report.inputs.length, 'input')}.`)
  if (report.servers.length > 0) out.push(`Servers: ${report.servers.join(', ')}`)
  for (const note of inputNotes(report)) out.push(`Note: ${note}`)
  out.push('')
  if (report.causes.length === 0) out.push('No failures found.')
  else {
    out.push(`CAUSES (${report.causes.length})`)
    for (const cause of report.causes) {
      out.push(`  * [${sourceName(cause.source)}] ${cause.verdict}`)
      if (cause.candidates) out.push(`    could be: ${candidatesText(cause.candidates)}`)
      if (cause.connectors.length > 0) out.push(`    connectors: ${cause.connectors.join(', ')}`)
      out.push(`    next step: ${cause.action}`)
    }
  }
  if (report.findings.length > 0) {
    out.push('', `FINDINGS (${report.findings.length})`)
    for (const finding of report.findings) {
      out.push(`  * ${finding.summary}`)
      out.push(`    source: ${sourceName(finding.source)} ${finding.subject}; root ${finding.rootMessageId ?? '(none)'}; chain ${finding.messageIds.join(' > ')}`)
      out.push(`    seen ${finding.occurrences}x${finding.firstSeen ? ` from ${finding.firstSeen}` : ''}${finding.lastSeen && finding.lastSeen !== finding.firstSeen ? ` to ${finding.lastSeen}` : ''}; evidence ${evidenceText(report, finding)}`)
      out.push(`    action: ${finding.action}`)
    }
  }
  if (report.connectors.length > 0) {
    out.push('', `CONNECTORS (${report.connectors.length})`)
    for (const connector of report.connectors) {
      out.push(`  ${connector.state.padEnd(17)} ${connector.name}${connector.service ? ` (${connector.service})` : ''} on ${connector.server ?? '?'}: ${counted(connector.failures, 'failure')}, ${counted(connector.refreshes, 'refresh', 'refreshes')}`)
      if (connector.restartLoop) out.push(`                    ${restartLoopText(connector.restartLoop)}`)
      out.push(`                    ${timelineSummaryText(summariseTimeline(connector))}`)
      if (options.timeline) for (const event of connector.events) out.push(`                      ${eventText(report, event)}`)
    }
  }
  return `${out.join('\n')}\n`
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

export function formatMarkdown(report: AnalysisReport, options: ReportFormatOptions = {}): string {
  const out: string[] = ['# Daemon Doctor: audit log analysis', '']
  out.push(`${recordsText(report)}; servers: ${report.servers.join(', ') || 'none'}.`, '')
  out.push('| Input | Format | Lines | Records |', '|---|---|---|---|')
  for (const input of report.inputs) out.push(`| ${cell(input.path)} | ${input.format} | ${input.lines} | ${input.records} |`)
  for (const [index, note] of inputNotes(report).entries()) out.push(...(index === 0 ? [''] : []), `> ${note}`)
  out.push('', '## Causes', '')
  if (report.causes.length === 0) out.push('No failures found.')
  for (const cause of report.causes) {
    out.push(`- **${cell(cause.verdict)}** (${sourceName(cause.source)})`)
    if (cause.candidates) out.push(`  - Could be: ${candidatesText(cause.candidates)}`)
    if (cause.connectors.length > 0) out.push(`  - Connectors: ${cause.connectors.map((name) => `\`${name}\``).join(', ')}`)
    out.push(`  - Next step: ${cause.action}`)
  }
  if (report.findings.length > 0) {
    out.push('', '## Findings', '', '| Connector | Source | Subject | Root message | Summary | Action | Evidence | Seen |', '|---|---|---|---|---|---|---|---|')
    for (const finding of report.findings) {
      out.push(`| ${cell(finding.connector ?? finding.server ?? '')} | ${finding.source} | ${cell(finding.subject)} | \`${finding.rootMessageId ?? ''}\` | ${cell(finding.summary)} | ${cell(finding.action)} | ${evidenceText(report, finding)} | ${finding.occurrences} |`)
    }
  }
  if (report.connectors.length > 0) {
    out.push('', '## Connectors', '', '| Connector | Service | Server | State | Failures | Refreshes | Timeline |', '|---|---|---|---|---|---|---|')
    for (const connector of report.connectors) {
      const state = connector.restartLoop ? `${connector.state}: ${restartLoopText(connector.restartLoop)}` : connector.state
      out.push(`| ${cell(connector.name)} | ${connector.service ?? ''} | ${connector.server ?? ''} | ${cell(state)} | ${connector.failures} | ${connector.refreshes} | ${cell(timelineSummaryText(summariseTimeline(connector)))} |`)
    }
    if (options.timeline) {
      out.push('', '## Timelines')
      for (const connector of report.connectors) {
        out.push('', `### ${connector.name}`, '')
        if (connector.omittedEvents > 0) out.push(`${counted(connector.omittedEvents, 'earlier event')} left out; the log has them all.`, '')
        for (const event of connector.events) out.push(`- ${eventText(report, event)}`)
      }
    }
  }
  return `${out.join('\n')}\n`
}
