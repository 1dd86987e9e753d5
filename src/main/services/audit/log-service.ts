/**
 * Log sessions for the app: open files or pasted text, get the analysis, page through records with
 * filters, search with a regex and context, draw a severity histogram, and follow growing files
 * (new records are pushed as `logs.appended` events). Records are kept up to a cap per session, in a
 * compact store that builds record objects only for what the viewer asks for.
 */
import { randomUUID } from 'node:crypto'
import { stat } from 'node:fs/promises'
import type { EmitEvent } from '../../../shared/api'
import type {
  AnalysisReport, AuditRecord, LocateResult, LocateTarget, LogSession, LogText, RecordPage, RecordQuery, SearchQuery, SearchResult, SeverityHistogram
} from '../../../shared/models/audit'
import { AppError } from '../../../shared/result'
import { analyzeSources, reportOf } from './analyze'
import { Diagnoser } from './diagnosis'
import { timeZone, ZONE_HINT } from './java-time'
import { CHUNK_BYTES, openInput, readIncrement, streamSource, type BetweenChunks, type InputResult, type LiveFeed, type RecordSource } from './log-reader'
import type { ParserStats } from './record-parser'
import type { ParserOptions } from './record-parser'
import { filterKey, matchingPositions, searchRecords, severityHistogram } from './record-queries'
import { RecordStore } from './record-store'
import { compileSearchPattern } from '../../../shared/search-pattern'

/**
 * The viewer must stay usable with this many records. Kept compactly (record-store.ts), a million
 * records of a busy daemon's 200 MB log add about 150 MB to the process: the browser host holding them
 * sits at about 265 MB RSS after GC (35 MB of it heap), 320 MB at its peak while reading
 * (`npm run bench:memory`). As objects they took 480 MB of heap and 610 MB RSS.
 */
export const MAX_STORED_RECORDS = 1_000_000
const MAX_PAGE = 1000
const MAX_HITS = 500
/** Filtered views kept per session: the viewer pages through one view and flips between a few. */
const MAX_CACHED_VIEWS = 6
/** While a log is read, the event loop gets a turn at least this often, so calls (and Cancel) are answered. */
const YIELD_EVERY_MS = 16
const PROGRESS_EVERY_MS = 100

export interface LogServiceDeps {
  emit: EmitEvent
  /** How often followed files are checked for growth. */
  pollMs?: number
  maxStoredRecords?: number
  /** How long one search may run before it answers with what it found so far. */
  searchLimitMs?: number
}

/** A search longer than this stops and says so: the operator narrows it rather than waits. */
export const SEARCH_LIMIT_MS = 5000

interface Tail {
  path: string
  input: number
  offset: number
  lineBase: number
  /** The file's size at the last read: a record is held back only while the file keeps growing. */
  size: number
  held: boolean
}

interface Session {
  id: string
  name: string
  records: RecordStore
  diagnoser: Diagnoser
  results: { path: string; result: InputResult }[]
  report: AnalysisReport
  options: ParserOptions
  tails: Tail[]
  /**
   * Database and topic sources (by input index): they follow themselves and hold connections. Other
   * sources are not kept once read (a pasted text's source holds the whole text).
   */
  sources: (RecordSource | undefined)[]
  feeds: LiveFeed[]
  /** Why a followed database or topic cannot be read just now (it keeps trying). */
  problem?: string
  timer?: ReturnType<typeof setInterval>
  polling: boolean
  /** Bumped whenever records are added or dropped: cached views and the histogram are then rebuilt. */
  version: number
  /** Positions of the records matching a filter, by filter key (absent key: unfiltered). */
  views: Map<string, { version: number; positions: Int32Array }>
  histogram?: { version: number; bucketSeconds?: number; value: SeverityHistogram }
  /** Searches started: a search still running when a newer one starts is no longer wanted. */
  searches: number
}

