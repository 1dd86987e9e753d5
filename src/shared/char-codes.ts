/** ASCII character classes by char code, for scans that read a text in place (charCodeAt past its end gives NaN, in no class). */

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

export function isCapital(code: number): boolean {
  return code >= 65 && code <= 90
}

/** `\w`: letters, digits and `_`. */
export function isWordChar(code: number): boolean {
  return isCapital(code) || (code >= 97 && code <= 122) || isDigit(code) || code === 95
}

export function isHexDigit(code: number): boolean {
  return isDigit(code) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70)
}
