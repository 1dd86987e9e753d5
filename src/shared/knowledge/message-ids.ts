/**
 * Egeria message IDs: audit IDs end in -NNNN, exception IDs in -HHH-NNN (the HTTP code in the middle).
 * The prefix has at least two parts, so `ISO-8601` or `UTF-8` are not mistaken for IDs.
 */
import { isCapital, isDigit, isWordChar } from '../char-codes'

const MESSAGE_ID = /\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+-(?:\d{3}-\d{3}|\d{4})(?![\w-])/y
/** An ID's number where a run of ID characters ends. */
const NUMBER_END = /-\d{3}(?:\d|-\d{3})(?![\w-])/g
const WHOLE_ID = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+-(?:\d{3}-\d{3}|\d{4})$/

export function isMessageId(token: string): boolean {
  return WHOLE_ID.test(token)
}

/**
 * Every distinct message ID in the texts, in order of appearance (outermost to innermost). An ID ends a
 * run of ID characters (`A-Z0-9-`) in its number (`-NNNN` or `-NNN-NNN`, then no word character or
 * hyphen), so the pattern is tried once, where that run's ID can start. Left to itself it would try every
 * capital of a text's class names and stack frames, and on a long run of ID characters that holds no ID,
 * every one of them to the run's end.
 */
export function extractMessageIds(...texts: (string | undefined)[]): string[] {
  const ids: string[] = []
  for (const text of texts) {
    if (!text) continue
    // test, not exec: no match arrays to make for every failure text; the number's hyphen is 5 or 8 before its end.
    NUMBER_END.lastIndex = 0
    while (NUMBER_END.test(text)) {
      const end = NUMBER_END.lastIndex
      const start = idStart(text, text.charCodeAt(end - 4) === 45 ? end - 8 : end - 5)
      if (start === -1) continue
      MESSAGE_ID.lastIndex = start
      if (!MESSAGE_ID.test(text)) continue
      const id = text.slice(start, end)
      if (!ids.includes(id)) ids.push(id)
    }
  }
  return ids
}

/**
 * Where the ID whose number starts at this hyphen must start, or -1 when none can: at the first capital
 * after a word boundary (the run's start, or a hyphen) among the ID characters before it with no two
 * hyphens in a row. A later start would leave a part of the prefix out, or the prefix without a hyphen.
 */
function idStart(text: string, hyphen: number): number {
  let first = hyphen
  while (first > 0 && isIdChar(text.charCodeAt(first - 1)) && !(text.charCodeAt(first - 1) === 45 && text.charCodeAt(first) === 45)) first--
  for (let start = first; start < hyphen; start++) {
    if (!isCapital(text.charCodeAt(start))) continue
    if (start === 0 || !isWordChar(text.charCodeAt(start - 1))) return start
  }
  return -1
}

/** `A-Z0-9-`: what a message ID is made of. */
function isIdChar(code: number): boolean {
  return isCapital(code) || isDigit(code) || code === 45
}
