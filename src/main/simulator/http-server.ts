/** The simulated OMAG platform's HTTP surface: platform services, the integration daemon REST API, 6.x tokens and /_sim. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { SimulatedDaemon } from './daemon'
import { EgeriaError, ffdcEnvelope, messages, type FfdcErrorOptions } from './ffdc'
import { registeredServiceKinds, registeredServices } from './platform-services'
import { compact, daemonStatusPayload, egeriaDate, groupSummary, serviceSummary } from './rest-payloads'
import type { TokenService } from './tokens'
import type { DaemonCall, VersionProfile } from './versions'
import type { Fault, MetadataServerState, World } from './world'

export interface PlatformState {
  profile: VersionProfile
  /** Every configured daemon, running or stopped. */
  daemons: Map<string, SimulatedDaemon>
  /** Stops a daemon (DELETE …/instance): its REST calls then answer OMAG-MULTI-TENANT-404-001. */
  stopDaemon: (name: string) => void
  /** Starts a stopped daemon afresh from its configuration (POST …/instance). */
  startDaemon: (name: string) => SimulatedDaemon
  isRunning: (name: string) => boolean
  world: () => World
  patchWorld: (patch: unknown) => void
  users: { userId: string; password: string }[]
  tokens?: TokenService
  /** Real time (ms) for Spring error timestamps. */
  now: () => number
  /** Sockets held open by `hang` faults, released on close. */
  hung: Set<ServerResponse>
}

const maxBodyBytes = 1_048_576

class SpringError extends Error {
  constructor(
    readonly status: number,
    readonly error: string
  ) {
    super(error)
  }
}

interface Call {
  method: string
  path: string
  query: URLSearchParams
  body: unknown
  hasBody: boolean
  userId: string
}

type Handler = (call: Call, server: string, daemon: SimulatedDaemon) => Promise<Record<string, unknown>> | Record<string, unknown>

interface Route {
  call: DaemonCall
  /** Spring rejects the call without a body (a required @RequestBody). */
  bodyRequired?: boolean
  method: 'GET' | 'POST'
  pattern: RegExp
  responseClass: string
  action: string
  handle: (state: PlatformState, call: Call, params: string[], daemon: SimulatedDaemon) => ReturnType<Handler>
}

const segment = '([^/]+)'

export function createRequestHandler(state: PlatformState): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    handle(state, request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, springBody(state, 500, 'Internal Server Error', request.url ?? '/'))
      else response.destroy(error as Error)
    })
  }
}

async function handle(state: PlatformState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://simulator')
  const path = url.pathname
  const method = request.method ?? 'GET'
  let raw: string
  try {
    raw = await readBody(request)
  } catch (error) {
    if (error instanceof SpringError) return sendJson(response, error.status, springBody(state, error.status, error.error, path))
    throw error
  }

  if (path === '/_sim/world') return handleSimWorld(state, method, raw, response)

  const fault = takeFault(state.world(), path + url.search)
  if (fault) {
    const consumed = await applyFault(state, fault, path, response)
    if (consumed) return
  }

  try {
    const hasBody = raw.trim().length > 0
    let body: unknown
    if (hasBody) {
      try {
        body = JSON.parse(raw)
      } catch {
        throw new SpringError(400, 'Bad Request')
      }
    }
    const call: Call = { method, path, query: url.searchParams, body, hasBody, userId: '' }
    await route(state, call, request, response)
  } catch (error) {
    if (error instanceof SpringError) return sendJson(response, error.status, springBody(state, error.status, error.error, path))
    throw error
  }
}

