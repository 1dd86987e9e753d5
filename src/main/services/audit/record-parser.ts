/**
 * Turns lines into records, one line at a time, for every format that shares a stdout: console audit
 * lines (with their Further-reading line, Exception supplement and stack trace), SLF4J destination lines,
 * Spring Boot 2/3 logback lines, platform System.out lines, JSON audit records, and `docker logs -t`
 * prefixes on any of them. Every line ends up in a record or in the unparsed/blank counts.
 */
import { AUDIT_SEVERITIES, PROBLEM_SEVERITY_SET, type AuditRecord, type LineCounts, type RecordFormat } from '../../../shared/models/audit'
import { idFamilyOf } from '../../../shared/knowledge/id-families'
import { extractMessageIds, isMessageId } from '../../../shared/knowledge/message-ids'
import { braceDepthChange, parseResponseText, responseRecord, structuredLogRecord } from './rest-response'
import { DAY_NAMES, isoSeconds, javaDateToIso, logbackTimeToIso, printedZone, type TimeZone } from './java-time'

export type ParserStats = LineCounts

/**
 * Takes one console audit line without a record object being made for it; true when it did, and the
 * line then counts as a record. For the diagnosis of heartbeats and other chatter, which is most of a
 * large log: no record, nested-ID scan or batch for lines nobody keeps.
 */
export type ChatterSink = (
  input: number,
  lineNo: number,
  time: string,
  server: string,
  severity: string,
  messageId: string,
  text: string,
  connector: string | undefined
) => boolean

export interface ParserOptions {
  /** The zone that replaces the zone printed in the log. */
  zone?: TimeZone
  /** Stack-trace lines kept per record; the rest are counted in the record's line range only. */
  maxStackLines?: number
}

/** Printed severity → the record's severity, as one shared string: later lookups by it reuse its hash. */
const SEVERITIES = new Map<string, string>(AUDIT_SEVERITIES.map((severity) => [severity, severity]))
SEVERITIES.set('<Unknown>', 'Unknown')
const SUPPLEMENT = 'Supplementary information: log record id '
const FURTHER_READING = 'Further reading: '
const DOCKER_PREFIX = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d) /
const LOGBACK_LEVEL_AFTER_TIME = /^ +-?(?:ERROR|WARN|INFO|DEBUG|TRACE) +\d+ ---/
const LOGBACK =
  /^(\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d[.,]\d{3}(?:Z|[+-]\d\d:?\d\d)?) +-?(ERROR|WARN|INFO|DEBUG|TRACE) +\d+ +--- +(?:\[[^\]]*\] +)?\[[^\]]*\] +(\S+) *: ?(.*)$/
/** Logback's default and common patterns without Spring Boot's pid: `2024-… [thread] LEVEL logger - msg`, `2024-… LEVEL [thread] logger: msg`. */
const LOGBACK_PLAIN =
  /^(\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d[.,]\d{3}(?:Z|[+-]\d\d:?\d\d)?) +(?:\[[^\]]*\] +(ERROR|WARN|INFO|DEBUG|TRACE)|(ERROR|WARN|INFO|DEBUG|TRACE) +\[[^\]]*\]) +(\S+?):? +-? ?(.*)$/
/** Wrappers around any line: WebSphere/Liberty `SystemOut O`, kubectl `--prefix`, docker compose `service-1  | `. */
const SYSTEM_OUT_PREFIX = /^\[[^\]]{6,40}\] [0-9a-fA-F]{8} \S+ +[OR] /
const KUBECTL_PREFIX = /^\[pod\/[^\]]+\] /
const COMPOSE_PREFIX = /^[\w.-]+ *\| /
/** A thrown exception starting a line by itself: Java (`a.b.FooException: …`) or Python (`ConnectionError: …`). */
const PYTHON_EXCEPTION = /^((?:[A-Z]\w*)?(?:Error|Exception)): /
/** The most lines a REST response may span before it is given up on (and its lines counted unparsed). */
const MAX_BLOCK_LINES = 5000
const SLF4J_BODY = /^(\S*?)([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}) (\S+) +(.*)$/
const SUPPLEMENT_BODY = /^([0-9a-f-]{36}) (\S+) returned message of (.*?) and stacktrace of\s*(.*)$/
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

