/**
 * Whether a memo should be asked at all: a failing connector repeats its text every retry, but some texts
 * name what is new each time (a GUID, a request), and for those every lookup hashes or compares a long
 * text in vain and every entry only makes work for the collector. After IN_A_ROW asked in a row with
 * none found, one in SAMPLED is asked (and remembered when missing), until one is found again: a text
 * that starts repeating is found again within about 2 × SAMPLED of its occurrences.
 */
const IN_A_ROW = 1024
const SAMPLED = 64

export class RepeatWatch {
  private unrepeated = 0

  /** Whether to look this entry up, and remember it if it is missing. */
  asks(): boolean {
    return ++this.unrepeated <= IN_A_ROW || this.unrepeated % SAMPLED === 0
  }

  /** An entry was found: entries do come again. */
  repeated(): void {
    this.unrepeated = 0
  }
}