export class LogService {
  private readonly sessions = new Map<string, Session>()
  private readonly maxStored: number
  private readonly searchLimitMs: number
  /** Openings that can still be cancelled, by the renderer's openId. */
  private readonly openings = new Map<string, AbortController>()

  constructor(private readonly deps: LogServiceDeps) {
    this.maxStored = deps.maxStoredRecords ?? MAX_STORED_RECORDS
    this.searchLimitMs = deps.searchLimitMs ?? SEARCH_LIMIT_MS
  }

  async open(paths: string[], zone?: string, openId?: string): Promise<LogSession> {
    if (paths.length === 0) throw new AppError('invalid-input', 'Choose at least one log file or folder')
    if (openId !== undefined && this.openings.has(openId)) throw new AppError('busy', 'That log is already being opened')
    const options = parserOptions(zone)
    const sources: RecordSource[] = []
    for (const [index, path] of paths.entries()) {
      try {
        sources.push(await openInput(path, index, options))
      } catch (error) {
        throw new AppError('not-found', `Cannot read ${path}: ${readProblem(error as NodeJS.ErrnoException)}`)
      }
    }
    return this.start(paths.join(', '), sources, options, openId)
  }

  /** Stops an opening started with this openId; false when none is running. */
  cancel(openId: string): boolean {
    const opening = this.openings.get(openId)
    opening?.abort()
    return opening !== undefined
  }

  async openText(text: string, name = 'Pasted log', zone?: string): Promise<LogSession> {
    return this.openTexts([{ name, text }], zone)
  }

  async openTexts(texts: LogText[], zone?: string): Promise<LogSession> {
    if (texts.length === 0) throw new AppError('invalid-input', 'Give at least one log text')
    const options = parserOptions(zone)
    const sources = texts.map(({ name, text }, index) => streamSource(name, textSlices(text), index, options))
    return this.start(texts.map((text) => text.name).join(', '), sources, options)
  }

  /**
   * Analyses sources opened elsewhere (Egeria's audit database or topic) as a session; the session owns
   * them from here on and closes them with itself.
   */
  async openSources(name: string, sources: RecordSource[]): Promise<LogSession> {
    try {
      return await this.start(name, sources, {})
    } catch (error) {
      await Promise.all(sources.map((source) => source.close?.()))
      throw error
    }
  }

  records(sessionId: string, query: RecordQuery = {}): RecordPage {
    const session = this.session(sessionId)
    const offset = Math.max(0, query.offset ?? 0)
    const limit = Math.min(Math.max(1, query.limit ?? 200), MAX_PAGE)
    const positions = this.view(session, query)
    const total = positions ? positions.length : session.records.size
    const page: AuditRecord[] = []
    for (let index = offset; index < Math.min(total, offset + limit); index++) {
      page.push(session.records.record(positions ? positions[index]! : index))
    }
    return { total, offset, records: page }
  }

  locate(sessionId: string, target: LocateTarget, query: RecordQuery = {}): LocateResult {
    const session = this.session(sessionId)
    const records = session.records
    const positions = this.view(session, query)
    const total = positions ? positions.length : records.size
    // Tests by stored position, found as a position among the filtered records.
    const found = (test: (position: number) => boolean, from = 0, step = 1): number | undefined => {
      for (let index = from; index >= 0 && index < total; index += step) if (test(positions ? positions[index]! : index)) return index
      return undefined
    }
    const isProblem = (position: number): boolean => records.kindAt(position).problem
    switch (target.kind) {
      case 'line':
        return {
          total,
          position: found((position) =>
            records.kindAt(position).input === target.input && records.firstLineAt(position) <= target.line && target.line <= records.lastLineAt(position) &&
            (!target.file || records.fileAt(position) === target.file))
        }
      case 'time': {
        // Records are merged by time; untimed records (platform lines) sit between their neighbours.
        const time = Date.parse(target.time)
        return { total, position: found((position) => records.timeAt(position) >= time) }
      }
      case 'problem':
        return target.direction === 'next'
          ? { total, position: found(isProblem, target.from + 1) }
          : { total, position: found(isProblem, Math.min(target.from, total) - 1, -1) }
    }
  }

