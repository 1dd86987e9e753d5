/**
 * One simulated integration daemon: its connectors' lifecycle (fact sheet §4.3) driven by the world's state,
 * and the audit log records a real daemon writes at each step.
 */
import { randomUUID } from 'node:crypto'
import { javaDateString, type AuditLog, type SimulatedSeverity } from './audit-log'
import { EgeriaError, formatMessage, messages } from './ffdc'
import type { Scenario, ScenarioConnector } from './scenario'
import type { SimClock, World } from './world'
import { integrationServiceInfo, type IntegrationServiceInfo, type VersionProfile } from './versions'

export type SimulatedConnectorStatus =
  | 'INITIALIZED'
  | 'WAITING'
  | 'REFRESHING'
  | 'RUNNING'
  | 'STOPPED'
  | 'INITIALIZE_FAILED'
  | 'CONFIG_FAILED'
  | 'SHUTDOWN'
  | 'FAILED'

type DaemonConfig = Scenario['daemons'][number]

/** One connector inside the simulated daemon: its configuration and its running state. */
export interface SimulatedConnector {
  config: ScenarioConnector
  /** The OMIS marker (services) or group qualified name the connector runs under. */
  serviceMarker?: string
  groupName?: string
  metadataServer: string
  guid: string
  instanceId: string
  status?: SimulatedConnectorStatus
  lastStatusChange?: number
  lastRefreshTime?: number
  failingExceptionMessage?: string
  refreshCount: number
  busy?: Promise<void>
  /** Bumped by each restart, so a refresh still running on the old instance leaves the new one alone. */
  generation: number
}

export interface SimulatedService {
  info: IntegrationServiceInfo
  metadataServer: string
  connectorNames: string[]
}

export interface SimulatedGroup {
  qualifiedName: string
  guid: string
  description?: string
  metadataServer: string
  declared: ScenarioConnector[]
  /** The group's configuration has been read from its metadata server (5.0+ groups start empty). */
  loaded: boolean
  lastConfigAttempt?: number
  connectorNames: string[]
}

/** GroupConfigurationRefreshThread's waitToRetry: 2,000,000 ms at every anchor. */
const groupConfigRetryMs = 2_000_000

const permittedSyncText = {
  FROM_THIRD_PARTY: 'From Third Party',
  TO_THIRD_PARTY: 'To Third Party',
  BOTH_DIRECTIONS: 'Both Directions'
} as const

interface ConnectorFailure {
  exceptionClass: string
  message: string
}

export interface DaemonContext {
  profile: VersionProfile
  world: World
  clock: SimClock
  audit: AuditLog
  /** Real milliseconds per simulated millisecond of connector work. */
  realDelay: (simMs: number) => Promise<void>
  random: () => number
  zoneLabel: string
}

export class SimulatedDaemon {
  readonly services = new Map<string, SimulatedService>()
  readonly groups = new Map<string, SimulatedGroup>()
  readonly connectors = new Map<string, SimulatedConnector>()
  readonly serverType = 'Integration Daemon'
  startTime = 0
  private readonly profile: VersionProfile

  constructor(
    readonly config: DaemonConfig,
    private readonly context: DaemonContext
  ) {
    this.profile = context.profile
    this.buildTopology()
  }

  get name(): string {
    return this.config.name
  }

