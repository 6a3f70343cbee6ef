// Tests of the preload bridge with Electron mocked: only named methods are
// exposed, app-info goes through rvos:invoke, and menu commands are filtered
// to the known ones.
import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(() => Promise.resolve({ ok: true, value: 1 })), on: vi.fn(), removeListener: vi.fn() },
}));
vi.mock('electron', () => electron);
await import('../../preload/index.ts');

const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, import('../../preload/workbench-api.ts').WorkbenchApi];

describe('preload bridge', () => {
  it('exposes window.rvos with named methods only, no ipcRenderer', () => {
    expect(name).toBe('rvos');
    expect(Object.keys(api).sort()).toEqual(['appInfo', 'host', 'onMenuCommand']);
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
  });

  it('sends appInfo through rvos:invoke', async () => {
    expect(await api.appInfo()).toEqual({ ok: true, value: 1 });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('rvos:invoke', { command: 'app-info' });
  });

  it('forwards only known menu commands and stops on unsubscribe', () => {
    const listener = vi.fn();
    const stop = api.onMenuCommand(listener);
    const [channel, forward] = electron.ipcRenderer.on.mock.calls[0] as unknown as [string, (event: unknown, command: unknown) => void];
    expect(channel).toBe('rvos:menu-command');
    forward({}, 'boot');
    forward({}, 'format-disk');
    forward({}, { command: 'boot' });
    expect(listener.mock.calls).toEqual([['boot']]);
    stop();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith('rvos:menu-command', forward);
  });
});
