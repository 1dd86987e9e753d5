import { readFileSync } from 'node:fs'

import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createProgram, EXIT, runProgram } from '../program'
import { registerSimCommand } from './sim'
import { tempDir } from '../../../../tests/temp-dir'

afterEach(() => vi.restoreAllMocks())

function program(): ReturnType<typeof createProgram> {
  const created = createProgram('0.0.0-test')
  registerSimCommand(created)
  return created
}

describe('daemon-doctor sim', () => {
  it('rejects a bad --egeria, --speed or scenario with a usage error', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    expect(await runProgram(program(), ['node', 'daemon-doctor', 'sim', '--egeria', '7'])).toBe(EXIT.usage)
    expect(await runProgram(program(), ['node', 'daemon-doctor', 'sim', '--speed', '0'])).toBe(EXIT.usage)
    expect(await runProgram(program(), ['node', 'daemon-doctor', 'sim', '--scenario', 'nope'])).toBe(EXIT.usage)
    expect(stderr.mock.calls.map((args) => String(args[0])).join('')).toMatch(/Unknown scenario "nope"/)
  })

  it('prints where it listens, its servers and users, then stops on SIGTERM', async () => {
    const output: string[] = []
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      output.push(String(chunk))
      if (String(chunk).includes('Ctrl+C')) setImmediate(() => process.emit('SIGTERM'))
      return true
    })
    const code = await runProgram(program(), ['node', 'daemon-doctor', 'sim', '--scenario', 'coco-pharma', '--egeria', '3'])
    expect(code).toBe(EXIT.ok)
    const text = output.join('')
    expect(text).toMatch(/Simulated Egeria 3\.4 platform \(scenario coco-pharma\) listening at http:\/\/127\.0\.0\.1:\d+/)
    expect(text).toMatch(/exchangeDL01 \(Integration Daemon\) {2}http:\/\/127\.0\.0\.1:\d+\/servers\/exchangeDL01\/open-metadata\/integration-daemon\/users\/garygeeke/)
    expect(text).toContain('garygeeke')
  })

  it('with --tls --cert-out writes the certificate it serves', async () => {
    const dir = tempDir('sim-cert-')
    const output: string[] = []
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      output.push(String(chunk))
      if (String(chunk).includes('Ctrl+C')) setImmediate(() => process.emit('SIGTERM'))
      return true
    })
    const certificate = join(dir, 'sim.pem')
    expect(await runProgram(program(), ['node', 'daemon-doctor', 'sim', '--egeria', '6', '--scenario', 'secured-quickstart', '--tls', '--cert-out', certificate])).toBe(EXIT.ok)
    expect(readFileSync(certificate, 'utf8')).toContain('BEGIN CERTIFICATE')
    expect(output.join('')).toMatch(/listening at https:\/\/127\.0\.0\.1:\d+[\s\S]*garygeeke \/ secret/)
  })
})