  /** Searches the stored records; a newer search of the same log replaces this one (it ends 'cancelled'). */
  async search(sessionId: string, query: SearchQuery): Promise<SearchResult> {
    const session = this.session(sessionId)
    const compiled = compileSearchPattern(query.pattern, query.ignoreCase ?? false)
    if (!compiled.ok) throw new AppError('invalid-input', `Invalid search pattern: ${compiled.error}`, { pattern: compiled.error })
    const pattern = compiled.value
    const context = Math.min(Math.max(0, query.context ?? 2), 20)
    const limit = Math.min(Math.max(1, query.limit ?? 100), MAX_HITS)
    const generation = ++session.searches
    return searchRecords(session.records, pattern, context, limit, {
      limitMs: this.searchLimitMs,
      check: () => {
        if (this.sessions.get(sessionId) !== session) throw new AppError('not-found', 'The log was closed while it was being searched')
        if (session.searches !== generation) throw new AppError('cancelled', 'A newer search of this log replaced this one')
      }
    })
  }

  histogram(sessionId: string, bucketSeconds?: number): SeverityHistogram {
    const session = this.session(sessionId)
    const cached = session.histogram
    if (cached && cached.version === session.version && cached.bucketSeconds === bucketSeconds) return cached.value
    const value = severityHistogram(session.records, bucketSeconds)
    session.histogram = { version: session.version, bucketSeconds, value }
    return value
  }

  /** Starts reading appended lines of the session's plain files; new records arrive as `logs.appended`. */
  follow(sessionId: string): LogSession {
    const session = this.session(sessionId)
    const live = session.sources.flatMap((source, input) => (source?.follow ? [{ source, input }] : []))
    if (session.tails.length === 0 && live.length === 0) throw new AppError('unsupported', 'Only plain log files, audit databases and audit topics can be followed (not pasted text, .gz files or folders)')
    if (session.feeds.length === 0) {
      session.feeds = live.map(({ source, input }) =>
        source.follow!({
          records: (records, stats) => this.append(session, input, records, stats),
          problem: (message) => {
            session.problem = message
            this.deps.emit('logs', 'appended', { sessionId: session.id, newRecords: 0, report: session.report, ...(message ? { problem: message } : {}) })
          }
        })
      )
    }
    if (session.tails.length > 0 && !session.timer) {
      session.timer = setInterval(() => void this.poll(session), this.deps.pollMs ?? 1000)
      session.timer.unref?.()
      this.setLive(session, true)
    }
    return this.describe(session)
  }

  unfollow(sessionId: string): LogSession {
    const session = this.session(sessionId)
    if (session.timer) {
      clearInterval(session.timer)
      this.setLive(session, false)
    }
    session.timer = undefined
    for (const feed of session.feeds) void feed.stop()
    session.feeds = []
    session.problem = undefined
    return this.describe(session)
  }

  /** A followed log ends now: the diagnosis must not read its end as a stopped process. */
  private setLive(session: Session, live: boolean): void {
    session.diagnoser.live = live
    if (session.report) session.report = reportOf(session.diagnoser, session.results)
  }

  close(sessionId: string): void {
    const session = this.session(sessionId)
    this.unfollow(sessionId)
    this.sessions.delete(sessionId)
    for (const source of session.sources) void source?.close?.()
  }

  /** Records a database or topic delivered while followed: into the diagnosis, the store and the counts. */
  private append(session: Session, input: number, records: AuditRecord[], stats: ParserStats): void {
    if (!this.sessions.has(session.id)) return
    for (const record of records) {
      session.diagnoser.add(record)
      this.store(session, record)
    }
    const counts = session.results[input]!.result.stats
    counts.lines += stats.lines
    counts.records += stats.records
    counts.auditRecords += stats.auditRecords
    counts.unparsedLines += stats.unparsedLines
    session.report = reportOf(session.diagnoser, session.results)
    this.deps.emit('logs', 'appended', { sessionId: session.id, newRecords: records.length, report: session.report })
  }

