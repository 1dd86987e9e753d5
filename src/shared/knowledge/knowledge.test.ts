import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CATALOGUE_FAMILIES } from './catalogue'
import { classifyFailure, extractMessageIds, FALLBACK_RULES, lookupMessage, MESSAGES } from './index'

const CATALOGUE_SOURCES = ['metadata-server', 'third-party', 'connector', 'platform', 'lifecycle', 'nested']

describe('message catalogue', () => {
  it('covers at least 120 distinct message IDs, each with severity, source, meaning and action', () => {
    const ids = new Set(MESSAGES.map((entry) => entry.id))
    expect(ids.size).toBeGreaterThanOrEqual(120)
    for (const entry of MESSAGES) {
      expect(entry.id === 'OMIS-*-INTEGRATOR-400-001' || /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+-(?:\d{3}-\d{3}|\d{4})$/.test(entry.id), entry.id).toBe(true)
      expect(entry.severity.length, entry.id).toBeGreaterThan(0)
      expect(CATALOGUE_SOURCES, entry.id).toContain(entry.source)
      expect(entry.meaning.length, entry.id).toBeGreaterThan(10)
      expect(entry.action.length, entry.id).toBeGreaterThan(3)
      if (entry.subject) expect(() => new RegExp(entry.subject!), entry.id).not.toThrow()
    }
  })

  it('has no duplicate ID unless the version ranges keep the meanings apart', () => {
    const byId = new Map<string, typeof MESSAGES[number][]>()
    for (const entry of MESSAGES) byId.set(entry.id, [...(byId.get(entry.id) ?? []), entry])
    for (const [id, entries] of byId) {
      if (entries.length === 1) continue
      const [older, newer] = entries
      expect(older!.untilMajor, id).toBeDefined()
      expect(newer!.fromMajor, id).toBeGreaterThan(older!.untilMajor!)
    }
  })

  it('covers at least 400 distinct message IDs', () => {
    expect(new Set(MESSAGES.map((entry) => entry.id)).size).toBeGreaterThanOrEqual(400)
  })

  it('gives every entry a valid version range, and the meanings of a reused ID ranges that never overlap, oldest first', () => {
    const byId = new Map<string, typeof MESSAGES[number][]>()
    for (const entry of MESSAGES) {
      for (const bound of [entry.fromMajor, entry.untilMajor]) if (bound !== undefined) expect(Number.isInteger(bound) && bound >= 1 && bound <= 9, entry.id).toBe(true)
      if (entry.fromMajor !== undefined && entry.untilMajor !== undefined) expect(entry.fromMajor, entry.id).toBeLessThanOrEqual(entry.untilMajor)
      byId.set(entry.id, [...(byId.get(entry.id) ?? []), entry])
    }
    for (const [id, entries] of byId) {
      for (let index = 1; index < entries.length; index++) {
        const older = entries[index - 1]!
        const newer = entries[index]!
        expect(older.untilMajor, id).toBeDefined()
        expect(newer.fromMajor, id).toBeGreaterThan(older.untilMajor!)
      }
    }
  })

  it('keeps each family file free of duplicates within a release', () => {
    for (const family of CATALOGUE_FAMILIES) {
      const seen = new Set<string>()
      for (const entry of family) {
        const key = `${entry.id}@${entry.fromMajor ?? 0}`
        expect(seen.has(key), key).toBe(false)
        seen.add(key)
      }
    }
  })

  it('knows every message ID in the real-log corpus', () => {
    const corpus = new URL('../../../tests/fixtures/real-logs/', import.meta.url)
    const ids = new Set<string>()
    for (const file of readdirSync(corpus)) {
      if (file.endsWith('.txt')) for (const id of extractMessageIds(readFileSync(new URL(file, corpus), 'utf8'))) ids.add(id)
    }
    expect(ids.size).toBeGreaterThan(40)
    expect([...ids].filter((id) => lookupMessage(id) === undefined)).toEqual([])
  })

  it('answers IDs that Egeria renumbered between releases by version', () => {
    expect(lookupMessage('OMAG-ADMIN-400-012', 2)?.meaning).toMatch(/admin class/)
    expect(lookupMessage('OMAG-ADMIN-400-012', 4)?.meaning).toMatch(/cannot be parsed/)
    expect(lookupMessage('OMAG-ADMIN-400-018', 1)?.meaning).toMatch(/no services configured/)
    expect(lookupMessage('OMAG-ADMIN-400-018', 3)?.meaning).toMatch(/collection name/)
    expect(lookupMessage('OMAG-ADMIN-400-011', 1)?.meaning).toMatch(/does not exist/)
    expect(lookupMessage('OMAG-ADMIN-400-011')?.meaning).toMatch(/No configuration document/)
    expect(lookupMessage('OMAG-COMMON-400-004')?.source).toBe('connector')
  })

  it('answers reused IDs by version', () => {
    expect(lookupMessage('OMAG-ADMIN-0001', 4)?.source).toBe('lifecycle')
    expect(lookupMessage('OMAG-ADMIN-0001', 6)?.source).toBe('platform')
    expect(lookupMessage('POSTGRES-CONNECTOR-0002', 3)?.severity).toBe('Exception')
    expect(lookupMessage('POSTGRES-CONNECTOR-0002', 5)?.severity).toBe('Information')
    expect(lookupMessage('OCF-KAFKA-TOPIC-CONNECTOR-0014 ')?.source).toBe('third-party')
    expect(lookupMessage('OMIS-LINEAGE-INTEGRATOR-400-001')?.source).toBe('connector')
    expect(lookupMessage('NO-SUCH-MESSAGE-0001')).toBeUndefined()
  })

  it('reads the JDK\'s cast failure of a 5+ daemon as a connector of the wrong type that no restart fixes', () => {
    const cast = 'class com.acme.DbMonitorConnector cannot be cast to class org.odpi.openmetadata.frameworks.integration.connectors.IntegrationConnector (com.acme.DbMonitorConnector and org.odpi.openmetadata.frameworks.integration.connectors.IntegrationConnector are in unnamed module of loader \'app\')'
    expect(classifyFailure(cast, 6)).toMatchObject({ source: 'connector', subject: 'com.acme.DbMonitorConnector', rule: 'not-an-integration-connector', restartHelps: false })
    expect(classifyFailure('class a.B cannot be cast to class c.D', 6)).toMatchObject({ source: 'connector', rule: 'class-not-found' })
  })

  it('leaves an invalid connector class undetermined unless the message carries the exception behind it', () => {
    const bare = 'OMRS-AUDIT-0034 The connector to the local repository failed with a ConnectionCheckedException exception and the following error message: OCF-CONNECTION-500-010 Invalid Connector class com.acme.AcmeRepositoryConnector'
    expect(classifyFailure(bare, 1)).toMatchObject({ source: 'undetermined', candidates: ['connector', 'third-party'], subject: 'com.acme.AcmeRepositoryConnector' })
    const withCause = 'OCF-CONNECTION-500-010 Invalid Connector class com.acme.AcmeRepositoryConnector for connector Acme; resulting exception java.lang.ClassNotFoundException produced message com.acme.Helper'
    expect(classifyFailure(withCause, 3).source).toBe('connector')
  })

  it('answers a reused ID by the form of its text before the version', () => {
    const ignored = 'The External References service is being ignored in the startup of server vs1 because it is not registered to this platform'
    expect(lookupMessage('OMAG-ADMIN-0001', 4, ignored)?.source).toBe('platform')
    expect(lookupMessage('OMAG-ADMIN-0001', 6, 'The vs1 server is configured with a max page size of 1000')?.source).toBe('lifecycle')
    expect(lookupMessage('OMAG-ADMIN-0001', 4, 'a text in neither form')?.source).toBe('lifecycle')
    expect(classifyFailure(`OMAG-ADMIN-0001 ${ignored}`, 4).source).toBe('platform')
  })

  it('extracts IDs outermost to innermost and ignores look-alikes', () => {
    expect(extractMessageIds('INTEGRATION-DAEMON-SERVICES-0031 … OMAG-MULTI-TENANT-404-001 in ISO-8601 UTF-8')).toEqual(['INTEGRATION-DAEMON-SERVICES-0031', 'OMAG-MULTI-TENANT-404-001'])
  })

  it('has fallback rules that compile', () => {
    for (const rule of FALLBACK_RULES) expect(() => new RegExp(rule.pattern, 'i')).not.toThrow()
  })
})

