/**
 * The string constants of a Java class file, in constant-pool order (JVM spec §4.4). Enough to read the
 * message texts of Egeria's error-code enums without a JVM.
 */

/** Bytes each constant-pool entry takes after its tag, for the fixed-size kinds. */
const fixedSizes = { 3: 4, 4: 4, 5: 8, 6: 8, 7: 2, 8: 2, 9: 4, 10: 4, 11: 4, 12: 4, 15: 3, 16: 2, 17: 4, 18: 4, 19: 2, 20: 2 }

/** @param {Buffer} bytes a .class file @returns {string[]} */
export function classStrings(bytes) {
  if (bytes.readUInt32BE(0) !== 0xcafebabe) throw new Error('not a Java class file')
  const count = bytes.readUInt16BE(8)
  const utf8 = new Map()
  const stringRefs = []
  let offset = 10
  for (let index = 1; index < count; index++) {
    const tag = bytes[offset]
    offset += 1
    if (tag === 1) {
      const length = bytes.readUInt16BE(offset)
      utf8.set(index, bytes.toString('utf8', offset + 2, offset + 2 + length))
      offset += 2 + length
    } else if (tag in fixedSizes) {
      if (tag === 8) stringRefs.push(bytes.readUInt16BE(offset))
      offset += fixedSizes[tag]
      // Long and Double take two pool slots.
      if (tag === 5 || tag === 6) index++
    } else {
      throw new Error(`unknown constant-pool tag ${tag} at entry ${index}`)
    }
  }
  return stringRefs.map((ref) => utf8.get(ref) ?? '')
}
