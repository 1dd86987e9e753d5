/**
 * What other tools put before a log's own lines: `docker logs -t` times (and the CRI stream and tag after
 * them in the container logs Kubernetes nodes keep), journalctl's time, host and process, docker compose service names,
 * WebSphere/Liberty `SystemOut O` and kubectl `--prefix` prefixes, terminal colours. Each runs on every
 * line of a container log, so the patterns match in place (sticky, ending within the line).
 */
import { isDigit } from '../../../shared/char-codes'
import { holdsAt } from './text-in-place'

/** `docker logs -t`'s time before any line. */
const DOCKER_PREFIX = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d) /y
/** After such a time, a level: the time is a logback line's own, not a prefix. */
const LOGBACK_LEVEL_AFTER_TIME = / +-?(?:ERROR|WARN|INFO|DEBUG|TRACE) +\d+ ---/y
/**
 * After such a time, the stream and tag of a CRI log (containerd and CRI-O write each container's lines so,
 * in the files Kubernetes nodes keep): `stdout F ` before a whole line, `stdout P ` before a part of one.
 */
const CRI_TAG = /std(?:out|err) [FP] /y
/**
 * journalctl's prefixes, for a platform run as a systemd service: its time (`Mar 01 10:00:00`, or ISO with
 * `-o short-iso`, its offset without a colon), then the host and the process (`egeria-host java[4242]: `).
 */
