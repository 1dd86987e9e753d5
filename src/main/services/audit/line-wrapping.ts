/**
 * What a person's tools put before every line of a log they pass on: an indent (a log pasted as a Markdown
 * code block), a quote (`> `, a mail or forum reply), line numbers (`grep -n`, `cat -n`) or a file name
 * (`grep` over several files). Found from the input's first lines, then taken off each line that has it.
 */
import { DAY_NAMES } from './java-time'

/** How every line of an input is wrapped. Data, so that a thread parsing ahead could be told. */
export type LineWrapping = { kind: 'indent'; width: number } | { kind: 'quote' } | { kind: 'numbered' } | { kind: 'file'; prefix: string }

const LOG_TIME_START = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d/

/** A line that starts a record of its own: a JSON object at the margin, a console audit line, a timestamped log line. */
export function startsRecord(line: string): boolean {
  const first = line.charCodeAt(0)
  if (first === 123 /* { */) return true
  if (first >= 48 && first <= 57) return LOG_TIME_START.test(line)
  return line.charCodeAt(3) === 32 && line.charCodeAt(7) === 32 && DAY_NAMES.has(line.slice(0, 3))
}

/** `grep -n` (`12:` a match, `12-` a line around one) and `cat -n` (`    12\t`). */
const NUMBERED = /[ \t]*\d+[:\t-]/y
const QUOTE = />(?: |$)/y
const FILE_LINE_NUMBER = /(?:\d+:)?/y
/** `grep` over several files: `logs/egeria.log:` (then the line number with -n). */
const FILE_PREFIX = /^[^\s:]+:/
const PATH_LIKE = /[/\\]|\.\w{1,5}:$/
const SAMPLE_LINES = 100
/** Lines (not blank) of the sample that must have the wrapping. */
const WRAPPED_SHARE = 0.9

/**
 * The wrapping of a log whose first lines show one: nearly all of them have it and, but for a quote (which
 * no log writes), more of them start a record without it than with it. Undefined for a log as it was
 * written (its own records start lines). The sample's last line may be cut short: it still starts as it did.
 */
export function detectLineWrapping(sample: string): LineWrapping | undefined {
  const filled = sample
    .split('\n', SAMPLE_LINES)
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim().length > 0)
  if (filled.length === 0) return undefined
  const starts = filled.filter(startsRecord).length
  const prefix = FILE_PREFIX.exec(filled[0]!)?.[0]
  const width = Math.min(...filled.map((line) => /^[ \t]*/.exec(line)![0].length))
  const candidates: LineWrapping[] = [...(prefix ? [{ kind: 'file', prefix } as const] : []), { kind: 'numbered' }, { kind: 'quote' }, ...(width >= 2 ? [{ kind: 'indent', width } as const] : [])]
  for (const wrapping of candidates) {
    const unwrapped = filled.flatMap((line) => {
      const start = unwrapLine(wrapping, line, 0, line.length)
      return start === 0 ? [] : [line.slice(start)]
    })
    if (unwrapped.length < filled.length * WRAPPED_SHARE) continue
    if (unwrapped.filter(startsRecord).length > starts || evidentWithoutRecords(wrapping, filled)) return wrapping
  }
  return undefined
}

/**
 * A wrapping that shows itself even where no line starts a record (a Python error, a notebook's output):
 * a quote, which no log writes; line numbers that keep rising; a file name with a path or extension.
 */
function evidentWithoutRecords(wrapping: LineWrapping, lines: readonly string[]): boolean {
  if (wrapping.kind === 'quote') return true
  if (wrapping.kind === 'file') return PATH_LIKE.test(wrapping.prefix)
  if (wrapping.kind !== 'numbered' || lines.length < 3) return false
  const numbers = lines.map((line) => Number(/^[ \t]*(\d+)/.exec(line)?.[1] ?? NaN))
  return numbers.every((number, index) => index === 0 || number > numbers[index - 1]!)
}

/** Where the line `text.slice(start, end)` starts once its wrapping is taken off; `start` when it has none. */
export function unwrapLine(wrapping: LineWrapping, text: string, start: number, end: number): number {
  switch (wrapping.kind) {
    case 'indent': {
      let at = start
      while (at < end && at - start < wrapping.width && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at++
      return at
    }
    case 'quote':
      return matchAt(QUOTE, text, start, end)
    case 'numbered':
      return matchAt(NUMBERED, text, start, end)
    case 'file': {
      if (!text.startsWith(wrapping.prefix, start) || start + wrapping.prefix.length > end) return start
      // With -n, the line number and a colon follow the file name.
      return matchAt(FILE_LINE_NUMBER, text, start + wrapping.prefix.length, end)
    }
  }
}

function matchAt(pattern: RegExp, text: string, start: number, end: number): number {
  pattern.lastIndex = start
  return pattern.test(text) && pattern.lastIndex <= end ? pattern.lastIndex : start
}

/** What the reader says of a wrapping it took off, for the person who passed the log on. */
export function describeWrapping(wrapping: LineWrapping): string {
  switch (wrapping.kind) {
    case 'indent':
      return `Every line was indented by ${wrapping.width} characters (a pasted code block): read without the indent.`
    case 'quote':
      return 'Every line was quoted with "> ": read without the quote.'
    case 'numbered':
      return 'Every line was numbered (grep -n or cat -n): read without the numbers; line numbers here count the lines of this input.'
    case 'file':
      return `Every line began with "${wrapping.prefix}" (grep over files): read without it.`
  }
}
