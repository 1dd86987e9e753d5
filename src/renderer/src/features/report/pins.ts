/** The lines pinned in step 1 (logs slice), as the incident report quotes them. */
import type { PinnedEvidence } from '../../../../shared/models/report'
import type { AppState } from '../../store'
import { selectPinnedEvidence, type PinnedRecord } from '../../store/logs-slice'

/** A line pinned in step 1 as the report quotes it: where it is, and the record as one line. */
export function pinnedLine(pin: PinnedRecord): PinnedEvidence {
  const messageId = pin.messageId && !pin.text.includes(pin.messageId) ? pin.messageId : undefined
  return {
    input: pin.ref.file ? `${pin.source}/${pin.ref.file}` : pin.source,
    line: pin.ref.line,
    text: [pin.time, pin.server, pin.severity, messageId, pin.text].filter(Boolean).join(' ')
  }
}

/** The connection's pinned lines, ready for `report.incident`. */
export function pinnedLinesOf(state: AppState, connectionId: string): PinnedEvidence[] {
  return selectPinnedEvidence(connectionId)(state).map(pinnedLine)
}
