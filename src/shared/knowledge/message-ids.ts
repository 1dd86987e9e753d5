/**
 * Egeria message IDs: audit IDs end in -NNNN, exception IDs in -HHH-NNN (the HTTP code in the middle).
 * The prefix has at least two parts, so `ISO-8601` or `UTF-8` are not mistaken for IDs.
 */
const MESSAGE_ID = /\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+-(?:\d{3}-\d{3}|\d{4})(?![\w-])/y
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
    for (let hyphen = text.indexOf('-'); hyphen !== -1; hyphen = text.indexOf('-', hyphen + 1)) {
      if (!endsId(text, hyphen)) continue
      const start = idStart(text, hyphen)
      if (start === -1) continue
      MESSAGE_ID.lastIndex = start
      const match = MESSAGE_ID.exec(text)
      if (!match) continue
      if (!ids.includes(match[0])) ids.push(match[0])
      hyphen = MESSAGE_ID.lastIndex - 1
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

/** Whether the ID number `-NNNN` or `-NNN-NNN` starts at this hyphen and ends before no word character or hyphen. */
function endsId(text: string, hyphen: number): boolean {
  if (!(isDigit(text.charCodeAt(hyphen + 1)) && isDigit(text.charCodeAt(hyphen + 2)) && isDigit(text.charCodeAt(hyphen + 3)))) return false
  const fourth = text.charCodeAt(hyphen + 4)
  if (isDigit(fourth)) return !isWordOrHyphen(text.charCodeAt(hyphen + 5))
  return fourth === 45 && isDigit(text.charCodeAt(hyphen + 5)) && isDigit(text.charCodeAt(hyphen + 6)) && isDigit(text.charCodeAt(hyphen + 7)) && !isWordOrHyphen(text.charCodeAt(hyphen + 8))
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

function isCapital(code: number): boolean {
  return code >= 65 && code <= 90
}

/** `A-Z0-9-`: what a message ID is made of. */
function isIdChar(code: number): boolean {
  return isCapital(code) || isDigit(code) || code === 45
}

/** `\w` (charCodeAt past the end gives NaN, which is not). */
function isWordChar(code: number): boolean {
  return isCapital(code) || (code >= 97 && code <= 122) || isDigit(code) || code === 95
}

function isWordOrHyphen(code: number): boolean {
  return isWordChar(code) || code === 45
}
