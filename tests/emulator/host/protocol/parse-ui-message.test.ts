// Validation of messages reaching the VM host (emulator/host/protocol/parse-ui-message.ts):
// well-formed requests and inputs pass through typed; malformed ones are refused
// with a reason, and with the request id when one could be read.

import { describe, expect, it } from 'vitest';
import { MAX_CONSOLE_INPUT, MAX_STEP_INSTRUCTIONS } from '../../../../emulator/host/protocol/limits.ts';
import { parseUiMessage } from '../../../../emulator/host/protocol/parse-ui-message.ts';

describe('parseUiMessage', () => {
  it('accepts every request op with its parameters', () => {
    for (const op of ['pause', 'resume', 'reset', 'get-state', 'introspect', 'boot']) {
      expect(parseUiMessage({ kind: 'request', id: 7, op })).toEqual({ ok: true, message: { kind: 'request', id: 7, op } });
    }
    expect(parseUiMessage({ kind: 'request', id: 1, op: 'boot', ramMib: 64 })).toEqual({ ok: true, message: { kind: 'request', id: 1, op: 'boot', ramMib: 64 } });
    expect(parseUiMessage({ kind: 'request', id: 2, op: 'step', instructions: 1000 }))
      .toEqual({ ok: true, message: { kind: 'request', id: 2, op: 'step', instructions: 1000 } });
  });

  it('drops fields an op does not take', () => {
    const parsed = parseUiMessage({ kind: 'request', id: 3, op: 'pause', instructions: 5, extra: { big: 'x'.repeat(100) } });
    expect(parsed).toEqual({ ok: true, message: { kind: 'request', id: 3, op: 'pause' } });
  });

  it('refuses bad step counts and RAM sizes, naming the request id', () => {
    for (const instructions of [0, -1, 1.5, MAX_STEP_INSTRUCTIONS + 1, '10', undefined, Number.NaN]) {
      const parsed = parseUiMessage({ kind: 'request', id: 9, op: 'step', instructions });
      expect(parsed).toMatchObject({ ok: false, id: 9, error: expect.stringMatching(/^step: instructions/) });
    }
    for (const ramMib of [8, 4096, 64.5, '64']) {
      expect(parseUiMessage({ kind: 'request', id: 4, op: 'boot', ramMib })).toMatchObject({ ok: false, id: 4, error: expect.stringMatching(/^boot: ramMib/) });
    }
  });

  it('refuses unknown ops with the id, and requests without a usable id without one', () => {
    expect(parseUiMessage({ kind: 'request', id: 5, op: 'format-disk' })).toEqual({ ok: false, id: 5, error: 'unknown request op "format-disk"' });
    expect(parseUiMessage({ kind: 'request', id: 5, op: { toString: 1 } })).toEqual({ ok: false, id: 5, error: 'unknown request op object' });
    for (const id of [-1, 1.5, '1', null, undefined, 2 ** 60]) {
      expect(parseUiMessage({ kind: 'request', id, op: 'pause' })).toEqual({ ok: false, error: 'request id must be a non-negative integer' });
    }
  });

  it('refuses values that are not messages', () => {
    for (const data of [null, undefined, 42, 'boot', [1, 2], new Uint8Array(4)]) {
      expect(parseUiMessage(data).ok).toBe(false);
    }
    expect(parseUiMessage({ kind: 'shutdown' })).toEqual({ ok: false, error: 'unknown message kind "shutdown"' });
  });

  it('accepts console input as bytes up to the limit only', () => {
    const bytes = new Uint8Array([104, 105, 13]);
    expect(parseUiMessage({ kind: 'console-input', bytes })).toEqual({ ok: true, message: { kind: 'console-input', bytes } });
    expect(parseUiMessage({ kind: 'console-input', bytes: new Uint8Array(MAX_CONSOLE_INPUT + 1) }))
      .toEqual({ ok: false, error: `console-input: more than ${MAX_CONSOLE_INPUT} bytes` });
    for (const bad of ['hi\r', [104, 105], new ArrayBuffer(2), new Uint16Array(2)]) {
      expect(parseUiMessage({ kind: 'console-input', bytes: bad })).toEqual({ ok: false, error: 'console-input: bytes must be a Uint8Array' });
    }
  });

  it('accepts key, pointer and wheel display input and refuses malformed events', () => {
    const key = { type: 'key', code: 30, down: true };
    const pointer = { type: 'pointer', x: 10, y: 20, buttons: 1 };
    const wheel = { type: 'wheel', delta: -3 };
    for (const event of [key, pointer, wheel]) {
      expect(parseUiMessage({ kind: 'display-input', event })).toEqual({ ok: true, message: { kind: 'display-input', event } });
    }
    const bad = [
      { type: 'key', code: 'KeyA', down: true }, { type: 'key', code: 0, down: true }, { type: 'key', code: 30, down: 1 },
      { type: 'key', code: 0x300, down: false }, { type: 'key', code: 1.5, down: false },
      { type: 'pointer', x: -1, y: 0, buttons: 0 }, { type: 'pointer', x: 0, y: 1e9, buttons: 0 }, { type: 'pointer', x: 0, y: 0, buttons: 256 },
      { type: 'wheel' }, { type: 'wheel', delta: 128 }, { type: 'wheel', delta: 0.5 }, null, 'click',
    ];
    for (const event of bad) {
      expect(parseUiMessage({ kind: 'display-input', event })).toEqual({ ok: false, error: 'display-input: event must be a key, pointer or wheel event' });
    }
  });
});
