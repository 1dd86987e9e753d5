/** Classifies a connector's failing message with the log-analysis knowledge base. */
import { classifyFailure } from '../../../shared/knowledge'
import type { ConnectorClassification } from '../../../shared/models/daemon'

export function classifyFailingMessage(text: string, egeriaMajor?: number): ConnectorClassification {
  const { source, subject, summary, action, rootMessageId } = classifyFailure(text, egeriaMajor)
  return { source, subject, summary, action, rootMessageId }
}
