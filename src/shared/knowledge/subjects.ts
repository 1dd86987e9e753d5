/**
 * What a failure text names: the one set of subject patterns (host:port, URLs, JDBC URLs, Kafka
 * bootstrap servers, topics, cohorts, files, Egeria servers, classes and jars, databases and users,
 * TLS). Message entries and fallback rules pick kinds from here; nothing else keeps its own copy.
 */

export type SubjectKind =
  | 'jdbc-url' | 'kafka-bootstrap' | 'url' | 'host-port' | 'host' | 'port' | 'topic' | 'cohort' | 'path'
  | 'server' | 'class' | 'jar' | 'database' | 'user' | 'tls'

/** A host name (with a letter, so a time such as 12:02:43 is not one) and its port. */
export const HOST_PORT = '((?:[A-Za-z0-9-]+\\.)*[A-Za-z][A-Za-z0-9-]*(?:\\.[A-Za-z0-9-]+)*:\\d{2,5})(?![\\d:])'
/** The Egeria server a message names. */
export const SERVER_NAME = '(?:OMAG [Ss]erver|[Ss]erver) \'?([\\w.-]+?)\'? (?:is not|on platform|at|hosted|has been|that hosts|returned|for)'
/** The daemon's own start-up texts: the metadata server it calls (`… server cocoMDS1 on platform https://…`), its OMIS service, its integration group. */
export const PARTNER_SERVER = /server ([\w.-]+) on platform (\S+)/
export const SERVICE_NAME = /integration service ([A-Z][\w ]*?) OMIS/
export const GROUP_NAME = /integration group ([\w:.-]+)/
export const DIRECTORY = '(?:directory|folder)(?: named| called)? \'?([^\\s\']+)'

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
  jar: [/([\w.-]+\.jar)\b/, /LOADER_PATH[= ]+(\S+)/],
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

/** The first match of a subject pattern whose group 1 is a real name (a later match may be, when the first is a placeholder or a source line). */
export function firstRealMatch(pattern: RegExp, text: string): RegExpExecArray | undefined {
  const all = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`)
  for (let match = all.exec(text); match; match = all.exec(text)) {
    if (isRealSubject(match[1])) return match
  }
  return undefined
}

function tidy(kind: SubjectKind, value: string): string {
  const trimmed = value.replace(/[.,;:]+$/, '')
  if (kind === 'class') return trimmed.replace(/\//g, '.')
  // A bare user or database name says little without its kind.
  if (kind === 'user' || kind === 'database') return `${kind} ${trimmed}`
  return trimmed
}

/** The first subject of the given kinds that the text names, in the order of the kinds. */
export function extractSubject(text: string, kinds: readonly SubjectKind[]): { kind: SubjectKind; value: string } | undefined {
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
