/**
 * The last records that went to the findings, to recognise one record written by two destinations
 * (console and SLF4J): copies share the record's GUID or, without one, its server, message ID, second and
 * text. The parts are compared as they are, so no long key joining them is built and hashed per record.
 */
import type { AuditRecord } from '../../../shared/models/audit'
import { ownCopy } from './own-string'

interface Identity {
  server: string | undefined
  messageId: string | undefined
  second: string
  /** A number made from `second`: seconds differ far more often than they match, and numbers compare at once. */
  secondCode: number
  text: string
}

export class RecentRecords {
  /** Oldest first from `oldest`, as a ring once full. */
  private readonly window: (string | Identity)[] = []
  private oldest = 0
  private readonly guids = new Set<string>()
  private readonly byText = new Map<string, Identity[]>()
  /** The last time asked about, its second and the second's code: lines of one second share their time. */
  private lastTime: string | undefined
  private lastSecond = ''
  private lastSecondCode = 0

  constructor(private readonly capacity: number) {}

  /**
   * Whether the record is one of the recent ones; if not, it becomes the newest. `keptText` is the record's
   * text as a string the caller keeps, when it has one (its hash is then worked out once); else the text is
   * copied when it is kept (a slice of the log would hold its whole decoded piece in memory).
   */
  seen(record: AuditRecord, keptText?: string): boolean {
    const guid = record.guid
    if (guid !== undefined) {
      if (this.guids.has(guid)) return true
      // A copy of its own: a slice of the log would keep its whole decoded piece alive as long as the window.
      const kept = ownCopy(guid)
      this.guids.add(kept)
      this.remember(kept)
      return false
    }
    this.readSecond(record.time)
    const second = this.lastSecond
    const secondCode = this.lastSecondCode
    const text = keptText ?? record.text
    const same = this.byText.get(text)
    if (same) {
      for (const known of same) {
        if (known.secondCode === secondCode && known.second === second && known.server === record.server && known.messageId === record.messageId) return true
      }
    }
    // The copies of one text share their first's.
    const kept = same ? same[0]!.text : (keptText ?? ownCopy(text))
    const identity: Identity = { server: record.server, messageId: record.messageId, second, secondCode, text: kept }
    if (same) same.push(identity)
    else this.byText.set(identity.text, [identity])
    this.remember(identity)
    return false
  }

  private readSecond(time: string | undefined): void {
    if (time === this.lastTime) return
    this.lastTime = time
    const second = time?.slice(0, 19) ?? ''
    let code = 0
    for (let index = 0; index < second.length; index++) code = (code * 31 + second.charCodeAt(index)) | 0
    this.lastSecond = second
    this.lastSecondCode = code
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
