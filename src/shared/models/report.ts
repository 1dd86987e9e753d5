/** The incident report: what was wrong and what was done, for one connection, as Markdown and HTML. */

/** A log line the operator pinned as evidence in step 1; the renderer passes it in with its text. */
export interface PinnedEvidence {
  /** The input's display name (file name or "Pasted log"). */
  input: string
  line: number
  text: string
}

export interface IncidentReportOptions {
  pins?: PinnedEvidence[]
}

export interface IncidentReport {
  generatedAt: string
  /** A file name without extension, safe on every OS: add `.md` or `.html`. */
  fileBaseName: string
  title: string
  markdown: string
  /** A self-contained page: inline CSS, no scripts, no remote content. */
  html: string
  summary: {
    causes: number
    findings: number
    pinned: number
    actions: number
    /** Connectors failing now; absent when the status could not be read. */
    failing?: number
    total?: number
    /** Why the audit log or the status is missing from the report, when it is. */
    gaps: string[]
  }
}

/** Icon and words for a connector's outcome after an action: never colour alone. */
export const OUTCOME_LABELS: Record<string, { icon: string; text: string; tone: 'ok' | 'err' | 'neutral' }> = {
  recovered: { icon: '✔', text: 'Recovered', tone: 'ok' },
  healthy: { icon: '✔', text: 'Healthy', tone: 'ok' },
  unchanged: { icon: '●', text: 'Unchanged', tone: 'neutral' },
  'still-failing-same': { icon: '✖', text: 'Still failing (same error)', tone: 'err' },
  'failing-new-error': { icon: '✖', text: 'Failing with a new error', tone: 'err' },
  'now-failing': { icon: '✖', text: 'Now failing', tone: 'err' }
}

export function outcomeLabel(outcome: string): { icon: string; text: string; tone: 'ok' | 'err' | 'neutral' } {
  return OUTCOME_LABELS[outcome] ?? { icon: '●', text: outcome, tone: 'neutral' }
}
