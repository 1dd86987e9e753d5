#!/usr/bin/env node
/**
 * Reads real Egeria releases' message catalogues (error codes and audit codes) out of their published jars.
 *
 *   npm run egeria:catalogue -- --egeria 4.2     writes tests/fixtures/real-egeria/4.2/message-catalogue.json
 *   npm run test:real-egeria                     checks the committed catalogues against the jars (CI)
 *
 * Maven copies the jars named in egeria/real/catalogue/pom.xml into ~/.cache/daemon-doctor/egeria/<release>/catalogue;
 * each *ErrorCode / *AuditCode enum's class file gives every message ID with its text (and an audit code's
 * severity, an error code's actions), the daemon's and the FFDC envelopes' REST beans give their field names and
 * enum values, and 4.2's platform and admin services give the platform origin text and their REST routes. The simulator's conformance test and the knowledge base's test read the fixtures without Java.
 * A download failure fails the run, with Maven's own words. --check ends with `N passed, N failed` (one per
 * release) and, with --report FILE, writes those counts as JSON (the shape of Vitest's report summary).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isDeepStrictEqual, parseArgs } from 'node:util'
import { classShape, codeLoads, springRoutes } from './egeria/class-file.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({
  options: {
    egeria: { type: 'string', multiple: true, default: ['3.4', '4.2'] },
    check: { type: 'boolean', default: false },
    report: { type: 'string' }
  }
})
for (const release of values.egeria) {
  if (!/^\d+\.\d+(\.\d+)?$/.test(release)) {
    console.error(`--egeria takes a release number such as 4.2 (got "${release}")`)
    process.exit(2)
  }
}

/** A message ID as Egeria writes them: FAMILY-…-0001 (audit) or FAMILY-…-404-001 (error). */
const messageId = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*-(\d{4}|\d{3}-\d{3})$/

