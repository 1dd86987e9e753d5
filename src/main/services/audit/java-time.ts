/**
 * Times as Egeria prints them: java.util.Date#toString() (`Tue Feb 02 20:57:50 GMT 2021`) with the JVM's
 * zone abbreviation, and epoch milliseconds in JSON records. Everything becomes ISO 8601 in UTC.
 */

const MONTHS: Record<string, number> = {
  Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11
}
export const DAY_NAMES = new Set(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'])

/**
 * Offsets in minutes of the abbreviations a JVM prints. Ambiguous ones take their most common
 * meaning for Egeria users (IST = India, CST = US Central); `--zone` overrides them.
 */
const ZONE_OFFSETS: Record<string, number> = {
  GMT: 0, UTC: 0, UT: 0, Z: 0, WET: 0, BST: 60, IST: 330, WEST: 60, CET: 60, MET: 60, CEST: 120, MEST: 120,
  EET: 120, EEST: 180, MSK: 180, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360,
  PST: -480, PDT: -420, AKST: -540, AKDT: -480, HST: -600, JST: 540, KST: 540, SGT: 480, HKT: 480,
  AWST: 480, ACST: 570, ACDT: 630, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780, BRT: -180, ART: -180,
  ICT: 420, WIB: 420, WITA: 480, WIT: 540, PHT: 480, MYT: 480, PKT: 300, NPT: 345, GST: 240, IRST: 210, IRDT: 270,
  AFT: 270, TRT: 180, IDT: 180, EAT: 180, CAT: 120, SAST: 120, WAT: 60, AST: -240, ADT: -180, NST: -210, NDT: -150,
  CLT: -240, CLST: -180, COT: -300, PET: -300, VET: -240, CHST: 600
}
/** What Java prints for a zone it has only an abbreviation for, which the table above may lack. */
const ZONE_ABBREVIATION = /^[A-Z]{2,5}$/

/**
 * How clock times of a zone become UTC. `toUtc` takes the wall-clock time read as if it were UTC (what
 * Date.UTC gives for the printed fields) and returns the real instant.
 */
export interface TimeZone {
  toUtc: (wallMs: number) => number
}

/** What a zone may be, for messages about one that is not known. */
export const ZONE_HINT = 'use an abbreviation such as GMT or CET, an offset such as +01:00, or an IANA name such as Europe/Paris'

const fixedZones = new Map<number, TimeZone>()

export function fixedZone(offsetMinutes: number): TimeZone {
  let zone = fixedZones.get(offsetMinutes)
  if (!zone) fixedZones.set(offsetMinutes, (zone = { toUtc: (wallMs) => wallMs - offsetMinutes * 60_000 }))
  return zone
}

/** The fixed zone of an abbreviation or offset as a JVM prints it (`CET`, `GMT+01:00`); undefined when unknown. */
export function printedZone(name: string): TimeZone | undefined {
  const offset = zoneOffsetMinutes(name)
  return offset === undefined ? undefined : fixedZone(offset)
}

/**
 * The zone a log line printed: one the table knows, or (an abbreviation it lacks) UTC, so that the line is
 * still read and its times keep their order; `--zone` gives the true offset.
 */
export function logZone(name: string): TimeZone | undefined {
  return printedZone(name) ?? (ZONE_ABBREVIATION.test(name) ? fixedZone(0) : undefined)
}

/** What the reader says of a zone it read as UTC. */
export function unknownZoneNote(zone: string): string {
  return `The zone ${zone} is not one Daemon Doctor knows: its times are read as UTC (the command line's --zone gives the true one).`
}

/**
 * A zone as the operator names it: an abbreviation (`CET`), an offset (`+05:30`), or an IANA name
 * (`Europe/Paris`), whose offset then follows daylight saving time. Undefined when unknown.
 */
export function timeZone(name: string): TimeZone | undefined {
  const printed = printedZone(name)
  if (printed) return printed
  if (!name.includes('/')) return undefined
  let format: Intl.DateTimeFormat
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: name, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric'
    })
  } catch {
    return undefined
  }
  /** The zone's wall clock at an instant, read as UTC, minus the instant: its offset then. */
  const offsetAt = (instant: number): number => {
    const parts: Record<string, number> = {}
    for (const part of format.formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value)
    return Date.UTC(parts.year!, parts.month! - 1, parts.day, parts.hour, parts.minute, parts.second) - Math.floor(instant / 1000) * 1000
  }
  // Two steps find the instant whose wall clock is wallMs, across a DST change too; a wall time a change
  // skips or repeats gets one of its two readings.
  return {
    toUtc: (wallMs) => {
      const guess = wallMs - offsetAt(wallMs)
      return wallMs - offsetAt(guess)
    }
  }
}

/** Parses `GMT`, `BST`, `GMT+01:00`, `+0100`, `-05:00`; undefined when unknown. */
export function zoneOffsetMinutes(zone: string): number | undefined {
  const known = ZONE_OFFSETS[zone.toUpperCase()]
  if (known !== undefined) return known
  const match = /^(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?$/.exec(zone)
  if (!match) return undefined
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0)
  return match[1] === '-' ? -minutes : minutes
}

/**
 * `Tue Feb 02 20:57:50 GMT 2021` split as date-and-clock (`Feb 02 20:57:50`), zone and year.
 * `overrideZone` replaces whatever zone the line printed. Undefined when the parts do not make a date.
 */
export function javaDateToIso(monthDayClock: string, zone: string, year: string, overrideZone?: TimeZone): string | undefined {
  const month = MONTHS[monthDayClock.slice(0, 3)]
  const timeZone = overrideZone ?? logZone(zone)
  // A line cut short (`Sat Nov 22 18:54:00 GMT `) has no year: Date.UTC would read none as 1900.
  if (month === undefined || timeZone === undefined || year.length !== 4) return undefined
  const day = Number(monthDayClock.slice(4, 6))
  const hours = Number(monthDayClock.slice(7, 9))
  const minutes = Number(monthDayClock.slice(10, 12))
  const seconds = Number(monthDayClock.slice(13, 15))
  const ms = timeZone.toUtc(Date.UTC(Number(year), month, day, hours, minutes, seconds))
  return Number.isNaN(ms) ? undefined : isoSeconds(ms)
}

/** ISO 8601 without milliseconds when they are zero, as the console has no milliseconds. */
export function isoSeconds(ms: number): string {
  const iso = new Date(ms).toISOString()
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso
}

/** Spring Boot times: `2021-02-12 20:16:37.243` (local, zone from override or UTC) or ISO with offset. */
export function logbackTimeToIso(text: string, zone?: TimeZone): string | undefined {
  const normalised = text.replace(' ', 'T').replace(',', '.')
  const hasZone = /(?:Z|[+-]\d\d:?\d\d)$/.test(normalised)
  if (hasZone) {
    const ms = Date.parse(normalised)
    return Number.isNaN(ms) ? undefined : isoSeconds(ms)
  }
  const ms = Date.parse(`${normalised}Z`)
  return Number.isNaN(ms) ? undefined : isoSeconds(zone ? zone.toUtc(ms) : ms)
}
