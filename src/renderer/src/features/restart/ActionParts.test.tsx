import { describe, expect, it } from 'vitest'
import { errorAdvice, formatElapsed } from './ActionParts'

describe('action errors and times', () => {
  it('says what to do for each way an action can fail to run', () => {
    expect(errorAdvice({ code: 'unauthorized', message: 'The platform refused the credentials' })).toMatch(/edit the connection’s user ID and password/)
    expect(errorAdvice({ code: 'timeout', message: 'No answer within 60000 ms' })).toMatch(/did not answer in time.*nothing was retried/)
    expect(errorAdvice({ code: 'unavailable', message: 'Nothing is listening on 127.0.0.1:9443' })).toMatch(/Check the connection/)
    expect(errorAdvice({ code: 'read-only', message: 'read-only' })).toMatch(/Edit the connection to allow actions/)
    expect(errorAdvice({ code: 'invalid-input', message: 'The daemon reports no connector named X' })).toMatch(/read the status again/)
  })

  it('formats elapsed time in seconds, then minutes', () => {
    expect(formatElapsed(0)).toBe('0 s')
    expect(formatElapsed(59)).toBe('59 s')
    expect(formatElapsed(61)).toBe('1 min 01 s')
    expect(formatElapsed(3600)).toBe('60 min 00 s')
  })
})
