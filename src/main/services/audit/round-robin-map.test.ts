import { describe, expect, it } from 'vitest'
import { RoundRobinMap } from './round-robin-map'

describe('RoundRobinMap', () => {
  it('finds every key, whatever the order it is asked in', () => {
    const map = new RoundRobinMap<number>()
    const names = ['alpha', 'beta', 'gamma', 'delta']
    names.forEach((name, index) => map.set(name, index))
    for (const order of [names, [...names].reverse(), ['gamma', 'alpha', 'gamma', 'delta', 'beta', 'beta']]) {
      for (const name of order) expect(map.get(name)).toBe(names.indexOf(name))
    }
    expect(map.get('epsilon')).toBeUndefined()
    expect(map.size).toBe(4)
  })

  it('matches keys by their text, not by the string object (fresh slices of a log line)', () => {
    const map = new RoundRobinMap<string>()
    const line = 'connector JdbcCatalogue1 connector JdbcCatalogue2'
    map.set('JdbcCatalogue1', 'one')
    map.set('JdbcCatalogue2', 'two')
    for (let round = 0; round < 3; round++) {
      expect(map.get(line.slice(10, 24))).toBe('one')
      expect(map.get(line.slice(35))).toBe('two')
    }
  })

  it('setting a known key changes its value, also where the order predicts it', () => {
    const map = new RoundRobinMap<number>()
    map.set('a', 1)
    map.set('b', 2)
    map.get('a')
    map.get('b')
    map.get('a')
    map.set('b', 3)
    expect(map.get('b')).toBe(3)
    expect(map.size).toBe(2)
  })
})
