import { useState } from 'react'
import { DESTINATION_TLS_LABELS, DESTINATION_TLS_MODES, SASL_MECHANISMS } from '../../../../shared/models/audit-destination'
import { api } from '../../lib/api'
import { useAppStore } from '../../store'
import { OFFLINE_LOG } from '../../store/logs-slice'
import { Field } from '../connections/Field'
import { checkDraft, EMPTY_DRAFT, type DestinationDraft } from './destination-draft'

/**
 * Egeria's audit log where an estate keeps it: the PostgreSQL audit log destination or the audit event
 * topic. Read in place (filters go to the database), then followed live like a log file.
 */
export function DestinationForm({ owner }: { owner: string }): React.JSX.Element {
  const openLogDestination = useAppStore((state) => state.openLogDestination)
  const opening = useAppStore((state) => state.logs[owner]?.opening ?? false)
  const fieldProblems = useAppStore((state) => state.logs[owner]?.error?.fields)
  const [draft, setDraft] = useState<DestinationDraft>(EMPTY_DRAFT)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [keep, setKeep] = useState(false)
  const notify = useAppStore((state) => state.notify)
  const set = (change: Partial<DestinationDraft>): void => setDraft({ ...draft, ...change })
  const database = draft.kind === 'postgres'
  const error = (field: string): string | undefined => errors[field] ?? fieldProblems?.[field]

  const submit = (event: React.FormEvent): void => {
    event.preventDefault()
    const checked = checkDraft(draft)
    if (!checked.ok) return setErrors(checked.error)
    setErrors({})
    const password = draft.password === '' ? undefined : draft.password
    void openLogDestination(owner, checked.value, password).then(async (opened) => {
      if (!opened || !keep) return
      const saved = await api.connections.setAuditDestination(owner, checked.value, password ?? null)
      notify(saved.ok ? { kind: 'success', message: 'Saved with the connection: step 1 reads it from now on' } : { kind: 'error', message: saved.error.message })
    })
  }
  const text = (field: keyof DestinationDraft, label: string, hint?: string, type = 'text'): React.JSX.Element => (
    <Field label={label} name={field} error={error(field)} hint={hint}>
      {(control) => <input {...control} type={type} value={draft[field]} onChange={(event) => set({ [field]: event.target.value })} autoComplete="off" />}
    </Field>
  )
  return (
    <form className="destination-form" aria-label="Read Egeria's audit database or topic" onSubmit={submit} noValidate>
      <fieldset className="field">
        <legend>Egeria’s audit database or topic</legend>
        <label className="check">
          <input type="radio" name="destination-kind" checked={database} onChange={() => set({ kind: 'postgres' })} />
          PostgreSQL audit log destination (<code>al_audit_events</code>)
        </label>
        <label className="check">
          <input type="radio" name="destination-kind" checked={!database} onChange={() => set({ kind: 'kafka' })} />
          Kafka audit topic (event-topic destination)
        </label>
      </fieldset>
      {database ? (
        <>
          <div className="field-row">
            {text('host', 'Host')}
            {text('port', 'Port')}
          </div>
          <div className="field-row">
            {text('database', 'Database')}
            {text('schema', 'Schema (optional)', 'Only when several schemas hold the audit tables')}
          </div>
          <div className="field-row">
            {text('user', 'User', 'A user that may only read the audit tables is enough')}
            {text('password', 'Password', 'Used for this reading only, never written to a file', 'password')}
          </div>
          <div className="field-row">
            {text('server', 'Server (optional)', 'Only this server’s records, e.g. integration-daemon')}
            {text('since', 'Since', 'An age (15m, 2h, 1d) or an ISO 8601 time')}
          </div>
        </>
      ) : (
        <>
          <div className="field-row">
            {text('brokers', 'Brokers', 'host:port, separated by commas')}
            {text('topic', 'Topic', 'e.g. egeria.omag.<topic root>.ffdc.audit-logs')}
          </div>
          <div className="field-row">
            {text('saslUser', 'SASL user (optional)')}
            {text('password', 'SASL password', 'Used for this reading only, never written to a file', 'password')}
          </div>
          <div className="field-row">
            <Field label="SASL mechanism" name="saslMechanism">
              {(control) => (
                <select {...control} value={draft.saslMechanism} onChange={(event) => set({ saslMechanism: event.target.value as DestinationDraft['saslMechanism'] })}>
                  {SASL_MECHANISMS.map((mechanism) => <option key={mechanism}>{mechanism}</option>)}
                </select>
              )}
            </Field>
            {text('from', 'From', 'earliest, latest, offset:N, an age (1h) or an ISO 8601 time')}
          </div>
        </>
      )}
      <Field label="TLS" name="tls" error={error('tls')}>
        {(control) => (
          <select {...control} value={draft.tls} onChange={(event) => set({ tls: event.target.value as DestinationDraft['tls'] })}>
            {DESTINATION_TLS_MODES.map((mode) => <option key={mode} value={mode}>{DESTINATION_TLS_LABELS[mode]}</option>)}
          </select>
        )}
      </Field>
      {owner !== OFFLINE_LOG && (
        <label className="check">
          <input type="checkbox" checked={keep} onChange={(event) => setKeep(event.target.checked)} />
          Save with this connection (the password goes to the secret store), so step 1 reads it from now on
        </label>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={opening}>
          {database ? 'Read the audit database' : 'Read the audit topic'}
        </button>
      </div>
    </form>
  )
}
