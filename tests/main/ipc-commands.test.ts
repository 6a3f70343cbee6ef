// Tests of the renderer-invokable command table through the real guard.
import { describe, expect, it } from 'vitest';
import { workbenchIpcCommands, parseNoPayload } from '../../main/ipc-commands.ts';
import { createIpcDispatcher } from '../../main/ipc-guard.ts';

const info = { name: 'rvos-workbench', version: '0.1.0', platform: 'linux' };
const dispatch = createIpcDispatcher(workbenchIpcCommands(info), (url) => url.startsWith('app://workbench/'));
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
});
