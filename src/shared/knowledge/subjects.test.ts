import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { idFamilyOf, namesPartnerServer } from './id-families'
import { FALLBACK_RULES } from './rules'
import { HOST_PORT } from './subject-patterns'
import { extractSubject, firstRealMatch, isRealSubject, kindsScan, SUBJECT_KINDS_BY_SOURCE, type SubjectKind } from './subjects'

const one = (text: string, kinds: SubjectKind[]): string | undefined => extractSubject(text, kinds)?.value

describe('subject extractors', () => {
  it('finds a jar, a trust store or a host and port in one pass over a long run of name characters', () => {
    // A match may only start where the run does: from every character of a 200 000-character run, the scan would take minutes.
    const run = 'org.odpi-openmetadata.'.repeat(10_000)
    expect(one(`${run} then ${run}egeria-connector-xtdb-3.9.jar loaded`, ['jar'])).toBe(`${run}egeria-connector-xtdb-3.9.jar`)
    expect(one(`guid 1d62bacb-6f1f-9298-f8dc-e15d129abbd9 ${run}`, ['jar'])).toBeUndefined()
    // A host of a run that ends in a dot, or of numbers only, is none: the next one is found without trying each character of the run.
    expect(one(`Connection to ${run}:5432 refused, then db7.example.internal:5442`, ['host-port'])).toBe('db7.example.internal:5442')
    expect(one(`${'1.'.repeat(30_000)}1:80 and ${'-'.repeat(60_000)}a:80`, ['host-port'])).toBe('a:80')
    // A pattern with flag u is searched as it is: its `\p{Lu}` is no literal.
    expect(firstRealMatch(/(\p{Lu}\w+\.jar)/u, 'could not load ÄBC.jar')?.[1]).toBe('ÄBC.jar')
    const rule = FALLBACK_RULES.find((candidate) => candidate.name === 'trust-store-missing')!
    expect(new RegExp(rule.subject!, 'i').exec(`${run} x /etc/tls/${run}truststore.p12 not found`)?.[1]).toBe(`/etc/tls/${run}truststore.p12`)
  })

  it.each<[string, SubjectKind[], string]>([
    ['Connection to db7.example.internal:5442 refused', ['host-port'], 'db7.example.internal:5442'],
    ['at Tue Feb 02 12:02:43 GMT the call to https://mds1.example.com:9443/servers/x failed', ['url'], 'https://mds1.example.com:9443'],
    ['bad url jdbc:db2://db2host:50000/SAMPLE; check it', ['jdbc-url'], 'jdbc:db2://db2host:50000/SAMPLE'],
    ['props {bootstrap.servers=kafka-0.kafka:9092, acks=all}', ['kafka-bootstrap'], 'kafka-0.kafka:9092'],
    ['attempting to connect to Kafka brokers at localhost:9092 [ attempt 3 of 10 ]', ['kafka-bootstrap'], 'localhost:9092'],
    ['unable to initiate a connection to the cohort myCohort when starting up', ['cohort'], 'myCohort'],
    ['Connecting to Apache Kafka Topic egeria.omag.openmetadata.repositoryservices.cohort.myCohort.OMRSTopic.registration', ['topic'], 'egeria.omag.openmetadata.repositoryservices.cohort.myCohort.OMRSTopic.registration'],
    ['java.nio.file.NoSuchFileException: /data/landing/in', ['path'], '/data/landing/in'],
    ['The OMAG Server cocoMDS2 is not available to service a request', ['server'], 'cocoMDS2'],
    ['java.lang.ClassNotFoundException: org.example.MyProvider', ['class'], 'org.example.MyProvider'],
    ['returned an unexpected exception of java.lang.ClassNotFoundException with message org.acme.AtlasProvider', ['class'], 'org.acme.AtlasProvider'],
    ['Error message is org/odpi/openmetadata/repositoryservices/auditlog/OMRSAuditLog (NoClassDefFoundError: org/odpi/x/Y)', ['class'], 'org.odpi.x.Y'],
    ['Invalid Connector class org.odpi.egeria.connectors.ibm.igc.repositoryconnector.IGCOMRSRepositoryConnector', ['class'], 'org.odpi.egeria.connectors.ibm.igc.repositoryconnector.IGCOMRSRepositoryConnector'],
    ['could not load egeria-connector-xtdb-3.9-jar-with-dependencies.jar', ['jar'], 'egeria-connector-xtdb-3.9-jar-with-dependencies.jar'],
    ['FATAL: password authentication failed for user "egeria"', ['user'], 'user egeria'],
    ['FATAL: database "coco" does not exist', ['database'], 'database coco'],
    ["HTTPConnectionPool(host='lab-egeria-core-service', port=8080): Max retries exceeded", ['host-port'], 'lab-egeria-core-service:8080'],
    ['Tomcat initialized with port(s): 9443 (https)', ['port'], '9443']
  ])('finds %s', (text, kinds, expected) => {
    expect(one(text, kinds)).toBe(expected)
  })

  it('never takes an unfilled placeholder or a time for a subject', () => {
    expect(one('The OMAG Server {0} is not available', ['server'])).toBeUndefined()
    expect(one('Tue Nov 29 18:35:18 GMT 2022 intserv failed', ['host-port'])).toBeUndefined()
    expect(one('file {1} is missing', ['path'])).toBeUndefined()
  })

  it('scans a text once for what a list of kinds needs, and finds what its kinds find one by one', () => {
    expect(kindsScan(SUBJECT_KINDS_BY_SOURCE.connector)).toBeDefined()
    const corpus = new URL('../../../tests/fixtures/real-logs/', import.meta.url)
    const lines = readdirSync(corpus).filter((file) => file.endsWith('.txt')).flatMap((file) => readFileSync(new URL(file, corpus), 'utf8').split('\n'))
    const lists: SubjectKind[][] = [...Object.values(SUBJECT_KINDS_BY_SOURCE).map((kinds) => [...kinds]), ['port'], ['jar', 'class']]
    let found = 0
    for (const text of [...lines, 'Invalid Connector class org.acme.X.Y not of the correct type: org.acme.Z.W', 'LOADER_PATH=/deployments/lib']) {
      for (const kinds of lists) {
        const oneByOne = kinds.map((kind) => extractSubject(text, [kind])).find((subject) => subject !== undefined)
        if (oneByOne && kindsScan(kinds) !== undefined) found++
        expect(extractSubject(text, kinds), `${kinds.join()}: ${text}`).toEqual(oneByOne)
      }
    }
    expect(found).toBeGreaterThan(20)
  })

  it('tries kinds in the order given', () => {
    const text = 'Connection to db7.example.internal:5442 refused for jdbc:postgresql://db7.example.internal:5442/sales'
    expect(extractSubject(text, ['jdbc-url', 'host-port'])).toEqual({ kind: 'jdbc-url', value: 'jdbc:postgresql://db7.example.internal:5442/sales' })
  })
})

