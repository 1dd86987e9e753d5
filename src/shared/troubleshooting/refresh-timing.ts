/**
 * When connectors that came back after a restart should be refreshed. A refresh is expensive and a
 * restart undoes it, so it comes once, after every restart still to come: the daemon's included, which
 * restarts its connectors too. One rule for the guidance bar and the Restart step.
 */
export type RefreshTiming = 'after-daemon-restart' | 'after-connector-restarts' | 'now'

export function refreshTiming({ connectorRestartsLeft, daemonRestartLeft }: { connectorRestartsLeft: boolean; daemonRestartLeft: boolean }): RefreshTiming {
  if (daemonRestartLeft) return 'after-daemon-restart'
  return connectorRestartsLeft ? 'after-connector-restarts' : 'now'
}

const ADVICE: Record<RefreshTiming, string> = {
  'after-daemon-restart': 'Refresh the recovered connectors after the daemon restart, not before: it restarts them too.',
  'after-connector-restarts': 'Refresh the recovered connectors once the restarts are done: they may have missed changes during the outage.',
  now: 'Refresh the recovered connectors next: they may have missed changes during the outage.'
}

/** The advice for recovered connectors, in one sentence. */
export function refreshAdvice(timing: RefreshTiming): string {
  return ADVICE[timing]
}
