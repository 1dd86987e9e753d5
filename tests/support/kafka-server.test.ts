import { describe, expect, it } from 'vitest'
import { kafkaClusterId } from './kafka-server'

describe('kafkaClusterId', () => {
  it('makes 16-byte base64url IDs that the storage tool cannot take for an option', () => {
    // A plain random ID starts with '-' once in 64: ten thousand of them would show it.
    const ids = Array.from({ length: 10_000 }, kafkaClusterId)
    expect(ids.filter((id) => id.startsWith('-'))).toEqual([])
    expect(ids.every((id) => /^[A-Za-z0-9_-]{22}$/.test(id) && Buffer.from(id, 'base64url').length === 16)).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
