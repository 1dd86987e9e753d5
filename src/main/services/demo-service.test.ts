import { existsSync, readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startSimulator } from '../simulator'
import { tempDir } from '../../../tests/temp-dir'
import { ConnectionService, DEMO_CONNECTION_ID } from './connection-service'
import { DemoService } from './demo-service'
import { createMemorySecretStore } from './secret-store'

const started: DemoService[] = []
afterEach(async () => {
  await Promise.all(started.splice(0).map((service) => service.dispose()))
})

function setup(dataDir = tempDir()) {
  const secrets = createMemorySecretStore()
  const connections = new ConnectionService({ dataDir, secrets, emit: vi.fn() })
  const demo = new DemoService({ connections, dataDir, startSimulator })
  started.push(demo)
  return { connections, secrets, demo, dataDir }
}

describe('DemoService', () => {
  it('starts coco-pharma in-process and saves a connection that reaches it over HTTP', async () => {
    const { connections, demo } = setup()
    const info = await demo.start(3)
    expect(info).toMatchObject({ running: true, scenario: 'coco-pharma', egeria: { major: 3 }, connectionId: DEMO_CONNECTION_ID })
    const connection = connections.get(DEMO_CONNECTION_ID)
    expect(connection).toMatchObject({ demo: true, serverName: 'exchangeDL01', platformUrl: info.platformUrl, egeriaVersion: '3' })
    expect(new URL(connection.platformUrl).hostname).toBe('127.0.0.1')

    const origin = await fetch(`${connection.platformUrl}/open-metadata/platform-services/users/${connection.userId}/server-platform/origin`)
    expect(await origin.text()).toMatch(/Egeria OMAG Server Platform \(version 3\./)
    expect(existsSync(info.auditLogPath!)).toBe(true)
    expect(readFileSync(info.auditLogPath!, 'utf8')).toContain('INTEGRATION-DAEMON-SERVICES-0031')
  })

  it('shows and changes the simulated world, refusing names it does not have', async () => {
    const { demo } = setup()
    await demo.start(3)
    expect(demo.world().metadataServers.cocoMDS1).toMatchObject({ available: false })
    expect(demo.updateWorld({ metadataServers: { cocoMDS1: { available: true } } }).metadataServers.cocoMDS1!.available).toBe(true)
    expect(() => demo.updateWorld({ metadataServers: { nope: { available: true } } })).toThrow(/no metadata server named nope/)
  })

  it('restarts for another Egeria version, with the 6.x password kept as a secret', async () => {
    const { connections, secrets, demo } = setup()
    await demo.start(3)
    const six = await demo.start(6)
    expect(six.egeria?.major).toBe(6)
    expect(connections.get(DEMO_CONNECTION_ID)).toMatchObject({ egeriaVersion: '6', hasPassword: true })
    expect(secrets.get(DEMO_CONNECTION_ID)).toBeTruthy()
  })

  it('stops cleanly and drops a demo connection left by an earlier run', async () => {
    const { connections, demo, dataDir } = setup()
    await demo.start(4)
    const stopped = await demo.stop()
    expect(stopped.running).toBe(false)
    expect(connections.list()).toEqual([])
    expect(() => demo.world()).toThrow(/not running/)

    await demo.start(4)
    expect(connections.list().map((c) => c.id)).toEqual([DEMO_CONNECTION_ID])
    const reopened = setup(dataDir)
    expect(reopened.connections.list()).toEqual([])
  })
})
