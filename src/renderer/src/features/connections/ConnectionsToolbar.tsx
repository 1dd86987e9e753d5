import { useRef } from 'react'
import { downloadText } from '../../lib/download'
import { useAppStore } from '../../store'

/** New connection, and the import and export of the saved connections as a JSON file. */
export function ConnectionsToolbar(): React.JSX.Element {
  const connections = useAppStore((state) => state.connections)
  const navigate = useAppStore((state) => state.navigate)
  const importConnections = useAppStore((state) => state.importConnections)
  const exportConnections = useAppStore((state) => state.exportConnections)
  const fileInput = useRef<HTMLInputElement>(null)
  return (
    <div className="toolbar">
      <button type="button" className="primary" onClick={() => navigate({ kind: 'edit-connection' })} aria-keyshortcuts="N">
        <span aria-hidden="true">+</span> New connection
      </button>
      <button type="button" onClick={() => fileInput.current?.click()}>
        Import…
      </button>
      <button
        type="button"
        disabled={connections.length === 0}
        onClick={async () => {
          const exported = await exportConnections()
          if (exported) downloadText(exported.fileName, exported.json, 'application/json')
        }}
      >
        Export
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Connections file to import"
        onChange={async (event) => {
          const file = event.target.files?.[0]
          event.target.value = ''
          if (file) await importConnections(await file.text())
        }}
      />
    </div>
  )
}
