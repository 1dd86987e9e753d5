/**
 * Turns lines into records, one line at a time, for every format that shares a stdout: console audit
 * lines (with their Further-reading line, Exception supplement and stack trace), SLF4J destination lines,
 * Spring Boot 2/3 logback lines, platform System.out lines, JSON audit records, and `docker logs -t`
 * prefixes on any of them. Every line ends up in a record or in the unparsed/blank counts.
 */
import { AUDIT_SEVERITIES, type AuditRecord, type LineCounts, type RecordFormat } from '../../../shared/models/audit'
import { extractMessageIds, isMessageId } from '../../../shared/knowledge/message-ids'
import { completeAuditRecord, hasDigitAfterHyphen, jsonAuditRecord } from './audit-record'
import { connectorNameOf, namesConnector, type NamesHolder } from './connector-names'
import { braceDepthChange, parseResponseText, responseRecord, structuredLogRecord } from './rest-response'
import { internString } from './own-string'
import { readsTraceLineAt, TRACE_LINES_READ } from './stack-trace'
import { afterCriTag, afterDockerPrefix, afterJournalPrefix, afterSourcePrefix, dockerLogEntry, isPartOfLine, withoutColours } from './line-prefixes'
import { holdsAt } from './text-in-place'
import { describeWrapping, unwrapLine, type LineWrapping } from './line-wrapping'
import { DAY_NAMES, javaDateToIso, logbackTimeToIso, logZone, printedZone, unknownZoneNote, type TimeZone } from './java-time'
import { parseSupplement } from './supplement'

export type ParserStats = LineCounts

/**
 * Takes lines without a record object being made for them, for the diagnosis of heartbeats and other
 * chatter, which is most of a large log: no record, nested-ID scan or batch for lines nobody keeps. Each
 * method answers true when it took the line, which then counts as a record (its trace with it).
 */
export interface ChatterSink {
  /** A console audit line. */
  auditLine(input: number, lineNo: number, time: string, server: string, severity: string, messageId: string, text: string, connector: string | undefined): boolean
  /** A Spring Boot or logback line that is no audit record, at INFO, DEBUG or TRACE (a WARN line takes the exception after it). */
  logLine(level: string, logger: string): boolean
}

export interface ParserOptions {
  /** The zone that replaces the zone printed in the log. */
  zone?: TimeZone
  /** Stack-trace lines kept per record; the rest are counted in the record's line range only. */
  maxStackLines?: number
  /** What is put before each line (line-wrapping.ts): null when it was looked for and there is none; else the reader looks. */
  unwrap?: LineWrapping | null
}

/** Printed severity → the record's severity, as one shared string: later lookups by it reuse its hash. */
const SEVERITIES = new Map<string, string>(AUDIT_SEVERITIES.map((severity) => [severity, severity]))
SEVERITIES.set('<Unknown>', 'Unknown')
/** Notes an input's reading makes at most (each says something different). */
const MAX_NOTES = 5
const SUPPLEMENT = 'Supplementary information: log record id '
const FURTHER_READING = 'Further reading: '
const LOGBACK =
  /^(\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d[.,]\d{3}(?:Z|[+-]\d\d:?\d\d)?) +-?(ERROR|WARN|INFO|DEBUG|TRACE) +\d+ +--- +(?:\[[^\]]*\] +)?\[[^\]]*\] +(\S+) *: ?(.*)$/
/** Logback's default and common patterns without Spring Boot's pid: `2024-… [thread] LEVEL logger - msg`, `2024-… LEVEL [thread] logger: msg`. */
const LOGBACK_PLAIN =
  /^(\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d[.,]\d{3}(?:Z|[+-]\d\d:?\d\d)?) +(?:\[[^\]]*\] +(ERROR|WARN|INFO|DEBUG|TRACE)|(ERROR|WARN|INFO|DEBUG|TRACE) +\[[^\]]*\]) +(\S+?):? +-? ?(.*)$/
/** A thrown exception starting a line by itself: Java (`a.b.FooException: …`) or Python (`ConnectionError: …`). */
const PYTHON_EXCEPTION = /^((?:[A-Z]\w*)?(?:Error|Exception)): /
/** The most lines a REST response may span before it is given up on (and its lines counted unparsed). */
const MAX_BLOCK_LINES = 5000
const SLF4J_BODY = /^(\S*?)([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}) (\S+) +(.*)$/

