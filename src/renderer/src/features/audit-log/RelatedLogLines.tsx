import { useEffect, useState } from 'react'
import type { AuditRecord } from '../../../../shared/models/audit'
import { api } from '../../lib/api'
import { useAppStore } from '../../store'
import { recordRef } from '../../store/logs-slice'
import { recordTime, severityOf, toneIcon, toneOf } from './log-view'
import './audit-log.css'

/** Records shown before the status change and from it on. */
const BEFORE = 2
const FROM = 4

/**
 * The connector's audit log records around its last status change, from the connection's log
 * (step 1): what the daemon wrote when the connector failed or recovered.
 */
export function RelatedLogLines(props: { connectionId?: string; connector: string; lastStatusChange?: string }): React.JSX.Element | null {
  const { connector, lastStatusChange } = props
  // Inside the flow the connection is the one on screen, so the status table need not pass it down.
  const flowConnection = useAppStore((state) => (state.view.kind === 'flow' ? state.view.connectionId : ''))
  const connectionId = props.connectionId ?? flowConnection
  const session = useAppStore((state) => state.logs[connectionId]?.session)
  const version = useAppStore((state) => state.logs[connectionId]?.version ?? 0)
  const revealEvidence = useAppStore((state) => state.revealEvidence)
  const navigate = useAppStore((state) => state.navigate)
  const [open, setOpen] = useState(false)
  const [lines, setLines] = useState<{ records: AuditRecord[]; anchor: number }>()
  const sessionId = session?.id
  // Only connectors the log mentions get the disclosure; lines are fetched when it is opened, so a
  // table of thousands of connectors costs nothing while a followed log grows.
  const inLog = session?.report.connectors.some((timeline) => timeline.name === connector) ?? false

  useEffect(() => {
    if (!sessionId || !open) return
    let current = true
    void relatedRecords(sessionId, connector, lastStatusChange).then((found) => {
      if (current) setLines(found)
    })
    return () => {
      current = false
    }
  }, [sessionId, connector, lastStatusChange, version, open])

  if (!session || !inLog) return null
  const show = async (record: AuditRecord): Promise<void> => {
    navigate({ kind: 'flow', connectionId, step: 'audit-log' })
    await revealEvidence(connectionId, recordRef(record))
  }
  return (
    <details className="related-lines" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Audit log around {lastStatusChange ? 'the last status change' : 'its latest records'}</summary>
      {open && !lines && <p className="muted">Reading the log…</p>}
      {lines && lines.records.length === 0 && <p className="muted">No record of this connector is kept in the log.</p>}
      {lines && lines.records.length > 0 && (
        <ol>
          {lines.records.map((record, index) => {
            const tone = toneOf(severityOf(record))
            return (
              <li key={`${record.input}:${record.firstLine}`} className={index === lines.anchor ? 'anchor' : undefined}>
                <button type="button" className="link-button related-line" onClick={() => void show(record)} title="Show in the audit log (step 1)">
                  <span className="c-time">{recordTime(record.time).slice(11)}</span>{' '}
                  <span className={`sev sev-${tone}`}>
                    <span aria-hidden="true">{toneIcon(tone)} </span>
                    {severityOf(record)}
                  </span>{' '}
                  <code>{record.messageId}</code> {record.text.length > 160 ? `${record.text.slice(0, 160)}…` : record.text}
                </button>
              </li>
            )
          })}
        </ol>
      )}
    </details>
  )
}

/** The connector's records from just before its status change (or its latest records when the time is unknown). */
async function relatedRecords(sessionId: string, connector: string, time?: string): Promise<{ records: AuditRecord[]; anchor: number }> {
  const query = { connector }
  const located = time ? await api.logs.locate(sessionId, { kind: 'time', time }, query) : undefined
  if (located && !located.ok) return { records: [], anchor: -1 }
  const anchor = located?.ok ? located.value.position : undefined
  let offset: number
  if (anchor === undefined) {
    // No record at or after the change (or no time): the connector's latest records are the nearest.
    const probe = await api.logs.records(sessionId, { ...query, limit: 1 })
    if (!probe.ok || probe.value.total === 0) return { records: [], anchor: -1 }
    offset = Math.max(0, probe.value.total - BEFORE - FROM)
  } else {
    offset = Math.max(0, anchor - BEFORE)
  }
  const page = await api.logs.records(sessionId, { ...query, offset, limit: BEFORE + FROM })
  return page.ok ? { records: page.value.records, anchor: anchor === undefined ? -1 : anchor - offset } : { records: [], anchor: -1 }
}
