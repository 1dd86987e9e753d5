/**
 * The last records that went to the findings, to recognise one record written by two destinations
 * (console and SLF4J): copies share the record's GUID or, without one, its server, message ID, second and
 * text. The parts are compared as they are, so no long key joining them is built and hashed per record.
 */
import type { AuditRecord } from '../../../shared/models/audit'
import { internString } from './record-parser'

interface Identity {
  server: string | undefined
  messageId: string | undefined
  second: string
  text: string
}

export class RecentRecords {
  /** Oldest first from `oldest`, as a ring once full. */
  private readonly window: (string | Identity)[] = []
  private oldest = 0
  private readonly guids = new Set<string>()
  private readonly byText = new Map<string, Identity[]>()
  /** The last time asked about and its second, interned: a text repeated every cycle has many seconds to compare, each then by reference. */
  private lastTime: string | undefined
  private lastSecond = ''

  constructor(private readonly capacity: number) {}

  /**
   * Whether the record is one of the recent ones; if not, it becomes the newest. `text` is the record's
   * text as a string the caller keeps (a slice of the log would hold its whole chunk in memory).
   */
  seen(record: AuditRecord, text: string): boolean {
    const guid = record.guid
    if (guid !== undefined) {
      if (this.guids.has(guid)) return true
      this.guids.add(guid)
      this.remember(guid)
      return false
    }
    const second = this.secondOf(record.time)
    const same = this.byText.get(text)
    if (same) {
      for (const known of same) if (known.server === record.server && known.messageId === record.messageId && known.second === second) return true
    }
    const identity: Identity = { server: record.server, messageId: record.messageId, second, text }
    if (same) same.push(identity)
    else this.byText.set(text, [identity])
    this.remember(identity)
    return false
  }

  private secondOf(time: string | undefined): string {
    // Lines of one second share their time: one slice and copy per second of log.
    if (time !== this.lastTime) {
      this.lastTime = time
      this.lastSecond = internString(time?.slice(0, 19) ?? '')
    }
    return this.lastSecond
  }

  private remember(entry: string | Identity): void {
    if (this.window.length < this.capacity) {
      this.window.push(entry)
      return
    }
    this.forget(this.window[this.oldest]!)
    this.window[this.oldest] = entry
    this.oldest = (this.oldest + 1) % this.capacity
  }

  private forget(entry: string | Identity): void {
    if (typeof entry === 'string') {
      this.guids.delete(entry)
      return
    }
    const same = this.byText.get(entry.text)!
    if (same.length === 1) this.byText.delete(entry.text)
    else same.splice(same.indexOf(entry), 1)
  }
}