/** The head of a Java exception or of its cause: `java.io.IOException: …`, `a.b.FooException{…}`. */
const EXCEPTION_HEAD = /^(?:Caused by: )?[\w$]+(?:\.[\w$]+)+(?:Exception|Error|Throwable)\b/

function isStackLine(line: string): boolean {
  const first = line.charCodeAt(0)
  if (first === 9 || first === 32) return true // tab or space: frames, "... N more", Event Payload
  return line.startsWith('at ') || line.startsWith('Caused by:') || line.startsWith('Suppressed:') || line.startsWith('... ')
}

/**
 * Where a character next occurs in a text, for lines read in order: each text is searched once per
 * occurrence rather than once per line (most pieces hold no colour code and no `|` at all).
 */
class NextOccurrence {
  private text = ''
  private searchedFrom = 0
  private next = 0
  constructor(private readonly char: string) {}

  /** Whether the character occurs in `text` from `start` to `end`. */
  within(text: string, start: number, end: number): boolean {
    // Texts are compared by content, so a text equal to the last one starts again from its beginning:
    // the answer holds only from where the last search started on.
    const searched = text === this.text && start >= this.searchedFrom
    this.text = text
    if (!searched || this.next < start) {
      const at = text.indexOf(this.char, start)
      this.searchedFrom = start
      this.next = at === -1 ? text.length : at
    }
    return this.next < end
  }
}

/** Where `char` first occurs in `text` from `from` on, or -1 when not before `end`. */
function indexInLine(text: string, char: string, from: number, end: number): number {
  const at = text.indexOf(char, from)
  return at < end ? at : -1
}

/** What a console line says between its date and its message, `server severity ID`, parsed once per distinct header. */
interface ConsoleHeader extends NamesHolder {
  printed: string
  server: string
  severity: string
  id: string
  namesConnector: boolean
  /** The header of the audit line that followed this one last time: logs repeat their sequences of lines. */
  next?: ConsoleHeader
}

/** Whether `printed` (a header, after its date or not) is at `start`: the same text, then a space or the line's end (not a longer ID). */
function isHeaderAt(text: string, start: number, end: number, printed: string): boolean {
  const after = start + printed.length
  return holdsAt(text, start, end, printed) && (after === end || text.charCodeAt(after) === 32)
}

/** Whether the line is whitespace only, as trim() sees it: a stack frame's tab is followed by text, found without a trimmed copy. */
function isBlank(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at)
    if (code === 32 || (code >= 9 && code <= 13)) continue
    // Past ASCII, the character may be a Unicode space: trim() decides.
    return code > 127 && text.slice(at, end).trim().length === 0
  }
  return true
}

const LOG_TIME_START = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d/