  /** Where connectors run in this release: OMIS where the release has them, groups otherwise. */
  private buildTopology(): void {
    const profile = this.profile
    const addGroup = (qualifiedName: string, guid: string, metadataServer: string, description?: string): SimulatedGroup => {
      const existing = this.groups.get(qualifiedName)
      if (existing) return existing
      const group: SimulatedGroup = { qualifiedName, guid, description, metadataServer, declared: [], loaded: false, connectorNames: [] }
      this.groups.set(qualifiedName, group)
      return group
    }
    const addService = (marker: string, metadataServer: string): SimulatedService => {
      const existing = this.services.get(marker)
      if (existing) return existing
      const info = integrationServiceInfo(marker)
      if (!info) throw new Error(`Daemon ${this.name}: unknown integration service marker "${marker}"`)
      const service: SimulatedService = { info, metadataServer, connectorNames: [] }
      this.services.set(marker, service)
      return service
    }
    for (const service of this.config.services) {
      if (profile.integrationServices) {
        const state = addService(service.marker, service.metadataServer)
        for (const connector of service.connectors) this.addConnector(connector, { serviceMarker: service.marker, metadataServer: service.metadataServer }, state.connectorNames)
      } else {
        const { qualifiedName, guid } = this.config.defaultGroup
        addGroup(qualifiedName, guid, service.metadataServer).declared.push(...service.connectors)
      }
    }
    for (const group of this.config.groups) {
      if (profile.groups) {
        addGroup(group.qualifiedName, group.guid, group.metadataServer, group.description).declared.push(...group.connectors)
      } else {
        // 3.x has no groups: their connectors run in the catalog integrator, the most general OMIS.
        const state = addService('catalog-integrator', group.metadataServer)
        for (const connector of group.connectors) this.addConnector(connector, { serviceMarker: 'catalog-integrator', metadataServer: group.metadataServer }, state.connectorNames)
      }
    }
  }

  private addConnector(
    config: ScenarioConnector,
    placement: { serviceMarker?: string; groupName?: string; metadataServer: string },
    names: string[]
  ): void {
    if (this.connectors.has(config.name)) throw new Error(`Daemon ${this.name}: connector ${config.name} is declared twice`)
    this.connectors.set(config.name, {
      config: structuredClone(config),
      ...placement,
      guid: deterministicGuid(`${this.name}/${config.name}`),
      instanceId: randomUUID(),
      refreshCount: 0,
      generation: 0
    })
    names.push(config.name)
  }

  // ------------------------------------------------------------------ audit helpers

  private log(severity: SimulatedSeverity, messageId: string, template: string, params: string[], exception?: ConnectorFailure): void {
    this.context.audit.write({
      time: this.context.clock.now(),
      server: this.name,
      severity,
      messageId,
      text: formatMessage(template, params),
      params,
      ...(exception ? { exception: { className: exception.exceptionClass, message: exception.message } } : {})
    })
  }

  private get opsPrefix(): string {
    return this.profile.auditEra === 'omag-admin' ? 'OMAG-ADMIN' : 'SERVER-OPS'
  }

  // ------------------------------------------------------------------ start-up and shutdown

  start(): void {
    const now = this.context.clock.now()
    this.startTime = now
    const name = this.name
    this.log('Startup', 'OMRS-AUDIT-0064', 'The Open Metadata Repository Services (OMRS) has initialized the audit log for the Integration Daemon called {0}', [name])
    this.log('Startup', `${this.opsPrefix}-0001`, 'The {0} server is configured with a max page size of {1}', [name, String(this.config.maxPageSize)])
    this.log('Startup', 'OMRS-AUDIT-0001', 'The Open Metadata Repository Services (OMRS) is initializing the subsystems to support a new server', [])
    this.log('Startup', 'OMRS-AUDIT-0007', 'The Open Metadata Repository Services (OMRS) has initialized', [])
    if (this.config.securityConnector) {
      this.log('Startup', 'OPEN-METADATA-SECURITY-0003', 'The Open Metadata Security Service {0} for server {1} is initializing', [this.config.securityConnector, name])
    }
    this.log('Startup', `${this.opsPrefix}-0100`, 'The governance services subsystem for the Integration Daemon called {0} is about to start', [name])
    this.log('Startup', 'INTEGRATION-DAEMON-SERVICES-0001', 'The integration daemon services are initializing in server {0}', [name])
    for (const service of this.services.values()) {
      this.logContextManager(service.info, service.metadataServer)
      for (const connectorName of service.connectorNames) this.initializeConnector(this.connectors.get(connectorName)!)
    }
    for (const group of this.groups.values()) this.loadGroupConfiguration(group, 'start')
    // 5.0+: each connector's refresh thread starts as it initialises (-0060); ≤ 4.x: one daemon thread.
    if (!this.profile.waitingStatus) {
      this.log('Startup', 'INTEGRATION-DAEMON-SERVICES-0040', 'The integration daemon thread for integration daemon {0} has started', [name])
      // ≤ 4.x: the daemon thread's first pass refreshes every connector before start-up completes (seed guide).
      for (const connector of this.connectors.values()) void this.refreshConnector(connector, 'poll')
    }
    this.log('Startup', 'INTEGRATION-DAEMON-SERVICES-0013', 'The integration daemon {0} has initialized', [name])
    this.log('Startup', `${this.opsPrefix}-0101`, 'The governance services subsystem for the Integration Daemon called {0} has completed start up', [name])
    this.log('Startup', `${this.opsPrefix}-0004`, 'The {0} server has successfully completed start up.  The following services are running: {1}', [name, `[${this.runningServiceNames().join(', ')}]`])
  }

