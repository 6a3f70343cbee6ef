// The userland watcher on a real temporary folder: an edit by another writer
// to a program or librvos source is reported once with its text; the
// workbench's own writes (noteWritten), unchanged texts and files outside the
// editable set are not.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceChange } from '../../../../emulator/host/userland-build/source-paths.ts';
import { watchUserlandSources, type UserlandWatcher } from '../../../../emulator/host/worker/userland-watcher.ts';
import { makeTempDir } from '../../../support/temp-dir.ts';

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 400));

describe('watchUserlandSources', () => {
  let watcher: UserlandWatcher | undefined;
  afterEach(() => watcher?.close());

  function setup(): { root: string; changes: SourceChange[] } {
    const root = makeTempDir('rvos-watch-');
    for (const dir of ['programs/hello', 'librvos', 'include/rvos']) mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, 'programs/hello/hello.c'), 'int main(void) { return 0; }\n');
    writeFileSync(join(root, 'librvos/wire.c'), '/* wire */\n');
    writeFileSync(join(root, 'include/rvos/abi.h'), '/* abi */\n');
    const changes: SourceChange[] = [];
    watcher = watchUserlandSources(root, (change) => changes.push(change));
    return { root, changes };
  }

  it('reports an external edit of a program and of librvos with the new text, once', async () => {
    const { root, changes } = setup();
    writeFileSync(join(root, 'programs/hello/hello.c'), 'int main(void) {');
    writeFileSync(join(root, 'programs/hello/hello.c'), 'int main(void) { return 1; }\n'); // written in steps: one report
    writeFileSync(join(root, 'librvos/wire.c'), '/* wire 2 */\n');
    await settle();
    expect(changes).toEqual([
      { path: 'programs/hello/hello.c', text: 'int main(void) { return 1; }\n' },
      { path: 'librvos/wire.c', text: '/* wire 2 */\n' },
    ]);
  });

  it('ignores its own writes, rewrites of the same text and non-editable files', async () => {
    const { root, changes } = setup();
    const own = { path: 'programs/hello/hello.c', text: 'int main(void) { return 2; }\n' };
    watcher!.noteWritten(own);
    writeFileSync(join(root, own.path), own.text);
    writeFileSync(join(root, 'include/rvos/abi.h'), '/* edited */\n');
    writeFileSync(join(root, 'programs/hello/notes.txt'), 'x');
    await settle();
    expect(changes).toEqual([]);
    writeFileSync(join(root, own.path), own.text);
    await settle();
    expect(changes).toEqual([]);
  });
});