describe('classifyFailure', () => {
  it('routes network, TLS and auth failures under a metadata-server call to the metadata server', () => {
    const refused = classifyFailure('OMAG-COMMON-503-001 A client-side exception was received from API call x to OMAG Server cocoMDS1 at https://localhost:9444. CLIENT-SIDE-REST-API-CONNECTOR-503-002 … I/O error on GET request for "https://localhost:9444/x": Connection refused')
    expect([refused.source, refused.subject, refused.rule]).toEqual(['metadata-server', 'cocoMDS1', 'connection-refused'])
    const pkix = classifyFailure('CLIENT-SIDE-REST-API-CONNECTOR-503-002 I/O error on POST request for "https://mds.example.com:9443/x": PKIX path building failed: unable to find valid certification path')
    expect([pkix.source, pkix.subject, pkix.rule]).toEqual(['metadata-server', 'mds.example.com:9443', 'tls-trust'])
    const notAllowed = classifyFailure('BASIC-FILES-INTEGRATION-CONNECTORS-0012 x BASIC-FILES-INTEGRATION-CONNECTORS-400-004 y OMAG-COMMON-503-001 z CLIENT-SIDE-REST-API-CONNECTOR-503-002 org.springframework.web.client.HttpClientErrorException$MethodNotAllowed: 405')
    expect([notAllowed.source, notAllowed.rule]).toEqual(['metadata-server', 'method-not-allowed'])
  })

  it('falls back to exception rules when no ID is known', () => {
    expect(classifyFailure('java.net.ConnectException: Connection refused (Connection refused) to db.example.com:5432')).toMatchObject({ source: 'third-party', subject: 'db.example.com:5432', rule: 'connection-refused' })
    expect(classifyFailure('java.net.UnknownHostException: kafka.internal')).toMatchObject({ source: 'third-party', subject: 'kafka.internal' })
    expect(classifyFailure('java.lang.ClassNotFoundException: com.acme.MyProvider')).toMatchObject({ source: 'connector', rule: 'class-not-found' })
    expect(classifyFailure('HTTP 401 Unauthorized from https://mds:9443/x')).toMatchObject({ source: 'metadata-server', subject: 'mds:9443' })
    expect(classifyFailure('java.nio.file.NoSuchFileException: /data/in')).toMatchObject({ source: 'third-party', rule: 'does-not-exist' })
    expect(classifyFailure('something odd happened')).toMatchObject({ source: 'undetermined', messageIds: [] })
  })

  it('blames the caller, not the metadata server, for a GUID the repository does not know', () => {
    const stale = classifyFailure('INTEGRATION-DAEMON-SERVICES-0031 The integration connector AssetSync0 method refresh has returned with a org.odpi.openmetadata.frameworks.connectors.ffdc.InvalidParameterException exception containing message OMRS-REPOSITORY-404-002 The entity identified with guid 1d62bacb-6f1f-9298-f8dc-e15d129abbd9 passed on the getEntityDetail call is not known to the open metadata repository cocoMDS1')
    expect([stale.source, stale.rootMessageId]).toEqual(['connector', 'OMRS-REPOSITORY-404-002'])
    expect(stale.summary).toMatch(/deleted after the caller took its GUID/)
    expect(classifyFailure('OMRS-REPOSITORY-404-001 The open metadata repository connector for server cocoMDS1 is not active and is unable to service the getEntityDetail request').source).toBe('metadata-server')
  })
})

