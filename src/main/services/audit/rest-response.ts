/**
 * REST responses saved or pasted into a log: Egeria's FFDC error envelopes and integration daemon
 * status answers, as JSON or as a Python dict print, possibly spread over many lines. The parser
 * collects a block until its braces balance; this turns the block into a record.
 */
import type { AuditRecord } from '../../../shared/models/audit'
import { extractMessageIds } from '../../../shared/knowledge/message-ids'
import { majorFromStatusShape, normaliseStatus } from '../egeria/normalise'
import { isoSeconds } from './java-time'
import { jsonAuditRecord } from './audit-record'

type RecordFields = Omit<AuditRecord, 'input' | 'firstLine' | 'lastLine'>

/** The change in brace depth over a line, ignoring braces inside quoted strings. */
export function braceDepthChange(line: string): number {
  let depth = 0
  let quote = 0
  for (let at = 0; at < line.length; at++) {
    const code = line.charCodeAt(at)
    if (quote !== 0) {
      if (code === 92) at++ // backslash escapes the next character
      else if (code === quote) quote = 0
    } else if (code === 34 || code === 39) {
      // An apostrophe inside a word (don't) is not a quote.
      if (code === 34 || !isWordChar(line.charCodeAt(at - 1))) quote = code
    } else if (code === 123) depth++
    else if (code === 125) depth--
  }
  return depth
}

function isWordChar(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57)
}

/** A Python dict print as JSON: single-quoted strings, None, True and False. */
export function pythonToJson(text: string): string {
  let out = ''
  for (let at = 0; at < text.length; at++) {
    const char = text[at]!
    if (char === '"' || char === "'") {
      let end = at + 1
      let body = ''
      while (end < text.length && text[end] !== char) {
        if (text[end] === '\\' && end + 1 < text.length) {
          body += text[end + 1] === "'" ? "'" : text.slice(end, end + 2)
          end += 2
          continue
        }
        body += text[end] === '"' ? '\\"' : text[end]
        end++
      }
      out += `"${body}"`
      at = end
      continue
    }
    if (/[A-Za-z]/.test(char) && !/[\w]/.test(text[at - 1] ?? '')) {
      const word = /^[A-Za-z_]\w*/.exec(text.slice(at, at + 6))?.[0]
      if (word === 'None' || word === 'True' || word === 'False') {
        out += word === 'None' ? 'null' : word.toLowerCase()
        at += word.length - 1
        continue
      }
    }
    out += char
  }
  return out
}

/** A block of text as a parsed object: JSON first, then a Python dict print. */
export function parseResponseText(text: string): unknown {
  const start = text.indexOf('{')
  if (start === -1) return undefined
  const body = text.slice(start, text.lastIndexOf('}') + 1)
  for (const candidate of [body, () => pythonToJson(body)]) {
    try {
      return JSON.parse(typeof candidate === 'string' ? candidate : candidate())
    } catch {
      // try the next reading
    }
  }
  return undefined
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined)

/** A parsed REST response (or JSON audit record) as a record; undefined when it is neither. */
export function responseRecord(value: unknown): RecordFields | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const audit = jsonAuditRecord(value)
  if (audit) return audit
  const body = value as Record<string, unknown>
  const status = statusRecord(body)
  if (status) return status
  const messageId = str(body.exceptionErrorMessageId)?.trim()
  const message = str(body.exceptionErrorMessage)
  const httpCode = typeof body.relatedHTTPCode === 'number' ? body.relatedHTTPCode : undefined
  if (!messageId && !message && (httpCode === undefined || httpCode < 400)) return undefined
  const causedBy = str(body.exceptionCausedBy)
  const parameters = Array.isArray(body.exceptionErrorMessageParameters) ? body.exceptionErrorMessageParameters.filter((p): p is string => typeof p === 'string') : []
  const text = message ?? `HTTP ${httpCode ?? '?'} from ${str(body.actionDescription) ?? 'a REST call'}`
  const messageIds = extractMessageIds(messageId, text, causedBy)
  const record: RecordFields = {
    format: 'rest',
    audit: false,
    text,
    messageIds,
    level: httpCode !== undefined && httpCode < 400 ? 'INFO' : 'ERROR'
  }
  if (messageIds[0]) record.messageId = messageIds[0]
  const exceptionClass = str(body.exceptionClassName)
  if (exceptionClass) record.exceptionClass = exceptionClass
  const detail = [causedBy, parameters.length > 0 ? `parameters: ${parameters.join(', ')}` : undefined, str(body.exceptionSystemAction), str(body.exceptionUserAction)].filter(Boolean)
  if (detail.length > 0) record.exceptionMessage = detail.join('\n')
  if (str(body.class)) record.logger = str(body.class)
  return record
}

const LEVELS: Record<string, string> = { ERROR: 'ERROR', SEVERE: 'ERROR', FATAL: 'ERROR', WARN: 'WARN', WARNING: 'WARN', INFO: 'INFO', DEBUG: 'DEBUG', TRACE: 'TRACE', FINE: 'DEBUG' }

/**
 * A structured (JSON) log line of the platform: logstash/ECS encoders (`level`, `message`,
 * `logger_name`, `stack_trace`, `@timestamp`) or Liberty's JSON logging (`loglevel`, `message`).
 */
export function structuredLogRecord(value: unknown): RecordFields | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const body = value as Record<string, unknown>
  const message = str(body.message) ?? str(body.msg)
  const rawLevel = str(body.level) ?? str(body.loglevel) ?? str((body.log as Record<string, unknown> | undefined)?.level)
  if (message === undefined || rawLevel === undefined) return undefined
  const level = LEVELS[rawLevel.toUpperCase()] ?? 'INFO'
  const stack = str(body.stack_trace) ?? str(body.exception) ?? str((body.error as Record<string, unknown> | undefined)?.stack_trace)
  const record: RecordFields = { format: 'logback', audit: false, text: message, messageIds: extractMessageIds(message, stack?.split('\n', 1)[0]), level }
  if (record.messageIds[0]) record.messageId = record.messageIds[0]
  const logger = str(body.logger_name) ?? str(body.logger) ?? str(body.loggerName) ?? str(body.module)
  if (logger) record.logger = logger
  if (stack) record.stackTrace = stack.trimEnd().split('\n').slice(0, 200)
  const stamp = str(body['@timestamp']) ?? str(body.timestamp) ?? str(body.ibm_datetime)
  if (stamp && !Number.isNaN(Date.parse(stamp))) record.time = isoSeconds(Date.parse(stamp))
  return record
}

/** A daemon status answer of any release, diagnosed by the Status step's own normalisation. */
function statusRecord(body: Record<string, unknown>): RecordFields | undefined {
  const egeria = majorFromStatusShape(body) ?? (body.class === 'IntegrationDaemonStatusResponse' ? 5 : undefined)
  if (egeria === undefined) return undefined
  const server = str((body.integrationDaemonStatus as Record<string, unknown> | undefined)?.serverName) ?? str(body.serverName)
  let daemonStatus
  try {
    daemonStatus = normaliseStatus(body, { server: server ?? '', platformUrl: '', egeria })
  } catch {
    return undefined
  }
  const { total, failed } = daemonStatus.counts
  const record: RecordFields = {
    format: 'rest',
    audit: false,
    text: `Integration daemon status${server ? ` of ${server}` : ''}: ${total} connector${total === 1 ? '' : 's'}, ${failed} failed`,
    messageIds: [],
    level: failed > 0 ? 'ERROR' : 'INFO',
    daemonStatus
  }
  if (server) record.server = server
  return record
}
