import type { AnalysisReport, Cause, Finding } from '../../../../shared/models/audit'
import { FirstFew } from '../../components/FirstFew'
import { AtFault, EvidenceButton } from './CauseParts'
import { connectorCount } from '../../../../shared/troubleshooting/failure-groups'
import { SOURCE_INFO } from '../../../../shared/troubleshooting/sources'

/**
 * The answer first: each cause (what is failing, where it comes from, which connectors it blocks and
 * what to do), then its findings, each with evidence lines one click away in the viewer.
 */
export function CausesPanel({ owner, report }: { owner: string; report: AnalysisReport }): React.JSX.Element {
  if (report.causes.length === 0) {
    const failed = report.connectors.filter((connector) => connector.failures > 0).length
    return (
      <section className="log-causes log-causes-none" aria-labelledby={`causes-${owner}`}>
        <h3 id={`causes-${owner}`}>
          <span aria-hidden="true">✔ </span>No failure found in this log
        </h3>
        <p className="muted">
          {report.records.toLocaleString()} record{report.records === 1 ? '' : 's'} read{failed > 0 ? `; ${connectorCount(failed)} logged failures that could not be classified` : ''}.
          If the daemon still misbehaves, check the connector status in the next step, or open the log of the metadata
          server it calls.
        </p>
      </section>
    )
  }
  return (
    <section className="log-causes" aria-labelledby={`causes-${owner}`}>
      <h3 id={`causes-${owner}`}>
        {report.causes.length === 1 ? 'One cause found' : `${report.causes.length} causes found`}
        {report.causes.length > 1 && <span className="muted small"> — what the others wait on first</span>}
      </h3>
      <ol className="log-cause-list">
        {report.causes.map((cause) => (
          <CauseCard key={`${cause.source}:${cause.subject}`} owner={owner} cause={cause} findings={report.findings.filter((finding) => cause.findings.includes(finding.id))} inputs={report.inputs.map((input) => input.path)} />
        ))}
      </ol>
    </section>
  )
}

function CauseCard({ owner, cause, findings, inputs }: { owner: string; cause: Cause; findings: Finding[]; inputs: string[] }): React.JSX.Element {
  const source = SOURCE_INFO[cause.source]
  return (
    <li className={`log-cause log-cause-${cause.source}`}>
      <div className="log-cause-head">
        <span className={`source-tag source-${cause.source}`}>
          <span aria-hidden="true">{source.icon} </span>
          {source.label}
        </span>
        <strong className="log-cause-verdict">{cause.verdict}</strong>
      </div>
      <p className="log-cause-meaning muted">{source.meaning}</p>
      {cause.candidates && (
        <p className="log-cause-candidates">
          <span className="muted">Could be:</span> {cause.candidates.map((candidate) => SOURCE_INFO[candidate].label).join(' or ')}
        </p>
      )}
      <AtFault cause={cause} />
      <p className="log-cause-action">
        <span aria-hidden="true">→ </span>
        <strong>What to do:</strong> {cause.action}
      </p>
      <div className="evidence-links" role="group" aria-label="Evidence">
        <span className="muted small">{findings.length > 0 ? 'Evidence:' : 'Evidence: what the log does not say (no shutdown messages at its end)'}</span>
        <FirstFew items={findings} noun="findings">
          {(finding) => <EvidenceButton key={finding.id} owner={owner} evidence={finding.evidence[0]!} inputs={inputs} prefix={finding.connector ?? finding.subject} />}
        </FirstFew>
      </div>
      <details className="findings">
        <summary>
          {findings.length === 1 ? 'The finding' : `${findings.length} findings`} in detail
        </summary>
        <ul>
          {findings.map((finding) => (
            <li key={finding.id}>
              <div>{finding.summary}</div>
              <div className="muted small">
                {finding.rootMessageId && <code>{finding.rootMessageId}</code>} {finding.occurrences > 1 && `· seen ${finding.occurrences} times`}
                {finding.firstSeen && ` · first ${finding.firstSeen.replace('T', ' ').replace(/\.\d+|Z$/g, '')} UTC`}
              </div>
              <div className="evidence-links">
                {finding.evidence.map((ref) => (
                  <EvidenceButton key={`${ref.input}:${ref.line}:${ref.file ?? ''}`} owner={owner} evidence={ref} inputs={inputs} />
                ))}
              </div>
            </li>
          ))}
        </ul>
      </details>
    </li>
  )
}
