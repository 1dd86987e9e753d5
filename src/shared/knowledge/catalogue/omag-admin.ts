/**
 * The OMAG admin services (Egeria 1.x–4.x; 5+ moved these to SERVER-OPS-): errors configuring and
 * starting a server from its configuration document. Several IDs were renumbered between releases,
 * hence the version ranges: 1.x is one number behind 2.x–3.x, and 4.x reused the freed numbers.
 * A fault here lies in the configuration document or the platform, never in a connector's code.
 * SERVER-OPS- carries the same start-up checks from 5.0 on.
 */
import type { MessageEntry } from '../types'

const FIX_CONFIG = 'Correct the server\'s configuration document with the admin services, then start the server again.'
const CONFIG_REQUEST = 'The configuration request was refused and nothing changed: fix the request and send it again.'
const REGISTERED = 'List the services registered on this platform; add the service\'s jar to the platform (and restart it) or configure a service the platform has.'

export const OMAG_ADMIN_MESSAGES: readonly MessageEntry[] = [
  { id: 'OMAG-ADMIN-400-001', severity: 'HTTP 400', source: 'platform', meaning: 'A configuration or start request named no server.', action: CONFIG_REQUEST },
  { id: 'OMAG-ADMIN-400-002', severity: 'HTTP 400', source: 'platform', meaning: 'The configuration document returned for a server carries another server\'s name (the configuration store connector is wrong).', action: 'Check the platform\'s configuration store connector and the document files it reads.' },
  { id: 'OMAG-ADMIN-400-003', severity: 'HTTP 400', source: 'platform', meaning: 'The server has no server user id in its configuration, so it cannot process events.', action: FIX_CONFIG },
  { id: 'OMAG-ADMIN-400-004', severity: 'HTTP 400', source: 'platform', meaning: 'An admin REST call was made without a user id.', action: CONFIG_REQUEST },
  { id: 'OMAG-ADMIN-400-005', severity: 'HTTP 400', source: 'platform', meaning: 'The access service named in a configuration request is not registered on this platform.', action: REGISTERED },
  { id: 'OMAG-ADMIN-400-006', severity: 'HTTP 400', source: 'platform', meaning: 'The access service named in a configuration request is not enabled on this platform.', action: REGISTERED },
  { id: 'OMAG-ADMIN-400-007', severity: 'HTTP 400', source: 'platform', meaning: 'A cohort was configured without a name.', action: CONFIG_REQUEST },
  { id: 'OMAG-ADMIN-400-008', severity: 'HTTP 400', source: 'platform', meaning: 'The local repository mode must be set before the event mapper or collection id/name.', action: 'Configure the local repository first, then repeat the request.' },
  { id: 'OMAG-ADMIN-400-009', severity: 'HTTP 400', source: 'platform', meaning: 'A server was started with no configuration at all.', action: FIX_CONFIG },
  { id: 'OMAG-ADMIN-400-010', severity: 'HTTP 400', source: 'platform', meaning: 'The configuration document has no repository services section (every server needs at least its audit log).', action: FIX_CONFIG },
  { id: 'OMAG-ADMIN-400-011', severity: 'HTTP 400', source: 'platform', meaning: 'An access service in the configuration has an admin class name that does not exist: the configuration document is from another release.', action: 'Recreate the configuration document with this release\'s admin services, then start the server.', untilMajor: 1 },
  { id: 'OMAG-ADMIN-400-011', severity: 'HTTP 400', source: 'platform', meaning: 'An access service in the configuration has no admin class name.', action: 'Recreate the access service configuration, then start the server.', fromMajor: 2, untilMajor: 3 },
  { id: 'OMAG-ADMIN-400-012', severity: 'HTTP 400', source: 'platform', meaning: 'An access service in the configuration names an admin class that does not exist: a stale configuration document from an older release (often kept on a persistent volume).', action: 'Delete and recreate the server\'s configuration document with the running release (or fix the class name), then start the server.', fromMajor: 2, untilMajor: 3 },
  { id: 'OMAG-ADMIN-400-014', severity: 'HTTP 400', source: 'platform', meaning: 'The configured maximum page size is invalid (negative).', action: FIX_CONFIG },
  { id: 'OMAG-ADMIN-400-016', severity: 'HTTP 400', source: 'platform', meaning: 'The event bus cannot be changed once other services are configured.', action: 'Remove the cohorts, repository and access services from the configuration, set the event bus, then add them back.' },
  { id: 'OMAG-ADMIN-400-018', severity: 'HTTP 400', source: 'platform', meaning: 'The server\'s configuration document has no services configured, so the server has nothing to run.', action: 'Configure the server\'s services (or start the server that was meant); remove it from the platform\'s start-up list if unused.', untilMajor: 1 },
  { id: 'OMAG-ADMIN-400-018', severity: 'HTTP 400', source: 'platform', meaning: 'A request set an empty metadata collection name.', action: CONFIG_REQUEST, fromMajor: 2 },
  { id: 'OMAG-ADMIN-400-019', severity: 'HTTP 400', source: 'platform', meaning: 'The server\'s configuration document has no services configured, so the server has nothing to run (often a server that was never configured on this platform).', action: 'Configure the server\'s services (or load its configuration document), then start it; check the server name and platform.', fromMajor: 2 },
  { id: 'OMAG-ADMIN-400-020', severity: 'HTTP 400', source: 'platform', meaning: 'A service was configured without the platform URL of the remote access service it calls.', action: FIX_CONFIG },
  { id: 'OMAG-ADMIN-400-021', severity: 'HTTP 400', source: 'platform', meaning: 'A service was configured without the name of the remote server it calls.', action: FIX_CONFIG },
  { id: 'OMAG-ADMIN-400-022', severity: 'HTTP 400', source: 'platform', meaning: 'An open metadata archive was configured without a file name.', action: CONFIG_REQUEST },
  { id: 'OMAG-ADMIN-400-024', severity: 'HTTP 400', source: 'platform', meaning: 'An access service was given an invalid value for one of its options.', action: FIX_CONFIG },
  { id: 'OMAG-ADMIN-400-025', severity: 'HTTP 400', source: 'platform', meaning: 'An access service has no enterprise topic, so it cannot read metadata events.', action: 'Correct the enterprise repository services configuration, then restart the server.' },
  { id: 'OMAG-ADMIN-400-026', severity: 'HTTP 400', source: 'platform', meaning: 'A service\'s topic connector could not be created from its configuration.', action: 'Correct the event bus / topic configuration, then restart the server.' },
  { id: 'OMAG-ADMIN-400-027', severity: 'HTTP 400', source: 'platform', meaning: 'A configuration request passed an empty connection.', action: CONFIG_REQUEST },
  { id: 'OMAG-ADMIN-400-028', severity: 'HTTP 400', source: 'platform', meaning: 'A platform configuration request passed an empty connection.', action: CONFIG_REQUEST },
  { id: 'OMAG-ADMIN-400-031', severity: 'HTTP 400', source: 'platform', meaning: 'The configuration combines subsystems that cannot run in one server.', action: 'Reconfigure the server with a compatible set of services.' },
  { id: 'OMAG-ADMIN-400-032', severity: 'HTTP 400', source: 'platform', meaning: 'A supplied configuration lacks a required property.', action: CONFIG_REQUEST },
  { id: 'OMAG-ADMIN-400-033', severity: 'HTTP 400', source: 'platform', meaning: 'A cohort topic cannot be overridden before the cohort is configured.', action: 'Configure the cohort first.' },
  { id: 'OMAG-ADMIN-400-034', severity: 'HTTP 400', source: 'platform', meaning: 'A cohort topic cannot be overridden because its connection has an unexpected shape.', action: 'Set the whole cohort configuration instead.' },
  { id: 'OMAG-ADMIN-400-035', severity: 'HTTP 400', source: 'platform', meaning: 'The kind of server cannot be told from its configuration document.', action: FIX_CONFIG },
  { id: 'OMAG-ADMIN-400-036', severity: 'HTTP 400', source: 'platform', meaning: 'The view service named in a configuration request is not registered on this platform.', action: REGISTERED },
  { id: 'OMAG-ADMIN-400-037', severity: 'HTTP 400', source: 'platform', meaning: 'The view service named in a configuration request is not enabled on this platform.', action: REGISTERED },
  { id: 'OMAG-ADMIN-400-038', severity: 'HTTP 400', source: 'platform', meaning: 'A governance service was configured without the details of the metadata server it calls.', action: FIX_CONFIG },
  { id: 'OMAG-ADMIN-400-039', severity: 'HTTP 400', source: 'platform', meaning: 'A service was configured without the platform URL of its remote server.', action: FIX_CONFIG },
  { id: 'OMAG-ADMIN-400-040', severity: 'HTTP 400', source: 'platform', meaning: 'A service was configured without the name of its remote server.', action: FIX_CONFIG },
  { id: 'OMAG-ADMIN-400-041', severity: 'HTTP 400', source: 'platform', meaning: 'A connection in a configuration request does not produce a connector on this platform (class missing or connection wrong).', action: 'Read the nested connector broker error; add the connector jar or fix the connection, then repeat the request.' },
  { id: 'OMAG-ADMIN-400-042', severity: 'HTTP 400', source: 'platform', meaning: 'A view service was given configuration of the wrong kind.', action: FIX_CONFIG },
  { id: 'OMAG-ADMIN-400-043', severity: 'HTTP 400', source: 'platform', meaning: 'The platform\'s configuration store cannot list all configurations.', action: 'Use a configuration store connector that supports listing, or ask for one server.' },
  { id: 'OMAG-ADMIN-400-044', severity: 'HTTP 400', source: 'platform', meaning: 'The platform\'s configuration store could not be opened.', action: 'Check the configuration store connector settings of the platform.' },
  { id: 'OMAG-ADMIN-400-045', severity: 'HTTP 400', source: 'platform', meaning: 'A service was configured without its URL marker.', action: CONFIG_REQUEST },
  { id: 'OMAG-ADMIN-400-046', severity: 'HTTP 400', source: 'platform', meaning: 'The engine service named in a configuration request is not registered on this platform.', action: REGISTERED },
  { id: 'OMAG-ADMIN-400-047', severity: 'HTTP 400', source: 'platform', meaning: 'The engine service named in a configuration request is not enabled on this platform.', action: REGISTERED },
  { id: 'OMAG-ADMIN-400-051', severity: 'HTTP 400', source: 'platform', meaning: 'A view service needs a larger maximum page size than the server has.', action: FIX_CONFIG },
  { id: 'OMAG-ADMIN-400-052', severity: 'HTTP 400', source: 'platform', meaning: 'An event mapper can only be configured for a repository proxy.', action: 'Set the repository proxy connection first, then the event mapper.' },
  { id: 'OMAG-ADMIN-400-105', severity: 'HTTP 400', source: 'platform', meaning: 'A required property of the server\'s configuration is empty, so it does not start.', action: FIX_CONFIG },
  { id: 'OMAG-ADMIN-500-002', severity: 'HTTP 500', source: 'nested', meaning: 'A platform admin request failed with an unexpected exception.', action: 'Read the nested message and the platform log.' },
  { id: 'OMAG-ADMIN-500-003', severity: 'HTTP 500', source: 'nested', meaning: 'A service\'s topic connection uses a wrong connector provider (an internal error).', action: 'Report it with the platform log.' }
]

