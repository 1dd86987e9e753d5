/** Real-HTTP helpers for simulator tests (127.0.0.1 only). */
import type { RunningSimulator } from '../../src/main/simulator'

export interface HttpAnswer {
  status: number
  text: string
  json: Record<string, unknown>
  headers: Headers
}

export async function call(
  sim: RunningSimulator,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {}
): Promise<HttpAnswer> {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000)
  })
  const text = await response.text()
  let json: Record<string, unknown> = {}
  try {
    json = JSON.parse(text) as Record<string, unknown>
  } catch {
    // plain-text answers (origin, tokens) and empty 401 bodies
  }
  return { status: response.status, text, json, headers: response.headers }
}

export interface Report {
  connectorName: string
  connectorStatus?: string
  lastStatusChange?: string
  lastRefreshTime?: string
  failingExceptionMessage?: string
  [key: string]: unknown
}

/** Every connector report of a status payload, whatever its release's shape (top-level list preferred). */
export function reportsOf(status: Record<string, unknown>): Report[] {
  const wrapper = (status.integrationDaemonStatus ?? status) as Record<string, unknown>
  if (Array.isArray(wrapper.integrationConnectorReports)) return wrapper.integrationConnectorReports as Report[]
  const fromServices = ((wrapper.integrationServiceSummaries ?? []) as { integrationConnectorReports?: Report[] }[]).flatMap((summary) => summary.integrationConnectorReports ?? [])
  const fromGroups = ((wrapper.integrationGroupSummaries ?? []) as { integrationConnectorReports?: Report[] }[]).flatMap((summary) => summary.integrationConnectorReports ?? [])
  return [...fromServices, ...fromGroups]
}

export function reportNamed(status: Record<string, unknown>, name: string): Report {
  const report = reportsOf(status).find((candidate) => candidate.connectorName === name)
  if (!report) throw new Error(`No report for ${name} in ${JSON.stringify(status).slice(0, 400)}`)
  return report
}
