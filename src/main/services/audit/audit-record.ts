/**
 * An audit record's fields beyond its line: the OMRSAuditLogRecord JSON form (file and event-topic
 * destinations), and what a finished record gets from its texts (its nested-ID chain, connector and
 * exception class).
 */
import { AUDIT_SEVERITIES, PROBLEM_SEVERITY_SET, type AuditRecord } from '../../../shared/models/audit'
import { isCapital, isDigit } from '../../../shared/char-codes'
import { extractMessageIds } from '../../../shared/knowledge/message-ids'
import { connectorNameFromText } from './connector-names'
import { isoSeconds } from './java-time'
import { internString, ownCopy } from './own-string'
import { exceptionForm, textForm } from './record-forms'
import { RepeatWatch } from './repeat-watch'
import { RoundRobinMap } from './round-robin-map'

/**
 * The ID chains of the last texts scanned: a failing connector writes the same text, exception and trace
 * head on every retry (or names another element's GUID, which never holds an ID: element-guids.ts), and a
 * lookup by its GUID-blind text costs less than scanning the three of them again.
 */
class IdChains {
  // A failing connector's texts come again in the same order: a compare finds most of them without a hash.
  private byText = new RoundRobinMap<{ id: string; exception: string | undefined; head: string | undefined; ids: string[] }>()
  private readonly repeats = new RepeatWatch()

  /**
   * The IDs as strings of their own (interned: IDs are few): a slice of the text would keep a decoded piece
   * of the log alive wherever the ID is kept, in a timeline or a classification.
   */
  of(id: string, record: AuditRecord): string[] {
    const { text, exceptionMessage: exception } = record
    const head = record.stackTrace?.[0]
    if (!this.repeats.asks()) return extractMessageIds(id, text, exception, head).map(internString)
    // The text as it is first, where the order repeats: a text that names no GUID is its own form, and not scanned.
    let form = text
    let known = this.byText.getInOrder(text)
    if (known === undefined) known = this.byText.get((form = textForm(record)))
    if (known) this.repeats.repeated()
    if (known && known.id === id && (known.exception === exception || known.exception === exceptionForm(record)) && known.head === head) return known.ids
    const ids = extractMessageIds(id, text, exception, head).map(internString)
    if (this.byText.size >= 4096) this.byText = new RoundRobinMap()
    // Copies of their own: the texts are slices of a decoded piece of the log, which a kept one would hold in memory.
    // Not interned: where texts never repeat, interning each one cost a quarter of the analysis.
    const keep = (value: string | undefined): string | undefined => (value === undefined ? undefined : ownCopy(value))
    this.byText.set(ownCopy(form), { id, exception: keep(exceptionForm(record)), head: keep(head), ids })
    return ids
  }
}

const ID_CHAINS = new IdChains()

/** Fills the nested-ID chain, connector name and exception details of a finished audit record. */
export function completeAuditRecord(record: AuditRecord): void {
  const id = record.messageId
  if (!id) return
  // Only a text with another `-NNN` can nest an ID: skip the regex for the plain majority of lines.
  const text = record.text
  const nested = hasDigitAfterHyphen(text)
  if (nested || record.exceptionMessage || record.stackTrace) {
    record.messageIds = ID_CHAINS.of(id, record)
    record.messageIdsOfHead = true
  }
  const connector = record.connector ?? connectorNameFromText(id, text)
  if (connector !== undefined) record.connector = connector
  // Exception-severity console lines name the exception inside the text; chatter never needs the scan.
  if (!record.exceptionClass && (nested || PROBLEM_SEVERITY_SET.has(record.severity ?? '')) && mayNameQualifiedException(text)) {
    const thrown = QUALIFIED_EXCEPTION.exec(text)
    if (thrown) record.exceptionClass = thrown[1]
  }
}

/** A qualified Java exception class named in a text: `org.example.FooException`. */
export const QUALIFIED_EXCEPTION = /\b((?:[a-z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error))\b/

/**
 * Whether a text may name a qualified exception class: some `Exception` or `Error` ends a name part that
 * follows a dot (`.FooException`). Rules out prose (`… connect. Exception message is …`) without running
 * QUALIFIED_EXCEPTION, which is slow over a long text.
 */
function mayNameQualifiedException(text: string): boolean {
  return endsDottedNamePart(text, 'Exception') || endsDottedNamePart(text, 'Error')
}

function endsDottedNamePart(text: string, suffix: string): boolean {
  for (let at = text.indexOf(suffix); at !== -1; at = text.indexOf(suffix, at + 1)) {
    let partStart = at
    while (partStart > 0 && isJavaNameChar(text.charCodeAt(partStart - 1))) partStart--
    if (partStart < at && text.charCodeAt(partStart - 1) === 46 /* . */) return true
  }
  return false
}

/** `[\w$]`: letters, digits, `_` and `$`. */
function isJavaNameChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36
}

/** A `X-NNN` shape (uppercase or digit, hyphen, three digits): lowercase GUIDs and names never match. */
export function hasDigitAfterHyphen(text: string): boolean {
  let at = text.indexOf('-')
  while (at !== -1) {
    const before = text.charCodeAt(at - 1)
    if ((isCapital(before) || isDigit(before)) && isDigit(text.charCodeAt(at + 1)) && isDigit(text.charCodeAt(at + 2)) && isDigit(text.charCodeAt(at + 3))) {
      return true
    }
    at = text.indexOf('-', at + 1)
  }
  return false
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
