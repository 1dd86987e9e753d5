/**
 * Reads Java class files without a JVM (class-file format: JVM spec §4): what a class's methods load, in order
 * (string constants and static fields: for the static initialiser of Egeria's message enums, each constant's ID,
 * severity and texts), a class's shape (superclass, instance fields, enum constants: Egeria's REST beans) and a
 * Spring controller's routes (from its mapping annotations).
 */

/** Bytes each constant-pool entry takes after its tag, for the fixed-size kinds. */
const poolSizes = { 3: 4, 4: 4, 5: 8, 6: 8, 7: 2, 8: 2, 9: 4, 10: 4, 11: 4, 12: 4, 15: 3, 16: 2, 17: 4, 18: 4, 19: 2, 20: 2 }

/** Instruction length by opcode where it is fixed and not 1 (the switches and `wide` vary: instructionLength). */
const instructionLengths = new Map([
  [0x10, 2], [0x11, 3], [0x12, 2], [0x13, 3], [0x14, 3], [0x84, 3], [0xa9, 2], [0xbc, 2], [0xc5, 4], [0xc8, 5], [0xc9, 5],
  ...[0x15, 0x16, 0x17, 0x18, 0x19, 0x36, 0x37, 0x38, 0x39, 0x3a].map((op) => [op, 2]),
  ...Array.from({ length: 0xa8 - 0x99 + 1 }, (_, i) => [0x99 + i, 3]),
  ...[0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xbb, 0xbd, 0xc0, 0xc1, 0xc6, 0xc7].map((op) => [op, 3]),
  [0xb9, 5], [0xba, 5]
])

/** The constant pool, the class's own name and superclass, its fields and its methods' code. */
function parseClass(bytes) {
  if (bytes.readUInt32BE(0) !== 0xcafebabe) throw new Error('not a Java class file')
  const pool = []
  const count = bytes.readUInt16BE(8)
  let offset = 10
  for (let index = 1; index < count; index++) {
    const tag = bytes[offset]
    if (tag === 1) {
      const length = bytes.readUInt16BE(offset + 1)
      pool[index] = { tag, text: bytes.toString('utf8', offset + 3, offset + 3 + length) }
      offset += 3 + length
    } else if (tag in poolSizes) {
      pool[index] = { tag, a: bytes.readUInt16BE(offset + 1), b: poolSizes[tag] >= 4 ? bytes.readUInt16BE(offset + 3) : 0 }
      offset += 1 + poolSizes[tag]
      if (tag === 5 || tag === 6) index++ // Long and Double take two slots
    } else {
      throw new Error(`unknown constant-pool tag ${tag} at entry ${index}`)
    }
  }
  const utf8 = (index) => pool[index]?.text ?? ''
  const className = (index) => (index === 0 ? undefined : utf8(pool[index].a))

  const name = className(bytes.readUInt16BE(offset + 2))
  const superName = className(bytes.readUInt16BE(offset + 4))
  offset += 6
  offset += 2 + 2 * bytes.readUInt16BE(offset) // interfaces
  const readAttributes = (owner) => {
    const attributes = bytes.readUInt16BE(offset)
    offset += 2
    for (let a = 0; a < attributes; a++) {
      const length = bytes.readUInt32BE(offset + 2)
      const attribute = utf8(bytes.readUInt16BE(offset))
      if (attribute === 'Code') owner.code = bytes.subarray(offset + 14, offset + 14 + bytes.readUInt32BE(offset + 10))
      if (attribute === 'Signature') owner.signature = utf8(bytes.readUInt16BE(offset + 6))
      if (attribute === 'RuntimeVisibleAnnotations') owner.annotations = readAnnotations(bytes, offset + 6, utf8)
      offset += 6 + length
    }
  }
  const readMembers = () => {
    const members = []
    const memberCount = bytes.readUInt16BE(offset)
    offset += 2
    for (let m = 0; m < memberCount; m++) {
      const member = { access: bytes.readUInt16BE(offset), name: utf8(bytes.readUInt16BE(offset + 2)), descriptor: utf8(bytes.readUInt16BE(offset + 4)) }
      offset += 6
      readAttributes(member)
      members.push(member)
    }
    return members
  }
  const fields = readMembers()
  const methods = readMembers()
  const own = {}
  readAttributes(own)
  return { pool, name, superName, fields, methods, annotations: own.annotations ?? [] }
}

/** RuntimeVisibleAnnotations (§4.7.16): each annotation's type (`a/b/C`) and its element values. */
function readAnnotations(bytes, start, utf8) {
  let offset = start
  const value = () => {
    const tag = String.fromCharCode(bytes[offset])
    offset += 1
    if (tag === '[') {
      const count = bytes.readUInt16BE(offset)
      offset += 2
      return Array.from({ length: count }, value)
    }
    if (tag === '@') return annotation()
    if (tag === 'e') {
      offset += 4
      return utf8(bytes.readUInt16BE(offset - 2)) // the enum constant's name
    }
    offset += 2
    return tag === 's' ? utf8(bytes.readUInt16BE(offset - 2)) : undefined // other constants are not needed here
  }
  const annotation = () => {
    const type = utf8(bytes.readUInt16BE(offset)).slice(1, -1)
    const pairs = bytes.readUInt16BE(offset + 2)
    offset += 4
    const values = {}
    for (let p = 0; p < pairs; p++) {
      const name = utf8(bytes.readUInt16BE(offset))
      offset += 2
      values[name] = value()
    }
    return { type, values }
  }
  const count = bytes.readUInt16BE(offset)
  offset += 2
  return Array.from({ length: count }, annotation)
}