async function route(state: PlatformState, call: Call, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { profile } = state
  const { path, method } = call

  // Token endpoints (5.0+; in 6.x also per server).
  if (state.tokens && method === 'POST' && (path === '/api/token' || (profile.major >= 6 && /^\/servers\/[^/]+\/api\/token$/.test(path)))) {
    return issueToken(state, call, response)
  }

  if (profile.tokenAuth && method === 'GET' && /^(\/servers\/[^/]+)?\/api\/token\/logout$/.test(path)) {
    // Stateless JWTs: logging out only tells the client to drop its token.
    response.writeHead(200, { 'Content-Length': '0' })
    response.end()
    return
  }

  const platformBase = profile.userIdInPath
    ? new RegExp(`^/open-metadata/platform-services/users/${segment}/server-platform(/.*)?$`)
    : /^\/open-metadata\/platform-services\/server-platform()(\/.*)?$/
  const platformMatch = platformBase.exec(path)
  const isOrigin = platformMatch?.[2] === '/origin'

  if (profile.tokenAuth && !isOrigin) {
    const verdict = state.tokens!.check(request.headers.authorization)
    if (!verdict.userId) {
      const challenge = verdict.problem === 'missing' ? 'Bearer' : `Bearer error="invalid_token", error_description="${verdict.problem}"`
      response.writeHead(401, { 'WWW-Authenticate': challenge, 'Content-Length': '0' })
      response.end()
      return
    }
    call.userId = call.query.get('delegatingUserId') ?? verdict.userId
  }

  if (platformMatch) {
    if (profile.userIdInPath) call.userId = decodeURIComponent(platformMatch[1] ?? '')
    return platformServices(state, call, platformMatch[2] ?? '', response)
  }
  if (profile.major === 3) {
    const oldOrigin = new RegExp(`^/open-metadata/platform-services/users/${segment}/server-platform-origin$`).exec(path)
    if (oldOrigin && method === 'GET') return sendText(response, profile.origin)
  }
  if (!profile.platformInstanceStatus) {
    const admin = new RegExp(`^/open-metadata/admin-services/users/${segment}/servers/${segment}/instance$`).exec(path)
    if (admin && (method === 'POST' || method === 'DELETE')) {
      call.userId = decodeURIComponent(admin[1] ?? '')
      return startOrStop(state, call, decodeURIComponent(admin[2] ?? ''), response)
    }
  }
  if (profile.serverOperations) {
    const base = profile.userIdInPath
      ? new RegExp(`^/open-metadata/server-operations/users/${segment}(/.*)$`)
      : /^\/open-metadata\/server-operations()(\/.*)$/
    const match = base.exec(path)
    if (match) {
      if (profile.userIdInPath) call.userId = decodeURIComponent(match[1] ?? '')
      return serverOperations(state, call, match[2] ?? '', response)
    }
  }
  const daemonBase = profile.userIdInPath
    ? new RegExp(`^/servers/${segment}/open-metadata/integration-daemon/users/${segment}(/.*)$`)
    : new RegExp(`^/servers/${segment}/open-metadata/integration-daemon()(/.*)$`)
  const daemonMatch = daemonBase.exec(path)
  if (daemonMatch) {
    if (profile.userIdInPath) call.userId = decodeURIComponent(daemonMatch[2] ?? '')
    return daemonApi(state, call, decodeURIComponent(daemonMatch[1] ?? ''), daemonMatch[3] ?? '', response)
  }
  throw new SpringError(404, 'Not Found')
}

// ---------------------------------------------------------------------------------------------- platform services

/**
 * Servers this platform knows: its daemons and the metadata servers hosted on it, running or not.
 * UNVERIFIED: a stopped server stays known (is-known true, status active false), as the platform
 * keeps the instances it has run.
 */
function knownServers(state: PlatformState): { name: string; active: boolean; type: string; metadata?: MetadataServerState }[] {
  const metadata = Object.entries(state.world().metadataServers)
    .filter(([, server]) => server.onPlatform)
    .map(([name, server]) => ({ name, active: server.available, type: server.serverType, metadata: server }))
  return [...[...state.daemons.values()].map((daemon) => ({ name: daemon.name, active: state.isRunning(daemon.name), type: daemon.serverType })), ...metadata]
}

