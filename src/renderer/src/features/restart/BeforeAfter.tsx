/** The before/after comparison of an action: per connector, before → after with the outcome and the verdict. */
import { ACTION_LABELS, describeScope, type ActionReport, type ConnectorOutcomeKind } from '../../../../shared/models/daemon'
import { StatusPill } from './ActionParts'
import { clockTime } from '../../lib/time'

export const OUTCOME: Record<ConnectorOutcomeKind, { icon: string; label: string; tone: 'ok' | 'err' | 'warn' | 'neutral' }> = {
  recovered: { icon: '✔', label: 'Recovered', tone: 'ok' },
  healthy: { icon: '✔', label: 'Healthy', tone: 'ok' },
  'failing-new-error': { icon: '⚠', label: 'Failing with a new error', tone: 'warn' },
  'still-failing-same': { icon: '✖', label: 'Still failing, same error', tone: 'err' },
  'now-failing': { icon: '✖', label: 'Now failing', tone: 'err' },
  unchanged: { icon: '◌', label: 'Unchanged', tone: 'neutral' }
}

const SETTLE_NOTE: Record<ActionReport['settle'], string> = {
  settled: 'The connectors settled.',
  timeout: 'The connectors had not settled when Daemon Doctor stopped waiting: read the status again in a moment.',
  stopped: 'You stopped waiting: the outcome shows what was seen at that moment.',
  'not-verified': 'The status could not be read afterwards, so the outcome is not verified.'
}

function MessageId({ id }: { id?: string }): React.JSX.Element | null {
  return id ? <mark className="message-id">{id}</mark> : null
}

/** "Restart of 3 connectors worked: 3 recovered", counting outcomes in the order of `OUTCOME`. */
export function outcomeHeadline(report: ActionReport): string {
  const verb = ACTION_LABELS[report.action]
  const count = report.connectors.length
  const what =
    report.scope.kind === 'all' || report.scope.kind === 'daemon' ? describeScope(report.scope) : `${count} connector${count === 1 ? '' : 's'}`
  const parts = (Object.keys(OUTCOME) as ConnectorOutcomeKind[])
    .map((kind) => [kind, report.connectors.filter((entry) => entry.outcome === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${OUTCOME[kind].label.toLowerCase()}`)
  if (report.calls.length > 0 && report.calls.every((entry) => !entry.ok)) return `${verb} of ${what} failed: no call reached the daemon`
  return `${verb} of ${what} ${report.success ? 'worked' : 'did not fully work'}${parts.length ? `: ${parts.join(', ')}` : ''}`
}

export function BeforeAfter({ report, label }: { report: ActionReport; label: string }): React.JSX.Element {
  const seconds = Math.max(0, Math.round((Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 1000))
  const failedCalls = report.calls.filter((entry) => !entry.ok)
  return (
    <section className={`action-result ${report.success ? 'result-ok' : 'result-partial'}`} aria-label={label}>
      <p className="result-summary">
        <span aria-hidden="true">{report.success ? '✔ ' : '⚠ '}</span>
        <strong>{outcomeHeadline(report)}</strong>
      </p>
      <p className="muted small">
        Finished {clockTime(report.finishedAt)} after {seconds} s. {SETTLE_NOTE[report.settle]}
      </p>
      {failedCalls.length > 0 && (
        <ul className="action-failed-calls">
          {failedCalls.map((entry) => (
            <li key={entry.call}>
              <span aria-hidden="true">✖ </span>
              <code>{entry.call}</code>: {entry.error}
            </li>
          ))}
        </ul>
      )}
      {report.connectors.length > 0 && (
        <div className="before-after" role="list">
          <div className="ba-head" aria-hidden="true">
            <span>Before</span>
            <span />
            <span>After</span>
          </div>
          {report.connectors.map((entry) => {
            const outcome = OUTCOME[entry.outcome]
            return (
              <div key={entry.name} role="listitem" className={`ba-row act-tone-${outcome.tone}`} data-outcome={entry.outcome}>
                <div className="ba-title">
                  <strong className="ba-name">{entry.name}</strong>
                  <span className={`ba-outcome act-tone-${outcome.tone}`}>
                    <span aria-hidden="true">{outcome.icon}</span> {outcome.label}
                  </span>
                </div>
                <div className="ba-card ba-before">
                  <span className="visually-hidden">Before: </span>
                  <StatusPill status={entry.before} />
                  <MessageId id={entry.beforeMessageId} />
                </div>
                <svg className="ba-arrow" viewBox="0 0 48 16" aria-hidden="true" focusable="false">
                  <path d="M2 8 H40" />
                  <path d="M34 2 L44 8 L34 14" />
                </svg>
                <div className="ba-card ba-after">
                  <span className="visually-hidden">After: </span>
                  <StatusPill status={entry.after} />
                  <MessageId id={entry.afterMessageId} />
                </div>
                <p className="ba-verdict">{entry.verdict}</p>
              </div>
            )
          })}
        </div>
      )}
    </section>
  )
}
