/**
 * Where a failure comes from, by the knowledge base (what its message IDs mean, see lookup.ts) and its
 * fallback rules. Used by the log diagnosis and the REST client on a connector's `failingExceptionMessage`.
 */
import type { CauseSource, FailureSource } from '../models/audit'
import { ANY_GUID, withAnyGuid } from './element-guids'
import { idFamilyOf } from './id-families'
import type { LiteralScan } from './literal-scan'
import { anyLiteralTest } from './literals'
import { lookupMessage } from './lookup'
import { extractMessageIds } from './message-ids'
import { MESSAGES } from './messages'
import { FALLBACK_RULES } from './rules'
import { extractSubject, firstRealMatch, SUBJECT_KINDS_BY_SOURCE } from './subjects'
import type { FallbackRule, MessageEntry } from './types'

const RULES = FALLBACK_RULES.map((rule) => ({ rule, test: new RegExp(rule.pattern, 'i'), subject: rule.subject ? new RegExp(rule.subject, 'i') : undefined }))
/**
 * Whether a text holds a literal one of the rules needs: a text with none matches no rule (see literals.ts).
 * Made on the first classification: a thread that never classifies never parses the rules.
 */
let anyRuleLiteral: LiteralScan | undefined | null = null
const SUBJECTS = new Map<string, RegExp>()
const UNFILLED = /\{\d+\}/
/** Subjects the knowledge base names when the text does not (`Kafka`): weaker than any name found in a text. */
const DEFAULT_SUBJECTS = new Set([...MESSAGES, ...FALLBACK_RULES].flatMap((known) => (known.subjectDefault ? [known.subjectDefault] : [])))

export interface FailureClassification {
  messageIds: string[]
  rootMessageId?: string
  source: CauseSource
  /** For an undetermined source: the sources the evidence leaves open. */
  candidates?: FailureSource[]
  /** The metadata server, third-party resource or connector at fault; undefined when the text does not say. */
  subject?: string
  summary: string
  action: string
  /** The fallback rule that decided, when the catalogue could not. */
  rule?: string
  /** An outer failure: a more specific cause of the same source comes first. */
  outer?: boolean
  /** The subject is the knowledge base's default (`Kafka`), not a name the text gave. */
  defaultSubject?: boolean
  /** Set when the knowledge base says whether a restart can help, against the source's default. */
  restartHelps?: boolean
}

export interface ClassifyContext {
  /** Extra text searched for the subject and rules (exception message, stack trace head). */
  detail?: string
  /** The message IDs of the text and detail, outermost first, when the caller has them: not looked for again. */
  messageIds?: readonly string[]
}

/** Classifies a failure text (an audit message, or a connector's failingExceptionMessage) by its innermost ID. */
export function classifyFailure(text: string, egeriaMajor?: number, context: ClassifyContext = {}): FailureClassification {
  const classified = classifyGuidBlind(text, egeriaMajor, context)
  if (classified.subject === undefined && (classified.source === 'third-party' || classified.source === 'metadata-server') && UNFILLED.test(`${text}\n${context.detail ?? ''}`)) {
    // The message lost the detail that would name what failed: the source cannot be established from it.
    return {
      ...classified,
      candidates: [classified.source, 'connector'],
      source: 'undetermined',
      summary: `${classified.summary} The message's detail was not filled in (an unfilled {n}), so the log does not name what failed.`,
      action: `Check the connector's connection (URL, driver, credentials) and the resource it names; turn on the connector's debug logging to see the exception. ${classified.action}`
    }
  }
  if (classified.subject !== undefined && DEFAULT_SUBJECTS.has(classified.subject)) classified.defaultSubject = true
  return classified
}

/**
 * Classified with every GUID as ANY_GUID (element-guids.ts), unless the subject is one: a GUID names an
 * element, and only the text itself can say which.
 */
function classifyGuidBlind(text: string, egeriaMajor: number | undefined, context: ClassifyContext): FailureClassification {
  const blindText = withAnyGuid(text)
  const blindDetail = context.detail === undefined ? undefined : withAnyGuid(context.detail)
  if (blindText === text && blindDetail === context.detail) return classifyText(text, egeriaMajor, context)
  const blind = classifyText(blindText, egeriaMajor, { ...context, detail: blindDetail })
  return blind.subject?.includes(ANY_GUID) ? classifyText(text, egeriaMajor, context) : blind
}

