/**
 * The log search's regular expressions, run by RE2JS: its matching time is linear in the text, so
 * no pattern (`(a+)+$` on a line of a's) can freeze the process that searches. It knows no
 * look-around or back-references; such a pattern is refused with RE2's reason.
 */
import { RE2JS } from 're2js'
import type { Result } from './result'

export function compileSearchPattern(pattern: string, ignoreCase: boolean): Result<RE2JS, string> {
  try {
    return { ok: true, value: RE2JS.compile(pattern, ignoreCase ? RE2JS.CASE_INSENSITIVE : 0) }
  } catch (error) {
    return { ok: false, error: (error as Error).message.replace(/^error parsing regexp: /, '') }
  }
}

/** The non-empty matches in `text`, as [start, end) offsets. */
export function matchRanges(regex: RE2JS, text: string): [number, number][] {
  const ranges: [number, number][] = []
  const matcher = regex.matcher(text)
  while (matcher.find()) if (matcher.end() > matcher.start()) ranges.push([matcher.start(), matcher.end()])
  return ranges
}
