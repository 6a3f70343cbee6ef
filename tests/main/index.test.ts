// Tests that main/index.ts wires the guards into the app, with Electron mocked:
// scheme registered before ready, app:// handler and IPC dispatcher installed,
// every new webContents guarded, the menu set, the window loading app://.
import { describe, expect, it, vi } from 'vitest';

const mocks = vi.hoisted(() => {
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  const windows: { options: unknown; loadURL: ReturnType<typeof vi.fn>; webContents: { send: ReturnType<typeof vi.fn> } }[] = [];
  let ready: () => void = () => {};
  const readyPromise = new Promise<void>((resolve) => { ready = resolve; });
  class BrowserWindow {
    loadURL = vi.fn(() => Promise.resolve());
    webContents = { send: vi.fn() };
    constructor(public options: unknown) { windows.push(this); }
    static getFocusedWindow = () => windows[0];
    static getAllWindows = () => windows;
  }
  return {
    appListeners, windows, fireReady: () => ready(),
    electron: {
      app: {
        whenReady: () => readyPromise,
        on: (name: string, listener: (...args: unknown[]) => void) => appListeners.set(name, listener),
        getName: () => 'rvos-workbench', getVersion: () => '0.1.0', isPackaged: true, quit: vi.fn(),
      },
      BrowserWindow,
      ipcMain: { handle: vi.fn() },
      Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    },
  };
});
vi.mock('electron', () => mocks.electron);
delete process.env['ELECTRON_RENDERER_URL'];
await import('../../main/index.ts');

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
    const [channel, dispatch] = ipcMain.handle.mock.calls[0] as [string, (event: unknown, request: unknown) => Promise<unknown>];
    expect(channel).toBe('rvos:invoke');
    expect(await dispatch({ senderFrame: { url: 'https://evil.example/' } }, { command: 'app-info' })).toEqual({ ok: false, error: 'untrusted sender' });
    expect(await dispatch({ senderFrame: { url: 'app://workbench/index.html' } }, { command: 'app-info' }))
      .toEqual({ ok: true, value: { name: 'rvos-workbench', version: '0.1.0', platform: process.platform } });
    expect(Menu.setApplicationMenu).toHaveBeenCalled();
    const window = mocks.windows[0]!;
    expect(window.loadURL).toHaveBeenCalledWith('app://workbench/index.html');
    expect((window.options as { webPreferences: { sandbox: boolean; preload: string } }).webPreferences)
      .toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
  });

  it('forwards menu clicks to the window as menu commands', () => {
    const [template] = mocks.electron.Menu.buildFromTemplate.mock.calls[0] as [{ label?: string; submenu?: { id?: string; click?: () => void }[] }[]];
    const boot = template.find((menu) => menu.label === 'VM')!.submenu!.find((item) => item.id === 'boot')!;
    boot.click!();
    expect(mocks.windows[0]!.webContents.send).toHaveBeenCalledWith('rvos:menu-command', 'boot');
  });
});