const JOURNAL_TIME = /(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d\d:\d\d:\d\d |\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?[+-]\d{4} /y
const JOURNAL_SOURCE = /[\w.-]+ [\w.@/-]+(?:\[\d+\])?: /y
const SYSTEM_OUT_PREFIX = /^\[[^\]]{6,40}\] [0-9a-fA-F]{8} \S+ +[OR] /
const KUBECTL_PREFIX = /^\[pod\/[^\]]+\] /
const COMPOSE_PREFIX = /[\w.-]+ *\| /y
/** Terminal colour codes (docker compose colours its service prefixes, Spring Boot its levels). */
const ANSI_CODES = /\u001b\[[0-9;]*[A-Za-z]/g

/**
 * Where sticky `pattern` matched at `start` ends, or -1 when it did not match within the line ending at
 * `end`. For the patterns matched this way (DOCKER_PREFIX, LOGBACK_LEVEL_AFTER_TIME, COMPOSE_PREFIX) that
 * is exactly the line's own match: each matches at most one way and looks at nothing after its match.
 */
function matchEnd(pattern: RegExp, text: string, start: number, end: number): number {
  pattern.lastIndex = start
  return pattern.test(text) && pattern.lastIndex <= end ? pattern.lastIndex : -1
}

/**
 * Whether LOGBACK_LEVEL_AFTER_TIME may match at `at - 1`: after the time's space comes another space, a
 * `-`, or the first two letters of a level (ER, WA, IN, DE, TR), both capitals. A console date after a
 * docker time (`Wed`, `Thu`) has a small second letter and skips the pattern.
 */
function mayStartLevel(text: string, at: number): boolean {
  const first = text.charCodeAt(at)
  if (first === 32 || first === 45) return true
  const second = text.charCodeAt(at + 1)
  return (first === 69 || first === 87 || first === 73 || first === 68 || first === 84) && second >= 65 && second <= 90
}

/** Where a line starts after a `docker logs -t` time, unless the time is a Spring Boot line's own. */
export function afterDockerPrefix(text: string, start: number, end: number): number {
  const c0 = text.charCodeAt(start)
  if (c0 < 48 || c0 > 57 || start + 10 >= end || text.charCodeAt(start + 10) !== 84) return start
  const prefixEnd = matchEnd(DOCKER_PREFIX, text, start, end)
  if (prefixEnd === -1) return start
  return mayStartLevel(text, prefixEnd) && matchEnd(LOGBACK_LEVEL_AFTER_TIME, text, prefixEnd - 1, end) !== -1 ? start : prefixEnd
}

/**
 * Where a line starts after the server or service that wrote it (`[server] `, kubectl's `[pod/…] `, compose's
 * `service | `) and a time after that (`docker compose logs -t`, `kubectl logs --prefix --timestamps`); `start`
 * when it has none. `mayHaveBar` is false for a line known to hold no `|`, which no compose prefix lacks.
 */
export function afterSourcePrefix(text: string, start: number, end: number, mayHaveBar = true): number {
  const prefixEnd = start < end && text.charCodeAt(start) === 91 /* [ */ ? afterServerPrefix(text, start, end) : mayHaveBar ? afterComposePrefix(text, start, end) : start
  return prefixEnd === start ? start : afterDockerPrefix(text, prefixEnd, end)
}

/** Where a line starts after journalctl's time, host and process; `start` when it has none. */
export function afterJournalPrefix(text: string, start: number, end: number): number {
  // `Mar 01 10:00:00` has spaces at 3 and 6 and a colon at 9 (a console line's `Sat Nov 22` does not).
  const short = text.charCodeAt(start + 3) === 32 && text.charCodeAt(start + 6) === 32 && text.charCodeAt(start + 9) === 58
  if (!short && !isJournalIsoTime(text, start)) return start
  const timeEnd = matchEnd(JOURNAL_TIME, text, start, end)
  const sourceEnd = timeEnd === -1 ? -1 : matchEnd(JOURNAL_SOURCE, text, timeEnd, end)
  return sourceEnd === -1 ? start : sourceEnd
}

/**
 * Whether an ISO time at `start` ends with an offset without a colon (`+0100`), as journalctl prints it and
 * neither docker nor Spring Boot does (`Z`, `+01:00`): their lines are told apart without a pattern.
 */
function isJournalIsoTime(text: string, start: number): boolean {
  if (text.charCodeAt(start + 4) !== 45 || text.charCodeAt(start + 10) !== 84) return false
  let at = start + 19
  if (text.charCodeAt(at) === 46 /* . */) while (isDigit(text.charCodeAt(++at)));
  const sign = text.charCodeAt(at)
  return (sign === 43 || sign === 45) && isDigit(text.charCodeAt(at + 3))
}

/** Where a line starts after a CRI log's stream and tag at `start` (after its time); -1 when there is none. */
export function afterCriTag(text: string, start: number, end: number): number {
  return text.charCodeAt(start) === 115 /* s */ ? matchEnd(CRI_TAG, text, start, end) : -1
}

/** Whether the CRI tag ending at `tagEnd` says the line is a part that the next line continues (P). */
export function isPartOfLine(text: string, tagEnd: number): boolean {
  return text.charCodeAt(tagEnd - 2) === 80 /* P */
}

/** The line without its terminal colours, as a string of its own. */
export function withoutColours(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(ANSI_CODES, '')
}

/** Where a line starting with `[` starts after the prefix an app server or kubectl put before it. */
function afterServerPrefix(text: string, start: number, end: number): number {
  const line = text.slice(start, end)
  const prefix = SYSTEM_OUT_PREFIX.exec(line) ?? KUBECTL_PREFIX.exec(line)
  return prefix ? start + prefix[0].length : start
}

/** Where a line starts after a docker compose service prefix: its `| ` is the last one within the first few dozen characters, after a space. */
export function afterComposePrefix(text: string, start: number, end: number): number {
  const prefixEnd = matchEnd(COMPOSE_PREFIX, text, start, end)
  const bar = prefixEnd - 2
  if (prefixEnd === -1 || bar - start > 64) return start
  // The last `| ` up to the limit is the prefix's own unless another follows it there: a search forward
  // finds that sooner than one backward from the limit.
  const limit = Math.min(start + 64, end - 2)
  const next = text.indexOf('| ', bar + 1)
  const last = next === -1 || next > limit ? bar : text.lastIndexOf('| ', limit)
  return text.charCodeAt(last - 1) === 32 ? prefixEnd : start
}

/**
 * The text of the Docker json-file log entry at `start` (`{"log":"…\n","stream":"stdout","time":"…"}`, as Docker keeps a
 * container's output under /var/lib/docker/containers), and whether it ends its line: Docker splits a line
 * longer than 16 KB into entries, only the last ending with a newline. Undefined for any other JSON.
 */
export function dockerLogEntry(text: string, start: number, end: number): { text: string; whole: boolean } | undefined {
  // Docker writes `log` first: any other JSON line (an audit record) is not parsed twice.
  if (!holdsAt(text, start, end, '{"log":"')) return undefined
  let value: unknown
  try {
    value = JSON.parse(text.slice(start, end))
  } catch {
    return undefined
  }
  const { log, stream } = value as { log?: unknown; stream?: unknown }
  if (typeof log !== 'string' || (stream !== 'stdout' && stream !== 'stderr')) return undefined
  const whole = log.endsWith('\n')
  return { text: whole ? log.slice(0, log.endsWith('\r\n') ? -2 : -1) : log, whole }
}
