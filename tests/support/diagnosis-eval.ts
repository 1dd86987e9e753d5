/**
 * Judges `analyze` on the real-log corpus (tests/fixtures/real-logs): each case's files are analysed
 * as one timeline, exactly as `daemon-doctor analyze <files…> --format json` does, and the report's
 * causes are compared with the case's `expected` block. Shared by `npm run eval:diagnosis` and
 * tests/real-logs.test.ts, so the table and the test cannot disagree.
 *
 * The rules:
 * - The top cause is `causes[0]`: the engine lists its causes best first. A case with
 *   `expected.multiFailure` is right when any cause matches.
 * - A cause matches when its source equals `expected.source` and its subject contains every
 *   `expected.subjectIncludes` string (case-insensitively).
 * - The engine gives an honest unknown when it reports no cause, or when its top cause has the
 *   source `undetermined`. For a case expected `undetermined`, that is the right answer.
 * - Anything else is wrong; a wrong answer on a case of high confidence is a confident wrong answer.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { analyzeSources } from '../../src/main/services/audit/analyze'
import { openInput } from '../../src/main/services/audit/log-reader'
import type { AnalysisReport, Cause } from '../../src/shared/models/audit'

export const REAL_LOGS_DIR = new URL('../fixtures/real-logs/', import.meta.url).pathname

export type CaseConfidence = 'high' | 'medium' | 'low'
/** The guide's three sources, `platform` (the OMAG Server Platform or a configuration document), or not established. */
export type ExpectedSource = 'connector' | 'third-party' | 'metadata-server' | 'platform' | 'undetermined'

export interface ExpectedDiagnosis {
  source: ExpectedSource
  subjectIncludes: string[]
  confidence: CaseConfidence
  multiFailure?: boolean
  why: string
}

export interface RealLogCase {
  file: string
  extra_files?: string[]
  source_url: string
  related_urls?: string[]
  egeria_version: string
  format: string
  truncated: boolean
  truth: unknown
  confidence: CaseConfidence
  notes: string
  expected: ExpectedDiagnosis
}

export type Verdict = 'right' | 'unknown' | 'wrong'

export interface CaseResult {
  name: string
  case: RealLogCase
  report: AnalysisReport
  /** The cause that decided, or the top one. */
  got: Cause | undefined
  verdict: Verdict
  /** Lines of each input that are in no record and not counted unparsed or blank (0 when all are accounted for). */
  unaccountedLines: number[]
}

export interface KnownGap {
  case: string
  /** What the engine answers today: `unknown` (no confident answer) or `wrong` (confidently wrong). */
  verdict: Exclude<Verdict, 'right'>
  reason: string
}

export function loadCases(): RealLogCase[] {
  return JSON.parse(readFileSync(join(REAL_LOGS_DIR, 'cases.json'), 'utf8')) as RealLogCase[]
}

export function loadKnownGaps(): KnownGap[] {
  return JSON.parse(readFileSync(join(REAL_LOGS_DIR, 'known-gaps.json'), 'utf8')) as KnownGap[]
}

export function caseName(realLogCase: RealLogCase): string {
  return realLogCase.file.replace(/\.[^.]+$/, '')
}

/** A case has an established truth unless the thread left the source open. */
export function isEstablished(realLogCase: RealLogCase): boolean {
  return realLogCase.expected.source !== 'undetermined'
}

export function isUndetermined(cause: Cause | undefined): boolean {
  return cause === undefined || (cause.source as string) === 'undetermined'
}

export function matches(cause: Cause, expected: ExpectedDiagnosis): boolean {
  const subject = cause.subject.toLowerCase()
  return (cause.source as string) === expected.source && expected.subjectIncludes.every((part) => subject.includes(part.toLowerCase()))
}

export function judge(expected: ExpectedDiagnosis, causes: Cause[]): { verdict: Verdict; got: Cause | undefined } {
  const top = causes[0]
  if (expected.source === 'undetermined') return { verdict: isUndetermined(top) ? 'right' : 'wrong', got: top }
  const candidates = expected.multiFailure ? causes : causes.slice(0, 1)
  const hit = candidates.find((cause) => matches(cause, expected))
  if (hit) return { verdict: 'right', got: hit }
  return { verdict: isUndetermined(top) ? 'unknown' : 'wrong', got: top }
}

/** Analyses a case's files together and judges the report; also counts lines no record or counter accounts for. */
export async function evaluateCase(realLogCase: RealLogCase): Promise<CaseResult> {
  const files = [realLogCase.file, ...(realLogCase.extra_files ?? [])]
  const sources = await Promise.all(files.map((file, index) => openInput(join(REAL_LOGS_DIR, file), index)))
  const recordLines = files.map(() => 0)
  const report = await analyzeSources(sources, {
    onRecord: (record) => {
      recordLines[record.input]! += record.lastLine - record.firstLine + 1
    }
  })
  const unaccountedLines = report.inputs.map((input, index) => input.lines - recordLines[index]! - input.unparsedLines - input.blankLines)
  return { name: caseName(realLogCase), case: realLogCase, report, ...judge(realLogCase.expected, report.causes), unaccountedLines }
}

export interface Summary {
  right: number
  total: number
  confidentWrongOnHigh: number
  honestUnknowns: number
}

export function summarise(results: CaseResult[]): Summary {
  return {
    right: results.filter((result) => result.verdict === 'right').length,
    total: results.length,
    confidentWrongOnHigh: results.filter((result) => result.verdict === 'wrong' && result.case.confidence === 'high').length,
    honestUnknowns: results.filter((result) => result.verdict === 'unknown').length
  }
}

export function summaryLine({ right, total, confidentWrongOnHigh, honestUnknowns }: Summary): string {
  const percent = total === 0 ? 0 : Math.round((right / total) * 100)
  return `${right}/${total} right (${percent}%), ${confidentWrongOnHigh} confident wrong on high-confidence cases, ${honestUnknowns} honest unknowns`
}

export function describeExpected(expected: ExpectedDiagnosis): string {
  return expected.subjectIncludes.length > 0 ? `${expected.source}: ${expected.subjectIncludes.join(' + ')}` : expected.source
}

export function describeGot(result: CaseResult): string {
  if (!result.got) return 'no cause'
  const more = result.report.causes.length > 1 ? ` (+${result.report.causes.length - 1} more)` : ''
  return `${result.got.source}: ${result.got.subject}${more}`
}
