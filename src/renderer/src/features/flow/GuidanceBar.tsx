import { useMemo } from 'react'
import { useAppStore } from '../../store'
import { FLOW_STEPS, type FlowStep } from '../../store/ui-slice'
import { nextSafeAction, type Guidance } from '../../../../shared/troubleshooting/guidance'
import { STEP_TITLES } from './step-titles'

const TONE_ICON: Record<Guidance['tone'], string> = { ok: '✔', attention: '◐', problem: '✖', unknown: '◌' }
const TONE_LABEL: Record<Guidance['tone'], string> = { ok: 'Healthy', attention: 'Attention', problem: 'Problem', unknown: 'Unknown' }

/** Above every step: what the app found and the next safe action, with a way straight to it. */
export function GuidanceBar({ connectionId, step }: { connectionId: string; step: FlowStep }): React.JSX.Element {
  const view = useAppStore((state) => state.daemons[connectionId])
  const actions = useAppStore((state) => state.actions[connectionId])
  const logCauses = useAppStore((state) => state.logs[connectionId]?.session?.report.causes)
  const navigate = useAppStore((state) => state.navigate)
  const restartedWithoutRefresh = !!actions?.lastRestart && actions.recovered.length > 0 &&
    (!actions.lastRefresh || actions.lastRefresh.startedAt < actions.lastRestart.startedAt)
  const guidance = useMemo(
    () => nextSafeAction({ status: view?.status, error: view?.error?.message, logCauses, restartedWithoutRefresh }),
    [view?.status, view?.error?.message, logCauses, restartedWithoutRefresh]
  )
  const target = guidance.step
  return (
    <section className={`guidance guidance-${guidance.tone}`} aria-label="What was found and what to do next">
      <p className="guidance-found">
        <strong className="guidance-tone">
          <span aria-hidden="true">{TONE_ICON[guidance.tone]} </span>
          {TONE_LABEL[guidance.tone]}:
        </strong>{' '}
        {guidance.found}
      </p>
      <p className="guidance-next">
        <strong>Next safe action:</strong> {guidance.next}
        {target && target !== step && (
          <button type="button" className="link-button" onClick={() => navigate({ kind: 'flow', connectionId, step: target })}>
            Go to step {FLOW_STEPS.indexOf(target) + 1}, {STEP_TITLES[target]} <span aria-hidden="true">→</span>
          </button>
        )}
      </p>
    </section>
  )
}
