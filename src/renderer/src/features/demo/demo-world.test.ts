import { describe, expect, it } from 'vitest'
import { worldProblems } from './demo-world'

describe('worldProblems', () => {
  it('names each metadata server that is down and counts the missing resources by kind', () => {
    expect(
      worldProblems({
        metadataServers: { cocoMDS1: { available: false }, cocoMDS2: { available: true } },
        resources: {
          'data/a': { kind: 'directory', available: false },
          'data/b': { kind: 'directory', available: false },
          'data/c': { kind: 'directory', available: true },
          'kafka:9092': { kind: 'endpoint', available: false },
          'topic.in': { kind: 'topic', available: true }
        },
        connectorConfigs: { DatabaseMonitor: { wrongType: true }, Corrected: { wrongType: false } }
      })
    ).toEqual(['metadata server cocoMDS1 down', '2 directories missing', '1 endpoint unreachable', '1 connector of the wrong type configured'])
  })

  it('has nothing to say when everything the connectors need is there', () => {
    expect(worldProblems({ metadataServers: { cocoMDS1: { available: true } }, resources: { 'data/a': { kind: 'directory', available: true } }, connectorConfigs: {} })).toEqual([])
  })
})
