import { useAppStore } from '../../store'

/** The hop-by-hop connection check: the first failing hop is the answer. */
export function ProbeView({ connectionId }: { connectionId: string }): React.JSX.Element | null {
  const probe = useAppStore((state) => state.daemons[connectionId]?.probe)
  if (!probe) return null
  const icon = { pass: '✔', fail: '✖', warn: '⚠', skipped: '–' } as const
  return (
    <section className={`probe ${probe.ok ? 'probe-ok' : 'probe-fail'}`} aria-label="Connection check">
      <p>
        <strong>
          <span aria-hidden="true">{probe.ok ? '✔ ' : '✖ '}</span>
          {probe.answer}
        </strong>
      </p>
      <ol className="hops">
        {probe.hops.map((hop) => (
          <li key={hop.id} className={`hop hop-${hop.state}`}>
            <span aria-hidden="true">{icon[hop.state]} </span>
            <strong>{hop.label}</strong> <span className="visually-hidden">{hop.state}</span>
            {hop.ms !== undefined && <span className="muted"> {hop.ms} ms</span>} — {hop.verdict}
          </li>
        ))}
      </ol>
    </section>
  )
}