  /** Java Date.toString() of the start time, as in SuccessMessageResponse. */
  startDateText(): string {
    return javaDateString(this.startTime, this.context.zoneLabel)
  }

  runningServiceNames(): string[] {
    return [
      'Open Metadata Repository Services (OMRS)',
      ...[...this.services.values()].map((service) => service.info.fullName),
      'Integration Daemon Services'
    ]
  }

  shutdown(): void {
    this.log('Shutdown', `${this.opsPrefix}-0005`, 'The {0} server has begun the shutdown process', [this.name])
    this.log('Shutdown', 'INTEGRATION-DAEMON-SERVICES-0020', 'The integration daemon services are shutting down in server {0}', [this.name])
    this.log('Shutdown', 'INTEGRATION-DAEMON-SERVICES-0026', 'The integration daemon services have completed shutdown in server {0}', [this.name])
    this.log('Shutdown', `${this.opsPrefix}-0006`, 'The {0} server has completed shutdown', [this.name])
  }

  private logContextManager(info: IntegrationServiceInfo | undefined, metadataServer: string): void {
    const platform = this.context.world.metadataServers[metadataServer]?.platformURL ?? 'null'
    if (this.profile.auditEra === 'omag-admin' && info) {
      const word = info.marker.replace('-integrator', '')
      this.log('Startup', `OMIS-${word.toUpperCase()}-INTEGRATOR-0001`, `The ${word} integrator context manager is being initialized for calls to server {0} on platform {1}`, [metadataServer, platform])
    } else {
      // UNVERIFIED wording: the OIF catalogue gives the meaning, not the text.
      this.log('Startup', 'OIF-CONNECTOR-0001', 'The integration connector context manager is being initialized for calls to server {0} on platform {1}', [metadataServer, platform])
    }
  }

  // ------------------------------------------------------------------ groups (4.0+)

  /** Reads a group's connectors from its metadata server; 5.0+ groups have no connectors until this succeeds. */
  loadGroupConfiguration(group: SimulatedGroup, reason: 'start' | 'retry' | 'rest'): void {
    const now = this.context.clock.now()
    group.lastConfigAttempt = now
    const server = this.context.world.metadataServers[group.metadataServer]
    if (reason !== 'start') {
      this.log('Information', 'INTEGRATION-DAEMON-SERVICES-0051', 'The integration daemon {0} is refreshing the configuration of all connectors in integration group {1}', [this.name, group.qualifiedName])
    }
    if (!server?.available) {
      const failure = this.metadataServerDown(group.metadataServer)
      this.log('Exception', 'INTEGRATION-DAEMON-SERVICES-0027', 'The integration daemon {0} is unable to retrieve the connection for the configuration listener from metadata server {1}; exception {2} returned message {3}', [this.name, group.metadataServer, failure.exceptionClass, failure.message], failure)
      return
    }
    if (!group.loaded) {
      group.loaded = true
      this.log('Startup', 'INTEGRATION-DAEMON-SERVICES-0019', 'The integration daemon {0} has registered a configuration listener for integration group {1}; its configuration comes from metadata server {2}', [this.name, group.qualifiedName, group.metadataServer])
      this.logContextManager(undefined, group.metadataServer)
      for (const connector of group.declared) {
        this.addConnector(connector, { groupName: group.qualifiedName, metadataServer: group.metadataServer }, group.connectorNames)
        const state = this.connectors.get(connector.name)!
        this.initializeConnector(state)
        if (this.profile.waitingStatus && reason !== 'start') void this.refreshConnector(state, 'poll')
      }
    } else {
      // Re-reading an unchanged group: INITIALIZE_FAILED connectors are re-initialised (§4.3).
      for (const name of group.connectorNames) {
        const connector = this.connectors.get(name)!
        if (connector.status === 'INITIALIZE_FAILED') this.initializeConnector(connector)
      }
    }
    if (reason !== 'start') {
      this.log('Information', 'INTEGRATION-DAEMON-SERVICES-0056', 'The integration daemon {0} has completed the configuration refresh of integration group {1}', [this.name, group.qualifiedName])
    }
  }