function platformServices(state: PlatformState, call: Call, rest: string, response: ServerResponse): void {
  const { profile } = state
  const instance = /^\/servers\/([^/]+)\/instance$/.exec(rest)
  if (instance && profile.platformInstanceStatus && (call.method === 'POST' || call.method === 'DELETE')) {
    return startOrStop(state, call, decodeURIComponent(instance[1] ?? ''), response)
  }
  if (call.method !== 'GET') {
    const known = rest === '/origin' || rest.startsWith('/registered-services') || rest.startsWith('/servers')
    throw known ? new SpringError(405, 'Method Not Allowed') : new SpringError(404, 'Not Found')
  }
  if (rest === '/origin') return sendText(response, profile.origin)
  const registered = /^\/registered-services(?:\/([a-z-]+))?$/.exec(rest)
  if (registered) {
    const kind = registered[1]
    if (kind !== undefined && !(registeredServiceKinds as readonly string[]).includes(kind)) throw new SpringError(404, 'Not Found')
    const services = registeredServices(profile, kind)
    if (!services) throw new SpringError(404, 'Not Found')
    return sendJson(response, 200, compact({ class: 'RegisteredOMAGServicesResponse', relatedHTTPCode: 200, services }))
  }
  const servers = knownServers(state)
  if (rest === '/servers') return sendJson(response, 200, compact({ class: 'ServerListResponse', relatedHTTPCode: 200, serverList: servers.map((server) => server.name) }))
  if (rest === '/servers/active') {
    return sendJson(response, 200, compact({ class: 'ServerListResponse', relatedHTTPCode: 200, serverList: servers.filter((server) => server.active).map((server) => server.name) }))
  }
  const serverMatch = /^\/servers\/([^/]+)(\/.*)$/.exec(rest)
  if (!serverMatch) throw new SpringError(404, 'Not Found')
  const serverName = decodeURIComponent(serverMatch[1] ?? '')
  const tail = serverMatch[2]
  const server = servers.find((candidate) => candidate.name === serverName)
  if (tail === '/is-known') return sendJson(response, 200, { class: 'BooleanResponse', relatedHTTPCode: 200, flag: server !== undefined })
  if (tail === '/status') {
    const daemon = state.daemons.get(serverName)
    return sendJson(response, 200, compact({
      class: 'ServerStatusResponse',
      relatedHTTPCode: 200,
      serverName,
      serverType: server?.type,
      active: server?.active ?? false,
      serverStartTime: egeriaDate(daemon?.startTime),
      serverHistory: undefined
    }))
  }
  if (tail === '/services') return serverServicesList(state, call, serverName, 'getActiveServiceListForServer', response)
  if (tail === '/instance/status' && profile.platformInstanceStatus) return instanceStatus(state, call, serverName, response)
  throw new SpringError(404, 'Not Found')
}

function serverOperations(state: PlatformState, call: Call, rest: string, response: ServerResponse): void {
  const match = /^\/servers\/([^/]+)(\/instance\/status|\/services)$/.exec(rest)
  if (!match) throw new SpringError(404, 'Not Found')
  if (call.method !== 'GET') throw new SpringError(405, 'Method Not Allowed')
  const serverName = decodeURIComponent(match[1] ?? '')
  if (match[2] === '/services') return serverServicesList(state, call, serverName, 'getActiveServiceListForServer', response)
  return instanceStatus(state, call, serverName, response)
}

/** 4.2+ platform services, 3.x admin services: POST …/instance starts a server, DELETE stops it. */
function startOrStop(state: PlatformState, call: Call, serverName: string, response: ServerResponse): void {
  const daemon = state.daemons.get(serverName)
  if (!daemon) return sendJson(response, 200, notRunning(state, call.method === 'POST' ? 'SuccessMessageResponse' : 'VoidResponse', call.method === 'POST' ? 'activateWithStoredConfig' : 'shutdownServer', serverName, call.userId))
  if (call.method === 'DELETE') {
    if (state.isRunning(serverName)) state.stopDaemon(serverName)
    return sendJson(response, 200, { class: 'VoidResponse', relatedHTTPCode: 200 })
  }
  const running = state.isRunning(serverName) ? daemon : state.startDaemon(serverName)
  sendJson(response, 200, {
    class: 'SuccessMessageResponse',
    relatedHTTPCode: 200,
    successMessage: `${running.startDateText()} ${serverName} is running the following services: [${running.runningServiceNames().join(', ')}]`
  })
}

