/** Text read in place: a decoded piece of a log and a range of it, compared without a string per line. */

/** Whether the line ending at `end` holds `expected` at `at`: a slice compared whole, faster than a loop or startsWith. */
export function holdsAt(text: string, at: number, end: number, expected: string): boolean {
  return end - at >= expected.length && text.slice(at, at + expected.length) === expected
}
