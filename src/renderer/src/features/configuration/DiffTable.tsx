import type { ConfigurationDiffLine } from '../../../../shared/models/configuration'
import './configuration.css'

interface Props {
  lines: ConfigurationDiffLine[]
  caption: string
  afterLabel: string
  /** The same fields as read back after the change, shown in a column of their own. */
  readBack?: ConfigurationDiffLine[]
}

const shown = (value: string | undefined): React.JSX.Element => (value === undefined ? <span className="muted">unset</span> : <code>{value}</code>)

/** Old and new values side by side; "unset" says a value is absent, not empty. */
export function DiffTable({ lines, caption, afterLabel, readBack }: Props): React.JSX.Element {
  return (
    <table className="configuration-diff">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">{afterLabel}</th>
          {readBack && <th scope="col">Read back</th>}
        </tr>
      </thead>
      <tbody>
        {lines.map((line, index) => (
          <tr key={line.field}>
            <th scope="row">{line.field}</th>
            <td>
              <del>{shown(line.before)}</del>
            </td>
            <td>
              <ins>{shown(line.after)}</ins>
            </td>
            {readBack && <td>{shown(readBack[index]?.after)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
