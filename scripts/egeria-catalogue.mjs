#!/usr/bin/env node
/**
 * Reads a real Egeria release's message catalogue (error codes and audit codes) out of its published jars.
 *
 *   npm run egeria:catalogue -- --egeria 4.2
 *
 * Maven copies the jars named in egeria/real/catalogue/pom.xml into ~/.cache/daemon-doctor/egeria/<version>/catalogue;
 * this script reads each *ErrorCode / *AuditCode enum's class file and writes every message ID with its text (and an
 * audit code's severity)
 * to tests/fixtures/real-egeria/<version>/message-catalogue.json, which the simulator's conformance test
 * checks without Java. A download failure fails the run (exit 1) with Maven's own words.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { staticInitialiserLoads } from './egeria/class-file.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({ options: { egeria: { type: 'string', default: '4.2' } } })
const version = values.egeria
if (!/^\d+\.\d+(\.\d+)?$/.test(version)) {
  console.error(`--egeria takes a release number such as 4.2 (got "${version}")`)
  process.exit(2)
}

const jarDir = join(homedir(), '.cache', 'daemon-doctor', 'egeria', version, 'catalogue')
const maven = spawnSync(
  'mvn',
  [
    '-B', '-q', '-f', join(root, 'egeria/real/catalogue/pom.xml'), `-Degeria.version=${version}`,
    'org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies',
    '-DexcludeTransitive=true', `-DoutputDirectory=${jarDir}`
  ],
  { encoding: 'utf8' }
)
if (maven.error || maven.status !== 0) {
  const said = maven.error ? String(maven.error) : (maven.stdout + maven.stderr).split('\n').filter((line) => line.includes('ERROR')).slice(0, 3).join('\n')
  console.error(`Maven could not fetch Egeria ${version}'s catalogue jars:\n${said}`)
  process.exit(1)
}

/** A message ID as Egeria writes them: FAMILY-…-0001 (audit) or FAMILY-…-404-001 (error). */
const messageId = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*-(\d{4}|\d{3}-\d{3})$/

const messages = {}
for (const jar of readdirSync(jarDir).filter((name) => name.endsWith('.jar')).sort()) {
  const path = join(jarDir, jar)
  const listing = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' }).split('\n')
  for (const entry of listing.filter((name) => /(ErrorCode|AuditCode)\.class$/.test(name))) {
    const bytes = execFileSync('unzip', ['-p', path, entry], { maxBuffer: 16 * 1024 * 1024 })
    const loads = staticInitialiserLoads(bytes)
    // Each enum constant's constructor call loads its ID, then (audit codes) its severity, then its text.
    for (let i = 0; i < loads.length; i++) {
      const load = loads[i]
      if (load.kind !== 'string' || !messageId.test(load.value)) continue
      const textAt = loads.findIndex((next, j) => j > i && next.kind === 'string')
      if (textAt < 0 || messageId.test(loads[textAt].value)) continue
      const severity = loads.slice(i + 1, textAt).find((between) => between.kind === 'field' && between.owner.includes('Severity'))
      const text = loads[textAt].value
      const earlier = messages[load.value]
      if (earlier) {
        // Egeria reuses an ID for two constants now and then; keep every wording.
        if (earlier.text !== text) earlier.otherTexts = [...(earlier.otherTexts ?? []), text]
        continue
      }
      messages[load.value] = {
        text,
        ...(severity ? { severity: severity.name } : {}),
        source: `${jar.replace(`-${version}.jar`, '')}:${entry.split('/').pop().replace('.class', '')}`
      }
    }
  }
}

const count = Object.keys(messages).length
if (count === 0) {
  console.error(`No messages found in ${jarDir}`)
  process.exit(1)
}
const sorted = Object.fromEntries(Object.entries(messages).sort(([a], [b]) => a.localeCompare(b)))
const outDir = join(root, 'tests/fixtures/real-egeria', version)
mkdirSync(outDir, { recursive: true })
const out = join(outDir, 'message-catalogue.json')
writeFileSync(out, `${JSON.stringify({ egeria: version, from: 'Maven Central jars of egeria/real/catalogue/pom.xml', messages: sorted }, null, 1)}\n`)
console.log(`${count} messages of Egeria ${version} → ${out}`)