describe('host and port search', () => {
  /** firstRealMatch as a plain search over every position: what the quicker search must find. */
  function plainSearch(pattern: RegExp, text: string): string[] | undefined {
    const all = new RegExp(pattern.source, `${pattern.flags}g`)
    for (let match = all.exec(text); match; match = all.exec(text)) if (isRealSubject(match[1])) return [...match]
    return undefined
  }
  // Texts made of the parts a host and port search meets: labels, dots, ports of every length, source lines, separators.
  const parts = ['db7', 'Example', 'internal', '12', '0', 'a', 'x-1', '-', '.', '..', ':', ':80', ':5432', ':123456', ':1', ':12:34', ' ', '/', '_', '{0}', 'Foo.java:210', 'org.odpi.ffdc.ConnectorCheckedException', 'ÿ']
  const texts = fc.array(fc.oneof(fc.constantFrom(...parts), fc.stringMatching(/^[a-zA-Z0-9.:\- _\/]{0,6}$/)), { maxLength: 14 }).map((chosen) => chosen.join(''))

  it('finds what a search from every position finds, on any text and for any flags', () => {
    for (const flags of ['', 'i']) {
      const pattern = new RegExp(HOST_PORT, flags)
      fc.assert(
        fc.property(texts, (text) => {
          expect(firstRealMatch(pattern, text)?.slice()).toEqual(plainSearch(pattern, text))
        }),
        { numRuns: 5000 }
      )
    }
    for (const text of ['12ab:80', '..db:5432', 'a..b:80 x.y:12:34 z.java:12 host:443', 'Foo.java:210 then db7.example.internal:5442', 'port :123456 and :1 then h-1.x:99', '10.0.0.1:8080 a.b:00x']) {
      expect(firstRealMatch(new RegExp(HOST_PORT), text)?.slice(), text).toEqual(plainSearch(new RegExp(HOST_PORT), text))
    }
  })
})

describe('ID families', () => {
  it('tells the releases and what a family names', () => {
    expect(idFamilyOf('OMIS-FILES-INTEGRATOR-0008')).toMatchObject({ fromMajor: 4, namesConnector: true })
    expect(idFamilyOf('SERVER-OPS-0005')?.fromMajor).toBe(5)
    expect(idFamilyOf('OMRS-AUDIT-0001')).toBeUndefined()
    expect(namesPartnerServer('OMIS-LINEAGE-INTEGRATOR-0001')).toBe(true)
    expect(namesPartnerServer('OIF-CONNECTOR-0001')).toBe(true)
    expect(namesPartnerServer('OIF-CONNECTOR-0005')).toBe(false)
    expect(idFamilyOf('OMAG-ADMIN-503-001')).toMatchObject({ fromMajor: 4, callsMetadataServer: true })
    expect(idFamilyOf('OMAG-ADMIN-400-019')?.callsMetadataServer).toBeUndefined()
    expect(idFamilyOf('CLIENT-SIDE-REST-API-CONNECTOR-503-002')?.callsMetadataServer).toBe(true)
  })
})
