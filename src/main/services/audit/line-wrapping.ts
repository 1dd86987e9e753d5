/**
 * What a person's tools put before every line of a log they pass on: an indent (a log pasted as a Markdown
 * code block), a quote (`> `, a mail or forum reply), line numbers (`grep -n`, `cat -n`), or the same text
 * on every line (a file name from `grep` over several files, a pod and container from `stern`). Found from
 * the input's first lines (wrapping-detection.ts), then taken off each line that has it.
 */

/** How every line of an input is wrapped. Data, so that a thread parsing ahead could be told. */
export type LineWrapping = { kind: 'indent'; width: number } | { kind: 'quote' } | { kind: 'numbered' } | { kind: 'prefix'; prefix: string }

/** `grep -n` (`12:` a match, `12-` a line around one) and `cat -n` (`    12\t`). */
const NUMBERED = /[ \t]*\d+[:\t-]/y
const QUOTE = />(?: |$)/y
/** After `grep`'s file name, with -n. */
const FILE_LINE_NUMBER = /(?:\d+:)?/y
/** A file name as `grep` prints it before each line: a path or an extension, then a colon. */
export const FILE_NAME = /^[^\s:]*(?:[/\\][^\s:]*|\.\w{1,5}):$/
/** Where a text on every line may end: after a colon, a space or a bar, within the first 100 characters. */
export const PREFIX_END = /:|[ |](?=[^ ])/g

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
    case 'prefix': {
      if (!text.startsWith(wrapping.prefix, start) || start + wrapping.prefix.length > end) return start
      // With -n, grep puts the line number and a colon after the file name.
      const after = start + wrapping.prefix.length
      return FILE_NAME.test(wrapping.prefix) ? matchAt(FILE_LINE_NUMBER, text, after, end) : after
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
    case 'prefix':
      return `Every line began with "${wrapping.prefix.trimEnd()}": read without it.`
  }
}