/** Egeria 5+: server operations, the successor of the admin services' start-up checks. */
export const SERVER_OPS_MESSAGES: readonly MessageEntry[] = [
  { id: 'SERVER-OPS-400-011', severity: 'HTTP 400', source: 'platform', meaning: 'An access service in the configuration has no admin class name, so the server does not start.', action: 'Recreate the access service configuration (or remove it), then start the server.', fromMajor: 5 },
  { id: 'SERVER-OPS-400-012', severity: 'HTTP 400', source: 'platform', meaning: 'An access service in the configuration names an admin class this release does not have: a configuration document from an older release.', action: 'Recreate the server\'s configuration document with the running release, then start the server.', fromMajor: 5 },
  { id: 'SERVER-OPS-400-014', severity: 'HTTP 400', source: 'platform', meaning: 'The configured maximum page size is invalid, so the server does not start.', action: FIX_CONFIG, fromMajor: 5 },
  { id: 'SERVER-OPS-400-015', severity: 'HTTP 400', source: 'nested', meaning: 'The enterprise topic connector did not start, so the access services hear no repository events.', action: 'Read the nested error (often the event bus); fix it and restart the server.', fromMajor: 5 },
  { id: 'SERVER-OPS-400-017', severity: 'HTTP 400', source: 'platform', meaning: 'Services cannot be added before the event bus is configured.', action: 'Configure the event bus first, then repeat the request.', fromMajor: 5 },
  { id: 'SERVER-OPS-400-019', severity: 'HTTP 400', source: 'platform', meaning: 'The server\'s configuration document has no services configured, so the server has nothing to run.', action: 'Configure the server\'s services (or load its configuration document), then start it; check the server name and platform.', fromMajor: 5 },
  { id: 'SERVER-OPS-400-029', severity: 'HTTP 400', source: 'platform', meaning: 'A view service in the view server\'s configuration has no admin class name.', action: 'Recreate the view service configuration (or remove it), then restart the view server.', fromMajor: 5 },
  { id: 'SERVER-OPS-400-030', severity: 'HTTP 400', source: 'platform', meaning: 'A view service names an admin class that is not on the platform\'s class path.', action: 'Add the view service\'s jar to the platform or correct the configuration, then restart the view server.', fromMajor: 5 },
  { id: 'SERVER-OPS-400-050', severity: 'HTTP 400', source: 'platform', meaning: 'The configuration holds a section for a subsystem this release no longer has.', action: 'Replace the obsolete section with its successor service (see the admin guide), then start the server.', fromMajor: 5 },
  { id: 'SERVER-OPS-500-001', severity: 'HTTP 500', source: 'nested', meaning: 'A server operation failed with an unexpected exception; the nested message says why.', action: 'Read the nested message and its user action.', fromMajor: 5 },
  { id: 'SERVER-OPS-503-001', severity: 'HTTP 503', source: 'metadata-server', meaning: 'A call to another OMAG Server Platform\'s admin services failed on the client side.', action: 'Check that the other platform is up and reachable (URL, TLS), then retry.', fromMajor: 5 }
]
