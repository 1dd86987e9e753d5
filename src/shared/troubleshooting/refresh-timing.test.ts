import { describe, expect, it } from 'vitest'
import { refreshAdvice, refreshTiming } from './refresh-timing'

describe('refreshTiming', () => {
  it('waits for every restart still to come, the daemon’s first (it restarts its connectors too)', () => {
    expect(refreshTiming({ connectorRestartsLeft: true, daemonRestartLeft: true })).toBe('after-daemon-restart')
    expect(refreshTiming({ connectorRestartsLeft: false, daemonRestartLeft: true })).toBe('after-daemon-restart')
    expect(refreshTiming({ connectorRestartsLeft: true, daemonRestartLeft: false })).toBe('after-connector-restarts')
    expect(refreshTiming({ connectorRestartsLeft: false, daemonRestartLeft: false })).toBe('now')
    expect(refreshAdvice('after-daemon-restart')).toMatch(/after the daemon restart, not before/)
    expect(refreshAdvice('now')).toMatch(/^Refresh the recovered connectors next/)
  })
})
