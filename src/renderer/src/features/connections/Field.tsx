import { useId } from 'react'

interface FieldControlProps {
  id: string
  name: string
  'aria-invalid': boolean
  'aria-describedby'?: string
}

/** A labelled form control with its hint and error, wired for screen readers. */
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
