/** Where reading a database or topic starts: an ISO 8601 time, or an age before now (`90s`, `15m`, `2h`, `1d`). */

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

/** The time as ISO 8601 in UTC, or undefined when the text is neither form. */
export function parseStartTime(text: string, now = Date.now()): string | undefined {
  const age = /^(\d+)\s*([smhd])$/.exec(text.trim())
  if (age) return new Date(now - Number(age[1]) * UNIT_MS[age[2]!]!).toISOString()
  // Only full dates (with a day), so "12" or "May" are not taken for a time.
  if (!/^\d{4}-\d{2}-\d{2}/.test(text.trim())) return undefined
  const time = Date.parse(text.trim())
  return Number.isNaN(time) ? undefined : new Date(time).toISOString()
}
