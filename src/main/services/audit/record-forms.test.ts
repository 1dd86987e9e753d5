import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { AuditRecord } from '../../../shared/models/audit'
import { withAnyGuid } from '../../../shared/knowledge/element-guids'
import { exceptionForm, textForm } from './record-forms'

const GUID = '1d62bacb-6f1f-9298-f8dc-e15d129abbd9'

function record(text: string, exceptionMessage?: string): AuditRecord {
  return { input: 0, firstLine: 1, lastLine: 1, format: 'console', audit: true, text, messageIds: [], ...(exceptionMessage === undefined ? {} : { exceptionMessage }) }
}

describe('record forms', () => {
  it('are the forms of the text and exception, whether the text ends with the exception or not', () => {
    const part = fc.constantFrom(GUID, `${GUID.slice(0, 8)}`, `-${GUID.slice(9)}`, ' ', '-', 'x', '_', 'message ', 'OMRS-REPOSITORY-404-002 ')
    const text = fc.array(part, { maxLength: 6 }).map((parts) => parts.join(''))
    fc.assert(
      fc.property(text, text, fc.boolean(), (head, tail, endsWithIt) => {
        const forms = record(endsWithIt ? `${head}${tail}` : head, tail)
        expect(textForm(forms)).toBe(withAnyGuid(forms.text))
        expect(exceptionForm(forms)).toBe(withAnyGuid(tail))
      }),
      { numRuns: 5000 }
    )
  })

  it('are worked out for each record, and undefined for no exception', () => {
    const first = record(`guid ${GUID}`, `guid ${GUID}`)
    const second = record('no guid', 'none')
    expect([textForm(first), exceptionForm(first)]).toEqual([withAnyGuid(first.text), withAnyGuid(first.exceptionMessage!)])
    expect([textForm(second), exceptionForm(second)]).toEqual(['no guid', 'none'])
    expect(exceptionForm(record('text'))).toBeUndefined()
  })
})
