import { useState } from 'react'
import { useAppStore } from '../../store'
import { NO_FILTERS, type LogView } from '../../store/logs-slice'
import { severityChoices } from './log-view'

/** Filters by severity (toggle chips with counts), server, connector and message ID. */
export function LogFilterBar({ owner, view }: { owner: string; view: LogView }): React.JSX.Element {
  const setFilters = useAppStore((state) => state.setLogFilters)
  const report = view.session!.report
  const { filters } = view
  const choices = severityChoices(report.severityCounts)
  const connectors = report.connectors.map((connector) => connector.name).sort()
  const filtered = filters.severities.length > 0 || filters.server || filters.connector || filters.messageId
  const toggle = (severity: string): void =>
    setFilters(owner, {
      severities: filters.severities.includes(severity) ? filters.severities.filter((s) => s !== severity) : [...filters.severities, severity]
    })
  const knownIds = [...new Set(report.findings.flatMap((finding) => finding.messageIds))]

  return (
    <div className="filter-bar">
      <div role="group" aria-label="Severity" className="severity-chips">
        {choices.map((choice) => (
          <button
            key={choice.severity}
            type="button"
            className={`chip sev-chip sev-${choice.tone}`}
            aria-pressed={filters.severities.includes(choice.severity)}
            onClick={() => toggle(choice.severity)}
          >
            {choice.severity} <span className="chip-count">{choice.count.toLocaleString()}</span>
          </button>
        ))}
      </div>
      {report.servers.length > 1 && (
        <label className="inline-label">
          <span>Server</span>
          <select aria-label="Server" value={filters.server ?? ''} onChange={(event) => setFilters(owner, { server: event.target.value || undefined })}>
            <option value="">all</option>
            {report.servers.map((server) => (
              <option key={server}>{server}</option>
            ))}
          </select>
        </label>
      )}
      {connectors.length > 0 && (
        <label className="inline-label">
          <span>Connector</span>
          <select aria-label="Connector" value={filters.connector ?? ''} onChange={(event) => setFilters(owner, { connector: event.target.value || undefined })}>
            <option value="">all</option>
            {connectors.map((connector) => (
              <option key={connector}>{connector}</option>
            ))}
          </select>
        </label>
      )}
      <MessageIdFilter key={filters.messageId ?? ''} owner={owner} current={filters.messageId} knownIds={knownIds} />
      {filtered && (
        <button
          type="button"
          className="link-button"
          onClick={() => setFilters(owner, NO_FILTERS)}
        >
          Clear filters
        </button>
      )}
    </div>
  )
}

/** The message ID filter: typed freely, applied on Enter or leaving the field; it follows filters set elsewhere (keyed by them). */
function MessageIdFilter({ owner, current, knownIds }: { owner: string; current?: string; knownIds: string[] }): React.JSX.Element {
  const setFilters = useAppStore((state) => state.setLogFilters)
  const [messageId, setMessageId] = useState(current ?? '')
  const applyMessageId = (): void => {
    const id = messageId.trim().toUpperCase() || undefined
    if (id !== current) setFilters(owner, { messageId: id })
  }
  return (
    <div className="message-id-filter">
      <label htmlFor={`message-id-${owner}`}>Message ID</label>
      <input
        id={`message-id-${owner}`}
        list={`message-ids-${owner}`}
        value={messageId}
        placeholder="e.g. OMAG-MULTI-TENANT-404-001"
        onChange={(event) => setMessageId(event.target.value)}
        onBlur={applyMessageId}
        onKeyDown={(event) => {
          if (event.key === 'Enter') applyMessageId()
        }}
      />
      <datalist id={`message-ids-${owner}`}>
        {knownIds.map((id) => (
          <option key={id} value={id} />
        ))}
      </datalist>
    </div>
  )
}
