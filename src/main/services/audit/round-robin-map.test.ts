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

  it('finds a key in order without the map: the one after the last found, or the last again, and nothing else', () => {
    const map = new RoundRobinMap<number>()
    for (const [index, name] of ['a', 'b', 'c'].entries()) map.set(name, index)
    expect(map.getInOrder('a')).toBeUndefined() // nothing has come after c yet
    map.get('a')
    expect(map.getInOrder('b')).toBe(1)
    expect(map.getInOrder('b')).toBe(1)
    expect(map.getInOrder('c')).toBe(2)
    expect(map.getInOrder('a')).toBe(0)
    expect(map.getInOrder('c')).toBeUndefined()
    expect(map.get('c')).toBe(2)
  })
})
