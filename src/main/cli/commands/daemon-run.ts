/** The work of `status`, `probe`, `restart`, `refresh` and `reload-group` (and the helpers `configure` shares), loaded only when one of them runs (see daemon.ts for their options). */
import { existsSync } from 'node:fs'
import { EGERIA_VERSIONS, loginSendsPasswordInClear, PASSWORD_IN_CLEAR, serverNameSchema, userIdSchema, type EgeriaVersionSetting, type TlsSettings } from '../../../shared/models/connection'
import { foldDumps } from '../../../shared/readable-message'
import { counted } from '../../../shared/counted'
import { describeCounts, isFailedStatus, type ActionKind, type ActionReport, type ActionScope, type DaemonStatus, type ProbeReport } from '../../../shared/models/daemon'
import { defaultDataDir } from '../../services/data-dir'
import { EgeriaClient, type DaemonTarget } from '../../services/egeria/client'
import { deadlineSignal, describeFailure, type CallFailure } from '../../services/egeria/http'
import { ActionJournal, journalEntry } from '../../services/egeria/journal'
import { runGroupReload } from '../../services/egeria/group-reload'
import { runAction, type ActionOptions, type ActionResult } from '../../services/egeria/operations'
import { probeDaemon } from '../../services/egeria/probe'
import { EXIT, UsageError } from '../program'
import { terminalSafe } from '../terminal-text'
import type { ActionCommandOptions, ChangeOptions, GroupReloadOptions, TargetOptions } from './daemon'

