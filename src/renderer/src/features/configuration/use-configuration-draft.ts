import { useMemo, useState } from 'react'
import {
  configurationDiff,
  endpointAddressProblem,
  parsePropertyAssignments,
  type ConfigurationChange,
  type ConfigurationDiffLine,
  type ConnectorConfiguration
} from '../../../../shared/models/configuration'

export type DraftKind = ConfigurationChange['kind']

export interface ConfigurationDraft {
  kind: DraftKind
  setKind(kind: DraftKind): void
  endpoint: string
  setEndpoint(value: string): void
  /** One `KEY=VALUE` per line. */
  properties: string
  setProperties(value: string): void
  /** The change to send, when the draft is valid and changes something. */
  change?: ConfigurationChange
  diff: ConfigurationDiffLine[]
  /** What is wrong with the draft, said as the operator types. */
  problem?: string
  /** The draft sets what the connector already has, or nothing yet (the form as it opens). */
  unchanged: boolean
}

/** The operator's edit of a connector's configuration, checked as it is typed, with the diff it would make. */
export function useConfigurationDraft(configuration: ConnectorConfiguration): ConfigurationDraft {
  const [kind, setKind] = useState<DraftKind>(configuration.changeable.endpoint ? 'endpoint' : 'properties')
  const [endpoint, setEndpoint] = useState(configuration.endpointAddress ?? '')
  const [properties, setProperties] = useState('')
  const checked = useMemo((): { change?: ConfigurationChange; problem?: string } => {
    if (kind === 'endpoint') {
      const problem = endpointAddressProblem(endpoint)
      return problem ? { problem } : { change: { kind: 'endpoint', address: endpoint } }
    }
    const lines = properties.split('\n').filter((line) => line.trim().length > 0)
    if (lines.length === 0) return {} // nothing typed yet: a hint, not an error
    const parsed = parsePropertyAssignments(lines)
    return parsed.ok ? { change: { kind: 'properties', properties: parsed.value } } : { problem: parsed.error }
  }, [kind, endpoint, properties])
  const diff = useMemo(() => (checked.change ? configurationDiff(configuration, checked.change) : []), [checked.change, configuration])
  const unchanged = checked.problem === undefined && diff.length === 0
  const problem = checked.problem
  return { kind, setKind, endpoint, setEndpoint, properties, setProperties, change: problem || unchanged ? undefined : checked.change, diff, problem, unchanged }
}