function hasConnectorPrefix(messageId: string): boolean {
  let known = connectorIdMemo.get(messageId)
  if (known === undefined) {
    known = idFamilyOf(messageId)?.namesConnector === true
    if (connectorIdMemo.size > 10_000) connectorIdMemo.clear()
    connectorIdMemo.set(messageId, known)
  }
  return known
}

export function connectorNameFromText(messageId: string, text: string): string | undefined {
  if (!hasConnectorPrefix(messageId)) return undefined
  // `… connector [named|called] NAME …`, scanned by hand: this runs for every daemon heartbeat.
  let at = text.indexOf('connector ')
  while (at !== -1) {
    let start = at + 10
    if (text.startsWith('named ', start)) start += 6
    else if (text.startsWith('called ', start)) start += 7
    if (text.charCodeAt(start) === 39) start++ // a quoted name
    let end = start
    while (end < text.length && isNameChar(text.charCodeAt(end))) end++
    while (end > start && isTrailingPunctuation(text.charCodeAt(end - 1))) end--
    const name = text.slice(start, end)
    // Stop words are lowercase: a name starting otherwise skips the set lookup.
    const head = name.charCodeAt(0)
    if (name.length > 0 && (head < 97 || head > 122 || !CONNECTOR_STOP_WORDS.has(name))) return name
    at = text.indexOf('connector ', at + 10)
  }
  // INTEGRATION-DAEMON-SERVICES-0036/0037 put the connector's name where their text says `integration service {0} method {1}`.
  const service = text.indexOf('integration service ')
  if (service !== -1) {
    const start = service + 20
    let end = start
    while (end < text.length && isNameChar(text.charCodeAt(end))) end++
    if (end > start && text.startsWith(' method ', end)) return text.slice(start, end)
  }
  return undefined
}

/**
 * V8's own interned copy of a string (property names are interned): flat, hash cached, and no longer a
 * slice pinning the 1 MB chunk it came from, so every later compare and map lookup by it is cheap.
 */
export function internString(value: string): string {
  return Object.keys({ [value]: 0 })[0]!
}

/** The head of a Java exception or of its cause: `java.io.IOException: …`, `a.b.FooException{…}`. */
const EXCEPTION_HEAD = /^(?:Caused by: )?[\w$]+(?:\.[\w$]+)+(?:Exception|Error|Throwable)\b/

function isStackLine(line: string): boolean {
  const first = line.charCodeAt(0)
  if (first === 9 || first === 32) return true // tab or space: frames, "... N more", Event Payload
  return line.startsWith('at ') || line.startsWith('Caused by:') || line.startsWith('Suppressed:') || line.startsWith('... ')
}

