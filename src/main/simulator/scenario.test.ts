import { writeFileSync } from 'node:fs'

import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startSimulator } from '.'
import { loadScenario, parseScenario } from './scenario'
import { builtInScenarioNames } from './scenario-files'
import { applyWorldPatch, worldFromScenario } from './world'
import { tempDir } from '../../../tests/temp-dir'

describe('scenarios', () => {
  it('ships the four built-in scenarios, each valid', () => {
    expect(builtInScenarioNames()).toEqual(['coco-pharma', 'flaky-warehouse', 'large-estate', 'secured-quickstart'])
    for (const name of builtInScenarioNames()) expect(loadScenario(name).name).toBe(name)
    const estate = loadScenario('large-estate')
    expect(estate.daemons[0]!.groups.reduce((sum, group) => sum + group.connectors.length, 0)).toBe(320)
  })

  it('explains what is wrong with an invalid scenario, naming the JSON path', () => {
    expect(() => parseScenario({ name: 'x', metadataServers: {}, daemons: [{ name: 'd' }] })).toThrow(/daemons\.0\.serverUserId/)
    expect(() => parseScenario({ name: 'x', metadataServers: {}, daemons: [] })).toThrow(/daemons/)
    expect(() => loadScenario('no-such-scenario')).toThrow(/Unknown scenario "no-such-scenario" \(built in: coco-pharma/)
    expect(() => loadScenario('../etc/passwd')).toThrow(/does not exist/)
    const dir = tempDir('scenario-')
    writeFileSync(join(dir, 'broken.json'), '{"name":')
    expect(() => loadScenario(join(dir, 'broken.json'))).toThrow(/is not valid JSON/)
  })

  it('refuses a scenario on a release it is not meant for', async () => {
    await expect(startSimulator({ scenario: 'secured-quickstart', egeria: 4 })).rejects.toThrow('Scenario secured-quickstart is meant for Egeria 6, not 4')
  })

  it('patches the world: metadata servers must exist, new resources get an inferred kind', () => {
    const world = worldFromScenario(loadScenario('coco-pharma'))
    applyWorldPatch(world, { resources: { 'pg.example:5432': { available: false }, 'events.topic': {}, 'data/new': { available: true } } })
    expect(world.resources['pg.example:5432']).toEqual({ kind: 'endpoint', available: false })
    expect(world.resources['events.topic']).toEqual({ kind: 'topic', available: true })
    expect(world.resources['data/new']).toEqual({ kind: 'directory', available: true })
    expect(() => applyWorldPatch(world, { metadataServers: { cocoMDS9: { available: true } } })).toThrow(/no such metadata server/)
    expect(() => applyWorldPatch(world, { faults: [{ kind: 'explode' }] })).toThrow(/faults\.0\.kind/)
  })
})
