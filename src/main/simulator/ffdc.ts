/** Egeria's FFDC error envelope (fact sheet §5): HTTP 200 with relatedHTTPCode and the exception details. */
import type { VersionProfile } from './versions'

export type ExceptionKind = 'InvalidParameterException' | 'PropertyServerException' | 'UserNotAuthorizedException'

export interface EgeriaMessage {
  id: string
  template: string
  params: string[]
  systemAction: string
  userAction: string
}

export interface FfdcErrorOptions {
  responseClass: string
  httpCode: number
  exception: ExceptionKind
  actionDescription: string
  message: EgeriaMessage
  properties?: Record<string, unknown>
  causedBy?: string
}

/** Fills {0}, {1}… as Java's MessageFormat does for plain string inserts. */
export function formatMessage(template: string, params: readonly string[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => params[Number(index)] ?? whole)
}

export function messageText(message: EgeriaMessage): string {
  return `${message.id} ${formatMessage(message.template, message.params)}`
}

export class EgeriaError extends Error {
  constructor(readonly options: Omit<FfdcErrorOptions, 'responseClass' | 'actionDescription'>) {
    super(messageText(options.message))
  }
}

export function exceptionClassName(profile: VersionProfile, kind: ExceptionKind): string {
  return `${profile.ffdcPackage}.${kind}`
}

export function ffdcEnvelope(profile: VersionProfile, options: FfdcErrorOptions): Record<string, unknown> {
  const className = exceptionClassName(profile, options.exception)
  return {
    class: options.responseClass,
    relatedHTTPCode: options.httpCode,
    exceptionClassName: className,
    // 6.x names the concrete class; the daemon throws the public classes themselves.
    ...(profile.exceptionSubclass ? { exceptionSubclassName: className } : {}),
    ...(options.causedBy ? { exceptionCausedBy: options.causedBy } : {}),
    actionDescription: options.actionDescription,
    exceptionErrorMessage: messageText(options.message),
    exceptionErrorMessageId: options.message.id,
    exceptionErrorMessageParameters: options.message.params,
    exceptionSystemAction: options.message.systemAction,
    exceptionUserAction: options.message.userAction,
    ...(options.properties ? { exceptionProperties: options.properties } : {})
  }
}

export const messages = {
  serverNotAvailable(profile: VersionProfile, serverName: string, userId: string): EgeriaMessage {
    return {
      id: 'OMAG-MULTI-TENANT-404-001',
      template: 'The OMAG Server {0} is not available to service a request from user {1}',
      params: [serverName, userId],
      systemAction:
        profile.major >= 6
          ? 'The system cannot process the request because the server is not running on the called platform.'
          : 'The system is unable to process the request because the server is not running on the called platform.',
      userAction:
        'Verify that the correct server is being called on the correct platform and that this server is running. Retry the request when the server is available.'
    }
  },
  // UNVERIFIED: action texts of the messages below are paraphrased from the message catalogue.
  serviceNotAvailable(serverName: string, userId: string): EgeriaMessage {
    return {
      id: 'OMAG-MULTI-TENANT-404-002',
      template: 'The {0} service is not available on OMAG Server {1} to handle a request from user {2}',
      params: ['Integration Daemon Services', serverName, userId],
      systemAction: 'The system is unable to process the request because the service is not running on the called server.',
      userAction: 'Verify that the correct server is being called and that the service is configured for it.'
    }
  },
  unknownConnector(profile: VersionProfile, connectorName: string, daemon: string, serviceName?: string): EgeriaMessage {
    const perService = profile.major === 3
    return {
      id: 'INTEGRATION-DAEMON-SERVICES-400-031',
      template: perService
        ? 'Integration connector named {0} is not running in the integration service {1} in integration daemon {2}'
        : 'Integration connector named {0} is not running in the integration daemon {1}',
      params: perService ? [connectorName, serviceName ?? 'null', daemon] : [connectorName, daemon],
      systemAction: 'The integration daemon is unable to complete the request because the named connector is not known.',
      userAction: 'Check that the connector name is correct, and that the connector started successfully.'
    }
  },
  unknownService(profile: VersionProfile, marker: string, daemon: string): EgeriaMessage {
    return {
      id: 'INTEGRATION-DAEMON-SERVICES-400-030',
      template: 'Integration service with URL marker {0} is not registered in the integration daemon {1}',
      // 3.x raises it with (serverName, urlMarker) although the template expects (urlMarker, daemon): §4.6 item 3.
      params: profile.major === 3 ? [daemon, marker] : [marker, daemon],
      systemAction: 'The integration daemon is unable to complete the request because the integration service is not running.',
      userAction: 'Check the URL marker against the registered integration services and the daemon configuration.'
    }
  },
  unknownGroup(groupName: string, daemon: string): EgeriaMessage {
    return {
      id: 'INTEGRATION-DAEMON-SERVICES-400-034',
      template: 'Integration group named {0} is not running in the integration daemon {1}',
      params: [groupName, daemon],
      systemAction: 'The integration daemon is unable to complete the request because the named group is not known.',
      userAction: 'Check the integration group qualified name and the daemon configuration.'
    }
  },
  noGroups(daemon: string): EgeriaMessage {
    return {
      id: 'INTEGRATION-DAEMON-SERVICES-400-035',
      template: 'There are no integration groups running in the integration daemon {0}',
      params: [daemon],
      systemAction: 'The integration daemon is unable to complete the request because it has no integration groups.',
      userAction: 'Add integration groups to the daemon configuration.'
    }
  },
  unexpectedException(exceptionClass: string, method: string, detail: string): EgeriaMessage {
    return {
      id: 'OMAG-COMMON-400-016',
      template: 'An unexpected {0} exception was caught by {1}; error message was {2}',
      params: [exceptionClass, method, detail],
      systemAction: 'The system is unable to process the request and has returned an exception to the caller.',
      userAction: 'Review the error message and any other messages in the audit log to determine the cause of the error.'
    }
  },
  nullName(parameterName: string, method: string): EgeriaMessage {
    return {
      id: 'OMAG-COMMON-400-006',
      template: 'The name passed on the {0} parameter of {1} is null',
      params: [parameterName, method],
      systemAction: 'The system is unable to perform the request because the name is needed.',
      userAction: 'Correct the code in the caller to provide the name on the parameter.'
    }
  }
}
