/**
 * What a pattern needs in a text before it can match: literals, one of which every match contains. A text
 * that holds none of the fallback rules' literals matches none of the rules (one scan for them all costs a
 * third of trying two dozen rules in turn), and one without `.jar` holds no jar name (subjects.ts): a log
 * whose failure texts never repeat classifies every one of them.
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp'
import { LiteralScan } from './literal-scan'

/** Shorter literals would be found in almost any text. */
const MIN_LITERAL = 3

const parser = new RegExpParser()

/**
 * Lowercase literals one of which any match of `pattern` (without flag u or v; with flag i or not) holds;
 * undefined when the pattern has no such set (an alternative without a literal of MIN_LITERAL characters).
 */
export function necessaryLiterals(pattern: string): string[] | undefined {
  return alternativesLiterals(parser.parsePattern(pattern, 0, pattern.length, { unicode: false }).alternatives)
}

/**
 * One test (ignoring ASCII case) for a text that any of the patterns may match: undefined when a pattern
 * has no necessary literals (the text must then be tried against every pattern).
 */
export function anyLiteralTest(patterns: readonly string[]): LiteralScan | undefined {
  const literals: string[] = []
  for (const pattern of patterns) {
    const needed = necessaryLiterals(pattern)
    if (needed === undefined) return undefined
    literals.push(...needed)
  }
  return new LiteralScan(literals)
}

function alternativesLiterals(alternatives: AST.Alternative[]): string[] | undefined {
  const literals = new Set<string>()
  for (const alternative of alternatives) {
    const needed = alternativeLiterals(alternative.elements)
    if (needed === undefined) return undefined
    for (const literal of needed) literals.add(literal)
  }
  return [...literals]
}

/** The best set of literals a sequence needs: a run of characters, or a required group's own set. */
function alternativeLiterals(elements: AST.Element[]): string[] | undefined {
  const candidates: string[][] = []
  let run = ''
  const endRun = (): void => {
    if (run.length > 0) candidates.push([run])
    run = ''
  }
  for (const element of elements) {
    const required = element.type === 'Quantifier' ? (element.min >= 1 ? element.element : undefined) : element
    const char = required?.type === 'Character' ? asciiLower(required.value) : undefined
    if (char !== undefined) {
      run += char
      // A repeated character is needed once, but what follows it may not come right after it.
      if (element.type === 'Quantifier') endRun()
      continue
    }
    endRun()
    if (required?.type === 'Group' || required?.type === 'CapturingGroup') {
      const needed = alternativesLiterals(required.alternatives)
      if (needed) candidates.push(needed)
    }
  }
  endRun()
  let best: string[] | undefined
  let bestShortest = MIN_LITERAL - 1
  for (const candidate of candidates) {
    const shortest = Math.min(...candidate.map((literal) => literal.length))
    if (shortest > bestShortest) {
      best = candidate
      bestShortest = shortest
    }
  }
  return best
}

/** An ASCII character, in lowercase (literals are matched with flag `i`); any other character ends a literal. */
function asciiLower(codePoint: number): string | undefined {
  return codePoint < 128 ? String.fromCharCode(codePoint).toLowerCase() : undefined
}
