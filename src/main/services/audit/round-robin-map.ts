/**
 * A string-keyed map for long keys asked for in the same order again and again: the texts of connectors
 * failing in turn at every retry. The key asked for is a fresh slice of the log, so a Map would hash all
 * of it on every lookup; here the entry after the last one found is tried first (then the last one
 * again), with a string compare each (a fraction of the hash's cost on a long text), and the Map only
 * when the order changes.
 */
interface Slot<V> {
  key: string
  value: V
  /** The entry asked for after this one last time. */
  next?: Slot<V>
}

export class RoundRobinMap<V> {
  private readonly slots = new Map<string, Slot<V>>()
  private last: Slot<V> | undefined

  get size(): number {
    return this.slots.size
  }

  get(key: string): V | undefined {
    const last = this.last
    let slot: Slot<V> | undefined
    if (last?.next?.key === key) slot = last.next
    else if (last?.key === key) slot = last
    else slot = this.slots.get(key)
    if (slot === undefined) return undefined
    if (last !== undefined && last !== slot) last.next = slot
    this.last = slot
    return slot.value
  }

  /** The key's value when it comes in the order asked for before (no hash made), else undefined. */
  getInOrder(key: string): V | undefined {
    const last = this.last
    const next = last?.next
    if (next?.key === key) {
      this.last = next
      return next.value
    }
    return last?.key === key ? last.value : undefined
  }

  /** Sets a key's value; a new key goes in the order as the one after the last one found. */
  set(key: string, value: V): void {
    const known = this.slots.get(key)
    if (known) {
      known.value = value
      return
    }
    const slot: Slot<V> = { key, value }
    this.slots.set(key, slot)
    if (this.last) this.last.next = slot
    this.last = slot
  }
}