function activeServer(state: PlatformState, serverName: string): { daemon?: SimulatedDaemon; metadata?: MetadataServerState } | undefined {
  const daemon = state.daemons.get(serverName)
  if (daemon) return state.isRunning(serverName) ? { daemon } : undefined
  const metadata = state.world().metadataServers[serverName]
  return metadata?.onPlatform && metadata.available ? { metadata } : undefined
}

function serverServicesList(state: PlatformState, call: Call, serverName: string, action: string, response: ServerResponse): void {
  const server = activeServer(state, serverName)
  if (!server) return sendJson(response, 200, notRunning(state, 'ServerServicesListResponse', action, serverName, call.userId))
  const services = server.daemon ? server.daemon.runningServiceNames() : ['Open Metadata Repository Services (OMRS)']
  sendJson(response, 200, { class: 'ServerServicesListResponse', relatedHTTPCode: 200, serverName, serverServicesList: services })
}

function instanceStatus(state: PlatformState, call: Call, serverName: string, response: ServerResponse): void {
  const server = activeServer(state, serverName)
  if (!server) return sendJson(response, 200, notRunning(state, 'OMAGServerStatusResponse', 'getActiveServerStatus', serverName, call.userId))
  const services = server.daemon ? server.daemon.runningServiceNames() : ['Open Metadata Repository Services (OMRS)']
  sendJson(response, 200, {
    class: 'OMAGServerStatusResponse',
    relatedHTTPCode: 200,
    serverStatus: {
      serverName,
      serverType: server.daemon ? server.daemon.serverType : server.metadata!.serverType,
      serverActiveStatus: 'RUNNING',
      services: services.map((serviceName) => ({ serviceName, serviceStatus: 'RUNNING' }))
    }
  })
}

function notRunning(state: PlatformState, responseClass: string, action: string, serverName: string, userId: string): Record<string, unknown> {
  return ffdcEnvelope(state.profile, {
    responseClass,
    httpCode: 404,
    exception: 'InvalidParameterException',
    actionDescription: action,
    message: messages.serverNotAvailable(state.profile, serverName, userId),
    properties: { serverName, parameterName: 'serverName' }
  })
}

// ---------------------------------------------------------------------------------------------- integration daemon

