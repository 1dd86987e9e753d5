/** Times as the app shows them everywhere: the 24-hour clock, with the date when it matters. */
const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false })
const dateAndClock = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium', hour12: false })

/** "14:03:27". */
export function clockTime(at: string | number): string {
  return clock.format(typeof at === 'string' ? Date.parse(at) : at)
}

/** "2 Dec 2026, 14:03:27". */
export function dateTime(at: string | number): string {
  return dateAndClock.format(typeof at === 'string' ? Date.parse(at) : at)
}
