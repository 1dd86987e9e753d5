/**
 * The one generic step both hosts take for every call: validate the arguments against the
 * contract's schema, call the service, and return the outcome as a `Result`.
 */
import type { z } from 'zod'
import type { AppApi } from '../../shared/api'
import type { ChannelEntry } from '../../shared/channels'
import { AppError, settle, type Result } from '../../shared/result'
import { argsSchemaFor } from '../../shared/schemas'
import { fieldErrors } from '../../shared/validation'

export async function invokeChannel(api: AppApi, entry: ChannelEntry, args: unknown): Promise<Result<unknown>> {
  return settle(async () => {
    const parsed = argsSchemaFor(entry.namespace, entry.method).safeParse(args)
    if (!parsed.success) throw invalidArguments(parsed.error)
    const service = api[entry.namespace] as unknown as Record<string, (...values: unknown[]) => Promise<unknown>>
    return service[entry.method]!(...parsed.data)
  })
}

/** Argument paths start with the tuple index; a form sends one object, so field names drop it. */
function invalidArguments(error: z.ZodError): AppError {
  const fields = Object.fromEntries(
    Object.entries(fieldErrors(error)).map(([path, message]) => [path.replace(/^\d+\.?/, '') || '_', message])
  )
  return new AppError('invalid-input', 'Some fields need attention', fields)
}
