import { EGERIA_VERSIONS, ENVIRONMENT_LABELS, ENVIRONMENTS, type ConnectionDraft } from '../../../../shared/models/connection'
import { useAppStore } from '../../store'
import { CredentialFields } from './CredentialFields'
import { Field } from './Field'
import { TlsFields } from './TlsFields'
import { useConnectionForm } from './use-connection-form'

export function ConnectionForm({ connectionId }: { connectionId?: string }): React.JSX.Element {
  const existing = useAppStore((state) => state.connections.find((c) => c.id === connectionId))
  const navigate = useAppStore((state) => state.navigate)
  const form = useConnectionForm(existing)
  const { draft, errors, update, check } = form

  const title = existing ? `Edit “${existing.name}”` : 'New connection'
  return (
    <section className="screen narrow" aria-labelledby="form-heading">
      <h1 id="form-heading">{title}</h1>
      <form onSubmit={form.submit} noValidate>
        {form.formError && (
          <p className="callout error" role="alert">
            <span aria-hidden="true">✖ </span>
            {form.formError}
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
        <CredentialFields form={form} existing={existing} />
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
              <select {...props} value={draft.environment} onChange={(e) => form.changeEnvironment(e.target.value as ConnectionDraft['environment'])}>
                {ENVIRONMENTS.map((environment) => (
                  <option key={environment} value={environment}>
                    {ENVIRONMENT_LABELS[environment]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <TlsFields form={form} />
        <Field label="Audit log file (optional)" name="auditLogPath" error={errors.auditLogPath} hint="The daemon’s console log on this computer, followed live in step 1">
          {(props) => <input {...props} value={draft.auditLogPath ?? ''} onChange={(e) => update('auditLogPath', e.target.value)} />}
        </Field>
        <label className="check">
          <input type="checkbox" checked={draft.readOnly} onChange={(e) => form.changeReadOnly(e.target.checked)} /> Read-only: never restart or refresh through this connection
        </label>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={form.saving}>
            {form.saving ? 'Saving…' : 'Save connection'}
          </button>
          <button type="button" onClick={() => navigate({ kind: 'home' })}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  )
}
