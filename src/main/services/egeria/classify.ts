/**
 * Classifies a connector's failing message. The log-analysis knowledge base (issue 3) will replace
 * the body of `classifyFailingMessage`; until it lands, a few message-ID prefix rules stand in.
 */
import type { FailureClassification } from '../../../shared/models/daemon'
import { messageIdsIn } from './envelope'

const METADATA_SERVER_PREFIXES = ['OMAG-MULTI-TENANT-', 'OMAG-COMMON-', 'OMRS-', 'OMAG-REPOSITORY-', 'OMF-']
const THIRD_PARTY_HINTS = /connection refused|unknownhost|timed out|no route to host|access denied|authentication failed/i

export function classifyFailingMessage(text: string, _egeriaMajor?: number): FailureClassification {
  const [rootId] = messageIdsIn(text)
  if (rootId && METADATA_SERVER_PREFIXES.some((prefix) => rootId.startsWith(prefix))) {
    const server = /OMAG Server (\S+) is not available/.exec(text)?.[1]
    return {
      source: 'metadata-server',
      subject: server ?? 'metadata server',
      summary: server ? `The metadata server ${server} is not available` : 'The metadata server reported an error',
      action: 'Check the metadata server is running, then restart the connector (a FAILED connector stays failed until restarted)'
    }
  }
  if (THIRD_PARTY_HINTS.test(text)) {
    return {
      source: 'third-party',
      subject: 'external system',
      summary: 'The connector could not reach the system it integrates with',
      action: 'Check the external system and the connector\'s endpoint, then restart the connector'
    }
  }
  return {
    source: 'connector',
    subject: rootId ?? 'connector',
    summary: 'The connector itself reported an error',
    action: 'Check the connector\'s configuration and the resource it points at, then restart it'
  }
}
