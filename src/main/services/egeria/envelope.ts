/** Egeria's FFDC error envelope: pure parsing, no I/O. */
import { extractMessageIds } from '../../../shared/knowledge'

export interface EgeriaErrorEnvelope {
  responseClass?: string
  relatedHTTPCode: number
  exceptionClassName?: string
  exceptionSubclassName?: string
  exceptionCausedBy?: string
  actionDescription?: string
  message: string
  messageId?: string
  /** The envelope's own ID first, then any IDs quoted inside its message (the chain of causes). */
  messageIds: string[]
  parameters: string[]
  systemAction?: string
  userAction?: string
  properties?: Record<string, unknown>
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

/** The error carried by an FFDC response (`relatedHTTPCode` other than 200), or undefined for a success. */
export function ffdcError(body: unknown): EgeriaErrorEnvelope | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined
  const record = body as Record<string, unknown>
  const code = record.relatedHTTPCode
  if (typeof code !== 'number' || code === 200) return undefined
  const messageId = str(record.exceptionErrorMessageId)
  const message = str(record.exceptionErrorMessage) ?? `Egeria returned error ${code}`
  const ids = extractMessageIds(message)
  return {
    responseClass: str(record.class),
    relatedHTTPCode: code,
    exceptionClassName: str(record.exceptionClassName),
    exceptionSubclassName: str(record.exceptionSubclassName),
    exceptionCausedBy: str(record.exceptionCausedBy),
    actionDescription: str(record.actionDescription),
    message,
    messageId,
    messageIds: messageId ? [messageId, ...ids.filter((id) => id !== messageId)] : ids,
    parameters: Array.isArray(record.exceptionErrorMessageParameters)
      ? record.exceptionErrorMessageParameters.map(String)
      : [],
    systemAction: str(record.exceptionSystemAction),
    userAction: str(record.exceptionUserAction),
    properties:
      record.exceptionProperties && typeof record.exceptionProperties === 'object'
        ? (record.exceptionProperties as Record<string, unknown>)
        : undefined
  }
}