const routes: Route[] = [
  { call: 'status', method: 'GET', pattern: /^\/status$/, responseClass: 'IntegrationDaemonStatusResponse', action: 'getIntegrationDaemonStatus', handle: statusHandler },
  { call: 'refresh-all-services', method: 'POST', pattern: /^\/refresh$/, responseClass: 'VoidResponse', action: 'refreshAllServices', handle: (state, call, _params, daemon) => refreshScope(state, call, daemon, {}, 'refreshAllServices') },
  { call: 'service-summaries', method: 'GET', pattern: /^\/integration-services\/summary$/, responseClass: 'IntegrationServiceSummaryResponse', action: 'getIntegrationServicesSummaries', handle: (state, _call, _params, daemon) => compact({ integrationServiceSummaries: [...daemon.services.values()].map((service) => serviceSummary(state.profile, daemon, service)) }) },
  { call: 'refresh-service', method: 'POST', pattern: /^\/integration-services\/([^/]+)\/refresh$/, responseClass: 'VoidResponse', action: 'refreshService', handle: (state, call, [marker], daemon) => refreshScope(state, call, requireService(state, daemon, marker!), { serviceMarker: marker }, 'refreshService') },
  { call: 'restart-service', method: 'POST', pattern: /^\/integration-services\/([^/]+)\/restart$/, responseClass: 'VoidResponse', action: 'restartService', handle: (state, call, [marker], daemon) => restartScope(state, call, requireService(state, daemon, marker!), { serviceMarker: marker }, 'restartService') },
  { call: 'read-service-connector-properties', method: 'GET', pattern: /^\/integration-services\/([^/]+)\/connectors\/([^/]+)\/configuration-properties$/, responseClass: 'PropertiesResponse', action: 'getConfigurationProperties', handle: (state, _call, [marker, name], daemon) => compact({ properties: requireService(state, daemon, marker!).requireConnector(name!, marker).config.configurationProperties }) },
  { call: 'update-service-connector-properties', bodyRequired: true, method: 'POST', pattern: /^\/integration-services\/([^/]+)\/connectors\/configuration-properties$/, responseClass: 'VoidResponse', action: 'updateConfigurationProperties', handle: (state, call, [marker], daemon) => updateProperties(state, call, requireService(state, daemon, marker!), marker) },
  { call: 'group-summaries', method: 'GET', pattern: /^\/integration-groups\/summary$/, responseClass: 'IntegrationGroupSummariesResponse', action: 'getIntegrationGroupSummaries', handle: (state, _call, _params, daemon) => compact({ integrationGroupSummaries: [...daemon.groups.values()].map((group) => groupSummary(state.profile, daemon, group)) }) },
  { call: 'group-summary', method: 'GET', pattern: /^\/integration-groups\/([^/]+)\/summary$/, responseClass: 'IntegrationGroupSummaryResponse', action: 'getIntegrationGroupSummary', handle: (state, _call, [group], daemon) => ({ integrationGroupSummary: groupSummary(state.profile, daemon, requireGroup(daemon, group!)) }) },
  { call: 'group-refresh-config', method: 'GET', pattern: /^\/integration-groups\/([^/]+)\/refresh-config$/, responseClass: 'VoidResponse', action: 'refreshConfig', handle: (_state, _call, [group], daemon) => { daemon.loadGroupConfiguration(requireGroup(daemon, group!), 'rest'); return {} } },
  { call: 'read-connector-properties', method: 'GET', pattern: /^\/integration-connectors\/([^/]+)\/configuration-properties$/, responseClass: 'PropertiesResponse', action: 'getConfigurationProperties', handle: (_state, _call, [name], daemon) => compact({ properties: daemon.requireConnector(name!).config.configurationProperties }) },
  { call: 'update-connector-properties', bodyRequired: true, method: 'POST', pattern: /^\/integration-connectors\/configuration-properties$/, responseClass: 'VoidResponse', action: 'updateConfigurationProperties', handle: (state, call, _params, daemon) => updateProperties(state, call, daemon, undefined) },
  { call: 'refresh-connectors', method: 'POST', pattern: /^\/integration-connectors\/refresh$/, responseClass: 'VoidResponse', action: 'refreshConnectors', handle: (state, call, _params, daemon) => refreshScope(state, call, daemon, {}, 'refreshConnectors') },
  { call: 'restart-connectors', method: 'POST', pattern: /^\/integration-connectors\/restart$/, responseClass: 'VoidResponse', action: 'restartConnectors', handle: (state, call, _params, daemon) => restartScope(state, call, daemon, {}, 'restartConnectors') },
  { call: 'update-endpoint-address', bodyRequired: true, method: 'POST', pattern: /^\/integration-connectors\/([^/]+)\/endpoint-network-address$/, responseClass: 'VoidResponse', action: 'updateEndpointNetworkAddress', handle: endpointHandler },
  { call: 'update-connection', bodyRequired: true, method: 'POST', pattern: /^\/integration-connectors\/([^/]+)\/connection$/, responseClass: 'VoidResponse', action: 'updateConnectorConnection', handle: connectionHandler },
  { call: 'publish-open-lineage-event', bodyRequired: true, method: 'POST', pattern: /^\/publish-open-lineage-event$/, responseClass: 'VoidResponse', action: 'publishOpenLineageEvent', handle: (_state, call) => { requireBody(call); return {} } },
  { call: 'validate-connector', method: 'GET', pattern: /^\/validate-connector\/([^/]+)$/, responseClass: 'ConnectorReportResponse', action: 'validateConnector', handle: validateConnectorHandler }
]

