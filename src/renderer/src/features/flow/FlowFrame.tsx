import { ConnectionBadges } from '../../components/Badges'
import { AuditLogStep } from '../audit-log/AuditLogStep'
import { useAppStore } from '../../store'
import { DemoWorldPanel } from '../demo/DemoWorldPanel'
import { RefreshStep } from '../refresh/RefreshStep'
import { RestartStep } from '../restart/RestartStep'
import { ReportStep } from '../report/ReportStep'
import { StatusStep } from '../status/StatusStep'
import { FLOW_STEPS, type FlowStep } from '../../store/ui-slice'
import { useWatchedStatus } from '../status/use-watched-status'
import { GuidanceBar } from './GuidanceBar'
import { STEP_TITLES } from './step-titles'

const STEP_PURPOSE: Record<FlowStep, string> = {
  'audit-log': 'Read what the daemon wrote and find which source is failing: a connector, the third-party technology, or the metadata server.',
  status: 'Confirm each connector’s status as the daemon reports it now.',
  restart: 'Restart the connectors whose cause is fixed, and check that they recovered.',
  refresh: 'After an outage, ask the recovered connectors to resynchronise.',
  report: 'Save what was wrong and what was done.'
}

/** One panel per step; each step's feature folder owns its panel. */
function StepPanel({ step, connectionId }: { step: FlowStep; connectionId: string }): React.JSX.Element {
  switch (step) {
    case 'audit-log':
      return <AuditLogStep connectionId={connectionId} />
    case 'status':
      return <StatusStep connectionId={connectionId} />
    case 'restart':
      return <RestartStep connectionId={connectionId} />
    case 'refresh':
      return <RefreshStep connectionId={connectionId} />
    case 'report':
      return <ReportStep connectionId={connectionId} />
  }
}

/** The guided flow for one connection: a stepper with one panel per step (shortcuts Alt+1 … Alt+5). */
export function FlowFrame({ connectionId, step }: { connectionId: string; step: FlowStep }): React.JSX.Element {
  const connection = useAppStore((state) => state.connections.find((c) => c.id === connectionId))
  const navigate = useAppStore((state) => state.navigate)
  useWatchedStatus(connectionId)
  if (!connection) {
    return (
      <section className="screen">
        <p className="callout error" role="alert">
          <span aria-hidden="true">✖ </span>This connection no longer exists.
        </p>
        <button type="button" onClick={() => navigate({ kind: 'home' })}>
          Back to connections
        </button>
      </section>
    )
  }
  return (
    <section className="screen flow" aria-labelledby="flow-heading">
      <header className="screen-header">
        <div>
          <h1 id="flow-heading">{connection.name}</h1>
          <div className="muted">
            {connection.serverName} on {connection.platformUrl} <ConnectionBadges connection={connection} />
          </div>
        </div>
      </header>
      {connection.demo && <DemoWorldPanel />}
      <nav aria-label="Troubleshooting steps">
        <ol className="stepper">
          {FLOW_STEPS.map((candidate, index) => (
            <li key={candidate}>
              <button
                type="button"
                aria-current={candidate === step ? 'step' : undefined}
                aria-keyshortcuts={`Alt+${index + 1}`}
                onClick={() => navigate({ kind: 'flow', connectionId, step: candidate })}
              >
                <span className="step-number" aria-hidden="true">
                  {index + 1}
                </span>
                {STEP_TITLES[candidate]}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <GuidanceBar connectionId={connectionId} step={step} />
      <div className="step-panel" role="region" aria-labelledby="step-heading">
        <h2 id="step-heading">{STEP_TITLES[step]}</h2>
        <p className="muted">{STEP_PURPOSE[step]}</p>
        <StepPanel step={step} connectionId={connectionId} />
      </div>
    </section>
  )
}
