import type { VirtualItem } from '@tanstack/react-virtual'
import { memo, useCallback, useMemo } from 'react'
import type { AuditRecord } from '../../../../shared/models/audit'
import { useAppStore } from '../../store'
import { evidenceKey, recordRef, type LogView } from '../../store/logs-slice'
import { highlightParts, recordTime, severityOf, toneIcon, toneOf, type SearchRow } from './log-view'
import type { RecordPages } from './record-pages'
import { ROW_HEIGHT } from './use-log-scroll'

interface Props {
  owner: string
  view: LogView
  items: VirtualItem[]
  /** The search results when only matching lines are listed; otherwise rows come from the pages. */
  rows: SearchRow[] | undefined
  pages: RecordPages
}

/** The rows the virtualiser puts on screen: records, placeholders for pages on their way, gaps between matches. */
export function LogRows({ owner, view, items, rows, pages }: Props): React.JSX.Element {
  const selectLogRecord = useAppStore((state) => state.selectLogRecord)
  const revealEvidence = useAppStore((state) => state.revealEvidence)
  const pinned = useMemo(() => new Set(view.pins.map((pin) => pin.key)), [view.pins])
  const onSelectRow = useCallback((index: number, record: AuditRecord) => selectLogRecord(owner, index, record), [owner, selectLogRecord])
  const onOpenRow = useCallback((record: AuditRecord) => void revealEvidence(owner, recordRef(record)), [owner, revealEvidence])
  return (
    <>
      {items.map((item) => {
        const row: SearchRow | undefined = rows?.[item.index]
        const style = { transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }
        if (row?.kind === 'gap') {
          return (
            <div key={item.key} className="log-row gap-row" style={style} role="option" aria-selected={false} id={`${owner}-row-${item.index}`}>
              ⋯ {row.skipped.toLocaleString()} record{row.skipped === 1 ? '' : 's'} not shown
            </div>
          )
        }
        const record = row ? row.record : pages.get(item.index)
        if (!record) {
          return (
            <div key={item.key} className="log-row placeholder" style={style} role="option" aria-selected={false} aria-busy="true" id={`${owner}-row-${item.index}`}>
              <span className="c-time">…</span>
            </div>
          )
        }
        return (
          <LogRow
            key={item.key}
            id={`${owner}-row-${item.index}`}
            index={item.index}
            start={item.start}
            record={record}
            selected={view.selected === item.index}
            pinned={pinned.has(evidenceKey(recordRef(record)))}
            context={row?.kind === 'context'}
            pattern={view.search.pattern}
            ignoreCase={view.search.ignoreCase}
            onSelect={onSelectRow}
            onOpen={row ? onOpenRow : undefined}
          />
        )
      })}
    </>
  )
}

interface RowProps {
  id: string
  index: number
  start: number
  record: AuditRecord
  selected: boolean
  pinned: boolean
  context: boolean
  pattern: string
  ignoreCase: boolean
  onSelect(index: number, record: AuditRecord): void
  onOpen?: (record: AuditRecord) => void
}

/** One record on one line; memoised, so scrolling re-renders only the rows that come into view. */
const LogRow = memo(function LogRow({ id, index, start, record, selected, pinned, context, pattern, ignoreCase, onSelect, onOpen }: RowProps): React.JSX.Element {
  const severity = severityOf(record)
  const tone = toneOf(severity)
  const parts = highlightParts(record.text, pattern, ignoreCase)
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      className={`log-row tone-row-${tone}${selected ? ' selected' : ''}${context ? ' context-row' : ''}`}
      style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
      onClick={() => onSelect(index, record)}
      onDoubleClick={onOpen ? () => onOpen(record) : undefined}
      title={onOpen ? 'Double-click (or Enter) to show this line in the whole log' : undefined}
    >
      <span className="c-pin" aria-label={pinned ? 'pinned' : undefined}>
        {pinned ? '★' : ''}
      </span>
      <span className="c-time">{recordTime(record.time)}</span>
      <span className={`c-sev sev sev-${tone}`}>
        <span aria-hidden="true">{toneIcon(tone)} </span>
        {severity}
      </span>
      <span className="c-server">{record.server ?? ''}</span>
      <span className="c-id">{record.messageId ?? ''}</span>
      <span className="c-text">
        {parts.map((part, partIndex) => (part.match ? <mark key={partIndex}>{part.text}</mark> : part.text))}
      </span>
    </div>
  )
})
