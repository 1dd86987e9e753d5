/**
 * Real Egeria message catalogues (read out of Egeria's published jars by scripts/egeria-catalogue.mjs) and the
 * reviewed list of where the simulator knowingly differs from them.
 */
import { readFileSync } from 'node:fs'

export interface CatalogueMessage {
  text: string
  /** Egeria reuses an ID for two constants now and then: the other wordings. */
  otherTexts?: string[]
  /** Audit codes' severity constant, e.g. INFO, EXCEPTION (error codes have none). */
  severity?: string
  /** Error codes: the actions their REST envelope carries. */
  systemAction?: string
  userAction?: string
  source: string
}

/** A REST bean of the release: superclass and field types by simple name, and an enum's constants. */
export interface BeanShape {
  superclass?: string
  fields: Record<string, string>
  enumConstants?: string[]
}

export interface RealCatalogue {
  egeria: string
  /** What GET …/server-platform/origin answers, where the release's platform-services jar is served. */
  platformOrigin?: string
  /** The platform and admin services' REST routes, `VERB /path/{var}` (4.2 only). */
  routes?: string[]
  /** The daemon's and the FFDC envelopes' REST beans, by simple class name. */
  shapes: Record<string, BeanShape>
  messages: Record<string, CatalogueMessage>
}

/** What of a message is compared with the real catalogue. */
export type Aspect = 'text' | 'severity' | 'http-status' | 'actions' | 'missing' | 'field' | 'type' | 'enum'

export interface AllowedDifference {
  /** What differs from the real catalogue: the simulator's output or the knowledge base's entry. */
  where: 'simulator' | 'knowledge'
  /** A message ID, or a bean field as `Bean.field`. */
  subject: string
  aspect: Aspect
  /** The real catalogue's release it differs from. */
  release: string
  why: string
}

const fixtures = new URL('../fixtures/real-egeria/', import.meta.url)

export function loadCatalogue(release: string): RealCatalogue {
  return JSON.parse(readFileSync(new URL(`${release}/message-catalogue.json`, fixtures), 'utf8')) as RealCatalogue
}

export function loadAllowedDifferences(where: AllowedDifference['where'], release: string): AllowedDifference[] {
  const { differences } = JSON.parse(readFileSync(new URL('allowed-differences.json', fixtures), 'utf8')) as { differences: AllowedDifference[] }
  return differences.filter((difference) => difference.where === where && difference.release === release)
}

/** One difference from the real catalogue, as `subject aspect: detail`. */
export function difference(subject: string, aspect: Aspect, detail: string): string {
  return `${subject} ${aspect}: ${detail}`
}

/**
 * The differences that the reviewed list does not explain, and the listed ones that no longer occur (a fixed
 * difference must leave the list). Both are empty when the list and reality agree.
 */
export function reviewDifferences(differences: Iterable<string>, allowed: AllowedDifference[]): { unexplained: string[]; stale: AllowedDifference[] } {
  const found = [...new Set(differences)]
  const key = (entry: AllowedDifference): string => `${entry.subject} ${entry.aspect}:`
  return {
    unexplained: found.filter((found) => !allowed.some((entry) => found.startsWith(key(entry)))),
    stale: allowed.filter((entry) => !found.some((found) => found.startsWith(key(entry))))
  }
}

/** Whether a text is one of the message's real wordings, inserts filled in. */
export function fitsCatalogue(message: CatalogueMessage, text: string): boolean {
  return [message.text, ...(message.otherTexts ?? [])].some((template) => templatePattern(template).test(text))
}

/** How the console prints an audit severity constant. */
export const severityDisplayNames: Record<string, string> = {
  INFO: 'Information', EVENT: 'Event', DECISION: 'Decision', ACTION: 'Action', ERROR: 'Error', EXCEPTION: 'Exception',
  SECURITY: 'Security', STARTUP: 'Startup', SHUTDOWN: 'Shutdown', ASSET: 'Asset', TYPES: 'Types', COHORT: 'Cohort', TRACE: 'Trace', PERFMON: 'PerfMon'
}

