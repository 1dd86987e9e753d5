/** The incident report: what was wrong and what was done, for one connection, as Markdown and HTML. */
import { isFailedStatus, isHealthyStatus, type JournalEntry } from './daemon'

/** A log line the operator pinned as evidence in step 1; the renderer passes it in with its text. */
export interface PinnedEvidence {
  /** The input's display name (file name or "Pasted log"). */
  input: string
  line: number
  text: string
}

export interface IncidentReportOptions {
  pins?: PinnedEvidence[]
  /**
   * When this incident began (ISO time, the app's own clock: the guided flow for the connection was
   * opened). Only actions from then on are reported; older ones stay in the journal.
   */
  since?: string
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

/** Icon and tone of a connector status, as the report and the journal draw it (text always beside it). */
export function statusTone(status: string | undefined): { icon: string; tone: 'ok' | 'err' | 'neutral' } {
  if (!status) return { icon: '–', tone: 'neutral' }
  if (isFailedStatus(status)) return { icon: '✖', tone: 'err' }
  if (isHealthyStatus(status)) return { icon: '✔', tone: 'ok' }
  return { icon: '●', tone: 'neutral' }
}

export interface ComparisonRow {
  name: string
  before?: { status: string; messageId?: string }
  after?: { status: string; messageId?: string }
  outcome?: string
  verdict?: string
}

/** One row per connector the action touched, with its status before and after and the verdict. */
export function comparisonRows(entry: JournalEntry): ComparisonRow[] {
  const names = entry.outcome.connectors.length > 0 ? entry.outcome.connectors.map((connector) => connector.name) : entry.before.map((connector) => connector.name)
  return names.map((name) => {
    const before = entry.before.find((connector) => connector.name === name)
    const after = entry.after.find((connector) => connector.name === name)
    const outcome = entry.outcome.connectors.find((connector) => connector.name === name)
    return {
      name,
      ...(before ? { before: { status: before.status, messageId: before.failingMessageId } } : {}),
      ...(after ? { after: { status: after.status, messageId: after.failingMessageId } } : {}),
      ...(outcome ? { outcome: outcome.outcome, verdict: outcome.verdict } : {})
    }
  })
}
