// Tests that main/index.ts wires the app together, with Electron mocked:
// scheme registered before ready, app:// handler and IPC dispatcher installed,
// every new webContents guarded, the menu set, the window opening with its
// remembered bounds and loading app://, the VM host's utility process forked,
// connected to the renderer by a MessageChannelMain, restarted and stopped.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const mocks = vi.hoisted(() => {
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  type Listener = (...args: unknown[]) => void;
  class Emitter {
    readonly listeners = new Map<string, Listener[]>();
    on(name: string, listener: Listener): this { this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]); return this; }
    emit(name: string, ...args: unknown[]): void { for (const listener of this.listeners.get(name) ?? []) listener(...args); }
  }
  const windows: BrowserWindow[] = [];
  const children: UtilityProcess[] = [];
  let ready: () => void = () => {};
  const readyPromise = new Promise<void>((resolve) => { ready = resolve; });
  class BrowserWindow extends Emitter {
    loadURL = vi.fn(() => Promise.resolve());
    maximize = vi.fn();
    webContents = { send: vi.fn(), postMessage: vi.fn() };
    constructor(public options: Record<string, unknown>) { super(); windows.push(this); }
    isDestroyed = () => false;
    getNormalBounds = () => ({ x: 0, y: 0, width: 800, height: 600 });
    isMaximized = () => false;
    static getFocusedWindow = () => windows[0];
    static getAllWindows = () => windows;
  }
  class UtilityProcess extends Emitter {
    postMessage = vi.fn();
    kill = vi.fn(() => true);
    constructor(public modulePath: string, public options: unknown) { super(); children.push(this); }
  }
  let channels = 0;
  class MessageChannelMain {
    port1: string;
    port2: string;
    constructor() { channels++; this.port1 = `port1#${channels}`; this.port2 = `port2#${channels}`; }
  }
  const userData = { path: '' };
  return {
    appListeners, windows, children, userData, fireReady: () => ready(),
    electron: {
      app: {
        whenReady: () => readyPromise,
        on: (name: string, listener: (...args: unknown[]) => void) => appListeners.set(name, listener),
        getName: () => 'rvos-workbench', getVersion: () => '0.1.0', isPackaged: true, quit: vi.fn(),
        getPath: (name: string) => (name === 'userData' ? userData.path : '/nowhere'),
      },
      BrowserWindow,
      MessageChannelMain,
      dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
      ipcMain: { handle: vi.fn() },
      Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
      session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
      utilityProcess: { fork: (modulePath: string, _args: string[], options: unknown) => new UtilityProcess(modulePath, options) },
    },
  };
});
vi.mock('electron', () => mocks.electron);
delete process.env['ELECTRON_RENDERER_URL'];
mocks.userData.path = mkdtempSync(join(tmpdir(), 'rvos-user-data-'));
writeFileSync(join(mocks.userData.path, 'window-state.json'), JSON.stringify({ bounds: { x: 100, y: 50, width: 1000, height: 700 }, maximized: true }));
await import('../../main/index.ts');
afterAll(() => rmSync(mocks.userData.path, { recursive: true, force: true }));

type Dispatch = (event: unknown, request: unknown) => Promise<unknown>;
const fromApp = { senderFrame: { url: 'app://workbench/index.html' } };

describe('main/index.ts', () => {
  it('registers app:// before ready and guards each new webContents', () => {
    const { protocol } = mocks.electron;
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(protocol.handle).not.toHaveBeenCalled();
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    mocks.appListeners.get('web-contents-created')!({}, contents);
    expect(contents.on.mock.calls.map(([name]) => name)).toEqual(['will-navigate', 'will-redirect', 'will-attach-webview']);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
  });

  it('on ready installs protocol, permissions, IPC and menu, then loads the app over app://', async () => {
    mocks.fireReady();
    await vi.waitFor(() => expect(mocks.windows.length).toBe(1));
    const { protocol, ipcMain, Menu, session } = mocks.electron;
    expect(protocol.handle.mock.calls[0]![0]).toBe('app');
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    const [channel, dispatch] = ipcMain.handle.mock.calls[0] as [string, Dispatch];
    expect(channel).toBe('rvos:invoke');
    expect(await dispatch({ senderFrame: { url: 'https://evil.example/' } }, { command: 'app-info' })).toEqual({ ok: false, error: 'untrusted sender' });
    expect(await dispatch(fromApp, { command: 'app-info' }))
      .toEqual({ ok: true, value: { name: 'rvos-workbench', version: '0.1.0', platform: process.platform } });
    expect(Menu.setApplicationMenu).toHaveBeenCalled();
    const window = mocks.windows[0]!;
    expect(window.loadURL).toHaveBeenCalledWith('app://workbench/index.html');
    expect((window.options as { webPreferences: { sandbox: boolean; preload: string } }).webPreferences)
      .toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
  });

  it('opens the window with the remembered bounds, maximized, and saves them on close', () => {
    const window = mocks.windows[0]!;
    expect(window.options).toMatchObject({ x: 100, y: 50, width: 1000, height: 700, minWidth: 640, minHeight: 400 });
    expect(window.maximize).toHaveBeenCalled();
    expect(window.listeners.get('close')?.length).toBe(1);
    expect(window.listeners.get('move')?.length).toBe(1);
  });

  it('forwards menu clicks to the window as menu commands', () => {
    const [template] = mocks.electron.Menu.buildFromTemplate.mock.calls[0] as [{ label?: string; submenu?: { id?: string; click?: () => void }[] }[]];
    const boot = template.find((menu) => menu.label === 'VM')!.submenu!.find((item) => item.id === 'boot')!;
    boot.click!();
    expect(mocks.windows[0]!.webContents.send).toHaveBeenCalledWith('rvos:menu-command', 'boot');
  });

  it('forks the VM host utility process and connects the renderer to it with a MessageChannelMain', async () => {
    expect(mocks.children.length).toBe(1);
    const child = mocks.children[0]!;
    expect(child.modulePath).toMatch(/[/\\]main[/\\]vm-utility\.js$/);
    expect(child.options).toEqual({ serviceName: 'rvos VM host' });
    const dispatch = mocks.electron.ipcMain.handle.mock.calls[0]![1] as Dispatch;
    expect(await dispatch(fromApp, { command: 'vm-connect' })).toEqual({ ok: true, value: null });
    expect(child.postMessage).toHaveBeenCalledWith({ type: 'rvos:vm-connect' }, ['port1#1']);
    expect(mocks.windows[0]!.webContents.postMessage).toHaveBeenCalledWith('rvos:vm-port', null, ['port2#1']);
  });

  it('restarts a crashed VM host, notifies the renderer and hands it a new port', () => {
    const window = mocks.windows[0]!;
    mocks.children[0]!.emit('exit', 134);
    expect(window.webContents.send).toHaveBeenCalledWith('rvos:vm-host-notice', expect.objectContaining({ kind: 'restarted', exitCode: 134 }));
    expect(mocks.children.length).toBe(2);
    expect(mocks.children[1]!.postMessage).toHaveBeenCalledWith({ type: 'rvos:vm-connect' }, ['port1#2']);
    expect(window.webContents.postMessage).toHaveBeenLastCalledWith('rvos:vm-port', null, ['port2#2']);
  });

  it('stops the VM host when the app quits, without a restart', () => {
    mocks.appListeners.get('will-quit')!();
    const child = mocks.children[1]!;
    expect(child.kill).toHaveBeenCalled();
    child.emit('exit', 0);
    expect(mocks.children.length).toBe(2);
  });
});
