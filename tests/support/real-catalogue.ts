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

export interface RealCatalogue {
  egeria: string
  /** What GET …/server-platform/origin answers, where the release's platform-services jar is served. */
  platformOrigin?: string
  messages: Record<string, CatalogueMessage>
}

/** What of a message is compared with the real catalogue. */
export type Aspect = 'text' | 'severity' | 'http-status' | 'actions' | 'missing'

export interface AllowedDifference {
  /** What differs from the real catalogue: the simulator's output or the knowledge base's entry. */
  where: 'simulator' | 'knowledge'
  messageId: string
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

/** One difference from the real catalogue, as `ID aspect: detail`. */
export function difference(messageId: string, aspect: Aspect, detail: string): string {
  return `${messageId} ${aspect}: ${detail}`
}

/**
 * The differences that the reviewed list does not explain, and the listed ones that no longer occur (a fixed
 * difference must leave the list). Both are empty when the list and reality agree.
 */
export function reviewDifferences(differences: Iterable<string>, allowed: AllowedDifference[]): { unexplained: string[]; stale: AllowedDifference[] } {
  const found = [...new Set(differences)]
  const key = (entry: AllowedDifference): string => `${entry.messageId} ${entry.aspect}:`
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
