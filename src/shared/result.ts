/** Outcomes cross the bridge as data: the renderer branches on `ok`, nothing is thrown across. */

export type ErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'conflict'
  | 'read-only'
  | 'unavailable'
  /** The other side was connected to but did not answer in time (it may still be working). */
  | 'timeout'
  | 'unsupported'
  | 'cancelled'
  | 'busy'
  | 'unauthorized'
  | 'internal'

export interface AppErrorData {
  code: ErrorCode
  message: string
  /** Field-level messages, keyed by the field's path (for example `platformUrl` or `tls.caFile`). */
  fields?: Record<string, string>
}

/**
 * THE result shape of the project. The error defaults to `AppErrorData` (what crosses the bridge); a
 * service may carry a richer error of its own (an Egeria call's `CallFailure`) and translate it at its edge.
 */
export type Result<T, E = AppErrorData> = { ok: true; value: T } | { ok: false; error: E }

/** Thrown by services; the bridge adapters turn it into a failed `Result`. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly fields?: Record<string, string>

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.fields = fields
  }
}

export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value }
}

/** Any thrown value as error data; unexpected errors keep their message but get the `internal` code. */
export function toErrorData(thrown: unknown): AppErrorData {
  if (thrown instanceof AppError) {
    return thrown.fields
      ? { code: thrown.code, message: thrown.message, fields: thrown.fields }
      : { code: thrown.code, message: thrown.message }
  }
  const message = thrown instanceof Error ? thrown.message : String(thrown)
  return { code: 'internal', message: message || 'Unexpected error' }
}

export async function settle<T>(work: () => Promise<T> | T): Promise<Result<T>> {
  try {
    return ok(await work())
  } catch (thrown) {
    return { ok: false, error: toErrorData(thrown) }
  }
}
