/**
 * Fallback rules for failures the catalogue cannot place: the innermost ID is unknown or only says
 * "see the nested exception". Tried in order; the first match wins.
 */
import { HOST_PORT } from './subjects'
import type { FallbackRule } from './types'

export const FALLBACK_RULES: readonly FallbackRule[] = [
  { name: 'tls-trust', pattern: 'PKIX path building failed|unable to find valid certification path|SSLHandshakeException|handshake_failure|certificate_unknown', source: 'metadata-server', summary: 'The TLS handshake failed: the certificate is not trusted.', action: 'Add the server\'s certificate (or its CA) to the trust store the daemon uses, then restart the connector.', subject: HOST_PORT },
  // The exact "Connection refused" wording under CLIENT-SIDE-…-503-002 is inferred from Spring/JDK behaviour.
  { name: 'connection-refused', pattern: 'Connection refused|ECONNREFUSED|ConnectException', source: 'third-party', summary: 'The connection was refused: nothing listens at that address.', action: 'Start the service at that address (or fix the host and port), then restart the connector.', subject: HOST_PORT },
  { name: 'unknown-host', pattern: 'UnknownHostException|ENOTFOUND|Name or service not known|nodename nor servname', source: 'third-party', summary: 'The host name does not resolve.', action: 'Fix the host name in the configuration (or DNS), then restart the connector.', subject: '(?:UnknownHostException:? |host )([\\w.-]+)' },
  { name: 'timeout', pattern: 'SocketTimeoutException|Read timed out|connect timed out|TimeoutException|ETIMEDOUT', source: 'third-party', summary: 'The call timed out.', action: 'Check the remote service is healthy and reachable; then restart the connector.', subject: HOST_PORT },
  { name: 'unauthorized', pattern: '\\b401\\b|Unauthorized|\\b403\\b|Forbidden|UserNotAuthorizedException|not authorized', source: 'metadata-server', summary: 'The call was refused for lack of authority.', action: 'Grant the daemon\'s user the access it needs, or configure the right credentials.', subject: HOST_PORT },
  { name: 'method-not-allowed', pattern: 'MethodNotAllowed|\\b405\\b', source: 'metadata-server', summary: 'The server does not support this API: the daemon and the server run different releases.', action: 'Run the same Egeria release on the daemon and the metadata server.', subject: HOST_PORT },
  { name: 'class-not-found', pattern: 'ClassNotFoundException|NoClassDefFoundError|NoSuchMethodError|ClassCastException', source: 'connector', summary: 'A class is missing or incompatible on the platform classpath.', action: 'Put the right connector jar (and its dependencies) on the platform classpath, then restart the platform.' },
  { name: 'does-not-exist', pattern: 'does not exist|NoSuchFileException|FileNotFoundException|No such file or directory', source: 'third-party', summary: 'A resource the connector needs does not exist.', action: 'Create the resource (or fix its path in the connection), then restart the connector.', subject: '(?:directory|folder|file)(?: named| called)? \'?([^\\s\']+)' },
  { name: 'access-denied', pattern: 'AccessDeniedException|Permission denied|EACCES', source: 'third-party', summary: 'The connector may not read the resource.', action: 'Fix the permissions, then restart the connector.', subject: '(?:AccessDeniedException:? |denied:? )(\\S+)' },
  { name: 'sql', pattern: 'SQLException|PSQLException|JDBC', source: 'third-party', summary: 'The database reported an error.', action: 'Check the database, the JDBC URL and the credentials; then restart the connector.' },
  { name: 'null-pointer', pattern: 'NullPointerException|IllegalArgumentException|IllegalStateException', source: 'connector', summary: 'The connector code hit a programming error.', action: 'Check the connector\'s configuration properties; report the stack trace to the connector\'s authors.' }
]
