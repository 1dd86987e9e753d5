import { describe, expect, it } from 'vitest'
import type { AuditRecord } from '../../../shared/models/audit'
import type { DaemonStatus } from '../../../shared/models/daemon'
import { RecordPacker, RecordUnpacker, type PackedStrings } from './record-codec'
import type { ChatterSink } from './record-parser'

const TEXT = 'The integration connector JdbcCatalogue7 has returned with a ConnectorCheckedException exception containing message JDBC-INTEGRATION-CONNECTOR-400-001'
const HEAD = 'org.odpi.openmetadata.frameworks.connectors.ffdc.ConnectorCheckedException{reportedHTTPCode=400}'

function failure(line: number, connector: string, guid: string, text = TEXT): AuditRecord {
  return {
    input: 0,
    firstLine: line,
    lastLine: line + 9,
    format: 'console',
    audit: true,
    time: '2025-11-22T18:00:00Z',
    server: 'intserv',
    severity: 'Exception',
    messageId: 'INTEGRATION-DAEMON-SERVICES-0006',
    text,
    messageIds: ['INTEGRATION-DAEMON-SERVICES-0006', 'JDBC-INTEGRATION-CONNECTOR-400-001'],
    connector,
    exceptionClass: 'org.odpi.openmetadata.frameworks.connectors.ffdc.ConnectorCheckedException',
    exceptionMessage: 'JDBC-INTEGRATION-CONNECTOR-400-001 Unable to connect to the database at jdbc:postgresql://db07:5432/catalogue',
    stackTrace: [HEAD, 'Caused by: org.postgresql.util.PSQLException: Connection to db07:5432 refused.'],
    guid
  }
}

interface ChatterLine {
  lineNo: number
  time: string
  server: string
  severity: string
  messageId: string
  text: string
  connector: string | undefined
}

function unpacked(ints: Int32Array, packed: PackedStrings, lineOffset: number, takes = true): { records: AuditRecord[]; chatter: ChatterLine[] } {
  const records: AuditRecord[] = []
  const chatter: ChatterLine[] = []
  const sink: ChatterSink = {
    auditLine: (_input, lineNo, time, server, severity, messageId, text, connector) => {
      chatter.push({ lineNo, time, server, severity, messageId, text, connector })
      return takes
    },
    logLine: () => true
  }
  new RecordUnpacker(3).unpack(ints, packed, lineOffset, (record) => records.push(record), sink)
  return { records, chatter }
}

describe('packed stretches', () => {
  it('give back every record and chatter line in order, with every field, on the input and lines they are read at', () => {
    const ints = new Int32Array(1 << 16)
    const packer = new RecordPacker()
    packer.begin(ints)
    const status = { connectors: [] } as unknown as DaemonStatus
    const records: AuditRecord[] = [
      failure(10, 'JdbcCatalogue7', '00000000-7b82-4a1c-9d3e-000000000007'),
      { input: 0, firstLine: 20, lastLine: 20, format: 'logback', audit: false, time: '2025-11-22T18:00:01Z', level: 'ERROR', logger: 'o.a.k.clients.NetworkClient', text: 'Connection to node -1 could not be established', messageIds: [], truncated: true },
      { input: 0, firstLine: 21, lastLine: 21, file: 'a.omalrecord', format: 'json', audit: true, text: '', messageIds: ['OMRS-AUDIT-0001'], messageId: 'OMRS-AUDIT-0001', furtherReading: 'https://egeria-project.org/x' },
      { input: 0, firstLine: 22, lastLine: 30, format: 'rest', audit: false, text: '{}', messageIds: [], daemonStatus: status }
    ]
    packer.record(records[0]!)
    packer.chatter(15, '2025-11-22T18:00:00Z', 'intserv', 'Information', packer.refOf('INTEGRATION-DAEMON-SERVICES-0008'), 'A new integration connector named JdbcCatalogue8 is initializing in integration service Database Integrator', 'JdbcCatalogue8')
    packer.chatter(16, '2025-11-22T18:00:00Z', 'intserv', 'Information', packer.refOf('OMRS-AUDIT-0064'), '', undefined)
    for (const record of records.slice(1)) packer.record(record)
    const packed = packer.finish()
    const { records: back, chatter } = unpacked(ints, structuredClone(packed), 100)
    expect(back).toEqual(records.map((record) => ({ ...record, input: 3, firstLine: record.firstLine + 100, lastLine: record.lastLine + 100 })))
    expect(chatter).toEqual([
      { lineNo: 115, time: '2025-11-22T18:00:00Z', server: 'intserv', severity: 'Information', messageId: 'INTEGRATION-DAEMON-SERVICES-0008', text: 'A new integration connector named JdbcCatalogue8 is initializing in integration service Database Integrator', connector: 'JdbcCatalogue8' },
      { lineNo: 116, time: '2025-11-22T18:00:00Z', server: 'intserv', severity: 'Information', messageId: 'OMRS-AUDIT-0064', text: '', connector: undefined }
    ])
  })

  it('send each distinct text once a stretch, whichever record repeats it, and each GUID as it is', () => {
    const ints = new Int32Array(1 << 16)
    const packer = new RecordPacker()
    packer.begin(ints)
    const records = [1, 2, 3, 4, 5, 6].map((n) => failure(n * 10, n % 2 === 0 ? 'JdbcCatalogue7' : 'JdbcCatalogue8', `00000000-7b82-4a1c-9d3e-00000000000${n}`, n === 6 ? `${TEXT} again` : TEXT))
    for (const record of records) packer.record(record)
    const packed = packer.finish()
    expect(packed.texts.filter((text) => text === TEXT)).toHaveLength(1)
    expect(packed.texts.filter((text) => text === HEAD)).toHaveLength(1)
    expect(packed.texts).toContain(`${TEXT} again`)
    expect(packed.texts.filter((text) => text.startsWith('00000000-7b82'))).toHaveLength(6)
    expect(unpacked(ints, packed, 0).records).toEqual(records.map((record) => ({ ...record, input: 3 })))

    // A new stretch names its own strings: none is taken for sent with the last one.
    packer.begin(ints)
    packer.record(records[0]!)
    const next = packer.finish()
    expect(next.texts).toContain(TEXT)
    expect(unpacked(ints, next, 0).records).toEqual([{ ...records[0], input: 3 }])
  })

  it('say when the shared memory is nearly full, and that a record did not fit', () => {
    const packer = new RecordPacker()
    packer.begin(new Int32Array(40))
    expect(packer.full).toBe(true)
    packer.record(failure(1, 'JdbcCatalogue7', 'g1'))
    expect(packer.overflowed).toBe(false)
    packer.record(failure(11, 'JdbcCatalogue7', 'g2'))
    expect(packer.overflowed).toBe(true)
    packer.begin(new Int32Array(1 << 16))
    expect(packer.full).toBe(false)
    expect(packer.overflowed).toBe(false)
  })

  it('stop at a chatter line the diagnosis does not take: the reading thread decided wrongly', () => {
    const ints = new Int32Array(1 << 10)
    const packer = new RecordPacker()
    packer.begin(ints)
    packer.chatter(5, '2025-11-22T18:00:00Z', 'intserv', 'Information', packer.refOf('OMRS-AUDIT-0064'), '', undefined)
    expect(() => unpacked(ints, packer.finish(), 0, false)).toThrow(/line 5: .*OMRS-AUDIT-0064/)
  })
})
