/**
 * Turns `daemon.snapshot` events into short sentences for screen-reader users: a few changes are
 * named one by one, many are counted ("3 connectors recovered"), and snapshots arriving close
 * together are merged, so a busy daemon never floods the live region.
 */
import type { StatusSnapshot } from '../../../shared/models/daemon'
import { isFailedStatus, isHealthyStatus } from '../../../shared/models/daemon'
import { counted } from '../../../shared/counted'

/** More changes than this in one announcement are counted instead of named. */
export const MAX_NAMED_CHANGES = 3

export interface StatusChange {
  connectionId: string
  name: string
  from?: string
  /** Undefined: the connector is no longer reported. */
  to?: string
  /** The failing message ID after the change, when there is one. */
  messageId?: string
  /** The status stayed, the failing message ID changed: a different error. */
  newError?: boolean
}

/** Remembers the last status per connector of each connection, so a change can say where it came from. */
export class StatusMemory {
  private readonly known = new Map<string, Map<string, { status: string; messageId?: string }>>()
  private readonly errors = new Map<string, string>()

  /** The changes this snapshot brings, and a read error when it is new. */
  apply(snapshot: StatusSnapshot): { changes: StatusChange[]; error?: string } {
    if (snapshot.error) {
      const fresh = this.errors.get(snapshot.connectionId) !== snapshot.error
      this.errors.set(snapshot.connectionId, snapshot.error)
      return { changes: [], ...(fresh ? { error: snapshot.error } : {}) }
    }
    this.errors.delete(snapshot.connectionId)
    if (!snapshot.status) return { changes: [] }
    const previous = this.known.get(snapshot.connectionId)
    const current = new Map(snapshot.status.connectors.map((connector) => [connector.name, { status: connector.status, messageId: connector.failingMessageId }]))
    this.known.set(snapshot.connectionId, current)
    // The first look at a connection is a baseline, not news.
    if (!previous) return { changes: [] }
    return {
      changes: snapshot.changed.flatMap((name): StatusChange[] => {
        const before = previous.get(name)
        const after = current.get(name)
        const newError = before !== undefined && after !== undefined && before.status === after.status && before.messageId !== after.messageId && isFailedStatus(after.status)
        if (before?.status === after?.status && !newError) return []
        return [{ connectionId: snapshot.connectionId, name, from: before?.status, to: after?.status, ...(after?.messageId ? { messageId: after.messageId } : {}), ...(newError ? { newError } : {}) }]
      })
    }
  }
}

function sentenceFor(change: StatusChange): string {
  if (change.newError) return `${change.name} is still ${change.to}, now with ${change.messageId ?? 'a different error'}`
  if (change.to === undefined) return `${change.name} is no longer reported`
  if (isHealthyStatus(change.to) && change.from !== undefined && isFailedStatus(change.from)) return `${change.name} recovered and is ${change.to}`
  return `${change.name} is now ${change.to}`
}


/** One announcement for a batch of changes; `where` names the daemon when it is not the one on screen. */
export function summariseChanges(changes: StatusChange[], where?: string): string | undefined {
  // A connector that changed twice in the batch is announced once, as it ends.
  const latest = new Map<string, StatusChange>()
  for (const change of changes) {
    const key = `${change.connectionId}\u0000${change.name}`
    const earlier = latest.get(key)
    latest.set(key, earlier ? { ...change, from: earlier.from, newError: change.newError || (earlier.newError && change.from === change.to) } : change)
  }
  const settled = [...latest.values()].filter((change) => change.from !== change.to || change.newError)
  if (settled.length === 0) return undefined
  const prefix = where ? `${where}: ` : ''
  if (settled.length <= MAX_NAMED_CHANGES) return `${prefix}${settled.map(sentenceFor).join('. ')}.`
  const recovered = settled.filter((change) => change.to !== undefined && isHealthyStatus(change.to) && change.from !== undefined && isFailedStatus(change.from)).length
  const failing = settled.filter((change) => change.to !== undefined && isFailedStatus(change.to)).length
  const other = settled.length - recovered - failing
  const parts = [
    recovered ? `${counted(recovered, 'connector')} recovered` : '',
    failing ? `${counted(failing, 'connector')} now failing` : '',
    other ? `${counted(other, 'connector')} changed status` : ''
  ].filter(Boolean)
  return `${prefix}${parts.join(', ')}.`
}
