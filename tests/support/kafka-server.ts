/**
 * A real Apache Kafka broker for tests and the bench, in KRaft mode (one node that is both broker and
 * controller) on free loopback ports. The broker comes from Maven Central: tests/support/kafka/pom.xml
 * names org.apache.kafka:kafka_2.13 and Maven resolves its runtime classpath once into
 * ~/.cache/daemon-doctor/kafka/<version>. It can be restarted on the same ports and storage (to test a
 * reader that follows across a broker restart). A missing Java or Maven fails loudly.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort, waitForPort } from './free-port'

export interface KafkaServer {
  /** The plaintext listener, `127.0.0.1:port`. */
  bootstrap: string
  /** A SASL/PLAIN listener on the same broker: users `reader`/`reader-secret` and `admin`/`admin-secret`. */
  saslBootstrap: string
  /** Stops the broker and starts it again on the same ports and storage. */
  restart(): Promise<void>
  stop(): Promise<void>
}

const POM = join(dirname(fileURLToPath(import.meta.url)), 'kafka', 'pom.xml')
const JAVA_HINT = 'Kafka needs Java 17 or newer and Maven on the PATH (Debian: `apt-get install -y openjdk-17-jre-headless maven`)'

/** Kafka's version, as pinned in our pom. */
export function kafkaVersion(): string {
  const version = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(readFileSync(POM, 'utf8'))?.[1]
  if (!version) throw new Error(`no <kafka.version> in ${POM}`)
  return version
}

/** The broker's jars, resolved from Maven Central into the cache the first time. */
export function kafkaClasspath(): string {
  const version = kafkaVersion()
  const home = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'daemon-doctor', 'kafka', version)
  const lib = join(home, 'lib')
  if (!existsSync(join(home, 'resolved'))) {
    requireTool('java', ['-version'])
    requireTool('mvn', ['-v'])
    const partial = `${lib}.partial-${process.pid}`
    mkdirSync(partial, { recursive: true })
    const resolved = spawnSync('mvn', ['-B', '-q', '-f', POM, 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${partial}`], { encoding: 'utf8' })
    if (resolved.status !== 0) {
      rmSync(partial, { recursive: true, force: true })
      throw new Error(`Maven could not resolve Kafka ${version} from Maven Central (exit ${resolved.status}):\n${resolved.stdout}${resolved.stderr}`)
    }
    // Suites start brokers in parallel: the first to finish installs its copy, later ones drop theirs
    // (never replace jars a running broker may be loading).
    if (existsSync(join(home, 'resolved'))) {
      rmSync(partial, { recursive: true, force: true })
    } else {
      rmSync(lib, { recursive: true, force: true })
      renameSync(partial, lib)
      writeFileSync(join(home, 'resolved'), `${new Date().toISOString()}\n`)
    }
  }
  return `${lib}/*`
}

export async function startKafka(): Promise<KafkaServer> {
  requireTool('java', ['-version'])
  const classpath = kafkaClasspath()
  const dir = mkdtempSync(join(tmpdir(), 'daemon-doctor-kafka-'))
  const [port, saslPort, controllerPort] = [await freePort(), await freePort(), await freePort()]
  const properties = join(dir, 'server.properties')
  writeFileSync(properties, [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},SASL_PLAINTEXT://127.0.0.1:${saslPort},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port},SASL_PLAINTEXT://127.0.0.1:${saslPort}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT',
    'sasl.enabled.mechanisms=PLAIN',
    'listener.name.sasl_plaintext.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="admin-secret" user_admin="admin-secret" user_reader="reader-secret";',
    `log.dirs=${join(dir, 'data')}`,
    // A topic the reader names must exist: Egeria creates its own, and a typo must not create one.
    'auto.create.topics.enable=false',
    'num.partitions=1',
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    ''
  ].join('\n'))
  const java = (args: string[]): string[] => ['-Xms128m', '-Xmx512m', '-XX:+UseSerialGC', '-Xshare:auto', '-cp', classpath, ...args]
  const clusterId = kafkaClusterId()
  const format = spawnSync('java', java(['kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', properties]), { encoding: 'utf8' })
  if (format.status !== 0) {
    rmSync(dir, { recursive: true, force: true })
    throw new Error(`formatting Kafka's storage failed (exit ${format.status}):\n${format.stdout}${format.stderr}`)
  }
  let broker: ChildProcess | undefined
  const launch = async (): Promise<void> => {
    const log = createWriteStream(join(dir, 'broker.log'), { flags: 'a' })
    const child = spawn('java', java(['kafka.Kafka', properties]), { stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout!.pipe(log)
    child.stderr!.pipe(log)
    broker = child
    try {
      await waitForPort(port, 90_000, () => child.exitCode === null)
      await waitForPort(saslPort, 30_000, () => child.exitCode === null)
    } catch (error) {
      child.kill('SIGKILL')
      throw new Error(`Kafka did not start: ${(error as Error).message}\n${tail(join(dir, 'broker.log'))}`)
    }
  }
  const halt = async (): Promise<void> => {
    const child = broker
    broker = undefined
    if (!child || child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    await exited
    clearTimeout(timer)
  }
  try {
    await launch()
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  return {
    bootstrap: `127.0.0.1:${port}`,
    saslBootstrap: `127.0.0.1:${saslPort}`,
    restart: async () => {
      await halt()
      await launch()
    },
    stop: async () => {
      await halt()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

function requireTool(command: string, args: string[]): void {
  const probe = spawnSync(command, args, { encoding: 'utf8' })
  if (probe.error || probe.status !== 0) throw new Error(`\`${command}\` is not usable (${probe.error?.message ?? `exit ${probe.status}`}): ${JAVA_HINT}`)
}

function tail(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-40).join('\n') : ''
}

/**
 * A random cluster ID as Kafka makes them (16 bytes, base64url), never starting with `-`: the storage
 * tool would read one that does as an option and fail (one run in 64 with a plain random ID).
 */
export function kafkaClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url')
    if (!id.startsWith('-')) return id
  }
}
