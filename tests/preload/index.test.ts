// Tests of the preload bridge with Electron mocked: only named methods are
// exposed, invokes go through rvos:invoke with their command names, menu
// commands and VM host notices are filtered to known shapes, and main's VM
// host port is forwarded to the page's own origin.
import { afterAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(() => Promise.resolve({ ok: true, value: 1 })), on: vi.fn(), removeListener: vi.fn() },
}));
vi.mock('electron', () => electron);
await import('../../preload/index.ts');

const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, import('../../preload/workbench-api.ts').WorkbenchApi];
type Forward = (event: unknown, value?: unknown) => void;
const onCalls = (): [string, Forward][] => electron.ipcRenderer.on.mock.calls as unknown as [string, Forward][];

describe('preload bridge', () => {
  it('exposes window.rvos with named methods only, no ipcRenderer', () => {
    expect(name).toBe('rvos');
    expect(Object.keys(api).sort()).toEqual([
      'appInfo', 'connectVm', 'host', 'listSources', 'onMenuCommand', 'onSourceChanged', 'onVmHostNotice', 'openSnapshotFile', 'saveSnapshotFile', 'writeSource',
    ]);
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
  });

  it('sends each invoke through rvos:invoke with its command', async () => {
    expect(await api.appInfo()).toEqual({ ok: true, value: 1 });
    await api.connectVm();
    await api.openSnapshotFile();
    const bytes = new Uint8Array([1, 2]);
    await api.saveSnapshotFile('boot', bytes);
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      ['rvos:invoke', { command: 'app-info' }],
      ['rvos:invoke', { command: 'vm-connect' }],
      ['rvos:invoke', { command: 'snapshot-open' }],
      ['rvos:invoke', { command: 'snapshot-write', payload: { name: 'boot', bytes } }],
    ]);
  });

  it('forwards only known menu commands and stops on unsubscribe', () => {
    const listener = vi.fn();
    const stop = api.onMenuCommand(listener);
    const [channel, forward] = onCalls().at(-1)!;
    expect(channel).toBe('rvos:menu-command');
    forward({}, 'boot');
    forward({}, 'format-disk');
    forward({}, { command: 'boot' });
    expect(listener.mock.calls).toEqual([['boot']]);
    stop();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith('rvos:menu-command', forward);
  });

  it('forwards only well-formed VM host notices', () => {
    const listener = vi.fn();
    const stop = api.onVmHostNotice(listener);
    const [channel, forward] = onCalls().at(-1)!;
    expect(channel).toBe('rvos:vm-host-notice');
    const notice = { kind: 'restarted', exitCode: 9, message: 'restarted' };
    forward({}, notice);
    forward({}, { kind: 'exploded', exitCode: 9, message: 'x' });
    forward({}, { kind: 'failed', exitCode: '9', message: 'x' });
    forward({}, null);
    expect(listener.mock.calls).toEqual([[notice]]);
    stop();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith('rvos:vm-host-notice', forward);
  });

  it('lists and writes sources through rvos:invoke, copying only path and text', async () => {
    electron.ipcRenderer.invoke.mockClear();
    await api.listSources();
    await api.writeSource({ path: 'programs/hello/hello.c', text: 'x', extra: 1 } as never);
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      ['rvos:invoke', { command: 'source-list' }],
      ['rvos:invoke', { command: 'source-write', payload: { path: 'programs/hello/hello.c', text: 'x' } }],
    ]);
  });

  it('forwards only valid source changes of editable files', () => {
    const listener = vi.fn();
    const stop = api.onSourceChanged(listener);
    const [channel, forward] = onCalls().at(-1)!;
    expect(channel).toBe('rvos:source-changed');
    const change = { path: 'librvos/wire.c', text: '/* wire */' };
    forward({}, change);
    forward({}, { path: '../etc/passwd.c', text: 'x' });
    forward({}, { path: 'programs/hello/hello.c', text: 3 });
    forward({}, null);
    expect(listener.mock.calls).toEqual([[change]]);
    stop();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith('rvos:source-changed', forward);
  });

  describe('VM host port', () => {
    const page = globalThis as unknown as { location?: unknown; postMessage?: unknown };
    afterAll(() => { delete page.location; delete page.postMessage; });

    it('is listened for from the start and posted to the page\'s own origin with the port transferred', () => {
      const [channel, forward] = onCalls().find(([c]) => c === 'rvos:vm-port')!;
      expect(channel).toBe('rvos:vm-port');
      const postMessage = vi.fn();
      page.location = { origin: 'app://workbench' };
      page.postMessage = postMessage;
      const port = { name: 'port2' };
      forward({ ports: [port] });
      forward({ ports: [] });
      expect(postMessage.mock.calls).toEqual([[{ type: 'rvos:vm-port' }, 'app://workbench', [port]]]);
    });
  });
});