async function daemonApi(state: PlatformState, call: Call, serverName: string, rest: string, response: ServerResponse): Promise<void> {
  const { profile } = state
  const candidates = routes.filter((candidate) => profile.daemonCalls.has(candidate.call))
  const matches = candidates.map((candidate) => ({ candidate, params: candidate.pattern.exec(rest) })).filter((entry) => entry.params)
  const found = matches.find((entry) => entry.candidate.method === call.method)
  if (!found) throw matches.length > 0 ? new SpringError(405, 'Method Not Allowed') : new SpringError(404, 'Not Found')
  const route = found.candidate
  if (route.bodyRequired && !call.hasBody) throw new SpringError(400, 'Bad Request')
  const params = found.params!.slice(1).map((value) => decodeURIComponent(value))
  const fail = (options: Omit<FfdcErrorOptions, 'responseClass' | 'actionDescription'>): void =>
    sendJson(response, 200, ffdcEnvelope(profile, { ...options, responseClass: route.responseClass, actionDescription: route.action }))

  const daemon = state.isRunning(serverName) ? state.daemons.get(serverName) : undefined
  if (!daemon) {
    const metadata = state.world().metadataServers[serverName]
    if (metadata?.onPlatform && metadata.available) {
      return fail({ httpCode: 404, exception: 'PropertyServerException', message: messages.serviceNotAvailable(serverName, call.userId) })
    }
    return fail({ httpCode: 404, exception: 'InvalidParameterException', message: messages.serverNotAvailable(profile, serverName, call.userId), properties: { serverName, parameterName: 'serverName' } })
  }
  try {
    const payload = await route.handle(state, call, params, daemon)
    sendJson(response, 200, { class: route.responseClass, relatedHTTPCode: 200, ...payload })
  } catch (error) {
    if (error instanceof EgeriaError) return fail(error.options)
    throw error
  }
}

function statusHandler(state: PlatformState, _call: Call, _params: string[], daemon: SimulatedDaemon): Record<string, unknown> {
  requireConnectors(state, daemon, 'getIntegrationDaemonStatus')
  return daemonStatusPayload(state.profile, daemon)
}

/** 5.0+ quirk (§4.6 item 1): the daemon-wide connector cache returns null ids when empty, and the loop throws an NPE. */
function requireConnectors(state: PlatformState, daemon: SimulatedDaemon, method: string): void {
  if (!state.profile.emptyDaemonNpe || daemon.connectors.size > 0) return
  // UNVERIFIED: the helpful-NPE wording depends on how Egeria was compiled (fact sheet §12).
  const detail = 'Cannot invoke "java.util.List.iterator()" because the return value of "org.odpi.openmetadata.governanceservers.integrationdaemonservices.server.IntegrationConnectorCacheMap.getConnectorIds()" is null'
  throw new EgeriaError({
    httpCode: 400,
    exception: 'PropertyServerException',
    message: messages.unexpectedException('java.lang.NullPointerException', method, detail),
    causedBy: 'java.lang.NullPointerException'
  })
}

function requireService(state: PlatformState, daemon: SimulatedDaemon, marker: string): SimulatedDaemon {
  if (!daemon.services.has(marker)) {
    throw new EgeriaError({ httpCode: 400, exception: 'InvalidParameterException', message: messages.unknownService(state.profile, marker, daemon.name), properties: { parameterName: 'serviceURLMarker' } })
  }
  return daemon
}

function requireGroup(daemon: SimulatedDaemon, name: string): NonNullable<ReturnType<SimulatedDaemon['groups']['get']>> {
  if (daemon.groups.size === 0) {
    throw new EgeriaError({ httpCode: 400, exception: 'InvalidParameterException', message: messages.noGroups(daemon.name), properties: { parameterName: 'integrationGroupName' } })
  }
  const group = daemon.groups.get(name)
  if (!group) {
    throw new EgeriaError({ httpCode: 400, exception: 'InvalidParameterException', message: messages.unknownGroup(name, daemon.name), properties: { parameterName: 'integrationGroupName' } })
  }
  return group
}

function bodyObject(call: Call): Record<string, unknown> {
  return call.body && typeof call.body === 'object' && !Array.isArray(call.body) ? (call.body as Record<string, unknown>) : {}
}

function requireBody(call: Call): Record<string, unknown> {
  if (!call.hasBody) throw new SpringError(400, 'Bad Request')
  return bodyObject(call)
}

/** The connector named in a NameRequestBody (or, in 3.4, a raw string body is not accepted: NameRequestBody only). */
function requestedName(call: Call): string | undefined {
  const name = bodyObject(call).name
  return typeof name === 'string' && name.length > 0 ? name : undefined
}

