import type { DemoWorld } from '../../../../shared/models/demo'

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

/**
 * What is down in the demo world, in a few words each ("metadata server cocoMDS1 down", "3 directories
 * missing"), so the closed panel already tells a newcomer where the guidance's "start the metadata
 * server" or "create the directory" is done in the demo.
 */
export function worldProblems(world: DemoWorld): string[] {
  const problems = Object.entries(world.metadataServers)
    .filter(([, server]) => !server.available)
    .map(([name]) => `metadata server ${name} down`)
  const missing = { directory: 0, endpoint: 0, topic: 0 }
  for (const resource of Object.values(world.resources)) if (!resource.available) missing[resource.kind]++
  if (missing.directory > 0) problems.push(`${count(missing.directory, 'directory', 'directories')} missing`)
  if (missing.endpoint > 0) problems.push(`${count(missing.endpoint, 'endpoint', 'endpoints')} unreachable`)
  if (missing.topic > 0) problems.push(`${count(missing.topic, 'topic', 'topics')} unreachable`)
  const misconfigured = Object.values(world.connectorConfigs).filter((config) => config.wrongType).length
  if (misconfigured > 0) problems.push(`${count(misconfigured, 'connector', 'connectors')} of the wrong type configured`)
  return problems
}
