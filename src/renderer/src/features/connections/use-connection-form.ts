import { useState } from 'react'
import { connectionDraftSchema, emptyDraft, type Connection, type ConnectionDraft } from '../../../../shared/models/connection'
import { fieldErrors } from '../../../../shared/validation'
import { useAppStore } from '../../store'

function draftFrom(connection?: Connection): ConnectionDraft {
  if (!connection) return emptyDraft()
  const { id, name, platformUrl, serverName, userId, egeriaVersion, tls, environment, readOnly, auditLogPath, auditDestination } = connection
  return { id, name, platformUrl, serverName, userId, egeriaVersion, tls: { ...tls }, environment, readOnly, auditLogPath, auditDestination }
}

function focusFirstError(): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
}

export interface ConnectionFormState {
  draft: ConnectionDraft
  errors: Record<string, string>
  formError?: string
  saving: boolean
  removePassword: boolean
  setRemovePassword(remove: boolean): void
  update<K extends keyof ConnectionDraft>(key: K, value: ConnectionDraft[K]): void
  /** Validates one field on blur with the same schema main uses, so messages agree. */
  check(path: string): void
  changeEnvironment(environment: ConnectionDraft['environment']): void
  changeReadOnly(readOnly: boolean): void
  submit(event: React.FormEvent): Promise<void>
}

/** The draft of a new or edited connection, validated as main validates it, and its saving. */
export function useConnectionForm(existing: Connection | undefined): ConnectionFormState {
  const save = useAppStore((state) => state.saveConnection)
  const navigate = useAppStore((state) => state.navigate)
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

  const check = (path: string): void => {
    const parsed = connectionDraftSchema.safeParse(draft)
    const message = parsed.success ? undefined : fieldErrors(parsed.error)[path]
    setErrors(({ [path]: _old, ...rest }) => (message ? { ...rest, [path]: message } : rest))
  }

  const changeEnvironment = (environment: ConnectionDraft['environment']): void => {
    update('environment', environment)
    if (!readOnlyTouched) update('readOnly', environment === 'prod')
  }

  const changeReadOnly = (readOnly: boolean): void => {
    setReadOnlyTouched(true)
    update('readOnly', readOnly)
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

  return { draft, errors, formError, saving, removePassword, setRemovePassword, update, check, changeEnvironment, changeReadOnly, submit }
}
