/**
 * A `RendererApi` for renderer component tests: every method is a spy answering `{ ok: true }`
 * unless a test gives it a value, and push events can be emitted by hand.
 */
import { vi, type Mock } from 'vitest'
import type { AppEvents, RendererApi } from '../../src/shared/api'
import { channels, eventChannels } from '../../src/shared/channels'

export interface FakeRendererApi {
  api: RendererApi
  method(namespace: string, method: string): Mock
  /** Sets what a method answers (as a successful Result). */
  answer(namespace: string, method: string, value: unknown): void
  emit<N extends keyof AppEvents, E extends keyof AppEvents[N]>(namespace: N, event: E, payload: AppEvents[N][E]): void
}

export function createFakeRendererApi(): FakeRendererApi {
  const api: Record<string, Record<string, unknown>> = { events: {} }
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  for (const { namespace, method } of channels) {
    api[namespace] ??= {}
    api[namespace][method] = vi.fn(async () => ({ ok: true, value: undefined }))
  }
  const events = api.events as Record<string, Record<string, unknown>>
  for (const { namespace, event, channel } of eventChannels) {
    events[namespace] ??= {}
    events[namespace][event] = (listener: (payload: unknown) => void) => {
      const set = listeners.get(channel) ?? new Set()
      listeners.set(channel, set)
      set.add(listener)
      return () => set.delete(listener)
    }
  }
  return {
    api: api as unknown as RendererApi,
    method: (namespace, method) => api[namespace]![method] as Mock,
    answer: (namespace, method, value) => (api[namespace]![method] as Mock).mockImplementation(async () => ({ ok: true, value })),
    emit: (namespace, event, payload) => {
      for (const listener of listeners.get(`${String(namespace)}:${String(event)}`) ?? []) listener(payload)
    }
  }
}