/** Terminal colour codes (docker compose colours its service prefixes, Spring Boot its levels). */
const ANSI_CODES = /\u001b\[[0-9;]*[A-Za-z]/g

/** Strips colour codes and a wrapper that a container, an app server or kubectl put before the line. */
function unwrap(raw: string): string {
  const line = raw.indexOf('\u001b') === -1 ? raw : raw.replace(ANSI_CODES, '')
  const first = line.charCodeAt(0)
  if (first === 91 /* [ */) {
    const prefix = SYSTEM_OUT_PREFIX.exec(line) ?? KUBECTL_PREFIX.exec(line)
    return prefix ? line.slice(prefix[0].length) : line
  }
  // A compose service prefix ends with `| ` within the first few dozen characters.
  const bar = line.lastIndexOf('| ', 64)
  if (bar > 0 && line.charCodeAt(bar - 1) === 32) {
    const prefix = COMPOSE_PREFIX.exec(line)
    if (prefix) return line.slice(prefix[0].length)
  }
  return line
}

const LOG_TIME_START = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d/

/** A line that starts a record of its own: a JSON object at the margin, a console audit line, a timestamped log line. */
function startsRecord(line: string): boolean {
  const first = line.charCodeAt(0)
  if (first === 123 /* { */) return true
  if (first >= 48 && first <= 57) return LOG_TIME_START.test(line)
  return line.charCodeAt(3) === 32 && line.charCodeAt(7) === 32 && DAY_NAMES.has(line.slice(0, 3))
}

/** A REST response being read: its lines until the braces balance. */
interface ResponseBlock {
  firstLine: number
  lines: string[]
  depth: number
  truncated: boolean
}

export class RecordParser {
  private block: ResponseBlock | undefined
  readonly stats: ParserStats = { lines: 0, records: 0, auditRecords: 0, unparsedLines: 0, blankLines: 0, truncatedLines: 0 }
  private current: AuditRecord | undefined
  /** The current record takes stack-trace lines (after a supplement or a logback ERROR/WARN). */
  private takesStack = false
  /** The next line is the exception's toString(), whatever it looks like. */
  private takesAnyNext = false
  private lastDate = ''
  private lastDateIso: string | undefined
  /** Zone of the last console line: Spring Boot 2 times print none, and share the JVM's zone. */
  private consoleZone: TimeZone | undefined
  private lastServer = ''
  private lastStamp = ''
  private lastStampZone: TimeZone | undefined
  private lastStampIso: string | undefined
  private readonly validIds = new Map<string, string>()
  private readonly maxStackLines: number
  /** The last console line the chatter sink took: its Further-reading line and trace belong to it. */
  private takenId: string | undefined
  private takenServer = ''
  /** Formats of the audit records seen, taken chatter included. */
  readonly auditFormats = new Set<RecordFormat>()

  constructor(
    private readonly input: number,
    private readonly emit: (record: AuditRecord) => void,
    private readonly options: ParserOptions = {},
    private readonly chatter?: ChatterSink
  ) {
    this.maxStackLines = options.maxStackLines ?? 200
  }

  line(raw: string, truncated = false): void {
    const lineNo = ++this.stats.lines
    if (truncated) this.stats.truncatedLines++
    let line = raw
    const c0 = line.charCodeAt(0)
    if (c0 >= 48 && c0 <= 57 && line.charCodeAt(10) === 84) {
      const prefix = DOCKER_PREFIX.exec(line)
      if (prefix && !LOGBACK_LEVEL_AFTER_TIME.test(line.slice(prefix[0].length - 1))) {
        line = line.slice(prefix[0].length)
      }
    }
    line = unwrap(line)
    if (this.block) {
      // A response cut short (a truncated paste) must not swallow the records after it.
      if (!startsRecord(line)) {
        this.blockLine(line, truncated)
        return
      }
      this.endBlock()
    }
    if (line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim().length === 0)) {
      // A supplement's trace ends with a newline: the blank line after it is still the record's.
      if (this.current && this.takesStack) this.extend(lineNo, undefined, truncated)
      else {
        this.flush()
        this.stats.blankLines++
      }
      return
    }
    if (this.consoleLine(line, lineNo, truncated)) return
    const first = line.charCodeAt(0)
    if (first === 123 /* { */ && this.jsonLine(line, lineNo, truncated)) return
    if (first >= 48 && first <= 57 && this.logbackLine(line, lineNo, truncated)) return
    if (this.current && (this.takesAnyNext || isStackLine(line) || (this.takesStack && EXCEPTION_HEAD.test(line)))) {
      this.takesAnyNext = false
      this.extend(lineNo, line, truncated)
      return
    }
    // A trace under a line the chatter sink took is that record's, as it would be a kept record's.
    if (this.takenId !== undefined && isStackLine(line)) return
    this.looseLine(line, lineNo, truncated)
  }

  end(): void {
    if (this.block) this.endBlock()
    this.flush()
  }

  /**
   * A line of no known log format: the start of a REST response printed after a prefix (`Full
   * response: {…}`), a thrown exception, or text naming message IDs (pasted error messages, Python
   * prints, JSON fragments); anything else is counted unparsed.
   */
  private looseLine(line: string, lineNo: number, truncated: boolean): void {
    this.flush()
    const brace = line.indexOf('{')
    if (brace > 0 && (line.includes('relatedHTTPCode') || line.includes('lass":') || line.includes("lass':"))) {
      this.startBlock(line.slice(brace), lineNo, truncated)
      return
    }
    const trimmed = line.trimStart()
    const thrown = EXCEPTION_HEAD.exec(trimmed)?.[0] ?? PYTHON_EXCEPTION.exec(trimmed)?.[1]
    const ids = thrown !== undefined || hasDigitAfterHyphen(line) ? extractMessageIds(line) : []
    if (thrown === undefined && ids.length === 0) {
      this.stats.unparsedLines++
      return
    }
    this.record({ format: 'text', audit: false, text: trimmed, messageIds: ids, level: 'ERROR' }, lineNo, truncated)
    if (ids[0]) this.current!.messageId = ids[0]
    if (thrown) this.current!.exceptionClass = thrown.replace(/^Caused by: /, '')
    this.takesStack = true
  }

  private startBlock(line: string, lineNo: number, truncated: boolean): void {
    this.flush()
    this.block = { firstLine: lineNo, lines: [], depth: 0, truncated: false }
    this.blockLine(line, truncated)
  }

  private blockLine(line: string, truncated: boolean): void {
    const block = this.block!
    block.lines.push(line)
    if (truncated) block.truncated = true
    block.depth += braceDepthChange(line)
    if (block.depth <= 0 || block.lines.length >= MAX_BLOCK_LINES) this.endBlock()
  }

  /** A finished block: a response record, or text naming IDs, or (neither) unparsed lines. */
  private endBlock(): void {
    const block = this.block!
    this.block = undefined
    const lastLine = block.firstLine + block.lines.length - 1
    const text = block.lines.join('\n')
    const fields = block.depth <= 0 ? responseRecord(parseResponseText(text)) : undefined
    const ids = fields ? [] : extractMessageIds(text)
    if (!fields && ids.length === 0) {
      this.stats.unparsedLines += block.lines.length
      return
    }
    this.record(fields ?? { format: 'text', audit: false, text, messageIds: ids, messageId: ids[0], level: 'ERROR' }, block.firstLine, block.truncated)
    this.current!.lastLine = lastLine
    this.flush()
  }

  /** The first line of the record being read (not yet emitted). */
  get currentRecordLine(): number | undefined {
    return this.current?.firstLine
  }

  /** The first line of the current record while more trace lines may still join it. */
  get openRecordLine(): number | undefined {
    return this.current && (this.takesStack || this.takesAnyNext) ? this.current.firstLine : undefined
  }

  private consoleLine(line: string, lineNo: number, truncated: boolean): boolean {
    // Lines of one second share their date: a prefix compare skips the date parsing (the hot path).
    let dateEnd = this.lastDate.length
    // (slice + === is a memcmp; startsWith measured three times slower here)
    if (dateEnd === 0 || line.charCodeAt(dateEnd) !== 32 || line.slice(0, dateEnd) !== this.lastDate) {
      // Cheap shape check before any parsing: `Tue Feb 02 20:57:50 ZONE yyyy `.
      if (line.charCodeAt(3) !== 32 || line.charCodeAt(7) !== 32 || line.charCodeAt(13) !== 58 || !DAY_NAMES.has(line.slice(0, 3))) {
        return false
      }
      const zoneEnd = line.indexOf(' ', 20)
      if (zoneEnd === -1) return false
      const zone = line.slice(20, zoneEnd)
      const iso = javaDateToIso(line.slice(4, 19), zone, line.slice(zoneEnd + 1, zoneEnd + 5), this.options.zone)
      if (iso === undefined) return false
      dateEnd = zoneEnd + 5
      this.lastDate = line.slice(0, dateEnd)
      this.lastDateIso = iso
      this.consoleZone = printedZone(zone)
    }
    const time = this.lastDateIso!
    const restStart = dateEnd + 1
    const serverEnd = line.indexOf(' ', restStart)
    const severityEnd = serverEnd === -1 ? -1 : line.indexOf(' ', serverEnd + 1)
    const idEnd = severityEnd === -1 ? -1 : line.indexOf(' ', severityEnd + 1)
    const severity = severityEnd === -1 ? undefined : SEVERITIES.get(line.slice(serverEnd + 1, severityEnd))
    const canonicalId =
      severity === undefined ? undefined : this.knownId(idEnd === -1 ? line.slice(severityEnd + 1) : line.slice(severityEnd + 1, idEnd))
    if (severity === undefined || canonicalId === undefined) {
      this.flush()
      this.record({ format: 'platform', audit: false, time, text: line.slice(restStart), messageIds: [] }, lineNo, truncated)
      return true
    }
    let server = line.slice(restStart, serverEnd)
    if (server === this.lastServer) server = this.lastServer // share one string per server, not one per line
    else this.lastServer = server = internString(server)
    let textStart = idEnd === -1 ? line.length : idEnd + 1
    while (line.charCodeAt(textStart) === 32) textStart++ // IDs defined with a trailing space
    if (this.takenId === canonicalId && this.takenServer === server && line.startsWith(FURTHER_READING, textStart)) return true
    const current = this.current
    if (current && current.format === 'console' && current.messageId === canonicalId && current.server === server) {
      if (line.startsWith(FURTHER_READING, textStart)) {
        current.furtherReading = line.slice(textStart + FURTHER_READING.length).trim()
        this.extend(lineNo, undefined, truncated)
        return true
      }
      if (line.startsWith(SUPPLEMENT, textStart)) {
        this.supplement(current, line.slice(textStart + SUPPLEMENT.length))
        this.extend(lineNo, undefined, truncated)
        this.takesStack = true
        this.takesAnyNext = current.stackTrace === undefined
        return true
      }
    }
    this.flush()
    const text = line.slice(textStart)
    if (this.chatter?.(this.input, lineNo, time, server, severity, canonicalId, text, connectorNameFromText(canonicalId, text))) {
      this.stats.records++
      this.stats.auditRecords++
      this.auditFormats.add('console')
      this.takenId = canonicalId
      this.takenServer = server
      return true
    }
    this.current = {
      input: this.input,
      firstLine: lineNo,
      lastLine: lineNo,
      format: 'console',
      audit: true,
      time,
      server,
      severity,
      messageId: canonicalId,
      text,
      messageIds: [canonicalId]
    }
    if (truncated) this.current.truncated = true
    this.takesStack = false
    this.takesAnyNext = false
    return true
  }

  /**
   * isMessageId with a memo that also interns the ID: a log uses a few hundred distinct IDs over millions
   * of lines, and one string per ID keeps its hash cached for every later map lookup.
   */
  private knownId(token: string): string | undefined {
    const known = this.validIds.get(token)
    if (known !== undefined) return known
    if (!isMessageId(token)) return undefined
    if (this.validIds.size > 10_000) this.validIds.clear()
    const id = internString(token)
    this.validIds.set(id, id)
    return id
  }

  private supplement(record: AuditRecord, body: string): void {
    const match = SUPPLEMENT_BODY.exec(body)
    if (!match) return
    record.guid = match[1]
    record.exceptionClass = match[2]
    record.exceptionMessage = match[3]
    if (match[4]) record.stackTrace = [match[4]]
  }

  private logbackLine(line: string, lineNo: number, truncated: boolean): boolean {
    const match = LOGBACK.exec(line)
    if (!match) return this.plainLogbackLine(line, lineNo, truncated)
    const [, stamp = '', level = '', logger = '', message = ''] = match
    const time = this.logbackTime(stamp)
    const slf4j = logger.includes('.f.a.') || logger.includes('frameworks.auditlog') ? SLF4J_BODY.exec(message) : null
    if (slf4j) {
      const [, server = '', guid = '', token = '', text = ''] = slf4j
      const current = this.current
      if (!isMessageId(token)) {
        // The SLF4J exception line: `<server><guid> <class> returned message of … and stacktrace of …`.
        if (current?.guid === guid) {
          const exception = /^returned message of (.*?) and stacktrace of\s*(.*)$/.exec(text)
          current.exceptionClass = token
          if (exception) {
            current.exceptionMessage = exception[1]
            if (exception[2]) current.stackTrace = [exception[2]]
          }
          this.extend(lineNo, undefined, truncated)
          this.takesStack = true
          this.takesAnyNext = current.stackTrace === undefined
          return true
        }
      } else {
        this.flush()
        const severity = level === 'ERROR' ? 'Error' : 'Information' // SLF4J loses the real severity
        this.record({ format: 'slf4j', audit: true, time, server, severity, messageId: token, text, guid, messageIds: [token], level, logger }, lineNo, truncated)
        return true
      }
    }
    this.flush()
    this.record({ format: 'logback', audit: false, time, text: message, messageIds: [], level, logger }, lineNo, truncated)
    this.takesStack = level === 'ERROR' || level === 'WARN'
    return true
  }

  private plainLogbackLine(line: string, lineNo: number, truncated: boolean): boolean {
    const match = LOGBACK_PLAIN.exec(line)
    if (!match) return false
    const [, stamp = '', levelFirst, levelAfter, logger = '', message = ''] = match
    const level = levelFirst ?? levelAfter ?? 'INFO'
    this.flush()
    this.record({ format: 'logback', audit: false, time: this.logbackTime(stamp), text: message, messageIds: [], level, logger }, lineNo, truncated)
    this.takesStack = level === 'ERROR' || level === 'WARN'
    return true
  }

  /** Spring Boot prints the same time on the lines of one millisecond: the last one's answer is reused. */
  private logbackTime(stamp: string): string | undefined {
    const zone = this.options.zone ?? this.consoleZone
    if (stamp !== this.lastStamp || zone !== this.lastStampZone) {
      this.lastStamp = stamp
      this.lastStampZone = zone
      this.lastStampIso = logbackTimeToIso(stamp, zone)
    }
    return this.lastStampIso
  }

  private jsonLine(line: string, lineNo: number, truncated: boolean): boolean {
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      // An object that goes on over the next lines (pretty-printed JSON or a Python dict print); a line cut at the cap does not.
      if (!truncated && braceDepthChange(line) > 0) {
        this.startBlock(line, lineNo, truncated)
        return true
      }
      value = parseResponseText(line)
    }
    const record = jsonAuditRecord(value) ?? responseRecord(value) ?? structuredLogRecord(value)
    if (!record) return false
    this.flush()
    this.record(record, lineNo, truncated)
    this.flush()
    return true
  }

  private record(fields: Omit<AuditRecord, 'input' | 'firstLine' | 'lastLine'>, lineNo: number, truncated: boolean): void {
    this.current = { input: this.input, firstLine: lineNo, lastLine: lineNo, ...fields }
    if (truncated) this.current.truncated = true
    this.takesStack = false
    this.takesAnyNext = false
  }

  private extend(lineNo: number, stackLine: string | undefined, truncated: boolean): void {
    const current = this.current!
    current.lastLine = lineNo
    if (truncated) current.truncated = true
    if (stackLine !== undefined) {
      const stack = (current.stackTrace ??= [])
      if (stack.length < this.maxStackLines) stack.push(stackLine)
    }
  }

  private flush(): void {
    this.takenId = undefined
    const record = this.current
    if (!record) return
    this.current = undefined
    this.takesStack = false
    this.takesAnyNext = false
    this.stats.records++
    if (record.audit) {
      this.stats.auditRecords++
      this.auditFormats.add(record.format)
      completeAuditRecord(record)
    }
    this.emit(record)
  }
}

