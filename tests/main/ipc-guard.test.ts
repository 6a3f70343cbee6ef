// Tests of the IPC guard with mocked invoke events: foreign or missing sender
// frames, malformed envelopes, unknown commands, oversized or exotic payloads
// and throwing handlers all become { ok: false } replies, never exceptions.
import { describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN, isAppUrl } from '../../main/app-origin.ts';
import { createIpcDispatcher, defineIpcCommand, MAX_PAYLOAD_BYTES, payloadSize } from '../../main/ipc-guard.ts';

const echo = vi.fn((text: string) => text.toUpperCase());
const commands = {
  echo: defineIpcCommand((payload) => (typeof payload === 'string' && payload.length <= 100 ? payload : undefined), echo),
  fail: defineIpcCommand(() => null, () => {
    throw new Error('disk full');
  }),
};
const dispatch = createIpcDispatcher(commands, (url) => isAppUrl(url, APP_ORIGIN));
const fromApp = { senderFrame: { url: 'app://workbench/index.html' } };

describe('createIpcDispatcher', () => {
  it('runs a known command from the app frame', async () => {
    expect(await dispatch(fromApp, { command: 'echo', payload: 'hi' })).toEqual({ ok: true, value: 'HI' });
  });

  it('rejects senders outside the app origin and destroyed frames', async () => {
    echo.mockClear();
    for (const url of ['https://example.com/', 'file:///index.html', 'app://evil/index.html', 'about:blank']) {
      expect(await dispatch({ senderFrame: { url } }, { command: 'echo', payload: 'x' })).toEqual({ ok: false, error: 'untrusted sender' });
    }
    expect(await dispatch({ senderFrame: null }, { command: 'echo', payload: 'x' })).toEqual({ ok: false, error: 'untrusted sender' });
    expect(echo).not.toHaveBeenCalled();
  });

  it('rejects malformed envelopes and unknown commands', async () => {
    for (const request of [undefined, null, 'echo', 42, [], {}, { command: 7 }, { command: 'ECHO' }, { command: 'x'.repeat(65) }]) {
      expect(await dispatch(fromApp, request), JSON.stringify(request)).toEqual({ ok: false, error: 'malformed request' });
    }
    for (const command of ['nope', 'constructor', 'to-string', 'has-own-property']) {
      expect(await dispatch(fromApp, { command })).toEqual({ ok: false, error: 'unknown command' });
    }
    expect(await dispatch(fromApp, { command: '__proto__' })).toEqual({ ok: false, error: 'malformed request' });
  });

  it('rejects payloads of the wrong type or too large', async () => {
    expect(await dispatch(fromApp, { command: 'echo', payload: 5 })).toEqual({ ok: false, error: 'invalid payload' });
    expect(await dispatch(fromApp, { command: 'echo', payload: 'x'.repeat(101) })).toEqual({ ok: false, error: 'invalid payload' });
    const huge = new Uint8Array(MAX_PAYLOAD_BYTES + 1);
    expect(await dispatch(fromApp, { command: 'echo', payload: huge })).toEqual({ ok: false, error: 'payload too large' });
    expect(await dispatch(fromApp, { command: 'echo', payload: new Map([[1, 2]]) })).toEqual({ ok: false, error: 'payload too large' });
  });

  it('applies a command\'s own payload bound, above or below the default', async () => {
    const bytes = (payload: unknown): number | undefined => (payload instanceof Uint8Array ? payload.length : undefined);
    const sized = createIpcDispatcher({
      big: defineIpcCommand(bytes, (n) => n, 4 * MAX_PAYLOAD_BYTES),
      small: defineIpcCommand(bytes, (n) => n, 16),
    }, (url) => isAppUrl(url, APP_ORIGIN));
    expect(await sized(fromApp, { command: 'big', payload: new Uint8Array(2 * MAX_PAYLOAD_BYTES) })).toEqual({ ok: true, value: 2 * MAX_PAYLOAD_BYTES });
    expect(await sized(fromApp, { command: 'big', payload: new Uint8Array(4 * MAX_PAYLOAD_BYTES + 1) })).toEqual({ ok: false, error: 'payload too large' });
    expect(await sized(fromApp, { command: 'small', payload: new Uint8Array(16) })).toEqual({ ok: true, value: 16 });
    expect(await sized(fromApp, { command: 'small', payload: new Uint8Array(17) })).toEqual({ ok: false, error: 'payload too large' });
  });

  it('turns a throwing command into an error reply', async () => {
    expect(await dispatch(fromApp, { command: 'fail' })).toEqual({ ok: false, error: 'disk full' });
  });
});

describe('payloadSize', () => {
  it('counts strings, bytes and nested plain data', () => {
    expect(payloadSize('abc', 0)).toBe(6);
    expect(payloadSize(new Uint8Array(10), 0)).toBe(10);
    // key "a", then array keys "0" and "1" with 8 bytes per number.
    expect(payloadSize({ a: [1, 2] }, 0)).toBe(2 + (2 + 8) + (2 + 8));
  });

  it('is Infinity for deep nesting, huge totals and non-plain objects', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 20; i++) deep = [deep];
    expect(payloadSize(deep, 0)).toBe(Infinity);
    expect(payloadSize(Array.from({ length: 1000 }, () => 'y'.repeat(1000)), 0)).toBe(Infinity);
    expect(payloadSize(new Set([1]), 0)).toBe(Infinity);
    expect(payloadSize(new Date(0), 0)).toBe(Infinity);
  });
});