async function refreshScope(state: PlatformState, call: Call, daemon: SimulatedDaemon, scope: { serviceMarker?: string }, method: string): Promise<Record<string, unknown>> {
  const name = requestedName(call)
  if (name === undefined) requireConnectors(state, daemon, method)
  const targets = name !== undefined ? [daemon.requireConnector(name, scope.serviceMarker)] : daemon.connectorsOf(scope)
  // Synchronous on the request thread, one connector after another: a full refresh is expensive.
  for (const connector of targets) await daemon.refreshConnector(connector, 'rest')
  return {}
}

function restartScope(state: PlatformState, call: Call, daemon: SimulatedDaemon, scope: { serviceMarker?: string }, method: string): Record<string, unknown> {
  const name = requestedName(call)
  if (name === undefined) requireConnectors(state, daemon, method)
  const targets = name !== undefined ? [daemon.requireConnector(name, scope.serviceMarker)] : daemon.connectorsOf(scope)
  for (const connector of targets) daemon.restartConnector(connector)
  return {}
}

function updateProperties(_state: PlatformState, call: Call, daemon: SimulatedDaemon, serviceMarker: string | undefined): Record<string, unknown> {
  const body = bodyObject(call)
  const name = typeof body.connectorName === 'string' && body.connectorName.length > 0 ? body.connectorName : undefined
  const properties = body.configurationProperties && typeof body.configurationProperties === 'object' ? (body.configurationProperties as Record<string, unknown>) : undefined
  const merge = body.mergeUpdate === true
  let targets
  if (name !== undefined) targets = [daemon.requireConnector(name, serviceMarker)]
  else if (serviceMarker !== undefined) targets = daemon.connectorsOf({ serviceMarker }) // 3.x–4.0: null name = every connector of the service
  else {
    throw new EgeriaError({ httpCode: 400, exception: 'InvalidParameterException', message: messages.nullName('connectorName', 'updateConnectorConfigurationProperties'), properties: { parameterName: 'connectorName' } })
  }
  for (const connector of targets) daemon.updateConfigurationProperties(connector, properties, merge, call.userId)
  return {}
}

function endpointHandler(_state: PlatformState, call: Call, [name]: string[], daemon: SimulatedDaemon): Record<string, unknown> {
  const connector = daemon.requireConnector(name!)
  const address = bodyObject(call).string
  if (typeof address !== 'string' || address.length === 0) {
    throw new EgeriaError({ httpCode: 400, exception: 'InvalidParameterException', message: messages.nullName('networkAddress', 'updateEndpointNetworkAddress'), properties: { parameterName: 'networkAddress' } })
  }
  daemon.updateEndpointAddress(connector, address, call.userId)
  return {}
}

function connectionHandler(_state: PlatformState, call: Call, [name]: string[], daemon: SimulatedDaemon): Record<string, unknown> {
  const connector = daemon.requireConnector(name!)
  const body = bodyObject(call)
  if (body.class !== 'Connection' && body.class !== 'VirtualConnection') throw new SpringError(400, 'Bad Request') // Connection beans need their type id
  daemon.updateConnection(connector, body, call.userId)
  return {}
}

function validateConnectorHandler(_state: PlatformState, _call: Call, [providerClass]: string[], daemon: SimulatedDaemon): Record<string, unknown> {
  const known = [...daemon.connectors.values()].find((connector) => connector.config.providerClass === providerClass)
  if (!known) {
    // The connector broker cannot load an unknown provider class: OCF's UNKNOWN_CONNECTOR_PROVIDER, whose
    // connection insert is null here as there is no connection (400-007 is in no served release's catalogue).
    throw new EgeriaError({
      httpCode: 400,
      exception: 'InvalidParameterException',
      message: { id: 'OCF-CONNECTION-400-005', template: 'Unknown Connector Provider class {0} passed in connection {1}', params: [providerClass!, 'null'], systemAction: 'The connector broker is unable to create the connector provider.', userAction: 'Check the class name and the platform class path.' },
      properties: { parameterName: 'connectorProviderClassName' }
    })
  }
  return { connectorReport: { connectorType: { class: 'ConnectorType', connectorProviderClassName: providerClass }, componentDescription: { componentName: known.config.name } } }
}

