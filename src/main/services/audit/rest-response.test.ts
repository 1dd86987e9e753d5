import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { braceDepthChange, parseResponseText, pythonToJson, responseRecord } from './rest-response'

const status3x = readFileSync(new URL('../../../../tests/fixtures/status-3x-failed.json', import.meta.url), 'utf8')
const report = (name: string, status: string, message?: string): Record<string, unknown> => ({
  connectorName: name,
  connectorStatus: status,
  ...(message ? { failingExceptionMessage: message } : {})
})
const DOWN = 'OMAG-MULTI-TENANT-404-001 The OMAG Server cocoMDS1 is not available to service a request from user npa'

describe('REST responses in a log', () => {
  it('counts braces outside quoted strings only', () => {
    expect(braceDepthChange('{ "a": "}{", \'b\': \'{\' ')).toBe(1)
    // Python prints a string holding an apostrophe in double quotes.
    expect(braceDepthChange(`  'text': "don't {worry}" }`)).toBe(-1)
  })

  it('reads a Python dict print as JSON', () => {
    expect(JSON.parse(pythonToJson("{'a': None, 'b': True, 'c': 'it\\'s \"x\"', 'd': [False]}"))).toEqual({ a: null, b: true, c: 'it\'s "x"', d: [false] })
    expect(parseResponseText('Full response: {"relatedHTTPCode": 404} trailing')).toEqual({ relatedHTTPCode: 404 })
  })

  it('diagnoses a status answer of every release with the Status step’s normalisation', () => {
    const shapes: [string, unknown][] = [
      ['3.x services', JSON.parse(status3x)],
      ['4.x groups', { class: 'IntegrationDaemonStatusResponse', integrationDaemonStatus: { integrationGroupSummaries: [{ integrationGroupName: 'g', integrationConnectorReports: [report('A', 'FAILED', DOWN), report('B', 'RUNNING')] }] } }],
      ['5.x+ reports', { class: 'IntegrationDaemonStatusResponse', integrationDaemonStatus: { integrationConnectorReports: [report('A', 'FAILED', DOWN), report('B', 'RUNNING')] } }]
    ]
    for (const [name, body] of shapes) {
      const record = responseRecord(body)
      expect(record?.format, name).toBe('rest')
      const failed = record!.daemonStatus!.connectors.filter((connector) => connector.status === 'FAILED')
      expect(failed.length, name).toBeGreaterThan(0)
      expect(failed[0]!.classification, name).toMatchObject({ source: 'metadata-server', subject: 'cocoMDS1' })
    }
  })

  it('reads an FFDC error envelope with its ID, cause and parameters; a plain success is no record', () => {
    const record = responseRecord({
      class: 'VoidResponse',
      relatedHTTPCode: 400,
      exceptionClassName: 'org.odpi.openmetadata.frameworks.connectors.ffdc.InvalidParameterException',
      exceptionErrorMessage: 'OMAG-COMMON-400-016 An unexpected exception was caught by getConfig',
      exceptionErrorMessageId: 'OMAG-COMMON-400-016',
      exceptionCausedBy: 'OMAG-MULTI-TENANT-404-001 The OMAG Server cocoMDS2 is not available',
      exceptionErrorMessageParameters: ['getConfig']
    })
    expect(record).toMatchObject({ format: 'rest', level: 'ERROR', messageId: 'OMAG-COMMON-400-016', messageIds: ['OMAG-COMMON-400-016', 'OMAG-MULTI-TENANT-404-001'] })
    expect(record!.exceptionMessage).toContain('parameters: getConfig')
    expect(responseRecord({ class: 'VoidResponse', relatedHTTPCode: 200 })).toBeUndefined()
  })
})
