/**
 * A record's text and exception with each GUID as ANY_GUID (element-guids.ts), each worked out once: the
 * record's ID chain and then its diagnosis ask for them. Only the last record's are kept, known by the
 * record itself (an object compare, where a text compare would read two long texts).
 */
import type { AuditRecord } from '../../../shared/models/audit'
import { isWordChar } from '../../../shared/char-codes'
import { withAnyGuid } from '../../../shared/knowledge/element-guids'

let lastRecord: AuditRecord | undefined
let lastText: string | undefined
let lastException: string | undefined

export function textForm(record: AuditRecord): string {
  if (record !== lastRecord) forget(record)
  return (lastText ??= withAnyGuid(record.text))
}

export function exceptionForm(record: AuditRecord): string | undefined {
  const exception = record.exceptionMessage
  if (exception === undefined) return undefined
  if (record !== lastRecord) forget(record)
  return (lastException ??= endOfTextForm(record.text, exception) ?? withAnyGuid(exception))
}

/**
 * The form of the end of a text, from the text's form when it is at hand: Egeria's failure texts end with
 * their exception's message (`… exception containing message {2}`). No GUID crosses into the end, nor
 * stands alone only there, when what comes before it is no part of a name.
 */
function endOfTextForm(text: string, end: string): string | undefined {
  if (lastText === undefined || !text.endsWith(end)) return undefined
  const before = text.length - end.length
  const last = text.charCodeAt(before - 1)
  if (before > 0 && (isWordChar(last) || last === 45 /* - */)) return undefined
  return lastText.slice(lastText.length - end.length)
}

function forget(record: AuditRecord): void {
  lastRecord = record
  lastText = undefined
  lastException = undefined
}
