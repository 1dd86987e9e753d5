/**
 * The Electron shell under a mocked `electron` (no Electron binary exists on build machines):
 * the composition root must register every contract channel, harden the window, and refuse
 * untrusted IPC senders.
 */


import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { channels } from '../shared/channels'
import { tempDir } from '../../tests/temp-dir'

const electron = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>()
  const windows: { options: Record<string, any>; contents: any; loaded?: string }[] = []
  const userData = { path: '' }
  class BrowserWindow {
    webContents: any
    constructor(public options: Record<string, any>) {
      const listeners: Record<string, (...args: any[]) => void> = {}
      this.webContents = {
        mainFrame: { url: 'file:///app/out/renderer/index.html' },
        listeners,
        on: (name: string, listener: (...args: any[]) => void) => (listeners[name] = listener),
        setWindowOpenHandler: vi.fn(),
        send: vi.fn(),
        isDestroyed: () => false,
        session: { setPermissionRequestHandler: vi.fn() }
      }
      windows.push({ options, contents: this.webContents })
    }
    once = vi.fn()
    on = vi.fn()
    loadFile = vi.fn(async (file: string) => void (windows.at(-1)!.loaded = file))
    loadURL = vi.fn(async () => {})
  }
  return {
    handlers,
    windows,
    userData,
    module: {
      app: {
        setName: vi.fn(),
        setPath: vi.fn((_name: string, value: string) => (userData.path = value)),
        getPath: vi.fn(() => userData.path),
        getVersion: () => '0.0.0-test',
        getName: () => 'Daemon Doctor',
        enableSandbox: vi.fn(),
        whenReady: vi.fn(async () => {}),
        on: vi.fn(),
        quit: vi.fn()
      },
      ipcMain: {
        handle: vi.fn((channel: string, handler: any) => handlers.set(channel, handler)),
        removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
        on: vi.fn()
      },
      shell: { openExternal: vi.fn(async () => {}) },
      safeStorage: {
        isEncryptionAvailable: () => true,
        encryptString: (value: string) => Buffer.from(`sealed:${value}`),
        decryptString: (value: Buffer) => value.toString().replace(/^sealed:/, '')
      },
      BrowserWindow
    }
  }
})

vi.mock('electron', () => ({ ...electron.module, default: electron.module }))

beforeEach(() => {
  electron.userData.path = tempDir('daemon-doctor-shell-')
})

async function startShell() {
  vi.resetModules()
  electron.handlers.clear()
  electron.windows.length = 0
  process.env.DAEMON_DOCTOR_DATA_DIR = electron.userData.path
  const shell = await import('./index')
  await vi.waitFor(() => expect(electron.windows).toHaveLength(1))
  return shell
}

describe('Electron shell', () => {
  it('registers exactly the contract channels with ipcMain.handle', async () => {
    await startShell()
    expect([...electron.handlers.keys()].sort()).toEqual(channels.map((entry) => entry.channel).sort())
  })

  it('creates the window sandboxed and isolated, with a CJS preload', async () => {
    await startShell()
    const { webPreferences } = electron.windows[0]!.options
    expect(webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true })
    expect(webPreferences.preload).toMatch(/preload[/\\]index\.cjs$/)
    expect(electron.module.app.enableSandbox).toHaveBeenCalled()
  })

  it('denies navigation and new windows, and opens only https links externally', async () => {
    await startShell()
    const contents = electron.windows[0]!.contents
    const navigate = { preventDefault: vi.fn() }
    contents.listeners['will-navigate'](navigate)
    expect(navigate.preventDefault).toHaveBeenCalled()
    const openHandler = contents.setWindowOpenHandler.mock.calls[0][0]
    expect(openHandler({ url: 'https://egeria-project.org/' })).toEqual({ action: 'deny' })
    expect(openHandler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(electron.module.shell.openExternal).toHaveBeenCalledTimes(1)
    expect(electron.module.shell.openExternal).toHaveBeenCalledWith('https://egeria-project.org/')
  })

  it('answers trusted calls with Results and refuses other senders', async () => {
    await startShell()
    const contents = electron.windows[0]!.contents
    const list = electron.handlers.get('connections:list')!
    expect(await list({ sender: contents, senderFrame: contents.mainFrame })).toEqual({ ok: true, value: [] })

    const foreignFrame = { url: 'https://evil.example/' }
    const refused = await list({ sender: contents, senderFrame: foreignFrame })
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/unexpected sender/) } })
    const subFrame = await list({ sender: contents, senderFrame: { url: 'file:///app/out/renderer/index.html' } })
    expect(subFrame).toMatchObject({ ok: false })
    expect(await list({ sender: contents, senderFrame: null })).toMatchObject({ ok: false })
  })

  it('validates arguments before any service runs', async () => {
    await startShell()
    const contents = electron.windows[0]!.contents
    const save = electron.handlers.get('connections:save')!
    const outcome = (await save({ sender: contents, senderFrame: contents.mainFrame }, { name: 'x', platformUrl: 'javascript:alert(1)' })) as any
    expect(outcome.ok).toBe(false)
    expect(outcome.error.fields.platformUrl).toBe('Only http:// and https:// URLs are supported')
  })

  it('seals passwords with safeStorage and reports encrypted storage', async () => {
    await startShell()
    const contents = electron.windows[0]!.contents
    const event = { sender: contents, senderFrame: contents.mainFrame }
    const saved = (await electron.handlers.get('connections:save')!(event, {
      name: 'Prod daemon', platformUrl: 'https://egeria.example:9443', serverName: 'exchangeDL01', userId: 'u',
      password: 'hunter2-long', egeriaVersion: '5', tls: { mode: 'system' }, environment: 'prod', readOnly: true
    })) as any
    expect(saved.value).toMatchObject({ hasPassword: true })
    expect(JSON.stringify(saved)).not.toContain('hunter2-long')
    const { readFileSync } = await import('node:fs')
    const sealed = readFileSync(join(electron.userData.path, 'secrets.json'), 'utf8')
    expect(sealed).not.toContain('hunter2-long')
    expect(readFileSync(join(electron.userData.path, 'connections.json'), 'utf8')).not.toContain('hunter2')
    const info = (await electron.handlers.get('app:info')!(event)) as any
    expect(info.value).toMatchObject({ host: 'desktop', secretStorage: 'encrypted' })
  })
})
