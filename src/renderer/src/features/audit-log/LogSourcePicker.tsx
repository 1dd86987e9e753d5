import { useRef, useState } from 'react'
import { useAppStore } from '../../store'
import { DestinationForm } from './DestinationForm'
import { LogInputError, checkedText, parsePaths, readLogFiles } from './read-files'

/**
 * Where a log comes from when it is not a connection's live file: files (picker or drag and drop,
 * several merged by time, .gz too), a path typed in, pasted text, or Egeria's audit database or topic.
 */
export function LogSourcePicker({ owner, compact = false }: { owner: string; compact?: boolean }): React.JSX.Element {
  const openLogFiles = useAppStore((state) => state.openLogFiles)
  const openLogTexts = useAppStore((state) => state.openLogTexts)
  const opening = useAppStore((state) => state.logs[owner]?.opening ?? false)
  const fileInput = useRef<HTMLInputElement>(null)
  const [dragging, setDragging] = useState(false)
  const [problem, setProblem] = useState<string>()
  const [pathText, setPathText] = useState('')
  const [pasted, setPasted] = useState('')

  const run = async (work: () => Promise<unknown>): Promise<void> => {
    setProblem(undefined)
    try {
      await work()
    } catch (error) {
      setProblem(error instanceof LogInputError ? error.message : `Cannot open the log: ${(error as Error).message}`)
    }
  }
  const openFiles = (files: File[]): Promise<void> =>
    run(async () => {
      const read = await readLogFiles(files)
      if (read.kind === 'paths') await openLogFiles(owner, read.paths)
      else await openLogTexts(owner, read.texts)
    })
  const openPaths = (): Promise<void> =>
    run(async () => {
      const paths = parsePaths(pathText)
      if (paths.length === 0) throw new LogInputError('Type the path of a log file, a .gz file or an .omalrecord folder.')
      await openLogFiles(owner, paths)
    })
  const openPasted = (): Promise<void> =>
    run(async () => {
      await openLogTexts(owner, [{ name: 'Pasted log', text: checkedText(pasted, 'The pasted text') }])
    })

  return (
    <section className={`log-sources${compact ? ' compact' : ''}`} aria-label="Open a log">
      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault()
          setDragging(false)
          void openFiles([...event.dataTransfer.files])
        }}
      >
        <p>
          <strong>
            <span aria-hidden="true">⇣ </span>Drop log files here
          </strong>{' '}
          <span className="muted">or</span>{' '}
          <button type="button" className="primary" onClick={() => fileInput.current?.click()} disabled={opening}>
            Choose files…
          </button>
        </p>
        <p className="muted small">Console logs (.log, .txt, .gz), JSON-lines records. Several files are merged into one timeline.</p>
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          aria-label="Log files"
          data-testid={`log-files-${owner}`}
          onChange={(event) => {
            const files = [...(event.target.files ?? [])]
            event.target.value = ''
            if (files.length > 0) void openFiles(files)
          }}
        />
      </div>
      <div className="source-forms">
        <div className="source-form">
          <label htmlFor={`log-path-${owner}`}>Open by path</label>
          <div className="inline-field">
            <input
              id={`log-path-${owner}`}
              value={pathText}
              placeholder="/var/log/egeria/exchangeDL01.log; a .gz file; an .omalrecord folder"
              onChange={(event) => setPathText(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') void openPaths()
              }}
            />
            <button type="button" onClick={() => void openPaths()} disabled={opening}>
              Open
            </button>
          </div>
          <span className="hint">Read where Daemon Doctor runs: any size. Separate several paths with “;”.</span>
        </div>
        <div className="source-form">
          <label htmlFor={`log-paste-${owner}`}>Paste log text</label>
          <textarea
            id={`log-paste-${owner}`}
            rows={compact ? 2 : 4}
            value={pasted}
            placeholder="Tue Feb 02 20:57:50 GMT 2021 exchangeDL01 Exception INTEGRATION-DAEMON-SERVICES-0031 …"
            onChange={(event) => setPasted(event.target.value)}
          />
          <button type="button" onClick={() => void openPasted()} disabled={opening || pasted.trim() === ''}>
            Analyse the pasted text
          </button>
        </div>
      </div>
      <DestinationForm owner={owner} />
      {opening && (
        <p className="muted" role="status">
          <span aria-hidden="true">◌ </span>Reading and analysing the log…
        </p>
      )}
      {problem && (
        <p className="callout error" role="alert">
          <span aria-hidden="true">✖ </span>
          {problem}
        </p>
      )}
    </section>
  )
}
