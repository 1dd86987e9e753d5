/**
 * The integration connector a message names: `… connector [named|called] NAME …`, or the name where
 * 0036/0037 say `integration service NAME method`, for the IDs whose texts name one (id-families.ts).
 * Heartbeats name their connectors on most lines of a large log, so a console header remembers the
 * names its lines gave and checks the predicted one in place (connectorNameOf).
 */
import { idFamilyOf } from '../../../shared/knowledge/id-families'
import { internString } from './own-string'
import { holdsAt } from './text-in-place'

/** Name characters by char code: letters, digits, `_`, `.`, `:`, `-` (a table: this scans every heartbeat). */
const NAME_CHARS = new Uint8Array(128)
for (const code of '_.:-'.split('').map((char) => char.charCodeAt(0))) NAME_CHARS[code] = 1
for (let code = 48; code <= 57; code++) NAME_CHARS[code] = 1
for (let code = 65; code <= 90; code++) NAME_CHARS[code] = NAME_CHARS[code + 32] = 1
function isNameChar(code: number): boolean {
  return code < 128 && NAME_CHARS[code] === 1
}
function isTrailingPunctuation(code: number): boolean {
  return code === 46 || code === 44 || code === 58 || code === 45
}
// The words after `connector ` that start a phrase, not a name: `connector provider org.…`, `connector context manager`, `connector refresh thread`.
const CONNECTOR_STOP_WORDS = new Set(['is', 'method', 'has', 'was', 'configuration', 'for', 'thread', 'that', 'in', 'with', 'provider', 'context', 'refresh'])

/** Whether an ID's text names an integration connector, per ID (interned by the parser, so its hash is cached): this runs for every record. */
const connectorIdMemo = new Map<string, boolean>()

export function namesConnector(messageId: string): boolean {
  let known = connectorIdMemo.get(messageId)
  if (known === undefined) {
    known = idFamilyOf(messageId)?.namesConnector === true
    if (connectorIdMemo.size > 10_000) connectorIdMemo.clear()
    connectorIdMemo.set(messageId, known)
  }
  return known
}

export function connectorNameFromText(messageId: string, text: string): string | undefined {
  return namesConnector(messageId) ? connectorNameIn(text) : undefined
}

/** The connector a message text names, for an ID whose texts name one. */
function connectorNameIn(text: string): string | undefined {
  const start = connectorNameStart(text, 0, text.length)
  return start !== -1 ? text.slice(start, nameEnd) : serviceNamedIn(text)
}

/** INTEGRATION-DAEMON-SERVICES-0036/0037 put the connector's name where their text says `integration service {0} method {1}`. */
function serviceNamedIn(text: string): string | undefined {
  const service = text.indexOf('integration service ')
  if (service === -1) return undefined
  const start = service + 20
  let end = start
  while (end < text.length && isNameChar(text.charCodeAt(end))) end++
  return end > start && text.startsWith(' method ', end) ? text.slice(start, end) : undefined
}

/** Where the name connectorNameStart found ends (a second result, without an object per heartbeat). */
let nameEnd = 0

/**
 * Where the name in `… connector [named|called] NAME …` starts in `text` from `from` to `to`, or -1:
 * the first `connector ` followed by a name that is no stop word. Scanned by hand: this runs for every heartbeat.
 */
function connectorNameStart(text: string, from: number, to: number): number {
  let at = text.indexOf('connector ', from)
  while (at !== -1 && at + 10 <= to) {
    let start = at + 10
    if (holdsAt(text, start, to, 'named ')) start += 6
    else if (holdsAt(text, start, to, 'called ')) start += 7
    if (start < to && text.charCodeAt(start) === 39) start++ // a quoted name
    let end = start
    while (end < to && isNameChar(text.charCodeAt(end))) end++
    while (end > start && isTrailingPunctuation(text.charCodeAt(end - 1))) end--
    // Stop words are lowercase: a name starting otherwise skips the set lookup.
    const head = text.charCodeAt(start)
    if (end > start && (head < 97 || head > 122 || !CONNECTOR_STOP_WORDS.has(text.slice(start, end)))) {
      nameEnd = end
      return start
    }
    at = text.indexOf('connector ', at + 10)
  }
  return -1
}

/** A connector name one header's lines gave, as one string, and the name its next line gave. */
interface NameNode {
  name: string
  next?: NameNode
  /** The words before the name and the name, for the words it was made with (see isNamedAt). */
  phrase?: string
  phraseBefore?: string
}

/**
 * The connector names of one header's lines. Heartbeats name their connectors in a cycle, after the same
 * words: the name the last one's successor had, or the last one, is checked in place, after a compare of
 * those words, before any search; and a name is one interned string, found in the diagnosis's maps by
 * the hash it has.
 */
export interface HeaderNames {
  /** The message text before the name, the last time a name was found in it. */
  before: string
  last: NameNode | undefined
  byName: Map<string, NameNode>
}

/** The connector named by a console line's message, `text` from `start` to `end`, of a header whose IDs name one. */
export function connectorNameOf(header: NamesHolder, text: string, start: number, end: number): string | undefined {
  const names = header.names
  if (names !== undefined) {
    const last = names.last
    const predicted = last?.next
    if (predicted !== undefined && isNamedAt(text, start, end, names.before, predicted)) return (names.last = predicted).name
    if (last !== undefined && isNamedAt(text, start, end, names.before, last)) return last.name
  }
  const nameStart = connectorNameStart(text, start, end)
  if (nameStart === -1) {
    const name = serviceNamedIn(text.slice(start, end))
    return name === undefined ? undefined : internString(name)
  }
  const found = header.names ?? (header.names = { before: '', last: undefined, byName: new Map() })
  const before = text.slice(start, nameStart)
  if (before !== found.before) found.before = internString(before)
  const name = text.slice(nameStart, nameEnd)
  let node = found.byName.get(name)
  if (node === undefined) {
    if (found.byName.size >= 4096) found.byName.clear()
    node = { name: internString(name) }
    found.byName.set(node.name, node)
  }
  if (found.last !== undefined) found.last.next = node
  found.last = node
  return node.name
}

/**
 * Whether the text at `start` is `before` and then the whole of the node's name (no more name characters
 * follow). The words before the name being last time's, the search would pass them as it did then, and
 * find this name. One compare of both, made once per name and words.
 */
function isNamedAt(text: string, start: number, end: number, before: string, node: NameNode): boolean {
  if (node.phraseBefore !== before) {
    node.phrase = before + node.name
    node.phraseBefore = before
  }
  const after = start + node.phrase!.length
  return holdsAt(text, start, end, node.phrase!) && (after === end || !isNameChar(text.charCodeAt(after)))
}

/** What holds a header's connector names (the parser's console header). */
export interface NamesHolder {
  /** Its lines' connector names, once a line named one. */
  names?: HeaderNames
}
