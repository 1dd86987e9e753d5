import { readFileSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestWebApp } from '../../../../tests/app-under-test'
import { tempDir } from '../../../../tests/temp-dir'
import { TOKEN_HEADER } from '../../../shared/channels'
import type { Connection } from '../../../shared/models/connection'
import type { ActionReport, DaemonStatus, JournalEntry } from '../../../shared/models/daemon'
import type { DemoInfo } from '../../../shared/models/demo'
import type { IncidentReport } from '../../../shared/models/report'
import type { Result } from '../../../shared/result'
import { startSimulator } from '../../simulator'
import type { WebApp } from '../../web/web-app'
import { IncidentReportService, redactor } from './incident-report'

let app: WebApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

/** Calls the API the way the renderer does: POST over 127.0.0.1 with the host's token. */
async function call<T>(path: string, args: unknown[]): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${app!.host.port}/api/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: app!.host.token },
    body: JSON.stringify(args)
  })
  const result = (await response.json()) as Result<T>
  if (!result.ok) throw new Error(`${path}: ${result.error.message}`)
  return result.value
}

const FILES_CONNECTORS = ['OakDeneLandingAreaFilesMonitor', 'OldMarketLandingAreaFilesMonitor', 'DropFootClinicalTrialResultsFilesMonitor']