/** FAMILY-…-0001 → FAMILY-…; FAMILY-…-404-001 → FAMILY-… */
export function messageFamily(messageId: string): string {
  return messageId.replace(/-(\d{4}|\d{3}-\d{3})$/, '')
}

/** The catalogue template as a whole-text pattern: each {n} insert matches any text. */
function templatePattern(template: string): RegExp {
  const parts = template.split(/\{\d+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`^${parts.join('[\\s\\S]*?')}$`)
}

const consoleLine = /^\w{3} \w{3} \d\d \d\d:\d\d:\d\d \S+ \d{4} \S+ (\S+) (\S+) (.*)$/

/** A console audit line's severity, message ID and text (not its supplementary lines). */
export function consoleMessage(line: string): { severity: string; messageId: string; text: string } | undefined {
  const match = consoleLine.exec(line)
  if (!match || match[3]!.startsWith('Supplementary information')) return undefined
  return { severity: match[1]!, messageId: match[2]!, text: match[3]! }
}

const numberTypes = new Set(['int', 'long', 'short', 'double', 'float', 'Integer', 'Long', 'Short', 'Double', 'Float'])

/**
 * How a JSON value differs from the release's REST bean `beanName` (Jackson's view of it: the bean's and its
 * superclasses' fields, plus the `class` type id): unknown fields, values of the wrong JSON type, enum values
 * the release does not have. Nested beans of the release are followed; other Egeria beans (OCF's) only typed.
 */
export function beanDifferences(catalogue: RealCatalogue, beanName: string, json: Record<string, unknown>): string[] {
  const fieldsOf = (name: string | undefined): Record<string, string> => {
    const shape = name ? catalogue.shapes[name] : undefined
    return shape ? { ...fieldsOf(shape.superclass), ...shape.fields } : {}
  }
  const found: string[] = []
  const check = (type: string, value: unknown, where: string): void => {
    const element = /^(?:List|Set|ArrayList|Collection)<(.+)>$|^(.+)\[\]$/.exec(type)
    const shape = catalogue.shapes[type]
    const fits = (ok: boolean, expected: string): void => {
      if (!ok) found.push(difference(where, 'type', `${JSON.stringify(value)?.slice(0, 60)} is not ${expected}`))
    }
    if (value === null) return
    if (type === 'String') fits(typeof value === 'string', 'a string')
    else if (numberTypes.has(type)) fits(typeof value === 'number', 'a number')
    else if (type === 'boolean' || type === 'Boolean') fits(typeof value === 'boolean', 'a boolean')
    else if (type === 'Date') fits(typeof value === 'string' || typeof value === 'number', 'a date')
    else if (element) {
      fits(Array.isArray(value), 'an array')
      if (Array.isArray(value)) value.forEach((item) => check((element[1] ?? element[2])!, item, where))
    } else if (shape?.enumConstants) {
      if (!shape.enumConstants.includes(value as string)) found.push(difference(where, 'enum', `${JSON.stringify(value)} is not one of ${type}'s ${shape.enumConstants.join(', ')}`))
    } else {
      fits(typeof value === 'object' && !Array.isArray(value), 'an object')
      if (shape && typeof value === 'object') found.push(...beanDifferences(catalogue, type, value as Record<string, unknown>))
    }
  }
  const fields = fieldsOf(beanName)
  if (Object.keys(fields).length === 0 && !catalogue.shapes[beanName]) return [difference(beanName, 'field', `no such bean in Egeria ${catalogue.egeria}`)]
  for (const [key, value] of Object.entries(json)) {
    if (key === 'class') continue
    const type = fields[key]
    if (!type) found.push(difference(`${beanName}.${key}`, 'field', `not a field in Egeria ${catalogue.egeria}`))
    else check(type, value, `${beanName}.${key}`)
  }
  return found
}

/** Whether a call (`VERB /path`, no query) matches one of the release's routes; `{var}` is one path segment. */
export function isRealRoute(catalogue: RealCatalogue, method: string, path: string): boolean {
  return (catalogue.routes ?? []).some((route) => {
    const pattern = route.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')
    return new RegExp(`^${pattern}$`).test(`${method} ${path}`)
  })
}