  // ------------------------------------------------------------------ connector lifecycle

  private setStatus(connector: SimulatedConnector, status: SimulatedConnectorStatus | undefined): void {
    connector.status = status
    connector.lastStatusChange = status === undefined ? undefined : this.context.clock.now()
  }

  private containerName(connector: SimulatedConnector): string {
    if (connector.serviceMarker) return this.services.get(connector.serviceMarker)!.info.fullName
    return connector.groupName ?? 'null'
  }

  private metadataServerDown(serverName: string): ConnectorFailure {
    const message = messages.serverNotAvailable(this.profile, serverName, this.config.serverUserId)
    return {
      exceptionClass: `${this.profile.ffdcPackage}.InvalidParameterException`,
      message: `${message.id} ${formatMessage(message.template, message.params)}`
    }
  }

  /** reinitializeConnector steps 3–5: build the connector, create its context. */
  initializeConnector(connector: SimulatedConnector): void {
    const { config } = connector
    const sync = permittedSyncText[config.permittedSynchronization]
    if (connector.serviceMarker) {
      this.log('Startup', 'INTEGRATION-DAEMON-SERVICES-0008', 'A new integration connector named {0} is initializing in integration service {1} running in integration daemon {2}, permitted synchronization is: {3}', [config.name, this.containerName(connector), this.name, sync])
    } else {
      this.log('Startup', 'INTEGRATION-DAEMON-SERVICES-0008', 'A new integration connector named {0} is initializing in integration daemon {1}, permitted synchronization is: {2}', [config.name, this.name, sync])
    }
    if (config.wrongType) {
      this.failInitialization(connector, this.wrongTypeFailure(connector), 'config')
      return
    }
    if (connector.serviceMarker && this.profile.auditEra === 'omag-admin') {
      const word = connector.serviceMarker.replace('-integrator', '').toUpperCase()
      this.log('Startup', `OMIS-${word}-INTEGRATOR-0002`, 'Creating context for integration connector {0} ({1}) connecting to third party technology {2} with permitted synchronization of {3} and service options of {4}', [config.name, config.id, config.thirdParty ?? 'null', sync, 'null'])
    }
    if (!this.context.world.metadataServers[connector.metadataServer]?.available) {
      this.failInitialization(connector, this.metadataServerDown(connector.metadataServer), 'context')
      return
    }
    this.setStatus(connector, 'INITIALIZED')
    if (this.profile.waitingStatus) {
      this.log('Startup', 'INTEGRATION-DAEMON-SERVICES-0060', 'The integration connector refresh thread for integration connector {0} has started in integration daemon {1}', [config.name, this.name])
    }
  }