const mappingVerbs = { GetMapping: 'GET', PostMapping: 'POST', DeleteMapping: 'DELETE', PutMapping: 'PUT', PatchMapping: 'PATCH' }

/**
 * The HTTP routes a Spring controller class declares: `VERB /class/prefix/method/path` for each mapped method.
 * @param {Buffer} bytes a .class file
 * @returns {string[]}
 */
export function springRoutes(bytes) {
  const { annotations, methods } = parseClass(bytes)
  const pathsOf = (values) => [values.value, values.path].flat().filter((path) => typeof path === 'string')
  const classMapping = annotations.find((annotation) => annotation.type.endsWith('/RequestMapping'))
  const prefixes = classMapping ? pathsOf(classMapping.values) : ['']
  return methods.flatMap((method) =>
    (method.annotations ?? []).flatMap((annotation) => {
      const simple = annotation.type.split('/').pop()
      const verbs = mappingVerbs[simple] ? [mappingVerbs[simple]] : simple === 'RequestMapping' ? [annotation.values.method ?? []].flat() : []
      const suffixes = pathsOf(annotation.values)
      return verbs.flatMap((verb) => prefixes.flatMap((prefix) => (suffixes.length > 0 ? suffixes : ['']).map((suffix) => `${verb} ${prefix}${suffix}`)))
    })
  )
}

const ACC_STATIC = 0x0008
const ACC_ENUM = 0x4000

/**
 * @param {Buffer} bytes a .class file
 * @param {string} [methodName] one method (e.g. `<clinit>`); all methods in class-file order when left out
 * @returns {({ kind: 'string', value: string } | { kind: 'field', owner: string, name: string })[]}
 */
export function codeLoads(bytes, methodName) {
  const { pool, methods } = parseClass(bytes)
  return methods
    .filter((method) => method.code && (methodName === undefined || method.name === methodName))
    .flatMap(({ name, code }) => instructionLoads(pool, code, name))
}

const primitiveNames = { B: 'byte', C: 'char', D: 'double', F: 'float', I: 'int', J: 'long', S: 'short', Z: 'boolean', V: 'void' }

/**
 * `J` → long, `Ljava/util/Date;` → Date, `[Ljava/lang/String;` → String[], and with a generic signature
 * `Ljava/util/List<Lx/Report;>;` → List<Report> (simple names).
 */
function javaTypeName(descriptor, signature) {
  if (signature?.includes('<')) {
    return signature.replace(/L([\w/$]+)/g, (_, name) => name.split('/').pop()).replace(/;>/g, '>').replace(/;$/, '').replace(/;/g, ', ')
  }
  if (descriptor.startsWith('[')) return `${javaTypeName(descriptor.slice(1))}[]`
  if (descriptor.startsWith('L')) return descriptor.slice(1, -1).split('/').pop()
  return primitiveNames[descriptor] ?? descriptor
}

/**
 * A class's shape as a JSON bean: its name and superclass (`a/b/C`), its instance fields in declaration order
 * with their types' simple names and, for an enum, its constants.
 * @param {Buffer} bytes a .class file
 */
export function classShape(bytes) {
  const { name, superName, fields } = parseClass(bytes)
  const enumConstants = fields.filter((field) => field.access & ACC_ENUM).map((field) => field.name)
  return {
    name,
    superName,
    fields: Object.fromEntries(fields.filter((field) => !(field.access & ACC_STATIC)).map((field) => [field.name, javaTypeName(field.descriptor, field.signature)])),
    ...(enumConstants.length > 0 ? { enumConstants } : {})
  }
}

function instructionLoads(pool, code, methodName) {
  const utf8 = (index) => pool[index]?.text ?? ''
  const loads = []
  let pc = 0
  while (pc < code.length) {
    const op = code[pc]
    if (op === 0x12 || op === 0x13) {
      const constant = pool[op === 0x12 ? code[pc + 1] : code.readUInt16BE(pc + 1)]
      if (constant?.tag === 8) loads.push({ kind: 'string', value: utf8(constant.a) })
    } else if (op === 0xb2) {
      const field = pool[code.readUInt16BE(pc + 1)]
      loads.push({ kind: 'field', owner: utf8(pool[field.a].a), name: utf8(pool[field.b].a) }) // Fieldref → Class, NameAndType
    }
    pc += instructionLength(code, pc)
  }
  if (pc !== code.length) throw new Error(`instructions of ${methodName} overrun its code`)
  return loads
}

function instructionLength(code, pc) {
  const op = code[pc]
  const padded = pc + 1 + ((4 - ((pc + 1) % 4)) % 4) // switch operands start 4-byte aligned
  if (op === 0xaa) return padded - pc + 12 + 4 * (code.readInt32BE(padded + 8) - code.readInt32BE(padded + 4) + 1) // tableswitch
  if (op === 0xab) return padded - pc + 8 + 8 * code.readInt32BE(padded + 4) // lookupswitch
  if (op === 0xc4) return code[pc + 1] === 0x84 ? 6 : 4 // wide
  return instructionLengths.get(op) ?? 1
}