  dispose(): void {
    for (const id of [...this.sessions.keys()]) this.close(id)
  }

  /** Reads what followed files gained; exposed so tests need not wait for the timer. */
  async poll(session: Session): Promise<number> {
    if (session.polling) return 0
    session.polling = true
    let added = 0
    try {
      for (const tail of session.tails) {
        // A followed file may vanish for a moment while it rotates: look again at the next poll.
        const size = await stat(tail.path).then((info) => info.size, () => undefined)
        if (size === undefined) continue
        const growing = size !== tail.size
        tail.size = size
        if (!growing && !tail.held) continue
        const { records, nextOffset, stats, held } = await readIncrement(tail.path, tail.offset, tail.input, session.options, growing)
        tail.held = held
        if (nextOffset < tail.offset) tail.lineBase = 0 // rotated or truncated: lines count from the top again
        for (const record of records) {
          record.firstLine += tail.lineBase
          record.lastLine += tail.lineBase
          session.diagnoser.add(record)
          this.store(session, record)
        }
        const result = session.results[tail.input]!.result
        result.stats.lines += stats.lines
        result.stats.records += stats.records
        result.stats.auditRecords += stats.auditRecords
        result.stats.unparsedLines += stats.unparsedLines
        result.stats.blankLines += stats.blankLines
        result.stats.truncatedLines += stats.truncatedLines
        tail.lineBase += stats.lines
        tail.offset = nextOffset
        result.endOffset = nextOffset
        added += records.length
      }
    } finally {
      session.polling = false
    }
    if (added > 0) {
      session.report = reportOf(session.diagnoser, session.results)
      this.deps.emit('logs', 'appended', { sessionId: session.id, newRecords: added, report: session.report })
    }
    return added
  }

  private async start(name: string, sources: RecordSource[], options: ParserOptions, openId?: string): Promise<LogSession> {
    const kept = sources.map((source) => (source.follow || source.close ? source : undefined))
    const session: Session = {
      id: randomUUID(), name, records: new RecordStore(this.maxStored), diagnoser: new Diagnoser(), results: [], options, tails: [], sources: kept, feeds: [], polling: false,
      version: 0, views: new Map(), report: undefined as unknown as AnalysisReport, searches: 0
    }
    const cancel = new AbortController()
    if (openId !== undefined) this.openings.set(openId, cancel)
    const stopProgress = openId === undefined ? undefined : this.reportProgress(openId, sources)
    let finished = false
    try {
      session.report = await analyzeSources(sources, {
        diagnoser: session.diagnoser,
        onRecord: (record) => this.store(session, record),
        betweenChunks: yielding(cancel.signal)
      })
      finished = true
    } catch (error) {
      if (cancel.signal.aborted) throw new AppError('cancelled', 'Opening the log was cancelled')
      if (error instanceof AppError) throw error
      throw new AppError('invalid-input', `Cannot read the log: ${(error as Error).message}`)
    } finally {
      stopProgress?.(finished)
      if (openId !== undefined) this.openings.delete(openId)
    }
    session.results = session.report.inputs.map((input) => ({
      path: input.path,
      result: {
        format: input.format,
        endOffset: input.endOffset ?? 0,
        stats: { lines: input.lines, records: input.records, auditRecords: input.auditRecords, unparsedLines: input.unparsedLines, blankLines: input.blankLines, truncatedLines: input.truncatedLines },
        ...(input.notes ? { notes: input.notes } : {})
      }
    }))
    for (const [index, input] of session.report.inputs.entries()) {
      const plain = input.endOffset !== undefined && input.format !== 'omalrecord-dir' && !sources[index]?.follow && (await isPlainFile(input.path))
      if (plain) session.tails.push({ path: input.path, input: index, offset: input.endOffset!, lineBase: input.lines, size: input.endOffset!, held: false })
    }
    this.sessions.set(session.id, session)
    return this.describe(session)
  }

