import type { AuditRecord, MessageSource } from '../../../../shared/models/audit'
import { lookupMessage } from '../../../../shared/knowledge/lookup'
import { useAppStore } from '../../store'
import { evidenceKey, recordRef } from '../../store/logs-slice'
import { SOURCE_INFO } from '../../../../shared/troubleshooting/sources'
import { recordTime, severityOf, toneIcon, toneOf } from './log-view'

const LIFECYCLE_LABEL: Record<Exclude<MessageSource, keyof typeof SOURCE_INFO>, string> = {
  lifecycle: 'Normal operation',
  nested: 'Read the nested message'
}

/**
 * Beside the viewer: the selected record in full, and what the knowledge base knows about each of
 * its message IDs (meaning, likely source, action). Pin it as evidence or filter to its connector.
 */
export function RecordDetails({ owner, egeriaMajor }: { owner: string; egeriaMajor?: number }): React.JSX.Element {
  const record = useAppStore((state) => state.logs[owner]?.selectedRecord)
  const pins = useAppStore((state) => state.logs[owner]?.pins)
  const inputs = useAppStore((state) => state.logs[owner]?.session?.report.inputs)
  const togglePin = useAppStore((state) => state.togglePin)
  const setFilters = useAppStore((state) => state.setLogFilters)
  if (!record) {
    return (
      <aside className="record-details" aria-label="Selected record">
        <p className="muted">
          Select a line to see it in full, with what its message IDs mean and what to do. Keys: <kbd>↑</kbd> <kbd>↓</kbd> move,{' '}
          <kbd>e</kbd> / <kbd>E</kbd> next or previous error, <kbd>p</kbd> pin as evidence.
        </p>
      </aside>
    )
  }
  const pinned = pins?.some((pin) => pin.key === evidenceKey(recordRef(record))) ?? false
  const severity = severityOf(record)
  const source = (record.file ?? inputs?.[record.input]?.path ?? '').split(/[\\/]/).pop()
  return (
    <aside className="record-details" aria-label="Selected record">
      <div className="details-actions">
        <button type="button" aria-pressed={pinned} onClick={() => togglePin(owner, record)} aria-keyshortcuts="P">
          <span aria-hidden="true">{pinned ? '★ ' : '☆ '}</span>
          {pinned ? 'Pinned as evidence' : 'Pin as evidence'}
        </button>
        {record.connector && (
          <button type="button" onClick={() => setFilters(owner, { connector: record.connector })}>
            Only this connector
          </button>
        )}
        {record.messageId && (
          <button type="button" onClick={() => setFilters(owner, { messageId: record.messageId })}>
            Only this message ID
          </button>
        )}
      </div>
      <dl className="record-facts">
        <dt>Severity</dt>
        <dd>
          <span className={`sev sev-${toneOf(severity)}`}>
            <span aria-hidden="true">{toneIcon(toneOf(severity))} </span>
            {severity}
          </span>
        </dd>
        {record.time && (
          <>
            <dt>Time</dt>
            <dd>{recordTime(record.time)} UTC</dd>
          </>
        )}
        {record.server && (
          <>
            <dt>Server</dt>
            <dd>{record.server}</dd>
          </>
        )}
        {record.connector && (
          <>
            <dt>Connector</dt>
            <dd>{record.connector}</dd>
          </>
        )}
        <dt>Where</dt>
        <dd>
          {source}, line {record.firstLine}
          {record.lastLine > record.firstLine && `–${record.lastLine}`}
        </dd>
      </dl>
      <p className="record-text">{record.text}</p>
      {record.exceptionClass && (
        <p className="muted small">
          <code>{record.exceptionClass}</code>
          {record.exceptionMessage && `: ${record.exceptionMessage}`}
        </p>
      )}
      {record.stackTrace && record.stackTrace.length > 0 && (
        <details className="stack">
          <summary>Stack trace ({record.stackTrace.length} lines)</summary>
          <pre>{record.stackTrace.join('\n')}</pre>
        </details>
      )}
      <MessageMeanings record={record} egeriaMajor={egeriaMajor} />
    </aside>
  )
}

function MessageMeanings({ record, egeriaMajor }: { record: AuditRecord; egeriaMajor?: number }): React.JSX.Element | null {
  if (record.messageIds.length === 0) return null
  return (
    <section className="meanings" aria-label="What the message IDs mean">
      <h4>What it means</h4>
      {record.messageIds.map((id) => {
        const entry = lookupMessage(id, egeriaMajor)
        const source = entry && (entry.source in SOURCE_INFO ? SOURCE_INFO[entry.source as keyof typeof SOURCE_INFO] : undefined)
        return (
          <div key={id} className="meaning">
            <code className="message-id">{id}</code>
            {entry ? (
              <>
                <span className="muted small">
                  {' '}
                  {source ? (
                    <>
                      <span aria-hidden="true">{source.icon} </span>
                      {source.label}
                    </>
                  ) : (
                    LIFECYCLE_LABEL[entry.source as keyof typeof LIFECYCLE_LABEL]
                  )}
                </span>
                <p>{entry.meaning}</p>
                {entry.source !== 'lifecycle' && (
                  <p className="meaning-action">
                    <strong>Action:</strong> {entry.action}
                  </p>
                )}
              </>
            ) : (
              <p className="muted">Not in Daemon Doctor’s catalogue: search Egeria’s message catalogue for this ID.</p>
            )}
          </div>
        )
      })}
    </section>
  )
}
