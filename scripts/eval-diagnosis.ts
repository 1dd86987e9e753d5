// Prints how `analyze` does on the real-log corpus: one row per case (case, confidence, expected, got,
// verdict) and one accuracy line. The rules are in tests/support/diagnosis-eval.ts.
import { describeExpected, describeGot, evaluateCase, loadCases, summarise, summaryLine, type CaseResult } from '../tests/support/diagnosis-eval'

const WIDTHS = [48, 10, 44, 60, 7]

function cell(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width)
}

function row(cells: string[]): string {
  return cells.map((text, index) => cell(text, WIDTHS[index]!)).join(' | ').trimEnd()
}

const results: CaseResult[] = []
for (const realLogCase of loadCases()) results.push(await evaluateCase(realLogCase))
console.log(row(['case', 'confidence', 'expected', 'got', 'verdict']))
console.log(WIDTHS.map((width) => '-'.repeat(width)).join('-|-'))
for (const result of results) console.log(row([result.name, result.case.confidence, describeExpected(result.case.expected), describeGot(result), result.verdict]))
console.log('')
console.log(summaryLine(summarise(results)))
