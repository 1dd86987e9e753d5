import { describe, expect, it } from 'vitest'
import { channels, eventChannels, methodNames } from './channels'
import { argsSchemas } from './schemas'

describe('the contract tables', () => {
  it('name every channel namespace:method, once', () => {
    const names = channels.map((entry) => entry.channel)
    expect(new Set(names).size).toBe(names.length)
    for (const entry of channels) expect(entry.channel).toBe(`${entry.namespace}:${entry.method}`)
  })

  it('give every channel an argument schema and nothing else one', () => {
    const withSchemas = Object.entries(argsSchemas).flatMap(([ns, methods]) => Object.keys(methods).map((m) => `${ns}:${m}`))
    expect(withSchemas.sort()).toEqual(channels.map((entry) => entry.channel).sort())
    expect(Object.keys(methodNames).sort()).toEqual(Object.keys(argsSchemas).sort())
  })

  it('keep push events apart from invoke channels', () => {
    const invoke = new Set(channels.map((entry) => entry.channel))
    for (const event of eventChannels) expect(invoke.has(event.channel)).toBe(false)
  })
})