// ---------------------------------------------------------------------------------------------- tokens, faults, /_sim

function issueToken(state: PlatformState, call: Call, response: ServerResponse): void {
  const body = bodyObject(call)
  // 5.0 also took `username` in the body or ?username=&password= (fact sheet §6).
  const query = state.profile.major === 5 ? { userId: call.query.get('username'), password: call.query.get('password') } : {}
  const userId = typeof body.userId === 'string' ? body.userId : typeof body.username === 'string' ? body.username : query.userId
  const password = typeof body.password === 'string' ? body.password : query.password
  const user = state.users.find((candidate) => candidate.userId === userId && candidate.password === password)
  if (!user) {
    return sendJson(response, 401, {
      class: 'FFDCResponseBase',
      relatedHTTPCode: 401,
      exceptionClassName: 'org.springframework.security.authentication.BadCredentialsException',
      exceptionErrorMessage: 'Bad credentials',
      exceptionSystemAction: 'The request is rejected because the user could not be authenticated.',
      exceptionUserAction: 'Check the user identifier and password and retry.'
    })
  }
  // 6.x: newPassword changes the password as part of the login.
  if (state.profile.major >= 6 && typeof body.newPassword === 'string' && body.newPassword.length > 0) user.password = body.newPassword
  sendText(response, state.tokens!.issue(user.userId))
}

function takeFault(world: World, target: string): Fault | undefined {
  const index = world.faults.findIndex((fault) => {
    if (!fault.pathPattern) return true
    try {
      return new RegExp(fault.pathPattern).test(target)
    } catch {
      return target.includes(fault.pathPattern)
    }
  })
  const fault = world.faults[index]
  if (!fault) return undefined
  if (fault.count !== undefined) {
    if (fault.count <= 1) world.faults.splice(index, 1)
    else fault.count--
  }
  return fault
}

/** Applies a fault; true when it has answered (or deliberately not answered) the request. */
async function applyFault(state: PlatformState, fault: Fault, path: string, response: ServerResponse): Promise<boolean> {
  switch (fault.kind) {
    case 'latency':
      await new Promise((resolve) => setTimeout(resolve, fault.ms))
      return false
    case 'hang':
      state.hung.add(response)
      response.on('close', () => state.hung.delete(response))
      return true
    case 'http500':
      sendJson(response, 500, springBody(state, 500, 'Internal Server Error', path))
      return true
    case 'malformed-json':
      response.writeHead(200, { 'Content-Type': 'application/json' })
      response.end('{"class":"VoidResponse","relatedHTTPCode":20')
      return true
    case 'reset':
      response.socket?.resetAndDestroy()
      return true
  }
}

function handleSimWorld(state: PlatformState, method: string, raw: string, response: ServerResponse): void {
  if (method === 'GET') return sendJson(response, 200, state.world())
  if (method !== 'POST') return sendJson(response, 405, { error: 'GET or POST only' })
  let patch: unknown
  try {
    patch = JSON.parse(raw)
  } catch {
    return sendJson(response, 400, { error: 'The body must be a JSON world patch' })
  }
  try {
    state.patchWorld(patch)
  } catch (error) {
    return sendJson(response, 400, { error: (error as Error).message })
  }
  sendJson(response, 200, state.world())
}

// ---------------------------------------------------------------------------------------------- plumbing

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBodyBytes) {
        reject(new SpringError(413, 'Payload Too Large'))
        request.pause()
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function springBody(state: PlatformState, status: number, error: string, path: string): Record<string, unknown> {
  // UNVERIFIED: Spring Boot's default error body (fact sheet §5).
  return { timestamp: egeriaDate(state.now()), status, error, path }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) })
  response.end(text)
}

function sendText(response: ServerResponse, text: string): void {
  response.writeHead(200, { 'Content-Type': 'text/plain;charset=UTF-8', 'Content-Length': Buffer.byteLength(text) })
  response.end(text)
}

