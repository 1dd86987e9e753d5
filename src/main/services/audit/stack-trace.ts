/**
 * What the diagnosis reads of a stack trace: its head and the lines that say something (causes, messages,
 * lines naming IDs), never the frames that only say where. The parser keeps just these lines when a
 * diagnosis is all that reads its records.
 */

/** Trace lines the diagnosis reads: the head and up to this many lines in all that are not frames, blank ones included. */
export const TRACE_LINES_READ = 39

/**
 * Whether `text.slice(start, end)` only says where (`at …`, `... 23 more`), told without a trimmed copy of
 * the line: most of a trace is frames.
 */
export function isFrameAt(text: string, start: number, end: number): boolean {
  let at = start
  while (at < end && (text.charCodeAt(at) === 32 || (text.charCodeAt(at) >= 9 && text.charCodeAt(at) <= 13))) at++
  if (at === end) return false
  const first = text.charCodeAt(at)
  if (first >= 128) {
    // Beyond ASCII, a Unicode space may be an indent too: trim decides.
    const trimmed = text.slice(start, end).trim()
    return trimmed.startsWith('at ') || trimmed.startsWith('...')
  }
  if (first === 46) return end - at >= 3 && text.startsWith('...', at)
  if (first !== 97 || end - at < 3 || !text.startsWith('at ', at)) return false
  // `at ` and something (a trimmed `at ` alone is no frame).
  const next = at + 3 < end ? text.charCodeAt(at + 3) : NaN
  return (next > 32 && next < 127) || text.slice(start, end).trimEnd().length > at - start + 2
}

/** Whether the diagnosis reads a trace's line at `position` (0 is its head): the head, and every line that is not a frame, up to TRACE_LINES_READ. */
export function readsTraceLineAt(position: number, text: string, start: number, end: number): boolean {
  return position === 0 || !isFrameAt(text, start, end)
}