describe('incident report over the demo simulator', () => {
  it('reports the coco-pharma analysis, the restart with before → after, the final state and the timeline', async () => {
    app = await startTestWebApp()
    const demo = await call<DemoInfo>('demo/start', [3])
    const id = demo.connectionId!
    await call('demo/updateWorld', [{ metadataServers: { cocoMDS1: { available: true } } }])
    const restart = await call<ActionReport>('daemon/restart', [id, { kind: 'connector', name: FILES_CONNECTORS[0] }])
    expect(restart.connectors.map((connector) => connector.name)).toEqual([FILES_CONNECTORS[0]])

    const pins = [{ input: 'exchangeDL01.log', line: 7, text: 'a pinned <line> from step 1' }]
    const report = await call<IncidentReport>('report/incident', [id, { pins }])
    const { markdown, html } = report

    expect(report.title).toBe('Incident report: Demo daemon (coco-pharma)')
    expect(report.fileBaseName).toMatch(/^incident-demo-daemon-coco-pharma-\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d$/)
    expect(report.summary).toMatchObject({ actions: 1, pinned: 1, total: 4, gaps: [] })
    expect(report.summary.causes).toBeGreaterThanOrEqual(2)

    // Connection, no secrets
    expect(markdown).toContain('| **Integration daemon** | `exchangeDL01` |')
    expect(markdown).toContain(demo.platformUrl)
    expect(markdown).toContain('| **Environment** | Development |')
    // Causes and findings with their evidence quoted as input:line
    // The restart did not fix the metadata server's connectors (their directories are missing), the database monitor is still wrong
    expect(markdown).toMatch(/^- ✖ \*\*3 of 3 still failing\*\* \*\*metadata server cocoMDS1 unavailable: 3 connectors\*\*/m)
    expect(markdown).toMatch(/^- ✖ \*\*Still failing\*\* \*\*connector OakDeneLandingAreaDatabaseMonitor misconfigured/m)
    expect(markdown).toContain('OMAG-MULTI-TENANT-404-001')
    expect(markdown).toContain('OMIS-DATABASE-INTEGRATOR-400-001')
    const quoted = [...markdown.matchAll(/^exchangeDL01\.log:(\d+) {2}(.*)$/gm)]
    expect(quoted.length).toBeGreaterThanOrEqual(4)
    expect(quoted.some((match) => match[2]!.includes('OMAG-MULTI-TENANT-404-001'))).toBe(true)
    // The pinned line, escaped inside a code block in Markdown and as text in HTML
    expect(markdown).toContain('exchangeDL01.log:7  a pinned <line> from step 1')
    expect(html).toContain('a pinned &#60;line&#62; from step 1')
    // The action with its before → after comparison
    expect(markdown).toMatch(/### \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC: Restart of connector OakDeneLandingAreaFilesMonitor/)
    const row = markdown.split('\n').find((line) => line.startsWith(`| \`${FILES_CONNECTORS[0]}\``) && line.includes('✖ **FAILED** `OMAG-MULTI-TENANT-404-001`'))
    expect(row).toBeDefined()
    // The directory is still missing: the connector fails again, now for a third-party reason
    expect(row).toContain('BASIC-FILES-INTEGRATION-CONNECTORS-404-001')
    expect(row).toMatch(/✖ \*\*Failing with a new error\*\*/)
    // Final state and timeline
    expect(markdown).toContain('## Final state')
    // The current problem and next safe action are the guidance bar's, from the status and the log together.
    expect(markdown).toMatch(/\| \*\*Current problem\*\* \| 4 of 4 connectors failed: .*Connector OakDeneLandingAreaDatabaseMonitor is misconfigured\. \|/)
    expect(markdown).toMatch(/\| \*\*Next safe action\*\* \| .*restart/i)
    expect(markdown).toMatch(/\| `OakDeneLandingAreaDatabaseMonitor` \| ✖ \*\*FAILED\*\*/)
    expect(markdown).toMatch(/\| [^|]+ UTC \| Action \| Restart of connector OakDeneLandingAreaFilesMonitor did not fully work: 1 failing new error \|/)
    expect(markdown).toMatch(/\| [^|]+ UTC \| Audit log \| OakDeneLandingAreaFilesMonitor failed \(OMAG-MULTI-TENANT-404-001\): metadata server cocoMDS1 \|/)

    // The HTML says the same, self-contained
    for (const text of ['exchangeDL01', 'OMAG-MULTI-TENANT-404-001', 'Failing with a new error', 'Final state', 'Timeline']) expect(html).toContain(text)
    expect(html).toContain("default-src 'none'")
    expect(html).not.toMatch(/<script|<link|<img|src=|https?:\/\/(?!127\.0\.0\.1)/i)
  }, 60_000)

  it('reports only the actions since the incident began and says how many earlier ones the journal keeps', async () => {
    app = await startTestWebApp()
    const demo = await call<DemoInfo>('demo/start', [3])
    const id = demo.connectionId!
    await call('daemon/restart', [id, { kind: 'connector', name: FILES_CONNECTORS[0] }])
    await call('daemon/restart', [id, { kind: 'connector', name: FILES_CONNECTORS[1] }])
    const since = new Date().toISOString()
    await call('daemon/restart', [id, { kind: 'connector', name: FILES_CONNECTORS[2] }])

    const incident = await call<IncidentReport>('report/incident', [id, { since }])
    expect(incident.summary.actions).toBe(1)
    expect(incident.markdown).toContain('## Actions (1)')
    expect(incident.markdown).toMatch(/Covers this incident: actions since its guided flow was opened at .*\. 2 earlier actions are left out: see the journal\./)

    const everything = await call<IncidentReport>('report/incident', [id])
    expect(everything.summary.actions).toBe(3)
    expect(everything.markdown).toContain('## Actions (3)')
    expect(everything.markdown).toContain('Covers every action of this connection in the journal.')
  }, 60_000)

  it('never includes the saved password (6.x demo daemon, which needs one)', async () => {
    app = await startTestWebApp()
    const demo = await call<DemoInfo>('demo/start', [6])
    const password = app.services.connections.password(demo.connectionId!)
    expect(password).toBeTruthy()
    const report = await call<IncidentReport>('report/incident', [demo.connectionId!])
    expect(report.markdown).not.toContain(password)
    expect(report.html).not.toContain(password)
    expect(report.markdown).toContain('OMAG-MULTI-TENANT-404-001')
  }, 60_000)

  it('refuses malformed options and unknown connections with a clear error', async () => {
    app = await startTestWebApp()
    await expect(call('report/incident', ['nope'])).rejects.toThrow(/report\/incident: .+/)
    await expect(call('report/incident', ['x', { pins: [{ input: 'a', line: 'one', text: '' }] }])).rejects.toThrow(/report\/incident/)
  })
})

const hostile = '<script>alert(1)</script> **bold** [link](javascript:alert(1)) | `tick` & <img src=x onerror=alert(2)>'

function hostileSetup(dataDir = tempDir(), gzip = false) {
  let logPath = join(dataDir, 'hostile.log')
  writeFileSync(
    logPath,
    [
      `Thu Nov 20 10:00:00 GMT 2025 cocoMDS1 Error OMAG-MULTI-TENANT-404-001 The OMAG Server cocoMDS1 is not available ${hostile}`,
      `Thu Nov 20 10:00:01 GMT 2025 daemon1 Exception INTEGRATION-DAEMON-SERVICES-0031 The integration connector ${hostile.slice(0, 20)} has failed: Connection{userId='gary', encryptedPassword='abc123', clearPassword='hunter2 two', configurationProperties=null} with S3cretPass`
    ].join('\n')
  )
  if (gzip) {
    writeFileSync(`${logPath}.gz`, gzipSync(readFileSync(logPath)))
    logPath = `${logPath}.gz`
  }
  const connection: Connection = {
    id: 'c1', name: hostile, platformUrl: 'https://127.0.0.1:9443', serverName: 'daemon1', userId: 'gary', egeriaVersion: 'auto',
    tls: { mode: 'insecure' }, environment: 'prod', readOnly: false, auditLogPath: logPath, hasPassword: true,
    createdAt: '2025-11-20T09:00:00.000Z', updatedAt: '2025-11-20T09:00:00.000Z'
  }
  const status: DaemonStatus = {
    server: 'daemon1', platformUrl: connection.platformUrl, egeria: 5, fetchedAt: '2025-11-20T10:05:00.000Z', services: [], groups: [],
    connectors: [{ name: hostile, status: 'FAILED', refreshOverdue: false, failingMessage: `${hostile} clearPassword='hunter2'`, failingMessageIds: [] }],
    counts: { total: 1, failed: 1, healthy: 0, other: 0 }
  }
  const entry: JournalEntry = {
    time: '2025-11-20T10:03:00.000Z',
    connection: { id: 'c1', platformUrl: connection.platformUrl, server: 'daemon1' },
    action: 'restart',
    scope: { kind: 'connector', name: hostile },
    before: [{ name: hostile, status: 'FAILED' }],
    after: [{ name: hostile, status: 'FAILED' }],
    outcome: { success: false, settle: 'settled', summary: hostile, calls: [{ call: hostile, ok: false, error: hostile }], connectors: [{ name: hostile, outcome: 'still-failing-same', verdict: hostile }] }
  }
  const other: JournalEntry = { ...entry, connection: { id: 'c2', platformUrl: 'https://elsewhere', server: 'other' }, time: '2025-11-20T10:04:00.000Z' }
  return new IncidentReportService({
    connection: () => connection,
    password: () => 'S3cretPass',
    status: async () => status,
    history: () => [],
    journal: () => ({ entries: [other, entry] }),
    now: () => new Date('2025-11-20T11:00:00.000Z')
  })
}

describe('incident report with hostile input', () => {
  it('keeps hostile names, messages and log lines as text in HTML and Markdown', async () => {
    const report = await hostileSetup().build('c1', { pins: [{ input: '</pre><script>x()</script>', line: 3, text: hostile }] })
    expect(report.summary).toMatchObject({ actions: 1, failing: 1, total: 1, pinned: 1 })
    expect(report.html).not.toMatch(/<script|<img|<\/pre><script/i)
    expect(report.html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;')
    expect(report.html).toContain('&#60;img src=x onerror=alert(2)&#62;')
    // Markdown: outside code, every active character is escaped; inside code spans and blocks it is literal
    const outsideCode = report.markdown.replace(/```text\n[\s\S]*?\n```/g, '').replace(/(`+)[\s\S]*?\1/g, '')
    expect(outsideCode).not.toMatch(/(?<!\\)<(script|img)/)
    expect(outsideCode).not.toMatch(/(?<!\\)\[link(?<!\\)\]/)
    expect(report.markdown).toContain('\\<script\\>alert')
    // Table rows keep their column count: the `|` inside a name does not split the cell
    const actionRow = report.markdown.split('\n').find((line) => line.includes('Still failing (same error)'))!
    expect(actionRow.replace(/\\\|/g, '').split('|').length).toBe(6)
    expect(report.markdown).not.toContain('https://elsewhere')
  })

  it('never leaks Connection{…} passwords or the saved password', async () => {
    const report = await hostileSetup().build('c1')
    for (const text of [report.markdown, report.html]) {
      expect(text).not.toContain('hunter2')
      expect(text).not.toContain('abc123')
      expect(text).not.toContain('S3cretPass')
    }
    expect(report.markdown).toContain("clearPassword='[redacted]'")
  })

  it('quotes evidence lines from a gzipped log by their line numbers', async () => {
    const report = await hostileSetup(tempDir(), true).build('c1')
    expect(report.markdown).toMatch(/^hostile\.log\.gz:1 {2}Thu Nov 20 10:00:00 GMT 2025 cocoMDS1 Error OMAG-MULTI-TENANT-404-001/m)
    expect(report.markdown).toMatch(/^hostile\.log\.gz:2 {2}.*INTEGRATION-DAEMON-SERVICES-0031/m)
  })

  it('quotes evidence from a folder of .omalrecord files (the file destination)', async () => {
    const dir = join(tempDir(), 'omalrecords')
    const sim = await startSimulator({ scenario: 'coco-pharma', egeria: 3, auditJsonDir: dir })
    await sim.close()
    const base = hostileSetup()
    const connection = { ...(await base.gather('c1')).connection, auditLogPath: dir }
    const service = new IncidentReportService({
      connection: () => connection,
      password: () => undefined,
      // Everything fixed: every cause of the log is over.
      status: async () => ({
        server: 'exchangeDL01', platformUrl: connection.platformUrl, egeria: 3, fetchedAt: new Date().toISOString(), services: [], groups: [],
        connectors: ['OakDeneLandingAreaFilesMonitor', 'OldMarketLandingAreaFilesMonitor', 'DropFootClinicalTrialResultsFilesMonitor', 'OakDeneLandingAreaDatabaseMonitor']
          .map((name) => ({ name, status: 'RUNNING', refreshOverdue: false, failingMessageIds: [] })),
        counts: { total: 4, failed: 0, healthy: 4, other: 0 }
      }),
      history: () => [],
      journal: () => ({ entries: [] })
    })
    const report = await service.build('c1')
    expect(report.summary.causes).toBeGreaterThanOrEqual(2)
    expect(report.markdown).toMatch(/^omalrecords\/[^ ]+ {2}.*OMAG-MULTI-TENANT-404-001/m)
    const summaryCauses = report.markdown.split('## Connection')[0]!.split('\n').filter((line) => line.startsWith('- '))
    expect(summaryCauses).toHaveLength(report.summary.causes)
    for (const line of summaryCauses) expect(line).toMatch(/^- ✔ \*\*Resolved\*\* /)
    expect(report.html).toContain('<span class="badge ok"><span aria-hidden="true">✔</span> Resolved</span>')
  })

  it('redacts quoted, bare and JSON secrets but keeps null ones', () => {
    const redact = redactor('topsecret')
    expect(redact("clearPassword='a b c', encryptedPassword=xyz, userId='gary'")).toBe("clearPassword='[redacted]', encryptedPassword=[redacted], userId='gary'")
    expect(redact('{"password":"p@ss","secret": "s"}')).toBe('{"password":"[redacted]","secret": "[redacted]"}')
    expect(redact("clearPassword='null' and topsecret here")).toBe("clearPassword='null' and [redacted] here")
  })

  it('says what is missing when the log cannot be read and the status cannot be fetched', async () => {
    const service = new IncidentReportService({
      connection: () => ({ ...({} as Connection), id: 'c', name: 'x', platformUrl: 'https://127.0.0.1:1', serverName: 's', userId: 'u', egeriaVersion: '5', tls: { mode: 'system' }, environment: 'dev', readOnly: true, hasPassword: false, auditLogPath: '/nonexistent/daemon.log' }),
      password: () => undefined,
      status: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:1')
      },
      history: () => [],
      journal: () => ({ entries: [] })
    })
    const report = await service.build('c')
    expect(report.summary.gaps).toEqual([
      'The audit log /nonexistent/daemon.log could not be read: ENOENT',
      'The status could not be read when the report was made: connect ECONNREFUSED 127.0.0.1:1'
    ])
    expect(report.markdown).toContain('No action was run')
    expect(report.markdown).toContain('? **Unknown**')
    expect(report.html).toContain('ECONNREFUSED')
  })
})