  private wrongTypeFailure(connector: SimulatedConnector): ConnectorFailure {
    const service = connector.serviceMarker ? this.services.get(connector.serviceMarker) : undefined
    if (service) {
      const word = service.info.marker.replace('-integrator', '').toUpperCase()
      return {
        exceptionClass: `${this.profile.ffdcPackage}.InvalidParameterException`,
        message: `OMIS-${word}-INTEGRATOR-400-001 Integration connector ${connector.config.name} is not of the correct type to run in the ${service.info.fullName} integration service.  It must inherit from ${service.info.connectorBaseClass}`
      }
    }
    // Without OMIS the handler casts the broker's connector to IntegrationConnector: it logs 0010 (Egeria's
    // catalogue wording) and fails with the ClassCastException's own message (the JDK's wording).
    // UNVERIFIED: the connector's class name (derived from its provider's) and the interface's package in 6.x.
    const connectorClass = connector.config.providerClass.replace(/Provider$/, 'Connector')
    const integrationConnector = 'org.odpi.openmetadata.frameworks.integration.connectors.IntegrationConnector'
    this.log('Startup', 'INTEGRATION-DAEMON-SERVICES-0010', 'The connection for integration connector named {0} created a connector of class {1} which does not implement the correct {2} interface', [connector.config.name, connectorClass, integrationConnector])
    return {
      exceptionClass: 'java.lang.ClassCastException',
      message: `class ${connectorClass} cannot be cast to class ${integrationConnector} (${connectorClass} and ${integrationConnector} are in unnamed module of loader 'app')`
    }
  }

  private failInitialization(connector: SimulatedConnector, failure: ConnectorFailure, stage: 'config' | 'context'): void {
    connector.failingExceptionMessage = failure.message
    if (!this.profile.initFailedStatuses) {
      // Before 3.5 every initialisation error was a sticky FAILED (seed guide).
      this.setStatus(connector, 'FAILED')
      this.log('Exception', 'INTEGRATION-DAEMON-SERVICES-0031', 'The integration connector {0} method {1} has returned with a {2} exception containing message {3}', [connector.config.name, 'initialize', failure.exceptionClass, failure.message], failure)
      return
    }
    if (stage === 'config') {
      this.setStatus(connector, 'CONFIG_FAILED')
      // Wording of Egeria 4.2's catalogue (tests/fixtures/real-egeria/4.2); inserts as the connector handler passes them.
      this.log('Error', 'INTEGRATION-DAEMON-SERVICES-0037', 'The integration service {0} method {1} has returned with a {2} exception containing message {3} when attempting to create and initialize a connector', [connector.config.name, 'initialize', failure.exceptionClass, failure.message], failure)
    } else {
      this.setStatus(connector, 'INITIALIZE_FAILED')
      this.log('Error', 'INTEGRATION-DAEMON-SERVICES-0036', 'The integration service {0} method {1} has returned with a {2} exception containing message {3} when attempting to connect to the associated metadata access server', [connector.config.name, 'setContext', failure.exceptionClass, failure.message], failure)
    }
  }

  /** What start() or refresh() throws in the current world, if anything. */
  private connectorFailure(connector: SimulatedConnector): ConnectorFailure | undefined {
    const { config } = connector
    if (!this.context.world.metadataServers[connector.metadataServer]?.available) return this.metadataServerDown(connector.metadataServer)
    const needed = [...(config.behaviour === 'generic' || !config.endpoint ? [] : [config.endpoint]), ...config.requires]
    for (const key of needed) {
      const resource = this.context.world.resources[key]
      if (resource && !resource.available) return resourceFailure(this.profile, connector, key, resource.kind)
      if (!resource && config.behaviour === 'files-monitor' && key === config.endpoint) {
        return resourceFailure(this.profile, connector, key, 'directory')
      }
    }
    if (config.flaky && this.context.random() < config.flaky.failureRate) {
      return { exceptionClass: 'org.odpi.openmetadata.frameworks.connectors.ffdc.ConnectorCheckedException', message: config.flaky.message }
    }
    return undefined
  }

  private failConnector(connector: SimulatedConnector, method: 'start' | 'refresh' | 'engage', failure: ConnectorFailure): void {
    connector.failingExceptionMessage = failure.message
    this.setStatus(connector, 'FAILED')
    this.log('Exception', 'INTEGRATION-DAEMON-SERVICES-0031', 'The integration connector {0} method {1} has returned with a {2} exception containing message {3}', [connector.config.name, method, failure.exceptionClass, failure.message], failure)
  }

  /** 5.0+: connectors with usesBlockingCalls run engage() on a dedicated thread instead of being refreshed. */
  private isBlocking(connector: SimulatedConnector): boolean {
    return this.profile.waitingStatus && connector.config.usesBlockingCalls
  }

