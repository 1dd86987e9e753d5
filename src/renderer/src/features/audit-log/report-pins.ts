import { useMemo } from 'react'
import type { PinnedEvidence as ReportPin } from '../../../../shared/models/report'
import { useAppStore } from '../../store'
import { selectPinnedEvidence, type PinnedEvidence } from '../../store/logs-slice'

/** Pinned lines as the incident report quotes them: `file:line` and the record as it reads in the log. */
export function toReportPins(pins: PinnedEvidence[]): ReportPin[] {
  return pins.map((pin) => ({
    input: pin.ref.file ?? pin.source,
    line: pin.ref.line,
    text: [pin.time?.replace('T', ' ').replace(/\.\d+|Z$/g, ''), pin.server, pin.severity, pin.messageId, pin.text].filter(Boolean).join(' ')
  }))
}

/** The evidence pinned in step 1 of a connection, ready for the Report step. */
export function useReportPins(connectionId: string): ReportPin[] {
  const pins = useAppStore(selectPinnedEvidence(connectionId))
  return useMemo(() => toReportPins(pins), [pins])
}
