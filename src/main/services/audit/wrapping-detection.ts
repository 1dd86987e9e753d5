/** Finds what wraps every line of an input (line-wrapping.ts) from its first lines. */
import { FILE_NAME, PREFIX_END, unwrapLine, type LineWrapping } from './line-wrapping'
import { afterCriTag, afterDockerPrefix, afterJournalPrefix, afterSourcePrefix } from './line-prefixes'
import { startsRecord } from './record-parser'

const SAMPLE_LINES = 100
/** Lines (not blank) of the sample that must have the wrapping. */
const WRAPPED_SHARE = 0.9

/**
 * The wrapping of a log whose first lines show one: nearly all of them have it and, but for a quote (which
 * no log writes), more of them start a record without it than with it. Undefined for a log as
 * it was written, or as tools the parser knows wrap it (line-prefixes.ts). The sample's last line may be
 * cut short: it still starts as it did.
 */
export function detectLineWrapping(sample: string): LineWrapping | undefined {
  const filled = sample
    .split('\n', SAMPLE_LINES)
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim().length > 0)
  if (filled.length === 0) return undefined
  const rawRecordStarts = filled.filter(startsRecordUnprefixed).length
  const width = Math.min(...filled.map((line) => /^[ \t]*/.exec(line)![0].length))
  const candidates: LineWrapping[] = [{ kind: 'numbered' }, { kind: 'quote' }, ...(width >= 2 ? [{ kind: 'indent', width } as const] : []), ...sharedPrefixes(filled)]
  for (const wrapping of candidates) {
    const starts = filled.map((line) => unwrapLine(wrapping, line, 0, line.length))
    if (starts.filter((start) => start > 0).length < filled.length * WRAPPED_SHARE) continue
    const recordStarts = filled.filter((line, index) => startsRecordUnprefixed(line.slice(starts[index]))).length
    if (recordStarts > rawRecordStarts || evidentWithoutRecords(wrapping, filled)) return wrapping
  }
  return undefined
}

/** The texts the first line starts with that nearly every line starts with, longest first. */
function sharedPrefixes(lines: readonly string[]): LineWrapping[] {
  const first = lines[0]!.slice(0, 100)
  const ends = [...first.matchAll(PREFIX_END)].map((match) => match.index + 1).reverse()
  return ends
    .map((end) => first.slice(0, end))
    // An indent or a quote is said by its own kind.
    .filter((prefix) => prefix.trim().length > 1 && lines.filter((line) => line.startsWith(prefix)).length >= lines.length * WRAPPED_SHARE)
    .map((prefix) => ({ kind: 'prefix', prefix }) as const)
}

/**
 * A wrapping that shows itself even where no line starts a record (a Python error, a notebook's output):
 * a quote, which no log writes; line numbers that keep rising; a file name (with a path or extension) before a colon.
 */
function evidentWithoutRecords(wrapping: LineWrapping, lines: readonly string[]): boolean {
  if (wrapping.kind === 'quote') return true
  if (wrapping.kind === 'prefix') return FILE_NAME.test(wrapping.prefix)
  if (wrapping.kind !== 'numbered' || lines.length < 3) return false
  const numbers = lines.map((line) => Number(/^[ \t]*(\d+)/.exec(line)?.[1] ?? NaN))
  return numbers.every((number, index) => index === 0 || number > numbers[index - 1]!)
}

/**
 * Whether a line starts a record once the prefixes the parser takes off itself are off, in the order
 * RecordParser.lineIn takes them: a docker time and CRI tag, or journalctl's; then the source's
 * (afterSourcePrefix). Lines so wrapped need no wrapping of their own.
 */
function startsRecordUnprefixed(line: string): boolean {
  const end = line.length
  let start = afterDockerPrefix(line, 0, end)
  start = start > 0 ? Math.max(start, afterCriTag(line, start, end)) : afterJournalPrefix(line, 0, end)
  return startsRecord(line.slice(afterSourcePrefix(line, start, end)))
}