  /** One turn of the dedicated thread: start it (INITIALIZED → RUNNING), or meet the world's failures in engage(). */
  private engage(connector: SimulatedConnector): void {
    const failure = this.connectorFailure(connector)
    if (connector.status === 'INITIALIZED') {
      if (failure) return this.failConnector(connector, 'start', failure)
      this.setStatus(connector, 'RUNNING')
      this.log('Startup', 'INTEGRATION-DAEMON-SERVICES-0030', 'The integration daemon {0} has started a dedicated thread for integration connector {1} because it uses blocking calls', [this.name, connector.config.name])
    } else if (connector.status === 'RUNNING' && failure) {
      this.failConnector(connector, 'engage', failure)
    }
  }

  /** Is the connector due for a refresh by the polling loop? (§4.3 polling rules) */
  isDue(connector: SimulatedConnector, now: number): boolean {
    if (connector.busy) return false
    if (connector.status === undefined) return false
    if (this.profile.waitingStatus && (connector.status === 'INITIALIZE_FAILED' || connector.status === 'CONFIG_FAILED')) {
      return false // 5.0+: no refresh thread until a successful initialisation
    }
    if (connector.lastRefreshTime === undefined) return true
    const minutes = connector.config.refreshMinutes
    return minutes > 0 && connector.lastRefreshTime + minutes * 60_000 < now
  }

  /** refreshConnector / prepareForRefresh: one refresh attempt; resolves once the connector's work is done. */
  refreshConnector(connector: SimulatedConnector, reason: 'poll' | 'rest'): Promise<void> {
    if (connector.busy) return connector.busy
    const work: Promise<void> = this.runRefresh(connector, reason).finally(() => {
      if (connector.busy === work) connector.busy = undefined
    })
    connector.busy = work
    return work
  }

  private async runRefresh(connector: SimulatedConnector, reason: 'poll' | 'rest'): Promise<void> {
    const { config } = connector
    if (reason === 'poll' && !this.profile.waitingStatus) {
      const first = connector.refreshCount === 0
      this.log('Information', first ? 'INTEGRATION-DAEMON-SERVICES-0041' : 'INTEGRATION-DAEMON-SERVICES-0042',
        first
          ? 'The integration daemon thread is refreshing integration connector {0} for the first time in the {1} integration daemon instance'
          : 'The integration daemon thread is refreshing integration connector {0} in integration daemon {1}',
        [config.name, this.name])
    }
    connector.refreshCount++
    if (connector.status === 'INITIALIZE_FAILED' && (reason === 'rest' || this.profile.retriesInitializeFailed)) {
      this.initializeConnector(connector)
    }
    const started = this.context.clock.now()
    if (connector.status === 'INITIALIZED') {
      const failure = this.connectorFailure(connector)
      if (failure) {
        this.failConnector(connector, 'start', failure)
      } else if (this.isBlocking(connector)) {
        this.engage(connector)
      } else {
        this.setStatus(connector, this.profile.waitingStatus ? 'WAITING' : 'RUNNING')
      }
    }
    const refreshable = this.profile.waitingStatus ? connector.status === 'WAITING' : connector.status === 'RUNNING'
    if (refreshable) {
      if (this.profile.waitingStatus) this.setStatus(connector, 'REFRESHING')
      const generation = connector.generation
      await this.context.realDelay(config.refreshDurationMs)
      if (connector.generation !== generation) return // restarted meanwhile: this refresh belonged to the old instance
      // The world may have changed while the connector was working; and a restart may have replaced the status.
      if (connector.status === (this.profile.waitingStatus ? 'REFRESHING' : 'RUNNING')) {
        const failure = this.connectorFailure(connector)
        if (failure) this.failConnector(connector, 'refresh', failure)
        else if (this.profile.waitingStatus) this.setStatus(connector, 'WAITING')
      }
      if (this.profile.refreshTimeMessage) {
        const elapsed = Math.max(config.refreshDurationMs, this.context.clock.now() - started)
        this.log('Information', 'INTEGRATION-DAEMON-SERVICES-0043', 'The integration connector {0} in integration daemon {1} has completed refresh processing in {2} millisecond(s)', [config.name, this.name, String(elapsed)])
      }
    }
    // Stamped after every attempt, even when nothing was refreshed (a FAILED connector).
    connector.lastRefreshTime = this.context.clock.now()
  }

