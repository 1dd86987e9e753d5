/** Runs CLI commands in-process, as a user types them, with what they print captured. */
import type { Command } from 'commander'
import { vi } from 'vitest'
import { createProgram, runProgram } from '../../src/main/cli/program'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs `daemon-doctor <args>` with the commands `register` adds; the exit code and both outputs. */
export async function runCommand(register: (program: Command) => void, args: string[]): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true))
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true))
  process.exitCode = undefined
  const program = createProgram('0.0.0-test')
  register(program)
  try {
    const code = await runProgram(program, ['node', 'daemon-doctor', ...args])
    return { code, stdout, stderr }
  } finally {
    process.exitCode = undefined
    out.mockRestore()
    err.mockRestore()
  }
}
