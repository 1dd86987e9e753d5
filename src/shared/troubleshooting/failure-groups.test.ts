import { describe, expect, it } from 'vitest'
import { connectorsSubject, fixThenRestart, ownFaultsKey } from './failure-groups'

describe('fixThenRestart', () => {
  it('adds the restart of the group\'s connectors after an action that does not restart them', () => {
    expect(fixThenRestart('Create the directory.', 2)).toBe('Create the directory. Once that is fixed, restart its 2 connectors.')
    expect(fixThenRestart('Fix the metadata server and restart it.', 1)).toBe('Fix the metadata server and restart it. Once that is fixed, restart its 1 connector.')
    expect(fixThenRestart('Start Kafka (or fix the bootstrap address), then restart the server.', 3)).toBe(
      'Start Kafka (or fix the bootstrap address), then restart the server. Once that is fixed, restart its 3 connectors.'
    )
  })

  it('folds the count into the action\'s own connector restart instead of saying the restart twice', () => {
    expect(fixThenRestart('Start the metadata server (or fix its name or platform URL), then restart the FAILED connectors.', 3)).toBe(
      'Start the metadata server (or fix its name or platform URL), then restart its 3 FAILED connectors.'
    )
    expect(fixThenRestart('Fix the path, then restart the connector.', 2)).toBe('Fix the path, then restart its 2 connectors.')
    expect(fixThenRestart('Classify the nested error; restart the connector once fixed.', 1)).toBe('Classify the nested error; restart its 1 connector once fixed.')
    // Only the first restart clause carries the count; the rest of the action is kept as it is.
    expect(fixThenRestart('Fix the cause, then restart the connector: a FAILED connector does not recover by itself.', 4)).toBe(
      'Fix the cause, then restart its 4 connectors: a FAILED connector does not recover by itself.'
    )
  })
})

describe('connectors failing the same way', () => {
  it('names the connectors of a shared fault, the first three then how many more', () => {
    expect(connectorsSubject(['A'])).toBe('A')
    expect(connectorsSubject(['A', 'B'])).toBe('A and B')
    expect(connectorsSubject(['A', 'B', 'C'])).toBe('A, B and C')
    expect(connectorsSubject(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C and 2 more')
  })

  it('gives connectors one cause only when all their faults are the same, in any order', () => {
    expect(ownFaultsKey(['x', 'y'])).toBe(ownFaultsKey(['y', 'x', 'y']))
    expect(ownFaultsKey(['x'])).not.toBe(ownFaultsKey(['x', 'y']))
  })
})
