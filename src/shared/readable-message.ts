/**
 * Failure messages made readable. Egeria pastes whole `Connection{…}` toString() dumps into
 * messages, which drown the sentence around them; the app folds them and highlights message IDs,
 * and the command line prints them folded.
 */
import { extractMessageIds } from './knowledge/message-ids'

export interface MessagePart {
  text: string
  messageId?: boolean
  /** A folded `Connection{…}` (or similar) object dump. */
  dump?: boolean
}

/**
 * Splits a failing message into text, message IDs and object dumps: Egeria pastes whole
 * `Connection{…}` toString() dumps into messages, which drown the sentence around them.
 */
export function messageParts(message: string): MessagePart[] {
  const parts: MessagePart[] = []
  let index = 0
  const dump = /\b[A-Z][A-Za-z]*\{/g
  while (index < message.length) {
    dump.lastIndex = index
    const match = dump.exec(message)
    if (!match) {
      parts.push(...withIds(message.slice(index)))
      break
    }
    const end = closingBrace(message, match.index + match[0].length - 1)
    if (end - match.index < 120) {
      parts.push(...withIds(message.slice(index, end)))
    } else {
      parts.push(...withIds(message.slice(index, match.index)))
      parts.push({ text: message.slice(match.index, end), dump: true })
    }
    index = end
  }
  return parts.filter((part) => part.text.length > 0)
}

function closingBrace(text: string, open: number): number {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++
    else if (text[i] === '}' && --depth === 0) return i + 1
  }
  return text.length
}

function withIds(text: string): MessagePart[] {
  const ids = extractMessageIds(text)
  if (ids.length === 0) return [{ text }]
  const parts: MessagePart[] = []
  let rest = text
  for (const id of ids) {
    const at = rest.indexOf(id)
    if (at < 0) continue
    parts.push({ text: rest.slice(0, at) }, { text: id, messageId: true })
    rest = rest.slice(at + id.length)
  }
  parts.push({ text: rest })
  return parts
}


/** The message with every long object dump folded to `Name{…}`: for one-line reports. */
export function foldDumps(message: string): string {
  return messageParts(message)
    .map((part) => (part.dump ? `${part.text.slice(0, part.text.indexOf('{'))}{…}` : part.text))
    .join('')
}
