/**
 * Text from servers and logs on the terminal: control characters (C0 but newline and tab, DEL, C1)
 * are shown as `\u001b`-style escapes, so a hostile connector name or log line cannot move the
 * cursor, recolour, retitle or clear the terminal. The escape is also valid inside JSON strings.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g

export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
