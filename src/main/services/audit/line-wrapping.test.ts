import { describe, expect, it } from 'vitest'
import { unwrapLine, type LineWrapping } from './line-wrapping'
import { detectLineWrapping } from './wrapping-detection'

const log = [
  'Sat Nov 22 18:00:00 GMT 2025 intserv Startup OMRS-AUDIT-0064 The Open Metadata Repository Services (OMRS) has initialized',
  'Sat Nov 22 18:00:01 GMT 2025 intserv Exception INTEGRATION-DAEMON-SERVICES-0031 The integration connector Files1 failed',
  'org.odpi.openmetadata.frameworks.connectors.ffdc.InvalidParameterException: OMAG-MULTI-TENANT-404-001',
  '\tat org.odpi.openmetadata.Handler.call(Handler.java:12)',
  '',
  'Sat Nov 22 18:00:02 GMT 2025 intserv Information INTEGRATION-DAEMON-SERVICES-0042 refreshing Files1'
]
const unwrapped = (wrapping: LineWrapping, lines: string[]): string[] => lines.map((line) => line.slice(unwrapLine(wrapping, line, 0, line.length)))

describe('line wrapping', () => {
  it('finds what a person put before every line, and takes it off each line that has it', () => {
    const cases: [string, string[], LineWrapping][] = [
      ['Markdown indent', log.map((line) => (line ? `    ${line}` : line)), { kind: 'indent', width: 4 }],
      ['mail quote', log.map((line) => `> ${line}`.trimEnd()), { kind: 'quote' }],
      ['grep -n', log.map((line, index) => `${index + 1}:${line}`), { kind: 'numbered' }],
      ['cat -n', log.map((line, index) => `${String(index + 1).padStart(6)}\t${line}`), { kind: 'numbered' }],
      ['grep over files', log.map((line) => `logs/intserv.log:${line}`), { kind: 'prefix', prefix: 'logs/intserv.log:' }],
      ['grep -n over files', log.map((line, index) => `intserv.log:${index + 1}:${line}`), { kind: 'prefix', prefix: 'intserv.log:' }],
      ['stern', log.map((line) => `egeria-platform-0 platform ${line}`), { kind: 'prefix', prefix: 'egeria-platform-0 platform ' }]
    ]
    for (const [name, lines, wrapping] of cases) {
      expect(detectLineWrapping(lines.join('\n')), name).toEqual(wrapping)
      expect(unwrapped(wrapping, lines), name).toEqual(log)
    }
  })

  it('finds none in logs as they were written, whatever their format', () => {
    const spring = ['2025-03-01 10:00:00.123  INFO 1 --- [main] o.o.o.s.OMAGServerPlatform : started', '2025-03-01 10:00:01.456 ERROR 1 --- [main] o.a.k.c.NetworkClient : refused', '\tat org.apache.kafka.Client.poll(Client.java:1)']
    const cri = log.map((line) => `2025-03-01T10:00:00.123456789Z stdout F ${line}`)
    const docker = log.map((line) => JSON.stringify({ log: `${line}\n`, stream: 'stdout', time: '2025-03-01T10:00:00Z' }))
    const json = ['{"timeStamp":"2025-03-01T10:00:00Z","messageId":"OMRS-AUDIT-0064"}', '{"timeStamp":"2025-03-01T10:00:01Z","messageId":"OMRS-AUDIT-0065"}']
    const trace = ['java.lang.NullPointerException: x', '\tat a.B.c(B.java:1)', '\tat a.B.d(B.java:2)']
    for (const [name, lines] of Object.entries({ log, spring, cri, docker, json, trace })) expect(detectLineWrapping(lines.join('\n')), name).toBeUndefined()
  })

  it('knows a quote, rising line numbers or a file path even where no line starts a record', () => {
    const python = ['Traceback (most recent call last):', '  File "notebook.py", line 3, in <module>', "ConnectionError: HTTPConnectionPool(host='lab-core', port=9443)"]
    expect(detectLineWrapping(python.map((line) => `> ${line}`).join('\n'))).toEqual({ kind: 'quote' })
    expect(detectLineWrapping(python.map((line, index) => `${index + 7}:${line}`).join('\n'))).toEqual({ kind: 'numbered' })
    expect(detectLineWrapping(python.map((line) => `out/run.txt:${line}`).join('\n'))).toEqual({ kind: 'prefix', prefix: 'out/run.txt:' })
    // Numbers that do not rise are the lines' own.
    expect(detectLineWrapping(python.map((line) => `7:${line}`).join('\n'))).toBeUndefined()
  })
})
