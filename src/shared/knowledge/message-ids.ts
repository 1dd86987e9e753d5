/**
 * Egeria message IDs: audit IDs end in -NNNN, exception IDs in -HHH-NNN (the HTTP code in the middle).
 * The prefix has at least two parts, so `ISO-8601` or `UTF-8` are not mistaken for IDs.
 */
const MESSAGE_ID = /\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+-(?:\d{3}-\d{3}|\d{4})(?![\w-])/g
const WHOLE_ID = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+-(?:\d{3}-\d{3}|\d{4})$/

export function isMessageId(token: string): boolean {
  return WHOLE_ID.test(token)
}

/** Every distinct message ID in the texts, in order of appearance (outermost to innermost). */
export function extractMessageIds(...texts: (string | undefined)[]): string[] {
  const ids: string[] = []
  for (const text of texts) {
    if (!text) continue
    // exec on the one global pattern: matchAll would clone the pattern and make an iterator per text, for every failure record.
    MESSAGE_ID.lastIndex = 0
    for (let match = MESSAGE_ID.exec(text); match; match = MESSAGE_ID.exec(text)) if (!ids.includes(match[0])) ids.push(match[0])
  }
  return ids
}