  /** reinitializeConnector: the only way out of FAILED and CONFIG_FAILED. */
  restartConnector(connector: SimulatedConnector): void {
    if (connector.status === 'RUNNING' || connector.status === 'FAILED') this.setStatus(connector, 'STOPPED')
    this.setStatus(connector, undefined)
    connector.failingExceptionMessage = undefined
    connector.lastRefreshTime = undefined
    connector.refreshCount = 0
    connector.generation++
    connector.busy = undefined
    connector.instanceId = randomUUID()
    this.initializeConnector(connector)
  }

  /** One pass of the polling loop (daemon thread ≤ 4.x, per-connector threads 5.0+), plus group retries. */
  poll(): void {
    const now = this.context.clock.now()
    for (const group of this.groups.values()) {
      if (!group.loaded && group.lastConfigAttempt !== undefined && now - group.lastConfigAttempt >= groupConfigRetryMs) {
        this.loadGroupConfiguration(group, 'retry')
      }
    }
    for (const connector of this.connectors.values()) {
      if (this.isBlocking(connector)) this.engage(connector) // no refresh thread: lastRefreshTime stays unset
      else if (this.isDue(connector, now)) void this.refreshConnector(connector, 'poll')
    }
  }

  // ------------------------------------------------------------------ lookups used by the REST layer

  connectorsOf(scope: { serviceMarker?: string; groupName?: string }): SimulatedConnector[] {
    return [...this.connectors.values()].filter(
      (connector) =>
        (scope.serviceMarker === undefined || connector.serviceMarker === scope.serviceMarker) &&
        (scope.groupName === undefined || connector.groupName === scope.groupName)
    )
  }

  requireConnector(name: string, serviceMarker?: string): SimulatedConnector {
    const connector = this.connectors.get(name)
    if (!connector || (serviceMarker !== undefined && connector.serviceMarker !== serviceMarker)) {
      const serviceName = serviceMarker ? this.services.get(serviceMarker)?.info.fullName : undefined
      throw new EgeriaError({
        httpCode: 400,
        exception: 'InvalidParameterException',
        message: messages.unknownConnector(this.profile, name, this.name, serviceName),
        properties: { parameterName: 'connectorName' }
      })
    }
    return connector
  }

  /** Update configuration properties (merge or replace), then restart (§4.3). */
  updateConfigurationProperties(connector: SimulatedConnector, properties: Record<string, unknown> | undefined, merge: boolean, userId: string): void {
    const current = connector.config.configurationProperties ?? {}
    connector.config.configurationProperties = merge ? { ...current, ...(properties ?? {}) } : properties
    if (properties && Object.keys(properties).length > 0) {
      this.log('Information', 'INTEGRATION-DAEMON-SERVICES-0015', 'User {0} has updated the configuration properties of integration connector {1}; the connector will restart', [userId, connector.config.name])
    } else {
      this.log('Information', 'INTEGRATION-DAEMON-SERVICES-0016', 'User {0} has cleared the configuration properties of integration connector {1}; the connector will restart', [userId, connector.config.name])
    }
    this.restartConnector(connector)
  }

  updateEndpointAddress(connector: SimulatedConnector, address: string, userId: string): void {
    connector.config.endpoint = address
    this.log('Information', 'INTEGRATION-DAEMON-SERVICES-0057', 'User {0} has updated the endpoint network address of integration connector {1} to {2}; the connector will restart', [userId, connector.config.name, address])
    this.restartConnector(connector)
  }

