import { describe, expect, it } from 'vitest'
import type { AuditRecord, SearchHit } from '../../../../shared/models/audit'
import { durationLabel, highlightParts, sentence, patternError, searchRows, severityChoices, timelineLayout, toneOf } from './log-view'

const record = (firstLine: number): AuditRecord => ({ input: 0, firstLine, lastLine: firstLine, format: 'console', audit: true, text: `line ${firstLine}`, messageIds: [] })

describe('severity groups', () => {
  it('groups Egeria severities and logback levels, problems first in the filter choices', () => {
    expect(['Exception', 'Error', 'ERROR', 'Action', 'WARN', 'Startup', 'Information', 'Types'].map(toneOf)).toEqual([
      'problem', 'problem', 'problem', 'warning', 'warning', 'lifecycle', 'info', 'info'
    ])
    expect(severityChoices({ Information: 40, Startup: 20, Exception: 4, Error: 9 }).map((choice) => choice.severity)).toEqual([
      'Error', 'Exception', 'Startup', 'Information'
    ])
  })
})

describe('timelineLayout', () => {
  it('stacks problems at the bottom, scales to the busiest bar and labels each bar with its counts', () => {
    const layout = timelineLayout(
      {
        bucketSeconds: 60,
        buckets: [
          { start: '2021-02-02T20:00:00.000Z', counts: { Information: 8, Exception: 2 } },
          { start: '2021-02-02T20:19:00.000Z', counts: { Startup: 5 } }
        ]
      },
      200,
      100
    )
    expect(layout.maxTotal).toBe(10)
    const [first, second] = layout.bars
    expect(first!.stacks.map((stack) => [stack.tone, stack.count, stack.height])).toEqual([['problem', 2, 20], ['info', 8, 80]])
    expect(first!.stacks[0]!.y).toBe(80) // the problems sit on the axis
    expect(second!.x).toBeCloseTo(190)
    expect(first!.label).toBe('20:00 to 20:01: 2 errors, 8 information')
    expect(layout.ticks[0]).toEqual({ x: 0, label: '20:00' })
  })

  it('keeps one busy second a narrow bar, and a lone error at least a pixel tall', () => {
    const layout = timelineLayout({ bucketSeconds: 1, buckets: [{ start: '2021-02-02T20:57:50.000Z', counts: { Information: 100_000, Error: 1 } }] }, 400, 50)
    expect(layout.bars[0]!.width).toBeLessThanOrEqual(20)
    expect(layout.bars[0]!.stacks[0]).toMatchObject({ tone: 'problem', height: 1 })
    expect(timelineLayout({ bucketSeconds: 60, buckets: [] }, 400, 50).bars).toEqual([])
  })
})

describe('sentence', () => {
  it('ends a message with one full stop', () => {
    expect(sentence('Cannot read /x.log: there is no such file or folder (ENOENT)')).toBe('Cannot read /x.log: there is no such file or folder (ENOENT).')
    expect(sentence('The log is empty. ')).toBe('The log is empty.')
  })
})

describe('durationLabel', () => {
  it('names bucket sizes in readable units', () => {
    expect([1, 90, 300, 85_140, 172_800 * 2].map(durationLabel)).toEqual(['1 s', '90 s', '5 min', '24 h', '4 d'])
  })
})

describe('searchRows', () => {
  it('shows overlapping context once, promotes context that is itself a hit and marks gaps', () => {
    const hit = (index: number, before: number[], after: number[]): SearchHit => ({ index, record: record(index), before: before.map(record), after: after.map(record) })
    const rows = searchRows([hit(2, [0, 1], [3, 4]), hit(4, [2, 3], [5, 6]), hit(20, [18, 19], [])])
    expect(rows.map((row) => (row.kind === 'gap' ? `gap ${row.skipped}` : `${row.kind} ${row.index}`))).toEqual([
      'context 0', 'context 1', 'hit 2', 'context 3', 'hit 4', 'context 5', 'context 6', 'gap 11', 'context 18', 'context 19', 'hit 20'
    ])
  })
})

describe('highlightParts and patternError', () => {
  it('splits text on regex matches, case-insensitively when asked', () => {
    expect(highlightParts('OMAG Server cocoMDS1 is not available', 'cocomds\\d', true)).toEqual([
      { text: 'OMAG Server ', match: false }, { text: 'cocoMDS1', match: true }, { text: ' is not available', match: false }
    ])
    expect(highlightParts('abc', 'x*', false)).toEqual([{ text: 'abc', match: false }])
    expect(highlightParts('abc', '(', false)).toEqual([{ text: 'abc', match: false }])
  })

  it('explains an invalid pattern', () => {
    expect(patternError('cocoMDS[')).toMatch(/missing closing \]/)
    expect(patternError('cocoMDS\\d+')).toBeUndefined()
    expect(patternError('(\\w)\\1')).toMatch(/invalid escape sequence/)
  })

  it('highlights a catastrophic pattern on a 31-character line at once (linear-time matching)', () => {
    const line = `${'a'.repeat(30)}!`
    expect(highlightParts(line, '(a+)+$', false)).toEqual([{ text: line, match: false }])
    expect(highlightParts(line, '(a+)+!$', false)).toEqual([{ text: line, match: true }])
  })
})
