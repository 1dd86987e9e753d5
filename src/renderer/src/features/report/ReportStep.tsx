import { useEffect, useMemo, useState } from 'react'
import { useAppStore } from '../../store'
import { selectPinnedEvidence } from '../../store/logs-slice'
import { JournalBrowser } from './JournalBrowser'
import { pinnedLine } from './pins'
import './report.css'
import { clockTime } from '../../lib/time'

/**
 * Step 5: the incident report (previewed exactly as saved) and the action journal. The report
 * quotes the evidence lines pinned in step 1.
 */
export function ReportStep({ connectionId }: { connectionId: string }): React.JSX.Element {
  const pinned = useAppStore(useMemo(() => selectPinnedEvidence(connectionId), [connectionId]))
  const pins = useMemo(() => pinned.map(pinnedLine), [pinned])
  const incident = useAppStore((state) => state.incidents[connectionId])
  const buildReport = useAppStore((state) => state.buildReport)
  const saveReport = useAppStore((state) => state.saveReport)
  const [view, setView] = useState<'formatted' | 'markdown'>('formatted')

  useEffect(() => {
    void buildReport(connectionId, pins)
  }, [buildReport, connectionId, pins])

  const report = incident?.report
  const loading = incident?.loading ?? true
  return (
    <div className="report-step">
      <section className="report-section" aria-labelledby="report-heading">
        <div className="report-header">
          <div>
            <h3 id="report-heading">Incident report</h3>
            <p className="muted report-summary" aria-live="polite">
              {loading && !report && 'Making the report from the audit log, the journal and the status now…'}
              {report && (
                <>
                  {report.summary.causes} cause{report.summary.causes === 1 ? '' : 's'}, {report.summary.findings} finding
                  {report.summary.findings === 1 ? '' : 's'}, {report.summary.pinned} pinned line{report.summary.pinned === 1 ? '' : 's'},{' '}
                  {report.summary.actions} action{report.summary.actions === 1 ? '' : 's'}
                  {report.summary.total !== undefined && <>; {report.summary.failing} of {report.summary.total} connectors failing now</>}
                  . Made {clockTime(report.generatedAt)}.
                </>
              )}
            </p>
          </div>
          <div className="toolbar">
            <button type="button" onClick={() => void buildReport(connectionId, pins)} disabled={loading}>
              <span aria-hidden="true">↻ </span>
              {loading ? 'Updating…' : 'Update'}
            </button>
            <button type="button" className="primary" disabled={!report} onClick={() => void saveReport(connectionId, 'markdown', pins)}>
              Save as Markdown
            </button>
            <button type="button" className="primary" disabled={!report} onClick={() => void saveReport(connectionId, 'html', pins)}>
              Save as HTML
            </button>
          </div>
        </div>

        {incident?.error && (
          <p className="callout error" role="alert">
            <span aria-hidden="true">✖ </span>
            The report could not be made: {incident.error.message} Check the connection in step 2 (Alt+2), then try again.
            <button type="button" onClick={() => void buildReport(connectionId, pins)}>
              Try again
            </button>
          </p>
        )}
        {report?.summary.gaps.map((gap) => (
          <p key={gap} className="callout warning">
            <span aria-hidden="true">⚠ </span>
            {gap}
          </p>
        ))}

        {report ? (
          <>
            <div className="segmented" role="group" aria-label="Preview as">
              <button type="button" aria-pressed={view === 'formatted'} onClick={() => setView('formatted')}>
                Formatted
              </button>
              <button type="button" aria-pressed={view === 'markdown'} onClick={() => setView('markdown')}>
                Markdown
              </button>
            </div>
            {view === 'formatted' ? (
              // The saved HTML itself, sandboxed: no script can run in it, whatever a log line says.
              <iframe className="report-preview" title="Incident report preview" sandbox="" srcDoc={report.html} />
            ) : (
              <pre className="report-preview report-markdown" tabIndex={0} aria-label="Incident report as Markdown">
                {report.markdown}
              </pre>
            )}
          </>
        ) : (
          !incident?.error && <div className="report-preview report-placeholder" aria-hidden="true" />
        )}
      </section>
      <JournalBrowser connectionId={connectionId} />
    </div>
  )
}
