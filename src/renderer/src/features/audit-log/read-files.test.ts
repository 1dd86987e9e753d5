import { describe, expect, it } from 'vitest'
import { LogInputError, MAX_TEXT_BYTES, checkedText, parsePaths, readLogFiles } from './read-files'

/** A File as browsers give it (jsdom's lacks text() and stream()). */
function file(name: string, content: string | Uint8Array): File {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content
  const stream = (): ReadableStream<Uint8Array> =>
    new ReadableStream({
      start(controller) {
        controller.enqueue(bytes)
        controller.close()
      }
    })
  return { name, size: bytes.length, text: async () => new TextDecoder().decode(bytes), stream } as unknown as File
}

async function gzip(text: string): Promise<Uint8Array> {
  const compressed = file('', text).stream().pipeThrough(new CompressionStream('gzip'))
  return new Uint8Array(await new Response(compressed).arrayBuffer())
}

const LINE = 'Tue Feb 02 20:57:50 GMT 2021 exchangeDL01 Startup OMRS-AUDIT-0064 The audit log is ready\n'

describe('readLogFiles', () => {
  it('gives the paths when the desktop host knows them, so main reads the files itself', async () => {
    const files = [file('a.log', LINE), file('b.log.gz', LINE)]
    expect(await readLogFiles(files, (file) => `/logs/${file.name}`)).toEqual({ kind: 'paths', paths: ['/logs/a.log', '/logs/b.log.gz'] })
  })

  it('reads the texts in the browser host, decompressing .gz files', async () => {
    const files = [file('a.log', LINE), file('b.log.gz', await gzip(LINE + LINE))]
    expect(await readLogFiles(files, undefined)).toEqual({ kind: 'texts', texts: [{ name: 'a.log', text: LINE }, { name: 'b.log.gz', text: LINE + LINE }] })
  })

  it('says clearly what is wrong: broken gzip, binary, empty, too large', async () => {
    await expect(readLogFiles([file('x.gz', 'plain text')], undefined)).rejects.toThrow('Cannot read x.gz: it is not a valid gzip file.')
    await expect(readLogFiles([file('img.log', new Uint8Array([0x89, 0x50, 0, 0, 0x49]))], undefined)).rejects.toThrow('img.log is not a text log')
    await expect(readLogFiles([file('blank.log', ' \n')], undefined)).rejects.toThrow('blank.log is empty.')
    const huge = { name: 'huge.log', size: MAX_TEXT_BYTES + 1 } as File
    await expect(readLogFiles([huge], undefined)).rejects.toThrow(/more than the 48 MB the browser can send.*Open by path/)
    await expect(readLogFiles([], undefined)).rejects.toBeInstanceOf(LogInputError)
  })
})

describe('checkedText and parsePaths', () => {
  it('rejects a paste too large to send and accepts a normal one', () => {
    expect(() => checkedText('x'.repeat(MAX_TEXT_BYTES + 1), 'The pasted text')).toThrow(/The pasted text holds 48 MB: too much to send at once/)
    expect(checkedText(LINE, 'The pasted text')).toBe(LINE)
  })

  it('splits typed paths on new lines and semicolons, dropping quotes', () => {
    expect(parsePaths(' "/var/log/a.log"; /var/log/b.log.gz\n\n/tmp/c.omalrecord ')).toEqual(['/var/log/a.log', '/var/log/b.log.gz', '/tmp/c.omalrecord'])
  })
})
