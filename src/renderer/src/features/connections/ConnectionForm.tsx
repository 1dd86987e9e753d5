import { useId, useState } from 'react'
import {
  connectionDraftSchema,
  EGERIA_VERSIONS,
  emptyDraft,
  ENVIRONMENT_LABELS,
  ENVIRONMENTS,
  TLS_MODE_LABELS,
  TLS_MODES,
  type Connection,
  type ConnectionDraft
} from '../../../../shared/models/connection'
import { fieldErrors } from '../../../../shared/validation'
import { useAppStore } from '../../store'

function draftFrom(connection?: Connection): ConnectionDraft {
  if (!connection) return emptyDraft()
  const { id, name, platformUrl, serverName, userId, egeriaVersion, tls, environment, readOnly, auditLogPath, auditDestination } = connection
  return { id, name, platformUrl, serverName, userId, egeriaVersion, tls: { ...tls }, environment, readOnly, auditLogPath, auditDestination }
}

export function ConnectionForm({ connectionId }: { connectionId?: string }): React.JSX.Element {
  const existing = useAppStore((state) => state.connections.find((c) => c.id === connectionId))
  const save = useAppStore((state) => state.saveConnection)
  const navigate = useAppStore((state) => state.navigate)
  const secretStorage = useAppStore((state) => state.appInfo?.secretStorage)
  const [draft, setDraft] = useState<ConnectionDraft>(() => draftFrom(existing))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string>()
  const [saving, setSaving] = useState(false)
  const [removePassword, setRemovePassword] = useState(false)
  // New production connections start read-only until the operator decides otherwise.
  const [readOnlyTouched, setReadOnlyTouched] = useState(!!existing)

  const update = <K extends keyof ConnectionDraft>(key: K, value: ConnectionDraft[K]): void => {
    setDraft((current) => ({ ...current, [key]: value }))
    setErrors(({ [key as string]: _removed, ...rest }) => rest)
  }

  /** Validates one field on blur with the same schema main uses, so messages agree. */
  const check = (path: string): void => {
    const parsed = connectionDraftSchema.safeParse(draft)
    const message = parsed.success ? undefined : fieldErrors(parsed.error)[path]
    setErrors(({ [path]: _old, ...rest }) => (message ? { ...rest, [path]: message } : rest))
  }

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault()
    setFormError(undefined)
    const toSave: ConnectionDraft = { ...draft, password: removePassword ? null : draft.password || undefined }
    const parsed = connectionDraftSchema.safeParse(toSave)
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error))
      focusFirstError()
      return
    }
    setSaving(true)
    const outcome = await save(toSave)
    setSaving(false)
    if (outcome.ok) return navigate({ kind: 'home' })
    setErrors(outcome.error.fields ?? {})
    setFormError(outcome.error.fields ? undefined : outcome.error.message)
    focusFirstError()
  }

  const title = existing ? `Edit “${existing.name}”` : 'New connection'
  return (
    <section className="screen narrow" aria-labelledby="form-heading">
      <h1 id="form-heading">{title}</h1>
      <form onSubmit={submit} noValidate>
        {formError && (
          <p className="callout error" role="alert">
            <span aria-hidden="true">✖ </span>
            {formError}
          </p>
        )}
        <Field label="Display name" name="name" error={errors.name}>
          {(props) => <input {...props} value={draft.name} onChange={(e) => update('name', e.target.value)} onBlur={() => check('name')} autoFocus />}
        </Field>
        <Field label="Platform root URL" name="platformUrl" error={errors.platformUrl} hint="For example https://localhost:9443">
          {(props) => (
            <input {...props} type="url" value={draft.platformUrl} onChange={(e) => update('platformUrl', e.target.value)} onBlur={() => check('platformUrl')} />
          )}
        </Field>
        <Field label="Integration daemon server name" name="serverName" error={errors.serverName} hint="As in the audit log, for example exchangeDL01">
          {(props) => <input {...props} value={draft.serverName} onChange={(e) => update('serverName', e.target.value)} onBlur={() => check('serverName')} />}
        </Field>
        <div className="field-row">
          <Field label="User ID" name="userId" error={errors.userId}>
            {(props) => <input {...props} value={draft.userId} onChange={(e) => update('userId', e.target.value)} onBlur={() => check('userId')} autoComplete="username" />}
          </Field>
          <Field
            label="Password (optional)"
            name="password"
            error={errors.password}
            hint={
              existing?.hasPassword
                ? 'A password is saved. Leave blank to keep it.'
                : secretStorage === 'memory'
                  ? 'Kept in memory only until the app closes; never written to disk.'
                  : 'Saved encrypted by your operating system.'
            }
          >
            {(props) => (
              <input
                {...props}
                type="password"
                value={draft.password ?? ''}
                disabled={removePassword}
                onChange={(e) => update('password', e.target.value)}
                autoComplete="current-password"
              />
            )}
          </Field>
        </div>
        {existing?.hasPassword && (
          <label className="check">
            <input type="checkbox" checked={removePassword} onChange={(e) => setRemovePassword(e.target.checked)} /> Remove the saved password
          </label>
        )}
        <div className="field-row">
          <Field label="Egeria version" name="egeriaVersion" error={errors.egeriaVersion} hint="Auto detects it from the platform origin">
            {(props) => (
              <select {...props} value={draft.egeriaVersion} onChange={(e) => update('egeriaVersion', e.target.value as ConnectionDraft['egeriaVersion'])}>
                {EGERIA_VERSIONS.map((version) => (
                  <option key={version} value={version}>
                    {version === 'auto' ? 'Auto-detect' : `${version}.x`}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Environment" name="environment" error={errors.environment}>
            {(props) => (
              <select
                {...props}
                value={draft.environment}
                onChange={(e) => {
                  const environment = e.target.value as ConnectionDraft['environment']
                  update('environment', environment)
                  if (!readOnlyTouched) update('readOnly', environment === 'prod')
                }}
              >
                {ENVIRONMENTS.map((environment) => (
                  <option key={environment} value={environment}>
                    {ENVIRONMENT_LABELS[environment]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <fieldset className="field">
          <legend>TLS certificate checking</legend>
          {TLS_MODES.map((mode) => (
            <label key={mode} className="check">
              <input
                type="radio"
                name="tls-mode"
                value={mode}
                checked={draft.tls.mode === mode}
                onChange={() => update('tls', { ...draft.tls, mode })}
              />{' '}
              {TLS_MODE_LABELS[mode]}
            </label>
          ))}
          {draft.tls.mode === 'ca-file' && (
            <Field label="CA certificate file (PEM)" name="tls.caFile" error={errors['tls.caFile']} hint="A path on this computer">
              {(props) => <input {...props} value={draft.tls.caFile ?? ''} onChange={(e) => update('tls', { ...draft.tls, caFile: e.target.value })} onBlur={() => check('tls.caFile')} />}
            </Field>
          )}
          {draft.tls.mode === 'insecure' && (
            <p className="callout warning">
              <span aria-hidden="true">⚠ </span>Anyone on the network path could impersonate this server. Use only for a lab platform with Egeria’s demo certificate.
            </p>
          )}
        </fieldset>
        <Field label="Audit log file (optional)" name="auditLogPath" error={errors.auditLogPath} hint="The daemon’s console log on this computer, followed live in step 1">
          {(props) => <input {...props} value={draft.auditLogPath ?? ''} onChange={(e) => update('auditLogPath', e.target.value)} />}
        </Field>
        <label className="check">
          <input
            type="checkbox"
            checked={draft.readOnly}
            onChange={(e) => {
              setReadOnlyTouched(true)
              update('readOnly', e.target.checked)
            }}
          />{' '}
          Read-only: never restart or refresh through this connection
        </label>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save connection'}
          </button>
          <button type="button" onClick={() => navigate({ kind: 'home' })}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  )
}

interface FieldControlProps {
  id: string
  name: string
  'aria-invalid': boolean
  'aria-describedby'?: string
}

export function Field(props: {
  label: string
  name: string
  error?: string
  hint?: string
  children: (control: FieldControlProps) => React.ReactNode
}): React.JSX.Element {
  const id = useId()
  const describedBy = [props.hint && `${id}-hint`, props.error && `${id}-error`].filter(Boolean).join(' ')
  return (
    <div className={`field${props.error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.children({ id, name: props.name, 'aria-invalid': !!props.error, 'aria-describedby': describedBy || undefined })}
      {props.hint && (
        <span id={`${id}-hint`} className="hint">
          {props.hint}
        </span>
      )}
      {props.error && (
        <span id={`${id}-error`} className="field-error">
          <span aria-hidden="true">✖ </span>
          {props.error}
        </span>
      )}
    </div>
  )
}

function focusFirstError(): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
}