function targetFrom(options: TargetOptions): DaemonTarget {
  let url: URL
  try {
    url = new URL(options.url)
  } catch {
    throw new UsageError(`--url must be a full URL such as https://localhost:9443, not ${options.url}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError('--url must start with http:// or https://')
  if (!EGERIA_VERSIONS.includes(options.egeria as EgeriaVersionSetting)) {
    throw new UsageError(`--egeria must be one of ${EGERIA_VERSIONS.join(', ')}, not ${options.egeria}`)
  }
  if (options.ca && options.insecure) throw new UsageError('Use either --ca FILE or --insecure, not both')
  if (options.ca && !existsSync(options.ca)) throw new UsageError(`The CA file ${options.ca} does not exist`)
  if (!['text', 'json'].includes(options.format)) throw new UsageError(`--format must be text or json, not ${options.format}`)
  for (const [option, schema, value] of [['--server', serverNameSchema, options.server], ['--user', userIdSchema, options.user]] as const) {
    const checked = schema.safeParse(value)
    if (!checked.success) throw new UsageError(`${option}: ${checked.error.issues[0]!.message}, not ${JSON.stringify(value)}`)
  }
  let password: string | undefined
  if (options.passwordEnv) {
    password = process.env[options.passwordEnv]
    if (password === undefined) throw new UsageError(`The environment variable ${options.passwordEnv} is not set`)
  }
  const tls: TlsSettings = options.ca ? { mode: 'ca-file', caFile: options.ca } : { mode: options.insecure ? 'insecure' : 'system' }
  return {
    platformUrl: url.toString().replace(/\/+$/, ''),
    server: options.server,
    userId: options.user,
    password,
    egeria: options.egeria as EgeriaVersionSetting,
    tls
  }
}

function timeoutMs(options: TargetOptions): number | undefined {
  const seconds = options.timeout === undefined ? undefined : Number(options.timeout)
  if (seconds !== undefined && !(seconds > 0)) throw new UsageError(`--timeout must be a positive number of seconds, not ${options.timeout}`)
  return seconds === undefined ? undefined : seconds * 1000
}

/** Ctrl-C stops the command's calls (the daemon may carry on with an action already sent). */
export function interruptSignal(): { signal: AbortSignal; dispose: () => void } {
  const stop = new AbortController()
  const onSignal = (): void => stop.abort()
  process.once('SIGINT', onSignal)
  return { signal: stop.signal, dispose: () => process.off('SIGINT', onSignal) }
}

/**
 * `status` and `probe` make several calls: `--timeout` bounds the whole command as well as each
 * call, so it ends when the option says. Ctrl-C stops it too.
 */
function commandSignal(options: TargetOptions): { signal: AbortSignal; dispose: () => void } {
  const interrupt = interruptSignal()
  const ms = timeoutMs(options)
  const deadline = ms === undefined ? undefined : deadlineSignal(ms, interrupt.signal)
  return {
    signal: deadline?.signal ?? interrupt.signal,
    dispose: () => {
      deadline?.clear()
      interrupt.dispose()
    }
  }
}

/** `probe` says it in its TLS hop, so it asks for no warning of its own about a password sent over plain http. */
export function clientFor(options: TargetOptions, { warnPasswordInClear = true } = {}): EgeriaClient {
  const target = targetFrom(options)
  if (warnPasswordInClear && target.password !== undefined && loginSendsPasswordInClear(target.platformUrl, target.egeria)) {
    process.stderr.write(`daemon-doctor: warning: ${new URL(target.platformUrl).host}: ${PASSWORD_IN_CLEAR}\n`)
  }
  const responseMs = timeoutMs(options)
  return new EgeriaClient(target, {
    timeouts: responseMs
      ? {
          status: { connectMs: 5_000, responseMs },
          probe: { connectMs: 5_000, responseMs },
          token: { connectMs: 5_000, responseMs },
          restart: { connectMs: 5_000, responseMs }
        }
      : {}
  })
}

export const print = (text: string): void => void process.stdout.write(`${terminalSafe(text)}\n`)

export function failWith(failure: CallFailure, format: string): number {
  if (format === 'json') print(JSON.stringify({ error: { kind: failure.kind, message: describeFailure(failure) } }, null, 2))
  process.stderr.write(`daemon-doctor: ${terminalSafe(describeFailure(failure))}\n`)
  return EXIT.usage
}

/** The `status --format json` shape: the model plus the flat fields scripts rely on. */
export function statusJson(status: DaemonStatus): unknown {
  return {
    server: status.server,
    egeria: status.egeria,
    platformVersion: status.platformVersion,
    fetchedAt: status.fetchedAt,
    counts: status.counts,
    services: status.services,
    groups: status.groups,
    connectors: status.connectors.map((connector) => ({
      name: connector.name,
      status: connector.status,
      ...(connector.service ? { service: connector.service } : {}),
      ...(connector.group ? { group: connector.group } : {}),
      lastStatusChange: connector.lastStatusChange ?? null,
      lastRefreshTime: connector.lastRefreshTime ?? null,
      minMinutesBetweenRefresh: connector.minMinutesBetweenRefresh ?? null,
      refreshOverdue: connector.refreshOverdue,
      failingMessageId: connector.failingMessageId ?? null,
      failingMessageIds: connector.failingMessageIds,
      failingMessage: connector.failingMessage ?? null,
      source: connector.classification?.source ?? null,
      subject: connector.classification?.subject ?? null
    }))
  }
}

export function statusText(status: DaemonStatus): string {
  const lines = [
    `${status.server} on ${status.platformUrl} — Egeria ${status.egeria}${status.platformVersion ? ` (${status.platformVersion})` : ''}, read ${status.fetchedAt}`,
    describeCounts(status.counts)
  ]
  if (status.noConnectors) {
    // 5.0+: Egeria's status call fails until a group has read its connectors from its metadata server; its groups were read instead.
    lines.push('No connectors yet: no integration group has loaded its connectors from its metadata server (is it running?). Groups:')
    for (const group of status.groups) lines.push(`  ✗ ${group.name.padEnd(40)} ${(group.status ?? 'status unknown').padEnd(18)} ${counted(group.connectorNames.length, 'connector')}`)
  }
  for (const connector of status.connectors) {
    const where = connector.group ?? connector.service ?? ''
    const flags = [connector.refreshOverdue ? 'refresh overdue' : '', connector.lastRefreshTime ? `last refresh ${connector.lastRefreshTime}` : 'never refreshed']
      .filter(Boolean)
      .join(', ')
    lines.push(`  ${isFailedStatus(connector.status) ? '✗' : '·'} ${connector.name.padEnd(40)} ${connector.status.padEnd(18)} ${where}  (${flags})`)
    if (connector.failingMessage) {
      lines.push(`      ${connector.classification ? `[${connector.classification.source}] ` : ''}${foldDumps(connector.failingMessage).slice(0, 240)}`)
    }
  }
  return lines.join('\n')
}

export function probeText(report: ProbeReport): string {
  const marks = { pass: '✓', fail: '✗', warn: '!', skipped: '-' }
  return [
    ...report.hops.map((hop) => `${marks[hop.state]} ${hop.label.padEnd(20)} ${hop.ms !== undefined ? `${String(hop.ms).padStart(5)} ms` : '        '}  ${hop.verdict}`),
    '',
    report.answer
  ].join('\n')
}

function scopeFrom(options: ActionCommandOptions): ActionScope {
  const chosen = [
    options.connector.length === 1 ? ({ kind: 'connector', name: options.connector[0]! } as const) : undefined,
    options.connector.length > 1 ? { kind: 'connectors' as const, names: [...new Set(options.connector)] } : undefined,
    options.service !== undefined ? ({ kind: 'service', marker: options.service } as const) : undefined,
    options.group !== undefined ? ({ kind: 'group', name: options.group } as const) : undefined,
    options.failed ? ({ kind: 'failed' } as const) : undefined,
    options.all ? ({ kind: 'all' } as const) : undefined,
    options.daemon ? ({ kind: 'daemon' } as const) : undefined
  ].filter((scope) => scope !== undefined)
  if (chosen.length !== 1) {
    throw new UsageError('Choose exactly one of --connector NAME (repeatable), --service MARKER, --group NAME, --failed, --all or --daemon (restart only)')
  }
  return chosen[0]!
}

/** Journals an action's outcome (unless --no-journal), prints it, and sets the exit code. */
function finishAction(
  client: EgeriaClient,
  options: Pick<ActionCommandOptions, 'journal' | 'dataDir' | 'format'>,
  { report, before, after }: { report: ActionReport; before: DaemonStatus; after?: DaemonStatus },
  details: string[] = []
): void {
  if (options.journal !== false) {
    const target = client.target
    new ActionJournal(options.dataDir ?? defaultDataDir()).append(
      journalEntry({ platformUrl: target.platformUrl, server: target.server, userId: target.userId }, report, before, after)
    )
  }
  if (options.format === 'json') print(JSON.stringify(report, null, 2))
  else {
    for (const line of details) print(line)
    for (const call of report.calls) print(`${call.ok ? '✓' : '✗'} ${call.call}${call.error ? `: ${call.error}` : ''}`)
    for (const connector of report.connectors) print(`  ${connector.verdict}`)
    print(report.summary)
  }
  process.exitCode = report.success ? EXIT.ok : EXIT.findings
}

export async function runStatus(options: TargetOptions): Promise<void> {
  const client = clientFor(options)
  const command = commandSignal(options)
  try {
    const result = await client.status(command.signal)
    if (!result.ok) {
      process.exitCode = failWith(result.error, options.format)
      return
    }
    print(options.format === 'json' ? JSON.stringify(statusJson(result.value), null, 2) : statusText(result.value))
    process.exitCode = result.value.counts.failed > 0 || result.value.noConnectors ? EXIT.findings : EXIT.ok
  } finally {
    command.dispose()
    await client.close()
  }
}

export async function runProbe(options: TargetOptions): Promise<void> {
  const client = clientFor(options, { warnPasswordInClear: false })
  const command = commandSignal(options)
  try {
    const report = await probeDaemon(client, { signal: command.signal })
    print(options.format === 'json' ? JSON.stringify(report, null, 2) : probeText(report))
    process.exitCode = report.ok ? EXIT.ok : EXIT.usage
  } finally {
    command.dispose()
    await client.close()
  }
}

function settleTimeoutMs(options: Pick<ChangeOptions, 'settleTimeout'>): number {
  const seconds = Number(options.settleTimeout)
  if (!(seconds > 0)) throw new UsageError(`--settle-timeout must be a positive number of seconds, not ${options.settleTimeout}`)
  return seconds * 1000
}

type ActionOutcome = Extract<ActionResult, { ok: true }>['value']

/**
 * Runs one action that changes the daemon (after its --yes), with progress on stderr and Ctrl-C, then
 * journals and prints its outcome, led by the lines `details` gives (a configuration change's diff).
 */
export async function runChange(
  command: string,
  options: ChangeOptions,
  action: (client: EgeriaClient, actionOptions: ActionOptions) => Promise<ActionResult>,
  details: (outcome: ActionOutcome) => string[] = () => []
): Promise<void> {
  if (!options.yes) throw new UsageError(`${command} changes the daemon: add --yes to confirm`)
  const settleMs = settleTimeoutMs(options)
  const client = clientFor(options)
  const interrupt = interruptSignal()
  try {
    const result = await action(client, {
      signal: interrupt.signal,
      settleTimeoutMs: settleMs,
      onProgress: (progress) => {
        if (options.format === 'text') process.stderr.write(`… ${terminalSafe(progress.message)}\n`)
      }
    })
    if (!result.ok) {
      process.exitCode = failWith(result.error, options.format)
      return
    }
    finishAction(client, options, result.value, details(result.value))
  } finally {
    interrupt.dispose()
    await client.close()
  }
}

export async function runDaemonAction(action: ActionKind, options: ActionCommandOptions): Promise<void> {
  const scope = scopeFrom(options)
  await runChange(action, options, (client, actionOptions) => runAction(client, action, scope, actionOptions))
}

/** An integration group re-reads its configuration from its metadata server (4.0+), then its connectors are verified. */
export async function runReloadGroup(options: GroupReloadOptions): Promise<void> {
  await runChange('reload-group', options, (client, actionOptions) => runGroupReload(client, options.group, actionOptions))
}
