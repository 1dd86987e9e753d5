/**
 * What a failure text names: the one set of subject patterns (host:port, URLs, JDBC URLs, Kafka
 * bootstrap servers, topics, cohorts, files, Egeria servers, classes and jars, databases and users,
 * TLS). Message entries and fallback rules pick kinds from here (or name one of subject-patterns.ts);
 * nothing else keeps its own copy.
 */
import { isDigit } from '../char-codes'
import type { LiteralScan } from './literal-scan'
import { anyLiteralTest } from './literals'
import { DIRECTORY, HOST_PORT, SERVER_NAME } from './subject-patterns'

export type SubjectKind =
  | 'jdbc-url' | 'kafka-bootstrap' | 'url' | 'host-port' | 'host' | 'port' | 'topic' | 'cohort' | 'path'
  | 'server' | 'class' | 'jar' | 'database' | 'user' | 'tls'

/** The daemon's own start-up texts: the metadata server it calls (`… server cocoMDS1 on platform https://…`), its OMIS service, its integration group. */
export const PARTNER_SERVER = /server ([\w.-]+) on platform (\S+)/
export const SERVICE_NAME = /integration service ([A-Z][\w ]*?) OMIS/
export const GROUP_NAME = /integration group ([\w:.-]+)/

/** Each kind's patterns, tried in order; group 1 is the subject (or group 1 and 2, joined by `:`). */
const PATTERNS: Record<SubjectKind, RegExp[]> = {
  'jdbc-url': [/\b(jdbc:[a-z0-9]+:[^\s'",;)\]}]+)/i],
  'kafka-bootstrap': [
    /bootstrap[._ ]servers?['"]?\s*[=:]\s*\[?['"]?((?:[\w.-]+:\d{2,5},?)+)/i,
    /Kafka brokers? at \[?([\w.-]+:\d{2,5})/i
  ],
  url: [/\b(https?:\/\/[\w.-]+(?::\d{2,5})?)/],
  'host-port': [new RegExp(HOST_PORT), /host='([\w.-]+)', port=(\d{2,5})/],
  host: [/UnknownHostException:? ([\w.-]+)/, /(?:resolve|unknown) host:? '?([\w.-]+)/i, /host='([\w.-]+)'/],
  port: [/(?:port|Port)\(?s?\)?:? (\d{2,5})\b/, /Address already in use.*?:(\d{2,5})/],
  topic: [/[Tt]opic '?([\w.-]+\.[\w.-]+)'?/],
  cohort: [/cohort '?([\w-]+)'?/i, /\.cohort\.([\w-]+)\./],
  path: [new RegExp(DIRECTORY), /(?:NoSuchFileException|FileNotFoundException|AccessDeniedException):? (\S+)/, /(?:file|File) '?(\/[^\s']+)/],
  server: [new RegExp(SERVER_NAME), /\b(?:on|to) (?:OMAG )?[Ss]erver '?([\w.-]+?)'?(?:[\s;,.]|$)/, /\/servers\/([\w.-]+)\//],
  class: [
    /(?:ClassNotFoundException|NoClassDefFoundError)(?: with message)?:? ([\w$]+(?:[./][\w$]+)+)/,
    /(?:Invalid Connector class|Unknown Connector Provider class|connector provider class|not of the correct type:?) ([\w$]+(?:\.[\w$]+)+)/i,
    /(?:class name|class) ([a-z][\w$]*(?:\.[\w$]+){2,})/
  ],
  // Each match starts where a run of name characters does: from inside the run it would scan the rest of it again (quadratic on a long run).
  jar: [/(?<![\w.-])([\w.-]+\.jar)\b/, /LOADER_PATH[= ]+(\S+)/],
  database: [/database "?'?([\w.-]+)"?'? does not exist/i, /jdbc:[a-z0-9]+:\/\/[^/\s]+\/([\w-]+)/i],
  user: [/authentication failed for user "?'?([\w.@-]+)/i, /Access denied for user '?([\w.@-]+)/i],
  tls: [/(keystore|truststore|key store|trust store) '?([^\s']*)/i, /(PKIX path building failed|certificate[\w ]*expired|unable to find valid certification path)/i]
}

/** A `name.java:210` in a stack frame or `_ssl.c:997` is a source line, not a host and port. */
const SOURCE_LINE = /\.(?:java|kt|scala|groovy|c|h|cpp|py|js|ts|go|rb):\d+$/

/** Whether a found value is a real name, not an unfilled placeholder or a null printed as text. */
export function isRealSubject(value: string | undefined): value is string {
  return value !== undefined && value.length > 0 && !/\{\d+\}/.test(value) && value !== 'null' && value !== 'undefined' && !SOURCE_LINE.test(value)
}

/**
 * Each subject pattern's global copy, and a test for the literals it needs (literals.ts; none for
 * HOST_PORT, whose search has its own start): made once, since firstRealMatch runs for every failure text
 * that is not memoised, and a text without `.jar` need not be searched for a jar name.
 */
const SEARCHES = new WeakMap<RegExp, { all: RegExp; needs: LiteralScan | undefined }>()

function searchOf(pattern: RegExp): { all: RegExp; needs: LiteralScan | undefined } {
  let search = SEARCHES.get(pattern)
  if (search === undefined) {
    const all = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`)
    // literals.ts reads a pattern as one without flag u or v (`\p{L}` would be three characters there).
    const needs = pattern.source === HOST_PORT || /[uv]/.test(pattern.flags) ? undefined : anyLiteralTest([pattern.source])
    SEARCHES.set(pattern, (search = { all, needs }))
  }
  return search
}

/** The first match of a subject pattern whose group 1 is a real name (a later match may be, when the first is a placeholder or a source line). */
export function firstRealMatch(pattern: RegExp, text: string): RegExpExecArray | undefined {
  const { all, needs } = searchOf(pattern)
  if (needs !== undefined && !needs.test(text)) return undefined
  const hostPort = pattern.source === HOST_PORT
  all.lastIndex = 0
  for (;;) {
    if (hostPort) {
      const start = hostPortSearchStart(text, all.lastIndex)
      if (start === -1) return undefined
      all.lastIndex = start
    }
    const match = all.exec(text)
    if (!match) return undefined
    if (isRealSubject(match[1])) return match
  }
}

/** Host name characters (`[A-Za-z0-9.-]`) by char code. */
const HOST_CHARS = new Uint8Array(128)
for (const code of [45, 46]) HOST_CHARS[code] = 1
for (let code = 48; code <= 57; code++) HOST_CHARS[code] = 1
for (let code = 65; code <= 90; code++) HOST_CHARS[code] = 1
for (let code = 97; code <= 122; code++) HOST_CHARS[code] = 1

/**
 * Where HOST_PORT's match from `from` starts: before the first `:` with a port HOST_PORT takes (2 to 5
 * digits, then neither a digit nor `:`) and a host (dot-separated labels of host characters, back to the
 * start of their run or to a `..`, one of them starting with a letter: the first label, or else the first
 * letter, since a match may start inside a label); -1 when there is none. No match starts earlier, and
 * HOST_PORT matches here at once: left to itself it tries every character of a long word (a class name,
 * a GUID, a hostile run of 60 000) and fails at each only at the port, which is quadratic.
 */
function hostPortSearchStart(text: string, from: number): number {
  for (let colon = text.indexOf(':', from); colon !== -1; colon = text.indexOf(':', colon + 1)) {
    let digits = 0
    while (isDigit(text.charCodeAt(colon + 1 + digits))) digits++
    if (digits < 2 || digits > 5 || text.charCodeAt(colon + 1 + digits) === COLON) continue
    if (text.charCodeAt(colon - 1) === DOT) continue // a host does not end with a dot
    let start = colon
    while (start > from && HOST_CHARS[text.charCodeAt(start - 1)] === 1 && !(text.charCodeAt(start - 1) === DOT && text.charCodeAt(start) === DOT)) start--
    while (text.charCodeAt(start) === DOT) start++
    const letter = firstLetter(text, start, colon)
    if (letter === -1) continue
    return laterLabelStartsWithLetter(text, start, colon) ? start : letter
  }
  return -1
}

const DOT = 46
const COLON = 58

function isLetterAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at) | 32
  return code >= 97 && code <= 122
}

function firstLetter(text: string, start: number, end: number): number {
  for (let at = start; at < end; at++) if (isLetterAt(text, at)) return at
  return -1
}

/** Whether a label after the first, from `start` to `end`, starts with a letter. */
function laterLabelStartsWithLetter(text: string, start: number, end: number): boolean {
  for (let dot = text.indexOf('.', start); dot !== -1 && dot < end; dot = text.indexOf('.', dot + 1)) if (isLetterAt(text, dot + 1)) return true
  return false
}

function tidy(kind: SubjectKind, value: string): string {
  const trimmed = value.replace(/[.,;:]+$/, '')
  if (kind === 'class') return trimmed.replace(/\//g, '.')
  // A bare user or database name says little without its kind.
  if (kind === 'user' || kind === 'database') return `${kind} ${trimmed}`
  return trimmed
}

/**
 * One scan for what every pattern of the kinds needs (literals.ts), by the kinds joined: a text that holds
 * none of it names no subject of those kinds, and is then scanned once instead of once a pattern. Undefined
 * when a pattern needs no literal (HOST_PORT, or one with flag u or v).
 */
const KINDS_SCANS = new Map<string, LiteralScan | undefined>()

export function kindsScan(kinds: readonly SubjectKind[]): LiteralScan | undefined {
  const key = kinds.join()
  if (KINDS_SCANS.has(key)) return KINDS_SCANS.get(key)
  const patterns = kinds.flatMap((kind) => PATTERNS[kind])
  const scan = patterns.some((pattern) => searchOf(pattern).needs === undefined) ? undefined : anyLiteralTest(patterns.map((pattern) => pattern.source))
  KINDS_SCANS.set(key, scan)
  return scan
}

/** The first subject of the given kinds that the text names, in the order of the kinds. */
export function extractSubject(text: string, kinds: readonly SubjectKind[]): { kind: SubjectKind; value: string } | undefined {
  if (kindsScan(kinds)?.test(text) === false) return undefined
  for (const kind of kinds) {
    for (const pattern of PATTERNS[kind]) {
      const match = firstRealMatch(pattern, text)
      if (!match) continue
      const value = match[2] !== undefined && kind === 'host-port' ? `${match[1]}:${match[2]}` : (match[2] !== undefined && kind === 'tls' ? match[0] : match[1])
      if (isRealSubject(value)) return { kind, value: tidy(kind, value) }
    }
  }
  return undefined
}

/** The kinds worth naming for each source, most telling first. */
export const SUBJECT_KINDS_BY_SOURCE: Record<'metadata-server' | 'third-party' | 'connector' | 'platform', readonly SubjectKind[]> = {
  'metadata-server': ['server', 'host-port', 'url'],
  'third-party': ['jdbc-url', 'kafka-bootstrap', 'database', 'user', 'host-port', 'url', 'host', 'cohort', 'topic', 'path'],
  connector: ['class', 'jar'],
  platform: ['server', 'tls', 'port', 'host-port', 'host', 'path']
}
