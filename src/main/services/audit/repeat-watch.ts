/**
 * Whether a memo should remember what it has not seen: a failing connector repeats its text every retry,
 * but some texts name what is new each time (a GUID, a request), and remembering each of those only
 * makes work for the collector. After IN_A_ROW new entries with none seen again, one in KEPT is
 * remembered, until one is seen again.
 */
const IN_A_ROW = 1024
const KEPT = 64

export class RepeatWatch {
  private unrepeated = 0

  /** An entry was found: entries do come again. */
  repeated(): void {
    this.unrepeated = 0
  }

  /** An entry was not found: whether to remember it. */
  keepsNew(): boolean {
    return ++this.unrepeated <= IN_A_ROW || this.unrepeated % KEPT === 0
  }
}
