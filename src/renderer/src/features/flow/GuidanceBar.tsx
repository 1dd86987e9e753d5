import { useAppStore } from '../../store'
import { FLOW_STEPS, type FlowStep } from '../../store/ui-slice'
import type { Guidance } from '../../../../shared/troubleshooting/guidance'
import { STEP_TITLES } from './step-titles'
import { useCurrentProblem } from './use-current-problem'

const TONE_ICON: Record<Guidance['tone'], string> = { ok: '✔', attention: '◐', problem: '✖', unknown: '◌' }
const TONE_LABEL: Record<Guidance['tone'], string> = { ok: 'Healthy', attention: 'Attention', problem: 'Problem', unknown: 'Unknown' }

/** Above every step: what the app found and the next safe action, with a way straight to it. */
export function GuidanceBar({ connectionId, step }: { connectionId: string; step: FlowStep }): React.JSX.Element {
  const navigate = useAppStore((state) => state.navigate)
  const guidance = useCurrentProblem(connectionId)
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
