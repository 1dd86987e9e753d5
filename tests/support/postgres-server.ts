/**
 * A real PostgreSQL server for tests and the bench, from Debian's packages: `initdb` into a temp
 * directory, started on a free loopback port (its unix socket in that directory too), stopped and
 * removed afterwards. As root it runs as the `postgres` user (PostgreSQL refuses to run as root).
 * A missing PostgreSQL fails loudly: the suites that need it must not pass without it.
 */
import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './free-port'

export interface PostgresServer {
  host: string
  port: number
  /** The superuser, with a password (host connections need one). */
  user: string
  password: string
  /** A URL for a database as the superuser. */
  url(database?: string): string
  /** Runs SQL as the superuser through psql (setup only; the code under test uses its own client). */
  psql(sql: string, database?: string): string
  stop(): Promise<void>
}

const INSTALL_HINT = 'install it with `apt-get install -y postgresql` (.ci/run does this)'

/** The directory holding initdb and pg_ctl: the newest Debian cluster version, else the PATH. */
export function postgresBinDir(): string {
  const root = '/usr/lib/postgresql'
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((name) => existsSync(join(root, name, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a))
    if (versions.length > 0) return join(root, versions[0]!, 'bin')
  }
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' })
  const initdb = found.stdout.trim()
  if (found.status === 0 && initdb) return initdb.replace(/\/initdb$/, '')
  throw new Error(`PostgreSQL's server programs (initdb, pg_ctl) are not on this machine: ${INSTALL_HINT}`)
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinDir()
  const dir = mkdtempSync(join(tmpdir(), 'daemon-doctor-pg-'))
  const data = join(dir, 'data')
  const user = 'egeria_admin'
  const password = 'admin-secret'
  const asRoot = process.getuid?.() === 0
  const owner = asRoot ? postgresAccount() : undefined
  if (owner) chownSync(dir, owner.uid, owner.gid)
  chmodSync(dir, 0o700)
  const run = (program: string, args: string[], options: SpawnSyncOptions = {}): string => {
    const result = spawnSync(join(bin, program), args, { encoding: 'utf8', cwd: dir, ...(owner ?? {}), ...options })
    if (result.error) throw new Error(`cannot run ${program}: ${result.error.message}`)
    if (result.status !== 0) throw new Error(`${program} failed (exit ${result.status}): ${String(result.stderr ?? '').trim()}`)
    return String(result.stdout ?? '')
  }
  const passwordFile = join(dir, 'password')
  writeFileSync(passwordFile, password)
  if (owner) chownSync(passwordFile, owner.uid, owner.gid)
  run('initdb', ['-D', data, '-U', user, `--pwfile=${passwordFile}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8'])
  const port = await freePort()
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`
  try {
    run('pg_ctl', ['start', '-D', data, '-w', '-t', '60', '-l', join(dir, 'server.log'), '-o', options])
  } catch (error) {
    const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8') : ''
    rmSync(dir, { recursive: true, force: true })
    throw new Error(`${(error as Error).message}\n${log}`)
  }
  const server: PostgresServer = {
    host: '127.0.0.1',
    port,
    user,
    password,
    url: (database = 'postgres') => `postgresql://${user}:${password}@127.0.0.1:${port}/${database}`,
    psql: (sql, database = 'postgres') =>
      execFileSync(join(bin, 'psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', dir, '-p', String(port), '-U', user, '-d', database, '-At', '-c', sql], { encoding: 'utf8', maxBuffer: 64 << 20 }),
    stop: async () => {
      spawnSync(join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'fast', '-w', '-t', '60'], { cwd: dir, ...(owner ?? {}) })
      rmSync(dir, { recursive: true, force: true })
    }
  }
  return server
}

function postgresAccount(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((entry) => entry.startsWith('postgres:'))
  if (!line) throw new Error(`running as root, PostgreSQL needs the \`postgres\` user, which is missing: ${INSTALL_HINT}`)
  const [, , uid, gid] = line.split(':')
  return { uid: Number(uid), gid: Number(gid) }
}