/** Copies the release's jars into the cache; returns their folder, or throws with Maven's error lines. */
function fetchJars(release) {
  const jarDir = join(homedir(), '.cache', 'daemon-doctor', 'egeria', release, 'catalogue')
  const maven = spawnSync(
    'mvn',
    [
      '-B', '-q', '-f', join(root, 'egeria/real/catalogue/pom.xml'), `-Degeria.version=${release}`,
      'org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies',
      '-DexcludeTransitive=true', `-DoutputDirectory=${jarDir}`
    ],
    { encoding: 'utf8' }
  )
  if (maven.error || maven.status !== 0) {
    const errors = `${maven.stdout}${maven.stderr}`.replace(/\x1b\[[0-9;]*m/g, '').split('\n').filter((line) => /^\[ERROR\] \S/.test(line))
    const said = maven.error ? String(maven.error) : errors.slice(0, 2).join('\n')
    throw new Error(`Maven could not fetch Egeria ${release}'s catalogue jars:\n${said}`)
  }
  return jarDir
}

function readCatalogue(release, jarDir) {
  const messages = {}
  const shapes = {}
  const routes = new Set()
  let platformOrigin
  for (const jar of readdirSync(jarDir).filter((name) => name.endsWith(`-${release}.jar`)).sort()) {
    const path = join(jarDir, jar)
    const listing = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' }).split('\n')
    // The REST beans of the daemon's status and of every FFDC envelope: field names and enum values.
    for (const entry of listing.filter((name) => /\/(integrationdaemonservices\/properties|integrationdaemonservices\/rest|ffdc\/rest)\/\w+\.class$/.test(name))) {
      const shape = classShape(execFileSync('unzip', ['-p', path, entry]))
      const simpleName = (name) => name?.split('/').pop()
      shapes[simpleName(shape.name)] = { superclass: simpleName(shape.superName), fields: shape.fields, ...(shape.enumConstants ? { enumConstants: shape.enumConstants } : {}) }
    }
    if (/-services-spring-/.test(jar)) {
      for (const entry of listing.filter((name) => name.endsWith('Resource.class'))) {
        for (const route of springRoutes(execFileSync('unzip', ['-p', path, entry]))) routes.add(route)
      }
    }
    const originClass = listing.find((name) => name.endsWith('/OMAGServerPlatformOriginServices.class'))
    if (originClass) {
      const loads = codeLoads(execFileSync('unzip', ['-p', path, originClass]))
      platformOrigin = loads.find((load) => load.kind === 'string' && load.value.startsWith('Egeria OMAG Server Platform'))?.value
    }
    for (const entry of listing.filter((name) => /(ErrorCode|AuditCode)\.class$/.test(name))) {
      const loads = codeLoads(execFileSync('unzip', ['-p', path, entry], { maxBuffer: 16 * 1024 * 1024 }), '<clinit>')
      // Each enum constant's constructor call loads its ID, then (audit codes) its severity, then its text.
      for (let i = 0; i < loads.length; i++) {
        const load = loads[i]
        if (load.kind !== 'string' || !messageId.test(load.value)) continue
        const textAt = loads.findIndex((next, j) => j > i && next.kind === 'string')
        if (textAt < 0 || messageId.test(loads[textAt].value)) continue
        const text = loads[textAt].value
        const earlier = messages[load.value]
        if (earlier) {
          // Egeria reuses an ID for two constants now and then; keep every wording.
          if (earlier.text !== text) earlier.otherTexts = [...(earlier.otherTexts ?? []), text]
          continue
        }
        const severity = loads.slice(i + 1, textAt).find((between) => between.kind === 'field' && between.owner.includes('Severity'))
        // An error code's REST envelope also carries its system and user action: the next two strings (prose,
        // unlike the next constant's name).
        const [systemAction, userAction] = loads.slice(textAt + 1).filter((next) => next.kind === 'string').slice(0, 2).map((next) => next.value)
        const actions = !severity && / /.test(systemAction ?? '') && / /.test(userAction ?? '') ? { systemAction, userAction } : {}
        messages[load.value] = {
          text,
          ...(severity ? { severity: severity.name } : {}),
          ...actions,
          source: `${jar.replace(`-${release}.jar`, '')}:${entry.split('/').pop().replace('.class', '')}`
        }
      }
    }
  }
  if (Object.keys(messages).length === 0) throw new Error(`No messages found in ${jarDir}`)
  const sorted = Object.fromEntries(Object.entries(messages).sort(([a], [b]) => a.localeCompare(b)))
  return { egeria: release, from: 'Maven Central jars of egeria/real/catalogue/pom.xml', ...(platformOrigin ? { platformOrigin } : {}), ...(routes.size > 0 ? { routes: [...routes].sort() } : {}), shapes: Object.fromEntries(Object.entries(shapes).sort(([a], [b]) => a.localeCompare(b))), messages: sorted }
}

let passed = 0
let failed = 0
for (const release of values.egeria) {
  const fixture = join(root, 'tests/fixtures/real-egeria', release, 'message-catalogue.json')
  try {
    const catalogue = readCatalogue(release, fetchJars(release))
    const count = Object.keys(catalogue.messages).length
    if (!values.check) {
      mkdirSync(dirname(fixture), { recursive: true })
      writeFileSync(fixture, `${JSON.stringify(catalogue, null, 1)}\n`)
      console.log(`${count} messages of Egeria ${release} → ${fixture}`)
      continue
    }
    const committed = existsSync(fixture) ? JSON.parse(readFileSync(fixture, 'utf8')) : undefined
    if (!committed) throw new Error(`no committed catalogue at ${fixture}`)
    const changed = [...new Set([...Object.keys(catalogue.messages), ...Object.keys(committed.messages)])].filter(
      (id) => !isDeepStrictEqual(catalogue.messages[id], committed.messages[id])
    )
    if (changed.length > 0) throw new Error(`${changed.length} messages differ from the committed catalogue, e.g. ${changed.slice(0, 5).join(', ')}`)
    if (!isDeepStrictEqual(catalogue.shapes, committed.shapes)) throw new Error('the REST bean shapes differ from the committed ones')
    if (!isDeepStrictEqual(catalogue.routes, committed.routes)) throw new Error('the REST routes differ from the committed ones')
    if (catalogue.platformOrigin !== committed.platformOrigin) throw new Error(`the platform origin differs: ${JSON.stringify(catalogue.platformOrigin)}`)
    console.log(`ok: Egeria ${release}'s jars give the committed catalogue (${count} messages)`)
    passed++
  } catch (error) {
    console.error(`FAILED: Egeria ${release}: ${error instanceof Error ? error.message : String(error)}`)
    failed++
  }
}
if (values.check) {
  console.log(`${passed} passed, ${failed} failed`)
  if (values.report) {
    mkdirSync(dirname(join(root, values.report)), { recursive: true })
    writeFileSync(join(root, values.report), JSON.stringify({ numPassedTests: passed, numFailedTests: failed, numPendingTests: 0, success: failed === 0 && passed > 0 }))
  }
}
process.exit(failed > 0 || (values.check && passed === 0) ? 1 : 0)
