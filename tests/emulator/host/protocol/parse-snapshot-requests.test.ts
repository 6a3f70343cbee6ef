// Validation of the snapshot requests (snapshot-save, -load, -info, state-hash)
// in parse-ui-message.ts: descriptions and file bytes within protocol/limits.ts.

import { describe, expect, it } from 'vitest';
import { MAX_SNAPSHOT_DESCRIPTION } from '../../../../emulator/host/protocol/limits.ts';
import { parseUiMessage } from '../../../../emulator/host/protocol/parse-ui-message.ts';

const request = (fields: Record<string, unknown>): unknown => ({ kind: 'request', id: 3, ...fields });

describe('snapshot request validation', () => {
  it('accepts well-formed snapshot requests', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(parseUiMessage(request({ op: 'snapshot-save' }))).toEqual({ ok: true, message: { kind: 'request', id: 3, op: 'snapshot-save' } });
    expect(parseUiMessage(request({ op: 'snapshot-save', description: 'before the bug' }))).toMatchObject({ ok: true, message: { description: 'before the bug' } });
    expect(parseUiMessage(request({ op: 'snapshot-load', bytes }))).toEqual({ ok: true, message: { kind: 'request', id: 3, op: 'snapshot-load', bytes } });
    expect(parseUiMessage(request({ op: 'snapshot-info', bytes }))).toMatchObject({ ok: true, message: { op: 'snapshot-info', bytes } });
    expect(parseUiMessage(request({ op: 'state-hash', extra: 1 }))).toEqual({ ok: true, message: { kind: 'request', id: 3, op: 'state-hash' } });
  });

  it('refuses bad fields with the request id, so the host can answer that request', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ op: 'snapshot-save', description: 7 }, /snapshot-save: description must be a string/],
      [{ op: 'snapshot-save', description: 'x'.repeat(MAX_SNAPSHOT_DESCRIPTION + 1) }, /at most 1000 characters/],
      [{ op: 'snapshot-load' }, /snapshot-load: bytes must be a Uint8Array/],
      [{ op: 'snapshot-load', bytes: [1, 2] }, /snapshot-load: bytes must be a Uint8Array/],
      [{ op: 'snapshot-info', bytes: new ArrayBuffer(4) }, /snapshot-info: bytes must be a Uint8Array/],
    ];
    for (const [fields, error] of cases) expect(parseUiMessage(request(fields))).toEqual({ ok: false, id: 3, error: expect.stringMatching(error) });
  });
});