  /** Pushes `logs.progress` for an opening (bytes read of the files' total) until the returned stop is called. */
  private reportProgress(openId: string, sources: RecordSource[]): (finished: boolean) => void {
    const files = sources.flatMap((source) => (source.progress ? [source.progress] : []))
    const totalBytes = files.reduce((sum, progress) => sum + progress().size, 0)
    const emit = (done: boolean): void => {
      const bytesRead = done ? totalBytes : Math.min(totalBytes, files.reduce((sum, progress) => sum + progress().bytesRead, 0))
      this.deps.emit('logs', 'progress', { openId, bytesRead, totalBytes })
    }
    emit(false)
    const timer = setInterval(() => emit(false), PROGRESS_EVERY_MS)
    return (finished) => {
      clearInterval(timer)
      if (finished) emit(true)
    }
  }

  private store(session: Session, record: AuditRecord): void {
    session.version++
    session.records.add(record)
  }

  /** Positions of the records matching the query's filters, cached per filter; undefined when nothing filters. */
  private view(session: Session, query: RecordQuery): Int32Array | undefined {
    const key = filterKey(query)
    if (key === undefined) return undefined
    const cached = session.views.get(key)
    if (cached && cached.version === session.version) return cached.positions
    session.views.delete(key)
    session.views.set(key, { version: session.version, positions: matchingPositions(session.records, query) })
    if (session.views.size > MAX_CACHED_VIEWS) session.views.delete(session.views.keys().next().value!)
    return session.views.get(key)!.positions
  }

  private describe(session: Session): LogSession {
    return {
      id: session.id, name: session.name, report: session.report, storedRecords: session.records.size, droppedRecords: session.records.dropped,
      following: session.timer !== undefined || session.feeds.length > 0, ...(session.problem ? { problem: session.problem } : {})
    }
  }

  private session(id: string): Session {
    const session = this.sessions.get(id)
    if (!session) throw new AppError('not-found', 'That log is no longer open')
    return session
  }
}

/** Words for the file-system errors an operator meets, with the code kept for searching. */
const READ_PROBLEMS: Record<string, string> = {
  ENOENT: 'there is no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder, not a log file or an .omalrecord folder',
  ENOTDIR: 'a part of the path is not a folder'
}

function readProblem(error: NodeJS.ErrnoException): string {
  const words = error.code ? READ_PROBLEMS[error.code] : undefined
  return words ? `${words} (${error.code})` : (error.code ?? error.message)
}

function parserOptions(zone: string | undefined): ParserOptions {
  if (zone === undefined || zone === '') return {}
  const known = timeZone(zone)
  if (known === undefined) throw new AppError('invalid-input', `Unknown time zone ${zone}: ${ZONE_HINT}`, { zone: 'Unknown time zone' })
  return { zone: known }
}

async function isPlainFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile() && !/\.gz$/i.test(path)
  } catch {
    return false
  }
}

/**
 * A pasted text in pieces of about a chunk, so that only one piece at a time is ever turned into
 * bytes rather than a copy of the whole text. A piece never ends between the two halves of a surrogate pair.
 */
async function* textSlices(text: string): AsyncGenerator<string> {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + CHUNK_BYTES)
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--
    yield text.slice(start, end)
    start = end
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

/** Between chunks: stop when cancelled, and give the event loop a turn when the reading has held it for a while. */
function yielding(signal: AbortSignal): BetweenChunks {
  let since = performance.now()
  return () => {
    signal.throwIfAborted()
    if (performance.now() - since < YIELD_EVERY_MS) return undefined
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        since = performance.now()
        resolve()
      })
    )
  }
}
