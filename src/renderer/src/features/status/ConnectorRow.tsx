import { Fragment, memo } from 'react'
import type { ConnectorState } from '../../../../shared/models/daemon'
import { messageParts } from '../../../../shared/readable-message'
import { SOURCE_INFO } from '../../../../shared/troubleshooting/sources'
import { useAppStore } from '../../store'
import { RelatedLogLines } from '../audit-log/RelatedLogLines'
import { categoryOf, nameWords, timeLabel, type StatusCategory } from './status-view'

export const CATEGORY_ICON: Record<StatusCategory, string> = { failed: '✖', healthy: '✔', other: '◌' }

type RowProps = { connectionId: string; connector: ConnectorState; changed: boolean; now: number }

/** A row re-renders only when what it shows changed: a poll replaces every connector object. */
export const ConnectorRow = memo(ConnectorRowView, (before: RowProps, after: RowProps) =>
  before.changed === after.changed && before.now === after.now && sameRowContent(before.connector, after.connector))

function sameRowContent(a: ConnectorState, b: ConnectorState): boolean {
  return a.status === b.status && a.lastStatusChange === b.lastStatusChange && a.lastRefreshTime === b.lastRefreshTime &&
    a.failingMessage === b.failingMessage && a.refreshOverdue === b.refreshOverdue && a.service === b.service && a.group === b.group &&
    a.minMinutesBetweenRefresh === b.minMinutesBetweenRefresh && a.classification?.subject === b.classification?.subject
}

function ConnectorRowView({ connectionId, connector, changed, now }: RowProps): React.JSX.Element {
  const category = categoryOf(connector.status)
  const openConfiguration = useAppStore((state) => state.openConfiguration)
  return (
    <tr className={`connector-row row-${category}${changed ? ' just-changed' : ''}`}>
      <th scope="row">
        {nameWords(connector.name).map((word, index) => (
          <Fragment key={index}>
            {index > 0 && <wbr />}
            {word}
          </Fragment>
        ))}
        <div className="muted small">{connector.service ?? connector.group}</div>
        <button type="button" className="link-button small" aria-label={`Configuration of ${connector.name}`} onClick={() => void openConfiguration(connectionId, connector.name)}>
          Configuration…
        </button>
      </th>
      <td>
        <span className={`status-pill status-${category}`}>
          <span aria-hidden="true">{CATEGORY_ICON[category]} </span>
          {connector.status}
        </span>
        {changed && <span className="muted small"> changed</span>}
      </td>
      <td>
        <TimeCell iso={connector.lastStatusChange} now={now} />
      </td>
      <td>
        <TimeCell iso={connector.lastRefreshTime} now={now} />
        {connector.minMinutesBetweenRefresh !== undefined && (
          <div className="muted small">every {connector.minMinutesBetweenRefresh} min</div>
        )}
        {connector.refreshOverdue && (
          <div className="overdue">
            <span aria-hidden="true">⏱ </span>Refresh overdue
          </div>
        )}
      </td>
      <td className="failure-cell">
        {connector.classification && (
          <p className={`source source-${connector.classification.source}`}>
            <strong>{SOURCE_INFO[connector.classification.source].label}</strong>
            {connector.classification.subject && (
              <>
                {' '}
                <code>{connector.classification.subject}</code>
              </>
            )}
            {': '}
            {connector.classification.summary}
            <span className="action"> Next: {connector.classification.action}</span>
          </p>
        )}
        {connector.failingMessage && <FailingMessage message={connector.failingMessage} />}
        <RelatedLogLines connector={connector.name} lastStatusChange={connector.lastStatusChange} />
      </td>
    </tr>
  )
}

function TimeCell({ iso, now }: { iso?: string; now: number }): React.JSX.Element {
  const label = timeLabel(iso, now)
  return (
    <>
      <time dateTime={iso}>{label.absolute}</time>
      {label.age && <div className="muted small">{label.age}</div>}
    </>
  )
}

function FailingMessage({ message }: { message: string }): React.JSX.Element {
  return (
    <p className="failing-message">
      {messageParts(message).map((part, index) =>
        part.messageId ? (
          <mark key={index} className="message-id">
            {part.text}
          </mark>
        ) : part.dump ? (
          <details key={index} className="dump">
            <summary>{part.text.slice(0, part.text.indexOf('{'))}{'{…}'} ({part.text.length.toLocaleString()} characters)</summary>
            <code>{part.text}</code>
          </details>
        ) : (
          <span key={index}>{part.text}</span>
        )
      )}
    </p>
  )
}