function classifyText(text: string, egeriaMajor: number | undefined, context: ClassifyContext): FailureClassification {
  const fullText = context.detail ? `${text}\n${context.detail}` : text
  const messageIds = context.messageIds ? [...context.messageIds] : extractMessageIds(fullText)
  const entries = messageIds.map((id) => lookupMessage(id, egeriaMajor, fullText))
  const rootMessageId = messageIds[messageIds.length - 1]
  const innermost = entries[entries.length - 1]
  if (anyRuleLiteral === null) anyRuleLiteral = anyLiteralTest(FALLBACK_RULES.map((rule) => rule.pattern))
  const mayMatch = anyRuleLiteral === undefined || anyRuleLiteral.test(fullText)
  const override = mayMatch ? RULES.find(({ rule, test }) => rule.overrides === true && test.test(fullText)) : undefined
  const matched = override ?? (mayMatch ? RULES.find(({ rule, test }) => rule.overrides !== true && test.test(fullText)) : undefined)

  let decided: MessageEntry | undefined
  for (let index = entries.length - 1; index >= 0; index--) {
    const entry = entries[index]
    if (entry && isFailureSource(entry.source)) {
      decided = entry
      break
    }
    if (entry === undefined && index === entries.length - 1 && matched) break // unknown innermost ID: trust the rule
  }
  const innermostDecides = innermost !== undefined && isFailureSource(innermost.source)
  if (matched && (override || !innermostDecides)) {
    const network = matched.rule.source === 'third-party' || matched.rule.source === 'metadata-server'
    const source = network ? (egeriaCallee(fullText, messageIds) ?? matched.rule.source) : matched.rule.source
    return {
      messageIds,
      rootMessageId,
      source,
      ...(matched.rule.candidates ? { candidates: matched.rule.candidates } : {}),
      subject: subjectFrom(fullText, [...entries].reverse(), matched, source),
      summary: matched.rule.summary,
      action: matched.rule.action,
      rule: matched.rule.name,
      ...(matched.rule.outer ? { outer: true } : {}),
      ...(matched.rule.restartHelps === undefined ? {} : { restartHelps: matched.rule.restartHelps })
    }
  }
  if (decided) {
    return {
      messageIds,
      rootMessageId,
      source: decided.source as FailureSource,
      subject: subjectFrom(fullText, [decided, ...[...entries].reverse()], matched, decided.source as FailureSource),
      summary: decided.meaning,
      action: decided.action,
      ...(decided.restartHelps === undefined ? {} : { restartHelps: decided.restartHelps })
    }
  }
  // Nothing in the evidence decides: say so, rather than guess.
  return {
    messageIds,
    rootMessageId,
    source: 'undetermined',
    candidates: ['connector', 'third-party', 'metadata-server'],
    summary: innermost?.meaning ?? 'An error the knowledge base does not know.',
    action:
      innermost?.action ??
      'Read the exception and its innermost cause: a class or property names the connector, a host, file or database names a third party, a server name or URL names the metadata server.'
  }
}

/**
 * A network or TLS failure on a call to Egeria itself: the platform when the call went to its platform
 * services, the metadata server when it went to a server (by a client ID or a server URL).
 */
function egeriaCallee(text: string, messageIds: string[]): CauseSource | undefined {
  if (/\/open-metadata\/platform-services\/|\/server-platform\//.test(text)) return 'platform'
  if (messageIds.some((id) => idFamilyOf(id)?.callsMetadataServer === true) || /\/servers\/[\w.-]+\/open-metadata\//.test(text)) return 'metadata-server'
  return undefined
}

function isFailureSource(source: string): source is FailureSource {
  return source === 'metadata-server' || source === 'third-party' || source === 'connector' || source === 'platform'
}

function subjectFrom(
  text: string,
  entries: (MessageEntry | undefined)[],
  matched: { rule: FallbackRule; subject?: RegExp } | undefined,
  source: CauseSource
): string | undefined {
  for (const entry of entries) {
    if (!entry?.subject) continue
    let pattern = SUBJECTS.get(entry.subject)
    if (!pattern) SUBJECTS.set(entry.subject, (pattern = new RegExp(entry.subject)))
    const found = firstRealMatch(pattern, text)?.[1]
    if (found) return found
  }
  const byRule = matched?.subject ? firstRealMatch(matched.subject, text)?.[1] : undefined
  if (byRule) return byRule
  return (source === 'undetermined' ? undefined : extractSubject(text, SUBJECT_KINDS_BY_SOURCE[source])?.value) ?? matched?.rule.subjectDefault ?? entries.find((entry) => entry?.subjectDefault)?.subjectDefault
}
