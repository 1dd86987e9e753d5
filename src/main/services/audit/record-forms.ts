/**
 * A record's text and exception with each GUID as ANY_GUID (element-guids.ts), each worked out once: the
 * record's ID chain and then its diagnosis ask for them. Only the last record's are kept, known by the
 * record itself (an object compare, where a text compare would read two long texts).
 */
import type { AuditRecord } from '../../../shared/models/audit'
import { withAnyGuid } from '../../../shared/knowledge/element-guids'

let lastRecord: AuditRecord | undefined
let lastText: string | undefined
let lastException: string | undefined

export function textForm(record: AuditRecord): string {
  if (record !== lastRecord) forget(record)
  return (lastText ??= withAnyGuid(record.text))
}

export function exceptionForm(record: AuditRecord): string | undefined {
  if (record.exceptionMessage === undefined) return undefined
  if (record !== lastRecord) forget(record)
  return (lastException ??= withAnyGuid(record.exceptionMessage))
}

function forget(record: AuditRecord): void {
  lastRecord = record
  lastText = undefined
  lastException = undefined
}
