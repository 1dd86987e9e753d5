/**
 * Analyses one or more log inputs as one timeline: records from every input are merged by time (each
 * input is read a chunk at a time), fed to the diagnosis, and summarised as an AnalysisReport.
 */
import type { AnalysisReport, AuditRecord, InputSummary } from '../../../shared/models/audit'
import { Diagnoser } from './diagnosis'
import { drain, type BetweenChunks, type InputResult, type RecordSource } from './log-reader'

export interface AnalyzeOptions {
  /** Sees every record in timeline order (for a viewer); keep nothing here to stay bounded. */
  onRecord?: (record: AuditRecord) => void
  /** Continue an existing diagnosis (a live tail feeds the same one). */
  diagnoser?: Diagnoser
  /** Called between chunks of input: to yield to the event loop, or to stop by throwing. */
  betweenChunks?: BetweenChunks
}

interface Cursor {
  source: RecordSource
  batches: AsyncGenerator<AuditRecord[], InputResult>
  batch: AuditRecord[]
  index: number
  /** Time of the last timed record, so untimed records (stack-less platform lines) keep their place. */
  lastTime: string
  result?: InputResult
}

export async function analyzeSources(sources: RecordSource[], options: AnalyzeOptions = {}): Promise<AnalysisReport> {
  const diagnoser = options.diagnoser ?? new Diagnoser()
  const consume = (record: AuditRecord): void => {
    options.onRecord?.(record)
    diagnoser.add(record)
  }
  if (sources.length === 1) {
    // One input needs no merging: records go to the diagnosis as they are parsed, and when nobody keeps
    // them, chatter goes without a record at all (most of a large log).
    const source = sources[0]!
    const { betweenChunks } = options
    const result = await drain(source, options.onRecord ? { record: consume, betweenChunks } : { record: consume, chatter: diagnoser.chatter, betweenChunks })
    return reportOf(diagnoser, [{ path: source.path, result }])
  }
  const cursors: Cursor[] = sources.map((source) => ({ source, batches: source.read(), batch: [], index: 0, lastTime: '' }))
  await mergeByTime(cursors, consume, options.betweenChunks)
  return reportOf(diagnoser, cursors.map(({ source, result }) => ({ path: source.path, result: result! })))
}

/** The report of a diagnosis so far, with per-input counts. */
export function reportOf(diagnoser: Diagnoser, results: { path: string; result: InputResult }[]): AnalysisReport {
  const diagnosis = diagnoser.finish()
  const inputs: InputSummary[] = results.map(({ path, result }) => ({
    path,
    format: result!.format,
    lines: result!.stats.lines,
    records: result!.stats.records,
    auditRecords: result!.stats.auditRecords,
    unparsedLines: result!.stats.unparsedLines,
    blankLines: result!.stats.blankLines,
    truncatedLines: result!.stats.truncatedLines,
    ...(result!.endOffset > 0 ? { endOffset: result!.endOffset } : {}),
    ...(result!.notes ? { notes: result!.notes } : {})
  }))
  return {
    records: sum(inputs.map((input) => input.records)),
    auditRecords: sum(inputs.map((input) => input.auditRecords)),
    unparsedLines: sum(inputs.map((input) => input.unparsedLines)),
    servers: diagnosis.servers,
    inputs,
    connectors: diagnosis.connectors,
    findings: diagnosis.findings,
    causes: diagnosis.causes,
    severityCounts: diagnosis.severityCounts
  }
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0)
}

/** Loads the next batch of a cursor; false when the input is exhausted. */
async function fill(cursor: Cursor, betweenChunks?: BetweenChunks): Promise<boolean> {
  while (cursor.index >= cursor.batch.length) {
    if (cursor.result) return false
    const pause = betweenChunks?.()
    if (pause) await pause
    const next = await cursor.batches.next()
    if (next.done) {
      cursor.result = next.value
      return false
    }
    cursor.batch = next.value
    cursor.index = 0
  }
  return true
}

async function mergeByTime(cursors: Cursor[], consume: (record: AuditRecord) => void, betweenChunks?: BetweenChunks): Promise<void> {
  let live = (await Promise.all(cursors.map((cursor) => fill(cursor, betweenChunks)))).map((ok, index) => (ok ? cursors[index]! : undefined)).filter((c): c is Cursor => !!c)
  while (live.length > 0) {
    let best = live[0]!
    let bestTime = headTime(best)
    for (let index = 1; index < live.length; index++) {
      const time = headTime(live[index]!)
      if (time < bestTime) {
        best = live[index]!
        bestTime = time
      }
    }
    const record = best.batch[best.index++]!
    if (record.time) best.lastTime = record.time
    consume(record)
    if (best.index >= best.batch.length && !(await fill(best, betweenChunks))) live = live.filter((cursor) => cursor !== best)
  }
}

function headTime(cursor: Cursor): string {
  return cursor.batch[cursor.index]!.time ?? cursor.lastTime
}
