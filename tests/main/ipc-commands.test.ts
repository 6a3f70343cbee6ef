// Tests of the renderer-invokable command table through the real guard
// (snapshot file commands: tests/main/snapshot-files.test.ts).
import { describe, expect, it, vi } from 'vitest';
import { workbenchIpcCommands, parseNoPayload } from '../../main/ipc-commands.ts';
import { createIpcDispatcher } from '../../main/ipc-guard.ts';

const info = { name: 'rvos-workbench', version: '0.1.0', platform: 'linux' };
const connectVm = vi.fn(() => true);
const files = {
  showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), fileSize: vi.fn(), readFile: vi.fn(), writeFile: vi.fn(),
};
const dispatch = createIpcDispatcher(workbenchIpcCommands({ info, connectVm, files }), (url) => url.startsWith('app://workbench/'));
const fromApp = { senderFrame: { url: 'app://workbench/index.html' } };

describe('workbenchIpcCommands', () => {
  it('answers app-info with a copy of the app info', async () => {
    const reply = await dispatch(fromApp, { command: 'app-info' });
    expect(reply).toEqual({ ok: true, value: info });
    expect(reply.ok && reply.value).not.toBe(info);
  });

  it('rejects app-info with a payload', async () => {
    expect(await dispatch(fromApp, { command: 'app-info', payload: 1 })).toEqual({ ok: false, error: 'invalid payload' });
    expect(parseNoPayload(undefined)).toBeNull();
    expect(parseNoPayload(null)).toBeUndefined();
  });

  it('answers vm-connect by posting a port, and says so when there is no window', async () => {
    expect(await dispatch(fromApp, { command: 'vm-connect' })).toEqual({ ok: true, value: null });
    expect(connectVm).toHaveBeenCalledTimes(1);
    connectVm.mockReturnValueOnce(false);
    expect(await dispatch(fromApp, { command: 'vm-connect' })).toEqual({ ok: false, error: 'no workbench window to connect' });
    expect(await dispatch(fromApp, { command: 'vm-connect', payload: {} })).toEqual({ ok: false, error: 'invalid payload' });
  });
});
