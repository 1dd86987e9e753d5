import { loginSendsPasswordInClear, PASSWORD_IN_CLEAR, type Connection } from '../../../../shared/models/connection'
import { useAppStore } from '../../store'
import { Field } from './Field'
import type { ConnectionFormState } from './use-connection-form'

interface Props {
  form: ConnectionFormState
  existing: Connection | undefined
}

/** User ID and password, the saved password's removal, and a warning when logging in would send it unencrypted. */
export function CredentialFields({ form, existing }: Props): React.JSX.Element {
  const secretStorage = useAppStore((state) => state.appInfo?.secretStorage)
  const { draft, errors, update, check, removePassword, setRemovePassword } = form
  const hasPassword = Boolean(draft.password) || (Boolean(existing?.hasPassword) && !removePassword)
  const passwordInClear = hasPassword && loginSendsPasswordInClear(draft.platformUrl, draft.egeriaVersion)
  return (
    <>
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
      {passwordInClear && (
        <p className="callout warning" data-testid="password-in-clear">
          <span aria-hidden="true">⚠ </span>
          {PASSWORD_IN_CLEAR}
        </p>
      )}
    </>
  )
}
