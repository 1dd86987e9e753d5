/**
 * Turning picked, dropped or pasted logs into something the services can open: file paths in the
 * desktop app (main reads them, any size), or the text itself in the browser host.
 */
import type { LogText } from '../../../../shared/models/audit'

/** What the browser host accepts in one call (its request limit is 64 MB), with room for JSON escaping. */
export const MAX_TEXT_BYTES = 48 * 1024 * 1024

export class LogInputError extends Error {}

export type LogFiles = { kind: 'paths'; paths: string[] } | { kind: 'texts'; texts: LogText[] }

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`
}

/** Paths when the host can give them (desktop), otherwise the files' texts. */
export async function readLogFiles(files: File[], pathForFile = window.files?.pathForFile): Promise<LogFiles> {
  if (files.length === 0) throw new LogInputError('No file was chosen.')
  const paths = pathForFile ? files.map((file) => pathForFile(file)) : []
  if (paths.length > 0 && paths.every(Boolean)) return { kind: 'paths', paths }
  const total = files.reduce((sum, file) => sum + file.size, 0)
  if (total > MAX_TEXT_BYTES) {
    throw new LogInputError(
      `These files hold ${megabytes(total)}, more than the ${megabytes(MAX_TEXT_BYTES)} the browser can send. ` +
        'Type their path in “Open by path” instead: Daemon Doctor then reads them itself, whatever their size.'
    )
  }
  const texts: LogText[] = []
  for (const file of files) texts.push({ name: file.name, text: await fileText(file) })
  const uncompressed = texts.reduce((sum, text) => sum + text.text.length, 0)
  if (uncompressed > MAX_TEXT_BYTES) {
    throw new LogInputError(
      `Uncompressed, these files hold ${megabytes(uncompressed)}, more than the browser can send. Open them by path instead.`
    )
  }
  return { kind: 'texts', texts }
}

async function fileText(file: File): Promise<string> {
  let text: string
  try {
    if (/\.gz$/i.test(file.name)) {
      const stream = file.stream().pipeThrough(new DecompressionStream('gzip'))
      text = await new Response(stream).text()
    } else {
      text = await file.text()
    }
  } catch (error) {
    const reason = /\.gz$/i.test(file.name) ? 'it is not a valid gzip file' : (error as Error).message || 'the file cannot be read'
    throw new LogInputError(`Cannot read ${file.name}: ${reason}.`)
  }
  return checkedText(text, file.name)
}

/** Rejects binary content and over-large pastes with a message that says what to do. */
export function checkedText(text: string, name: string): string {
  if (text.trim() === '') throw new LogInputError(`${name} is empty.`)
  if (text.length > MAX_TEXT_BYTES) {
    throw new LogInputError(`${name} holds ${megabytes(text.length)}: too much to send at once. Save it to a file and open it by path.`)
  }
  const sample = text.slice(0, 8192)
  // NUL characters do not occur in text logs: this is an archive, an image or another binary file.
  if ((sample.match(/\u0000/g)?.length ?? 0) > 0) throw new LogInputError(`${name} is not a text log (it holds binary data).`)
  return text
}

/** Paths typed by the operator: one per line, or separated by semicolons. */
export function parsePaths(input: string): string[] {
  return input
    .split(/[\n;]/)
    .map((path) => path.trim().replace(/^["']|["']$/g, ''))
    .filter(Boolean)
}
