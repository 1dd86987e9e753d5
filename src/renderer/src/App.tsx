export function App(): React.JSX.Element {
  return <main>Daemon Doctor</main>
}
