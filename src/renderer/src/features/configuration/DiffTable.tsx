import type { ConfigurationDiffLine } from '../../../../shared/models/configuration'

/** Old and new values side by side; "unset" says a value is absent, not empty. */
export function DiffTable({ lines, caption, afterLabel }: { lines: ConfigurationDiffLine[]; caption: string; afterLabel: string }): React.JSX.Element {
  return (
    <table className="configuration-diff">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">{afterLabel}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.field}>
            <th scope="row">{line.field}</th>
            <td>
              <del>{line.before === undefined ? <span className="muted">unset</span> : <code>{line.before}</code>}</del>
            </td>
            <td>
              <ins>{line.after === undefined ? <span className="muted">unset</span> : <code>{line.after}</code>}</ins>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
