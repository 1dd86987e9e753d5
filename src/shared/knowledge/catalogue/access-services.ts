/**
 * The services a metadata server runs for its callers (access services, OMAS), the view services of a
 * view server (OMVS), and the common handlers they share. These are the messages a metadata access
 * store or view server prints when an integration daemon, engine host, UI or notebook calls it.
 */
import type { MessageEntry } from '../types'

const VIEW_START = 'None: a view service of this view server is starting.'
const VIEW_READY = 'None: the view service is ready to take calls.'

export const ACCESS_SERVICE_MESSAGES: readonly MessageEntry[] = [
  // Common handlers (metadata server side)
  { id: 'OMAG-COMMON-400-004', severity: 'HTTP 400', source: 'connector', meaning: 'The metadata server received a call without a user id. When an integration connector made the call, the connector has no connectorUserId (4.0 stopped defaulting it to the daemon\'s server user): the daemon\'s configuration is at fault, not the metadata server.', action: 'Set connectorUserId on the integration connector configuration (or upgrade to a release that defaults it), then restart the connector.' },
  { id: 'OMAG-REPOSITORY-HANDLER-0003', severity: 'Exception', source: 'nested', meaning: 'An access service in the metadata server got an unexpected error from the repositories while handling a request or event; the nested message says which.', action: 'Read the nested message: a type mismatch is a data problem in the metadata server, a missing repository is a start-up or cohort problem.' },
  { id: 'OMAG-REPOSITORY-HANDLER-404-001', severity: 'HTTP 404', source: 'metadata-server', meaning: 'An element was found under the given unique identifier but is of another type than the service expected.', action: 'Check which element the caller passed; an event about an element of another type can be ignored by that service.' },
  // Access services
  { id: 'OMAS-ASSET-CONSUMER-0001', severity: 'Startup', source: 'lifecycle', meaning: 'The Asset Consumer access service is starting in this server.', action: 'None.' },
  { id: 'OMAS-ASSET-CONSUMER-0003', severity: 'Startup', source: 'lifecycle', meaning: 'The Asset Consumer access service has started in this server.', action: 'None.' },
  { id: 'OMAS-ASSET-CONSUMER-400-001', severity: 'HTTP 400', source: 'third-party', meaning: 'The Asset Consumer access service could not use its event topic connection. Despite the wording, this is often Kafka: an unresolvable or unreachable bootstrap host makes the connection look invalid.', action: 'Check that the Kafka bootstrap host resolves and answers from the platform; only then review the topic connection in the configuration.', subjectDefault: 'Kafka' },
  { id: 'OMAS-ASSET-OWNER-0001', severity: 'Startup', source: 'lifecycle', meaning: 'The Asset Owner access service is starting in this server.', action: 'None.' },
  { id: 'OMAS-ASSET-OWNER-0003', severity: 'Startup', source: 'lifecycle', meaning: 'The Asset Owner access service has started in this server.', action: 'None.' },
  { id: 'OMAS-DISCOVERY-ENGINE-0001', severity: 'Startup', source: 'lifecycle', meaning: 'The Discovery Engine access service is starting in this server.', action: 'None.' },
  { id: 'OMAS-GLOSSARY-VIEW-0002', severity: 'Startup', source: 'lifecycle', meaning: 'The Glossary View access service has started in this server.', action: 'None.' },
  { id: 'OMAS-GOVERNANCE-ENGINE-0008', severity: 'Exception', source: 'metadata-server', meaning: 'The Governance Engine access service failed while processing an incoming event (older releases print an unfilled {0}).', action: 'Look at the security messages just before it: in some releases the service used a wrong user id (a defect fixed in later releases).' },
  { id: 'OMAS-GOVERNANCE-ENGINE-0019', severity: 'Event', source: 'lifecycle', meaning: 'The Governance Engine access service published an event.', action: 'None.' },
  { id: 'OMAS-SECURITY-MANAGER-0013', severity: 'Event', source: 'lifecycle', meaning: 'The Security Manager access service published an event.', action: 'None.' },
  { id: 'OMAS-SUBJECT-AREA-503-002', severity: 'HTTP 503', source: 'metadata-server', meaning: 'The Subject Area client could not reach the metadata server; some releases print this with unfilled {0} {1} {2}, hiding the real client error.', action: 'Check that the platform URL and server name are right, the platform is up and TLS trust is set; the message itself cannot tell which.' },
  // View services (view servers)
  { id: 'OMVS-CLASSIFICATION-MANAGER-0001', severity: 'Startup', source: 'lifecycle', meaning: 'The Classification Manager view service is starting.', action: VIEW_START },
  { id: 'OMVS-CLASSIFICATION-MANAGER-0002', severity: 'Startup', source: 'lifecycle', meaning: 'The Classification Manager view service has started.', action: VIEW_READY },
  { id: 'OMVS-CONNECTION-MAKER-0001', severity: 'Startup', source: 'lifecycle', meaning: 'The Connection Maker view service is starting.', action: VIEW_START },
  { id: 'OMVS-CONNECTION-MAKER-0002', severity: 'Startup', source: 'lifecycle', meaning: 'The Connection Maker view service has started.', action: VIEW_READY },
  { id: 'OMVS-DATA-DISCOVERY-0001', severity: 'Startup', source: 'lifecycle', meaning: 'The Data Discovery view service is starting.', action: VIEW_START },
  { id: 'OMVS-DATA-DISCOVERY-0002', severity: 'Startup', source: 'lifecycle', meaning: 'The Data Discovery view service has started.', action: VIEW_READY },
  { id: 'OMVS-GLOSSARY-MANAGER-0001', severity: 'Startup', source: 'lifecycle', meaning: 'The Glossary Manager view service is starting.', action: VIEW_START },
  { id: 'OMVS-GLOSSARY-MANAGER-0002', severity: 'Startup', source: 'lifecycle', meaning: 'The Glossary Manager view service has started.', action: VIEW_READY },
  { id: 'OMVS-VALID-METADATA-0001', severity: 'Startup', source: 'lifecycle', meaning: 'The Valid Metadata view service is starting.', action: VIEW_START },
  { id: 'OMVS-VALID-METADATA-0002', severity: 'Startup', source: 'lifecycle', meaning: 'The Valid Metadata view service has started.', action: VIEW_READY }
]