/** A Java exception's qualified class name in a text: `org.odpi.….ConnectorCheckedException`. */
const QUALIFIED_THROWABLE = /\b((?:[a-z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error))\b/
/** Its class part after the last dot: a quick test that rules out most failure texts before the slower full pattern. */
const THROWABLE_CLASS = /\.[A-Z][\w$]*(?:Exception|Error)\b/

/** Fills the nested-ID chain, connector name and exception details of a finished audit record. */
export function completeAuditRecord(record: AuditRecord): void {
  const id = record.messageId
  if (!id) return
  // Only a text with another `-NNN` can nest an ID: skip the regex for the plain majority of lines.
  const text = record.text
  const nested = hasDigitAfterHyphen(text)
  if (nested || record.exceptionMessage || record.stackTrace) {
    record.messageIds = extractMessageIds(id, text, record.exceptionMessage, record.stackTrace?.[0])
  }
  const connector = record.connector ?? connectorNameFromText(id, text)
  if (connector !== undefined) record.connector = connector
  // Exception-severity console lines name the exception inside the text; chatter never needs the scan.
  if (!record.exceptionClass && (nested || PROBLEM_SEVERITY_SET.has(record.severity ?? '')) && THROWABLE_CLASS.test(text)) {
    const thrown = QUALIFIED_THROWABLE.exec(text)
    if (thrown) record.exceptionClass = thrown[1]
  }
}

/** A `X-NNN` shape (uppercase or digit, hyphen, three digits): lowercase GUIDs and names never match. */
function hasDigitAfterHyphen(text: string): boolean {
  let at = text.indexOf('-')
  while (at !== -1) {
    const before = text.charCodeAt(at - 1)
    if (((before >= 65 && before <= 90) || (before >= 48 && before <= 57)) && isDigit(text.charCodeAt(at + 1)) && isDigit(text.charCodeAt(at + 2)) && isDigit(text.charCodeAt(at + 3))) {
      return true
    }
    at = text.indexOf('-', at + 1)
  }
  return false
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

interface JsonAuditFields {
  timeStamp?: unknown
  severityCode?: unknown
  logRecordId?: unknown
  additionalInformation?: unknown
  reportingComponent?: { componentName?: unknown }
  messageId?: unknown
  messageText?: unknown
  severity?: unknown
  guid?: unknown
  originator?: { serverName?: unknown }
  originatorProperties?: Record<string, unknown>
  exceptionClassName?: unknown
  exceptionMessage?: unknown
  exceptionStackTrace?: unknown
  messageURL?: unknown
  messageParameters?: unknown
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

/** An OMRSAuditLogRecord as serialised by the file and event-topic destinations; undefined if not one. */
export function jsonAuditRecord(value: unknown): Omit<AuditRecord, 'input' | 'firstLine' | 'lastLine'> | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const fields = value as JsonAuditFields
  const messageId = str(fields.messageId)?.trim()
  if (!messageId) return undefined
  const server = str(fields.originator?.serverName) ?? str(fields.originatorProperties?.['Server Name'])
  const stack = str(fields.exceptionStackTrace)
  // Older records (1.x–2.x) may carry the severity as an object or only as its ordinal, and the GUID as logRecordId.
  const severity =
    str(fields.severity) ??
    str((fields.severity as { name?: unknown; severityName?: unknown } | undefined)?.name) ??
    str((fields.severity as { severityName?: unknown } | undefined)?.severityName) ??
    (typeof fields.severityCode === 'number' ? AUDIT_SEVERITIES[fields.severityCode] : undefined)
  const additional = Array.isArray(fields.additionalInformation) ? fields.additionalInformation.filter((item): item is string => typeof item === 'string') : []
  const record: Omit<AuditRecord, 'input' | 'firstLine' | 'lastLine'> = {
    format: 'json',
    audit: true,
    server,
    severity,
    messageId,
    text: str(fields.messageText) ?? '',
    messageIds: [messageId],
    guid: str(fields.guid) ?? str(fields.logRecordId),
    exceptionClass: str(fields.exceptionClassName),
    exceptionMessage: str(fields.exceptionMessage) ?? (additional.length > 0 ? additional.join('\n') : undefined),
    stackTrace: stack ? stack.split('\n').slice(0, 200) : undefined,
    // `messageURL` is inferred from the 2026 getter name (unverified): the most plausible Jackson field.
    furtherReading: str(fields.messageURL)
  }
  if (typeof fields.timeStamp === 'number') record.time = isoSeconds(fields.timeStamp)
  else if (typeof fields.timeStamp === 'string' && !Number.isNaN(Date.parse(fields.timeStamp))) record.time = isoSeconds(Date.parse(fields.timeStamp))
  for (const key of Object.keys(record) as (keyof typeof record)[]) if (record[key] === undefined) delete record[key]
  return record
}
