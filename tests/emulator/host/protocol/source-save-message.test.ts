// Validation of the hot-reload request (parse-ui-message.ts): 'source-save'
// needs a non-empty path and a text within the protocol's limits.

import { describe, expect, it } from 'vitest';
import { MAX_SOURCE_PATH, MAX_SOURCE_TEXT } from '../../../../emulator/host/protocol/limits.ts';
import { parseUiMessage } from '../../../../emulator/host/protocol/parse-ui-message.ts';

const save = (fields: Record<string, unknown>): ReturnType<typeof parseUiMessage> => parseUiMessage({ kind: 'request', id: 7, op: 'source-save', ...fields });

describe('source-save message', () => {
  it('accepts a path and a text', () => {
    expect(save({ path: 'programs/hello/hello.c', text: 'int main(void) { return 0; }\n' })).toEqual({
      ok: true, message: { kind: 'request', id: 7, op: 'source-save', path: 'programs/hello/hello.c', text: 'int main(void) { return 0; }\n' },
    });
  });

  it('refuses a missing, empty or over-long path and a missing or over-long text, answering the request id', () => {
    for (const fields of [{ text: '' }, { path: '', text: '' }, { path: 'p'.repeat(MAX_SOURCE_PATH + 1), text: '' }, { path: 3, text: '' }]) {
      expect(save(fields)).toMatchObject({ ok: false, id: 7, error: expect.stringMatching(/^source-save: path/) });
    }
    for (const fields of [{ path: 'a.c' }, { path: 'a.c', text: 'x'.repeat(MAX_SOURCE_TEXT + 1) }, { path: 'a.c', text: new Uint8Array(1) }]) {
      expect(save(fields)).toMatchObject({ ok: false, id: 7, error: expect.stringMatching(/^source-save: text/) });
    }
  });
});
