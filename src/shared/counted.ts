/** A count with its noun in the right number: "1 connector", "3 connectors", "2 refreshes". */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`
}