/** A line that starts a record of its own: a JSON object at the margin, a console audit line, a timestamped log line. */
export function startsRecord(line: string): boolean {
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
  private wrapping: LineWrapping | undefined
  private readonly said: string[] = []
  /** The parts so far of a line a container runtime split, and the line the first part is on. */
  private lineParts: { text: string; firstLine: number; truncated: boolean } | undefined
  /** The line the parts lineIn is given next were numbered as (0: lineIn numbers its line itself). */
  private joinedLine = 0
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
  private readonly zones = new Map<string, TimeZone | undefined>()
  /** The second of the last Spring Boot time (its text around the milliseconds), its zone and its ISO time. */
  private secondHead = ''
  private secondTail = ''
  private secondZone: TimeZone | undefined
  private secondIso: string | undefined
  private lastLogger = ''
  private lastLoggerIsAudit = false
  private readonly validIds = new Map<string, string>()
  private readonly headers = new Map<string, ConsoleHeader>()
  /** The header of the last console audit line, whose successor predicts the next one's. */
  private lastHeader: ConsoleHeader | undefined
  /** `date header` of the headers predicted under the last date: one compare covers a line's date and header. */
  private readonly datedHeaders = new Map<ConsoleHeader, string>()
  private readonly escapes = new NextOccurrence('\u001b')
  private readonly bars = new NextOccurrence('|')
  private readonly maxStackLines: number
  /** The last console line the chatter sink took: its Further-reading line and trace belong to it. */
  private takenId: string | undefined
  private takenServer = ''
  private tookChatter = false
  /** Formats of the audit records seen, taken chatter included. */
  readonly auditFormats = new Set<RecordFormat>()
  /** Lines the current record's whole trace has, up to the cap (it may keep fewer: see extendTrace). */
  private traceLength = 0
  /** A parser with a chatter sink feeds a diagnosis that keeps no record: a trace keeps only what it reads. */
  private readonly framesDropped: boolean

  constructor(
    private readonly input: number,
    private readonly emit: (record: AuditRecord) => void,
    private readonly options: ParserOptions = {},
    private readonly chatter?: ChatterSink
  ) {
    this.maxStackLines = options.maxStackLines ?? 200
    this.wrapping = options.unwrap ?? undefined
    if (this.wrapping) this.note(describeWrapping(this.wrapping))
    this.framesDropped = chatter !== undefined
  }

  /** Takes `wrapping` off every line that has it from now on (the reader found it in the input's first lines). */
  unwrapLines(wrapping: LineWrapping | undefined): void {
    this.wrapping = wrapping
    if (wrapping) this.note(describeWrapping(wrapping))
  }

  /** What the reader says of how it read the input (a wrapping taken off, a zone read as UTC), each once. */
  get notes(): readonly string[] {
    return this.said
  }

  private note(text: string): void {
    if (!this.said.includes(text) && this.said.length < MAX_NOTES) this.said.push(text)
  }

  line(line: string, truncated = false): void {
    this.lineIn(line, 0, line.length, truncated)
  }

  /**
   * The line `text.slice(start, end)`, read in place (`text` is a whole decoded piece of the log): a console line
   * needs no string of its own, only its message text. What a person or a tool put before it comes off first
   * (line-wrapping.ts, line-prefixes.ts), and the parts of a line a container runtime split are joined.
   */
  lineIn(text: string, start: number, end: number, truncated = false): void {
    let lineNo = this.joinedLine
    if (lineNo !== 0) this.joinedLine = 0
    else {
      lineNo = ++this.stats.lines
      if (truncated) this.stats.truncatedLines++
      // Only a line that starts with `{` (a Docker entry), a time with a `T` at 10 (docker, CRI, journalctl -o
      // short-iso) or a capital with spaces at 3 and 6 (journalctl's `Mar 01 10:…`, not a console line's `Sat Nov 22`)
      // may carry what a tool put before it; with no wrapping or split line pending, the others go straight on.
      const first = text.charCodeAt(start)
      const mayCarryTool = first === 123 || (first >= 48 && first <= 57 ? text.charCodeAt(start + 10) === 84 : first >= 65 && first <= 90 && text.charCodeAt(start + 3) === 32 && text.charCodeAt(start + 6) === 32)
      if (mayCarryTool || this.wrapping !== undefined || this.lineParts !== undefined) {
        start = this.afterToolPrefixes(text, start, end, lineNo, truncated)
        if (start === -1) return
      }
    }
    const coloured = this.escapes.within(text, start, end)
    if (coloured) {
      text = withoutColours(text, start, end)
      start = 0
      end = text.length
    }
    // A line stripped of its colours is a text of its own: searched by itself, it leaves the piece's search where it was.
    const hasBar = coloured ? text.includes('|') : this.bars.within(text, start, end)
    start = afterSourcePrefix(text, start, end, hasBar)
    if (this.block) {
      // A response cut short (a truncated paste) must not swallow the records after it.
      const line = text.slice(start, end)
      if (!startsRecord(line)) {
        this.blockLine(line, truncated)
        return
      }
      this.endBlock()
    }
    if (start === end || (text.charCodeAt(start) <= 32 && isBlank(text, start, end))) {
      // A supplement's trace ends with a newline: the blank line after it is still the record's.
      if (this.current && this.takesStack) this.extend(lineNo, truncated)
      else {
        this.flush()
        this.stats.blankLines++
      }
      return
    }
    if (this.consoleLine(text, start, end, lineNo, truncated)) return
    const c = text.charCodeAt(start)
    if (this.current && (c === 9 || c === 32)) {
      // An indented line under a record is its trace's (a frame, `... N more`), read in place: most lines of a trace.
      this.takesAnyNext = false
      this.extendTrace(lineNo, text, start, end, truncated)
      return
    }
    const line = text.slice(start, end)
    const first = line.charCodeAt(0)
    if (first === 123 /* { */ && this.jsonLine(line, lineNo, truncated)) return
    if (first >= 48 && first <= 57 && this.logbackLine(line, lineNo, truncated)) return
    if (this.current && (this.takesAnyNext || isStackLine(line) || (this.takesStack && EXCEPTION_HEAD.test(line)))) {
      this.takesAnyNext = false
      this.extendTrace(lineNo, line, 0, line.length, truncated)
      return
    }
    // A trace under a line the chatter sink took is that record's, as it would be a kept record's.
    if (this.takenId !== undefined && isStackLine(line)) return
    this.looseLine(line, lineNo, truncated)
  }

  /**
   * Where a line that may carry what a person or a tool put before it starts once that is off; -1 when the
   * line is a part of a split line, read when its last part comes (joined, through lineIn again).
   */
  private afterToolPrefixes(text: string, start: number, end: number, lineNo: number, truncated: boolean): number {
    if (this.wrapping) start = unwrapLine(this.wrapping, text, start, end)
    if (text.charCodeAt(start) === 123 /* { */) {
      const entry = dockerLogEntry(text, start, end)
      if (entry) {
        this.linePart(entry.text, lineNo, truncated, !entry.whole)
        return -1
      }
    }
    // A docker or CRI time first (most such lines), else journalctl's: their times never read alike.
    const afterTime = afterDockerPrefix(text, start, end)
    const tagEnd = afterTime === start ? -1 : afterCriTag(text, afterTime, end)
    if (tagEnd !== -1 && (isPartOfLine(text, tagEnd) || this.lineParts)) {
      this.linePart(text.slice(tagEnd, end), lineNo, truncated, isPartOfLine(text, tagEnd))
      return -1
    }
    // Parts that no part followed are a line of their own.
    if (this.lineParts) this.endLineParts(lineNo - 1)
    if (afterTime !== start) return tagEnd === -1 ? afterTime : tagEnd
    return afterJournalPrefix(text, start, end)
  }

  /**
   * A line, or a part of one, that a container runtime wrapped: containerd (CRI) and Docker write a line
   * longer than 16 KB as parts, the last one saying so (`more` is false). The parts are read as one line,
   * numbered as the first part, and its record spans them all.
   */
  private linePart(part: string, lineNo: number, truncated: boolean, more: boolean): void {
    const parts = this.lineParts
    this.lineParts = { text: parts ? parts.text + part : part, firstLine: parts?.firstLine ?? lineNo, truncated: truncated || parts?.truncated === true }
    if (!more) this.endLineParts(lineNo)
  }

  private endLineParts(lastLine: number): void {
    const { text, firstLine, truncated } = this.lineParts!
    this.lineParts = undefined
    const { unparsedLines, blankLines } = this.stats
    this.joinedLine = firstLine
    this.lineIn(text, 0, text.length, truncated)
    // The other parts' lines are counted as the first one was.
    if (this.stats.unparsedLines > unparsedLines) this.stats.unparsedLines += lastLine - firstLine
    else if (this.stats.blankLines > blankLines) this.stats.blankLines += lastLine - firstLine
    else if (this.current && this.current.lastLine >= firstLine) this.current.lastLine = Math.max(this.current.lastLine, lastLine)
  }

  end(): void {
    // A log that ends within a split line: its parts so far are the line.
    if (this.lineParts) this.endLineParts(this.stats.lines)
    if (this.block) this.endBlock()
    this.flush()
  }

  /** Counts the lines of a stretch parsed apart (parse-ahead.ts), after `end`: the lines after it are numbered on from it. */
  countStretch(counts: LineCounts, formats: readonly RecordFormat[], notes: readonly string[]): void {
    for (const key of Object.keys(counts) as (keyof LineCounts)[]) this.stats[key] += counts[key]
    for (const format of formats) this.auditFormats.add(format)
    for (const note of notes) this.note(note)
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

  private consoleLine(text: string, start: number, end: number, lineNo: number, truncated: boolean): boolean {
    // Cheap shape check before anything else, which stack frames and other lines fail: `Tue Feb 02 20:57:50 ZONE yyyy `.
    if (end - start <= 20 || text.charCodeAt(start + 3) !== 32 || text.charCodeAt(start + 7) !== 32 || text.charCodeAt(start + 13) !== 58) return false
    // The usual line has the last line's date and the predicted header: one compare covers both.
    let header = this.predictedHeader(text, start, end, true)
    let restStart = start + this.lastDate.length + 1
    if (header === undefined) {
      // Lines of one second share their date: a compare in place skips the date parsing.
      const sameDate = this.lastDate.length > 0 && restStart <= end && text.charCodeAt(restStart - 1) === 32 && holdsAt(text, start, end, this.lastDate)
      if (!sameDate) {
        const dateEnd = this.parsedDateEnd(text, start, end)
        if (dateEnd === -1) return false
        restStart = dateEnd + 1
        header = this.predictedHeader(text, restStart, end, false)
      }
      header ??= this.parsedHeader(text, restStart, end)
    }
    const time = this.lastDateIso!
    if (header === undefined) {
      this.flush()
      this.record({ format: 'platform', audit: false, time, text: text.slice(restStart, end), messageIds: [] }, lineNo, truncated)
      return true
    }
    if (this.lastHeader !== undefined) this.lastHeader.next = header
    this.lastHeader = header
    const { server, severity, id } = header
    let textStart = restStart + header.printed.length
    while (textStart < end && text.charCodeAt(textStart) === 32) textStart++ // IDs defined with a trailing space
    if (this.takenId === id && this.takenServer === server && holdsAt(text, textStart, end, FURTHER_READING)) return true
    const current = this.current
    if (current && current.format === 'console' && current.messageId === id && current.server === server) {
      if (holdsAt(text, textStart, end, FURTHER_READING)) {
        current.furtherReading = text.slice(textStart + FURTHER_READING.length, end).trim()
        this.extend(lineNo, truncated)
        return true
      }
      if (holdsAt(text, textStart, end, SUPPLEMENT)) {
        this.supplement(current, text.slice(textStart + SUPPLEMENT.length, end))
        this.extend(lineNo, truncated)
        this.takesStack = true
        this.takesAnyNext = current.stackTrace === undefined
        return true
      }
    }
    this.flush()
    const message = text.slice(textStart, end)
    if (this.chatter?.auditLine(this.input, lineNo, time, server, severity, id, message, header.namesConnector ? connectorNameOf(header, text, textStart, end) : undefined)) {
      this.stats.records++
      this.stats.auditRecords++
      if (!this.tookChatter) this.auditFormats.add('console')
      this.tookChatter = true
      this.takenId = id
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
      messageId: id,
      text: message,
      messageIds: [id]
    }
    this.traceLength = 0
    if (truncated) this.current.truncated = true
    this.takesStack = false
    this.takesAnyNext = false
    return true
  }

  /**
   * The header at `start` when it is the one predicted: the last header's successor, or the last header
   * again. With `dated`, `start` is the line's start and the last line's date must come first.
   */
  private predictedHeader(text: string, start: number, end: number, dated: boolean): ConsoleHeader | undefined {
    const last = this.lastHeader
    if (last === undefined) return undefined
    const next = last.next
    if (next !== undefined && isHeaderAt(text, start, end, dated ? this.datedHeader(next) : next.printed)) return next
    return next !== last && isHeaderAt(text, start, end, dated ? this.datedHeader(last) : last.printed) ? last : undefined
  }

  /** `date header` for the last date, made once per header and date. */
  private datedHeader(header: ConsoleHeader): string {
    let dated = this.datedHeaders.get(header)
    if (dated === undefined) this.datedHeaders.set(header, (dated = `${this.lastDate} ${header.printed}`))
    return dated
  }

  /**
   * Where the console date starting the line ends, parsed (it is not the last line's), or -1 when the
   * line has none. The line has the date's shape (see consoleLine).
   */
  private parsedDateEnd(text: string, start: number, end: number): number {
    if (!DAY_NAMES.has(text.slice(start, start + 3))) return -1
    const zoneEnd = indexInLine(text, ' ', start + 20, end)
    if (zoneEnd === -1) return -1
    const zone = text.slice(start + 20, zoneEnd)
    const printed = this.zoneOf(zone)
    // An override reads any zone the line prints, one no table knows too.
    const timeZone = this.options.zone ?? printed
    const iso = timeZone && javaDateToIso(text.slice(start + 4, start + 19), zone, text.slice(zoneEnd + 1, Math.min(zoneEnd + 5, end)), timeZone)
    if (iso === undefined) return -1
    this.lastDate = text.slice(start, Math.min(zoneEnd + 5, end))
    this.datedHeaders.clear()
    this.lastDateIso = iso
    this.consoleZone = printed
    // A year cut short by the line's end still counts its missing characters: the rest of the line starts past them.
    return zoneEnd + 5
  }

  /** The zone a console date printed (java-time.ts logZone), looked up once per name; an unknown one is noted. */
  private zoneOf(name: string): TimeZone | undefined {
    if (this.zones.has(name)) return this.zones.get(name)
    const zone = logZone(name)
    if (zone && this.options.zone === undefined && printedZone(name) === undefined) this.note(unknownZoneNote(name))
    // A log is printed in a zone or two: many names are a hostile log's, not worth keeping.
    if (this.zones.size >= 16) this.zones.clear()
    this.zones.set(name, zone)
    return zone
  }

  /** The header at `start`, parsed: undefined when the line is no audit line (no severity or no message ID there). */
  private parsedHeader(text: string, start: number, end: number): ConsoleHeader | undefined {
    const serverEnd = indexInLine(text, ' ', start, end)
    const severityEnd = serverEnd === -1 ? -1 : indexInLine(text, ' ', serverEnd + 1, end)
    if (severityEnd === -1) return undefined
    const severity = SEVERITIES.get(text.slice(serverEnd + 1, severityEnd))
    if (severity === undefined) return undefined
    const idEnd = indexInLine(text, ' ', severityEnd + 1, end)
    const headerEnd = idEnd === -1 ? end : idEnd
    const id = this.knownId(text.slice(severityEnd + 1, headerEnd))
    if (id === undefined) return undefined
    const printed = text.slice(start, headerEnd)
    let header = this.headers.get(printed)
    if (header === undefined) {
      if (this.headers.size > 10_000) {
        this.headers.clear()
        this.lastHeader = undefined // so no successor keeps a cleared header alive
      }
      header = { printed: internString(printed), server: internString(text.slice(start, serverEnd)), severity, id, namesConnector: namesConnector(id) }
      this.headers.set(header.printed, header)
    }
    return header
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
    const supplement = parseSupplement(body)
    if (!supplement) return
    record.guid = supplement.guid
    record.exceptionClass = supplement.exceptionClass
    record.exceptionMessage = supplement.message
    if (supplement.traceHead) {
      record.stackTrace = [supplement.traceHead]
      this.traceLength = 1
    }
  }

  private logbackLine(line: string, lineNo: number, truncated: boolean): boolean {
    const match = LOGBACK.exec(line)
    if (!match) return this.plainLogbackLine(line, lineNo, truncated)
    const [, stamp = '', level = '', logger = '', message = ''] = match
    const slf4j = this.isAuditLogger(logger) ? SLF4J_BODY.exec(message) : null
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
            if (exception[2]) {
              current.stackTrace = [exception[2]]
              this.traceLength = 1
            }
          }
          this.extend(lineNo, truncated)
          this.takesStack = true
          this.takesAnyNext = current.stackTrace === undefined
          return true
        }
      } else {
        this.flush()
        const severity = level === 'ERROR' ? 'Error' : 'Information' // SLF4J loses the real severity
        this.record({ format: 'slf4j', audit: true, time: this.logbackTime(stamp), server, severity, messageId: token, text, guid, messageIds: [token], level, logger }, lineNo, truncated)
        return true
      }
    }
    this.flush()
    if (this.tookLogLine(level, logger)) return true
    this.record({ format: 'logback', audit: false, time: this.logbackTime(stamp), text: message, messageIds: [], level, logger }, lineNo, truncated)
    this.takesStack = level === 'ERROR' || level === 'WARN'
    return true
  }

  /** Whether the chatter sink took a Spring Boot or logback line that is no audit record (see ChatterSink.logLine). */
  private tookLogLine(level: string, logger: string): boolean {
    if (level === 'ERROR' || level === 'WARN' || !this.chatter?.logLine(level, logger)) return false
    this.stats.records++
    // Its trace is the taken line's, as it would be a kept record's; the empty ID names no console line.
    this.takenId = ''
    this.takenServer = ''
    return true
  }

  /** Whether a logger is the audit log's SLF4J destination, remembered for the last one: a platform repeats its loggers. */
  private isAuditLogger(logger: string): boolean {
    if (logger !== this.lastLogger) {
      this.lastLogger = logger
      this.lastLoggerIsAudit = logger.includes('.f.a.') || logger.includes('frameworks.auditlog')
    }
    return this.lastLoggerIsAudit
  }

  private plainLogbackLine(line: string, lineNo: number, truncated: boolean): boolean {
    const match = LOGBACK_PLAIN.exec(line)
    if (!match) return false
    const [, stamp = '', levelFirst, levelAfter, logger = '', message = ''] = match
    const level = levelFirst ?? levelAfter ?? 'INFO'
    this.flush()
    if (this.tookLogLine(level, logger)) return true
    this.record({ format: 'logback', audit: false, time: this.logbackTime(stamp), text: message, messageIds: [], level, logger }, lineNo, truncated)
    this.takesStack = level === 'ERROR' || level === 'WARN'
    return true
  }

  /**
   * A Spring Boot time (`2021-02-12 20:16:37.243`, maybe with a zone). Most lines print a new millisecond,
   * so the time of its second is worked out once and each line's milliseconds put into it: a zone moves
   * a time by whole seconds, and the milliseconds never make a date valid or not, except at 24:00:00.
   */
  private logbackTime(stamp: string): string | undefined {
    const zone = this.options.zone ?? this.consoleZone
    const head = stamp.slice(0, 20)
    const tail = stamp.slice(23)
    if (head !== this.secondHead || tail !== this.secondTail || zone !== this.secondZone) {
      this.secondHead = head
      this.secondTail = tail
      this.secondZone = zone
      this.secondIso = logbackTimeToIso(`${head}000${tail}`, zone)
    }
    const millis = stamp.slice(20, 23)
    if (millis === '000') return this.secondIso
    if (this.secondIso === undefined || head.startsWith('24', 11)) return logbackTimeToIso(stamp, zone)
    return `${this.secondIso.slice(0, -1)}.${millis}Z`
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

  /** Makes a record of `fields`, a fresh object of the caller's that becomes the record (no copy: this runs for every Spring Boot line). */
  private record(fields: Omit<AuditRecord, 'input' | 'firstLine' | 'lastLine'>, lineNo: number, truncated: boolean): void {
    const record = fields as AuditRecord
    record.input = this.input
    record.firstLine = lineNo
    record.lastLine = lineNo
    this.current = record
    this.traceLength = fields.stackTrace?.length ?? 0
    if (truncated) this.current.truncated = true
    this.takesStack = false
    this.takesAnyNext = false
  }

  /** The current record reaches line `lineNo` (what the line adds to it, the caller sets). */
  private extend(lineNo: number, truncated: boolean): void {
    this.current!.lastLine = lineNo
    if (truncated) this.current!.truncated = true
  }

  /**
   * Adds `text.slice(start, end)` to the current record's trace: every line up to the cap or, when only a
   * diagnosis reads the records, only the lines it reads (stack-trace.ts), so no string is made for a frame.
   */
  private extendTrace(lineNo: number, text: string, start: number, end: number, truncated: boolean): void {
    this.extend(lineNo, truncated)
    const current = this.current!
    if (this.traceLength >= this.maxStackLines) return
    const position = this.traceLength++
    if (this.framesDropped && ((current.stackTrace?.length ?? 0) >= TRACE_LINES_READ || !readsTraceLineAt(position, text, start, end))) return
    ;(current.stackTrace ??= []).push(text.slice(start, end))
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

/**
 * Whether a log can be cut before this line and its parts parsed apart: a console line (an audit line, or a
 * platform line with a console date) that continues no record (not a Further-reading or Supplementary
 * line). Whatever a parser had open ends at such a line, and its date and header are read from the line
 * itself, so a parser that starts there reads the rest of the log exactly as one that read it all.
 */
export function isCutPoint(text: string, start: number, end: number): boolean {
  // A CRI line or a Docker json-file entry may continue a line split before it, which the line alone does not say.
  const afterTime = afterDockerPrefix(text, start, end)
  if (text.charCodeAt(start) === 123 /* { */ || (afterTime !== start && afterCriTag(text, afterTime, end) !== -1)) return false
  let cut = false
  const probe = new RecordParser(0, (record) => (cut = record.format === 'platform'), {}, {
    auditLine: (_input, _line, _time, _server, _severity, _id, message) => {
      cut = !message.startsWith(FURTHER_READING) && !message.startsWith(SUPPLEMENT)
      return true
    },
    logLine: () => false
  })
  probe.lineIn(text, start, end)
  probe.end()
  return cut
}