  updateConnection(connector: SimulatedConnector, connection: Record<string, unknown>, userId: string): void {
    const connectorType = connection.connectorType as { connectorProviderClassName?: unknown } | undefined
    const endpoint = connection.endpoint as { address?: unknown; networkAddress?: unknown } | undefined
    if (typeof connectorType?.connectorProviderClassName === 'string') connector.config.providerClass = connectorType.connectorProviderClassName
    const address = endpoint?.[this.profile.endpointAddressField]
    connector.config.endpoint = typeof address === 'string' ? address : undefined
    const properties = connection.configurationProperties
    connector.config.configurationProperties = properties && typeof properties === 'object' ? (properties as Record<string, unknown>) : undefined
    this.log('Information', 'INTEGRATION-DAEMON-SERVICES-0059', 'User {0} has replaced the connection of integration connector {1}; the connector will restart', [userId, connector.config.name])
    this.restartConnector(connector)
  }
}

/** The failure a connector reports when one of its third-party resources is missing. */
function resourceFailure(profile: VersionProfile, connector: SimulatedConnector, key: string, kind: string): ConnectorFailure {
  const checked = 'org.odpi.openmetadata.frameworks.connectors.ffdc.ConnectorCheckedException'
  if (kind === 'directory') {
    return {
      exceptionClass: checked,
      message: `BASIC-FILES-INTEGRATION-CONNECTORS-404-001 The directory named ${key} in the Connection object ${connectionToString(profile, connector)} does not exist`
    }
  }
  if (kind === 'endpoint' && connector.config.behaviour === 'database') {
    // The PostgreSQL JDBC driver's own text, passed through by the database connectors (UNVERIFIED wrapping).
    return {
      exceptionClass: checked,
      message: `Connection to ${key} refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.`
    }
  }
  if (kind === 'topic') {
    return { exceptionClass: checked, message: `Topic ${key} not present in metadata after 60000 ms.` }
  }
  return { exceptionClass: checked, message: `Connection refused: ${key}` }
}

/** Java toString() of the connector's Connection bean, exactly as the seed guide's failingExceptionMessage shows it. */
export function connectionToString(profile: VersionProfile, connector: SimulatedConnector): string {
  const { providerClass, endpoint, configurationProperties } = connector.config
  const properties = configurationProperties ? `{${Object.entries(configurationProperties).map(([key, value]) => `${key}=${String(value)}`).join(', ')}}` : 'null'
  const addressField = profile.endpointAddressField
  const endpointText = endpoint === undefined
    ? 'null'
    : `Endpoint{displayName='null', description='null', ${addressField}='${endpoint}', protocol='null', encryptionMethod='null', qualifiedName='null', additionalProperties=null, type=null, guid='null', url='null', classifications=null}`
  return (
    `Connection{displayName='null', description='null', connectorType=ConnectorType{displayName='null', description='null', connectorProviderClassName='${providerClass}', recognizedAdditionalProperties=null, recognizedSecuredProperties=null, recognizedConfigurationProperties=null, qualifiedName='null', additionalProperties=null, type=null, guid='null', url='null', classifications=null}, ` +
    `endpoint=${endpointText}, userId='null', encryptedPassword='null', clearPassword='null', configurationProperties=${properties}, securedProperties=null, assetSummary='null', qualifiedName='null', additionalProperties=null, meanings=null, securityTags=null, searchKeywords=null, confidentialityGovernanceClassification=null, confidenceGovernanceClassification=null, criticalityGovernanceClassification=null, retentionGovernanceClassification=null, type=null, GUID='null', URL='null', classifications=null, extendedProperties=null, headerVersion=0}`
  )
}

/** A stable GUID-shaped id from a name, so registered elements keep their GUID across restarts of the simulator. */
function deterministicGuid(seed: string): string {
  let h1 = 0x811c9dc5
  let h2 = 0x12345678
  for (let index = 0; index < seed.length; index++) {
    h1 = Math.imul(h1 ^ seed.charCodeAt(index), 16777619)
    h2 = Math.imul(h2 ^ seed.charCodeAt(index), 2246822519)
  }
  const hex = (value: number): string => (value >>> 0).toString(16).padStart(8, '0')
  const raw = hex(h1) + hex(h2) + hex(h1 ^ h2) + hex(Math.imul(h1, 31) ^ h2)
  return `${raw.slice(0, 8)}-${raw.slice(8, 12)}-4${raw.slice(13, 16)}-a${raw.slice(17, 20)}-${raw.slice(20, 32)}`
}
