// Electron main's source watcher and openSourceFiles on a real temporary
// folder: an external edit is sent to the renderer once; a write through the
// file service is not echoed back; an unwatchable or unpreparable root warns.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openSourceFiles } from '../../main/source-files.ts';
import { startSourceWatcher } from '../../main/source-watcher.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const HELLO = 'programs/hello/hello.c';
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 400));

describe('openSourceFiles', () => {
  it('sends external edits and not its own writes', async () => {
    const root = makeTempDir('rvos-main-watch-');
    mkdirSync(join(root, 'programs/hello'), { recursive: true });
    writeFileSync(join(root, HELLO), 'int main(void) { return 0; }\n');
    const send = vi.fn();
    const warn = vi.fn();
    const opened = openSourceFiles({ packaged: false, checkoutUserland: root, bundledListing: '', userData: '' }, { send, warn })!;
    try {
      opened.service.write({ path: HELLO, text: 'int main(void) { return 1; }\n' });
      await settle();
      expect(send).not.toHaveBeenCalled();
      writeFileSync(join(root, HELLO), 'int main(void) { return 2; }\n');
      await settle();
      expect(send.mock.calls).toEqual([[{ path: HELLO, text: 'int main(void) { return 2; }\n' }]]);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      opened.close();
    }
  });

  it('warns instead of failing when the root cannot be prepared or watched', () => {
    const warn = vi.fn();
    expect(openSourceFiles({ packaged: true, checkoutUserland: '', bundledListing: '/missing/sources.json', userData: makeTempDir('rvos-ud-') }, { send: vi.fn(), warn })).toBeUndefined();
    expect(warn.mock.calls[0]![0]).toMatch(/^no guest sources to edit/);
    expect(startSourceWatcher('/missing/userland', { send: vi.fn(), warn })).toBeUndefined();
    expect(warn.mock.calls[1]![0]).toMatch(/^not watching \/missing\/userland/);
  });
});