describe('the innermost meaningful cause, known misleaders and honest unknowns', () => {
  it('knows the misleaders', () => {
    const userId = classifyFailure('JDBC-INTEGRATION-CONNECTOR-0006 OMAG-COMMON-400-004 The user identifier (user id) passed on the createDatabase operation is null')
    expect(userId).toMatchObject({ source: 'connector', rule: 'missing-connector-user', restartHelps: false })
    const wrapped = classifyFailure('OMAG-COMMON-400-016 An unexpected exception was caught. OMAG-MULTI-TENANT-404-001 The OMAG Server cocoMDS2 is not available to service a request from user x')
    expect(wrapped).toMatchObject({ source: 'metadata-server', subject: 'cocoMDS2', rootMessageId: 'OMAG-MULTI-TENANT-404-001' })
    const kafka = classifyFailure('OMAS-ASSET-CONSUMER-400-001 The Asset Consumer OMAS has been passed an invalid connection for publishing events. connectorProviderClassName=org.odpi.openmetadata.adapters.eventbus.topic.kafka.KafkaOpenMetadataTopicProvider')
    expect(kafka).toMatchObject({ source: 'third-party', subject: 'Kafka' })
    const stale = classifyFailure('OMRS-AUDIT-0114 Registration error occurred in cohort c because the local server is not able to use the remote connection null supplied by server cocoMDS2. Error message is org/odpi/openmetadata/repositoryservices/auditlog/OMRSAuditLog')
    expect(stale).toMatchObject({ source: 'connector', rule: 'stale-local-classpath' })
  })

  it('names the platform for configuration documents, start-up and TLS stores', () => {
    expect(classifyFailure('OMAG-ADMIN-400-019 OMAG server cocoMDS1 has been called with a configuration document that has no services configured', 4)).toMatchObject({ source: 'platform', subject: 'cocoMDS1' })
    expect(classifyFailure('Caused by: java.io.FileNotFoundException: /opt/egeria/truststore.p12 (No such file or directory)')).toMatchObject({ source: 'platform', subject: '/opt/egeria/truststore.p12' })
    expect(classifyFailure("HTTPSConnectionPool(host='lab-core', port=9443): Max retries exceeded with url: /open-metadata/platform-services/users/x/server-platform/origin (Caused by NewConnectionError: Connection refused)")).toMatchObject({ source: 'platform', subject: 'lab-core:9443' })
  })

  it('says undetermined, with candidates, where the evidence does not decide', () => {
    expect(classifyFailure('OMRS-AUDIT-0006 Configuration error detected while connecting to cohort c7, error message was: Failed to construct kafka consumer')).toMatchObject({ source: 'undetermined', candidates: ['third-party', 'connector'] })
    const unfilled = classifyFailure('An SQLException was received by method connect. Exception message is: {1}')
    expect(unfilled).toMatchObject({ source: 'undetermined' })
    expect(unfilled.subject).toBeUndefined()
  })
})
