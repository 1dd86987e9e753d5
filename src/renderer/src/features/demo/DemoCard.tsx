import { useState } from 'react'
import { DEMO_EGERIA_VERSIONS, type DemoEgeriaVersion } from '../../../../shared/models/demo'
import { useAppStore } from '../../store'
import { HealthSummary } from '../connections/HealthSummary'

/** The home screen's way in for a newcomer: Egeria's own troubleshooting story, simulated. */
export function DemoCard(): React.JSX.Element {
  const demo = useAppStore((state) => state.demo)
  const busy = useAppStore((state) => state.demoBusy)
  const startDemo = useAppStore((state) => state.startDemo)
  const stopDemo = useAppStore((state) => state.stopDemo)
  const [egeria, setEgeria] = useState<DemoEgeriaVersion>(demo?.egeria?.major ?? 3)

  return (
    <section className="demo-card" aria-labelledby="demo-heading">
      <div>
        <h2 id="demo-heading">
          <span aria-hidden="true">▶ </span>Demo daemon
        </h2>
        <p className="muted">
          A simulated integration daemon, <code>exchangeDL01</code>, replaying the coco-pharma story from Egeria’s
          troubleshooting guide: its metadata server is down, three directories are missing and one connector is of the
          wrong type. Nothing else needs to run.
        </p>
        {demo?.running && (
          <p className="demo-running">
            <span aria-hidden="true">● </span>Running {demo.egeria?.label} at <code>{demo.platformUrl}</code>
          </p>
        )}
        {demo?.running && demo.connectionId && <HealthSummary connectionId={demo.connectionId} />}
      </div>
      <div className="demo-actions">
        <label>
          Egeria version{' '}
          <select value={egeria} onChange={(event) => setEgeria(Number(event.target.value) as DemoEgeriaVersion)}>
            {DEMO_EGERIA_VERSIONS.map((version) => (
              <option key={version} value={version}>
                {version}.x
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" disabled={busy} onClick={() => void startDemo(egeria)}>
          {busy ? 'Starting…' : demo?.running && demo.egeria?.major === egeria ? 'Open the demo' : 'Start the demo'}
        </button>
        {demo?.running && (
          <button type="button" onClick={() => void stopDemo()}>
            Stop
          </button>
        )}
      </div>
    </section>
  )
}
