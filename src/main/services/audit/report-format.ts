/** Renders an AnalysisReport for a terminal (text) or for sharing (markdown). JSON is the report itself. */
import type { AnalysisReport, CauseSource, Finding, RestartLoop } from '../../../shared/models/audit'
import { sourceName } from '../../../shared/troubleshooting/sources'

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

export function formatText(report: AnalysisReport): string {
  const out: string[] = []
  out.push(`Analysed ${report.records} records (${report.auditRecords} audit, ${report.unparsedLines} unparsed lines) from ${report.inputs.length} input(s).`)
  if (report.servers.length > 0) out.push(`Servers: ${report.servers.join(', ')}`)
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
      out.push(`  ${connector.state.padEnd(17)} ${connector.name}${connector.service ? ` (${connector.service})` : ''} on ${connector.server ?? '?'}: ${connector.failures} failure(s), ${connector.refreshes} refresh(es)`)
      if (connector.restartLoop) out.push(`                    ${restartLoopText(connector.restartLoop)}`)
    }
  }
  return `${out.join('\n')}\n`
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

export function formatMarkdown(report: AnalysisReport): string {
  const out: string[] = ['# Daemon Doctor: audit log analysis', '']
  out.push(`${report.records} records (${report.auditRecords} audit, ${report.unparsedLines} unparsed lines); servers: ${report.servers.join(', ') || 'none'}.`, '')
  out.push('| Input | Format | Lines | Records |', '|---|---|---|---|')
  for (const input of report.inputs) out.push(`| ${cell(input.path)} | ${input.format} | ${input.lines} | ${input.records} |`)
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
    out.push('', '## Connectors', '', '| Connector | Service | Server | State | Failures | Refreshes |', '|---|---|---|---|---|---|')
    for (const connector of report.connectors) {
      const state = connector.restartLoop ? `${connector.state}: ${restartLoopText(connector.restartLoop)}` : connector.state
      out.push(`| ${cell(connector.name)} | ${connector.service ?? ''} | ${connector.server ?? ''} | ${cell(state)} | ${connector.failures} | ${connector.refreshes} |`)
    }
  }
  return `${out.join('\n')}\n`
}
