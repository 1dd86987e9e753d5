import { TLS_MODE_LABELS, TLS_MODES } from '../../../../shared/models/connection'
import { Field } from './Field'
import type { ConnectionFormState } from './use-connection-form'

/** How the platform's certificate is checked: system CAs, a CA file, or (for one lab connection) not at all. */
export function TlsFields({ form }: { form: ConnectionFormState }): React.JSX.Element {
  const { draft, errors, update, check } = form
  return (
    <fieldset className="field">
      <legend>TLS certificate checking</legend>
      {TLS_MODES.map((mode) => (
        <label key={mode} className="check">
          <input type="radio" name="tls-mode" value={mode} checked={draft.tls.mode === mode} onChange={() => update('tls', { ...draft.tls, mode })} />{' '}
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
  )
}
