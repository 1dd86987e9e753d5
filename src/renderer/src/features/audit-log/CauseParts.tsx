/** Parts of a log cause's card: what is at fault, and evidence lines one click away. */
import { Fragment } from 'react'
import type { Cause, EvidenceRef } from '../../../../shared/models/audit'
import { FirstFew } from '../../components/FirstFew'
import { useAppStore } from '../../store'

export function EvidenceButton({ owner, evidence, inputs, prefix }: { owner: string; evidence: EvidenceRef; inputs: string[]; prefix?: string }): React.JSX.Element {
  const revealEvidence = useAppStore((state) => state.revealEvidence)
  const name = (evidence.file ?? inputs[evidence.input] ?? '').split(/[\\/]/).pop()
  const where = inputs.length > 1 || evidence.file ? `${name}, line ${evidence.line}` : `line ${evidence.line}`
  const label = prefix ? `${prefix}, ${where}` : where
  return (
    <button type="button" className="evidence-link" onClick={() => void revealEvidence(owner, evidence)} aria-label={`Show ${label} in the log`} title={`Show ${label} in the log`}>
      <span aria-hidden="true">↳ </span>
      {prefix && <span className="evidence-prefix">{prefix} </span>}
      <span className="evidence-where">{prefix ? `(${where})` : where}</span>
    </button>
  )
}

/** What is at fault and the connectors it blocks; connectors failing the same way of their own fault are what is at fault. */
export function AtFault({ cause }: { cause: Cause }): React.JSX.Element {
  const names = <FirstFew items={cause.connectors} shown={12} noun="connectors">{(name, index) => <Fragment key={name}>{index > 0 && ', '}{name}</Fragment>}</FirstFew>
  if (cause.source === 'connector' && cause.connectors.length > 1) {
    return (
      <p className="log-cause-subject">
        <span className="muted">At fault, each the same way: {cause.connectors.length} connectors:</span> {names}
      </p>
    )
  }
  return (
    <p className="log-cause-subject">
      <span className="muted">At fault:</span> <code>{cause.subject}</code>
      {cause.connectors.length > 0 && (
        <>
          <span className="muted"> · Blocks {cause.connectors.length === 1 ? 'connector' : `${cause.connectors.length} connectors`}:</span> {names}
        </>
      )}
    </p>
  )
}
