/**
 * One of the two processes of the shared-settings test: saves N connections named `<prefix> <n>`
 * into the data folder, as fast as it can, then prints how many connections it sees.
 * Usage: node --import tsx save-connections.ts DATA_DIR PREFIX N
 */
import { ConnectionService } from '../../src/main/services/connection-service'
import { createMemorySecretStore } from '../../src/main/services/secret-store'

const [dataDir, prefix, count] = process.argv.slice(2)
const service = new ConnectionService({ dataDir: dataDir!, secrets: createMemorySecretStore(), emit: () => {} })
for (let n = 1; n <= Number(count); n += 1) {
  service.save({
    name: `${prefix} ${n}`,
    platformUrl: 'https://localhost:9443',
    serverName: 'exchangeDL01',
    userId: 'garygeeke',
    egeriaVersion: 'auto',
    tls: { mode: 'system' },
    environment: 'dev',
    readOnly: false
  })
}
// The other process may still be saving: wait until it has finished or a few seconds have passed.
const deadline = Date.now() + 10_000
while (service.list().length < 2 * Number(count) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
console.log(`saw ${service.list().length} at the end`)
