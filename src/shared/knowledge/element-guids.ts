/**
 * Egeria names the elements a call was about by their GUIDs, and a GUID never says why the call failed:
 * failures are classified with every GUID read as ANY_GUID, so connectors failing on element after
 * element are one failure to the knowledge base (and to the diagnosis's memo of classifications).
 */
import { isHexDigit, isWordChar } from '../char-codes'

/** What every standalone GUID reads as when a failure is classified. */
export const ANY_GUID = '00000000-0000-0000-0000-000000000000'

const GUID_LENGTH = 36
const HYPHEN = 45
/** Where a GUID's hyphens are (8-4-4-4-12 hex digits). */
const HYPHENS = [8, 13, 18, 23]

/** The text with each standalone GUID as ANY_GUID; the text itself when it names none (most texts). */
export function withAnyGuid(text: string): string {
  let form: string | undefined
  let copied = 0
  // Texts hold few hyphens, and indexOf finds them fast: a GUID is only looked for around one.
  for (let hyphen = text.indexOf('-', HYPHENS[0]); hyphen !== -1; hyphen = text.indexOf('-', hyphen + 1)) {
    const start = hyphen - HYPHENS[0]!
    if (!isGuidAt(text, start)) continue
    // Joined, not built from an array: V8 copies the parts once, when the form is first compared or hashed.
    form = `${form ?? ''}${text.slice(copied, start)}${ANY_GUID}`
    copied = start + GUID_LENGTH
    hyphen = copied - 1
  }
  return form === undefined ? text : form + text.slice(copied)
}

/** Whether the text names a standalone GUID. */
export function namesGuid(text: string): boolean {
  return withAnyGuid(text) !== text
}

function isGuidAt(text: string, start: number): boolean {
  const end = start + GUID_LENGTH
  if (start < 0 || end > text.length) return false
  if (text.charCodeAt(start + 13) !== HYPHEN || text.charCodeAt(start + 18) !== HYPHEN || text.charCodeAt(start + 23) !== HYPHEN) return false
  if (start > 0 && isNamePart(text.charCodeAt(start - 1))) return false
  if (end < text.length && isNamePart(text.charCodeAt(end))) return false
  for (let index = start, hyphen = 0; index < end; index++) {
    const code = text.charCodeAt(index)
    if (index - start === HYPHENS[hyphen]) {
      if (code !== HYPHEN) return false
      hyphen++
    } else if (!isHexDigit(code)) return false
  }
  return true
}

/** A letter, digit, `_` or hyphen next to hex digits makes them part of a longer name, not a GUID. */
function isNamePart(code: number): boolean {
  return code === HYPHEN || isWordChar(code)
}
