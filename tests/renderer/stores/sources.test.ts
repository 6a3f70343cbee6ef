// The sources and reload-log stores against a real VM host (not booted: saves
// build only) over a MessageChannel, with the sources on a temporary copy of
// fixtures/userland read and written by the real file functions: tabs, dirty
// tracking, saving (file written, build run, log and problems updated), a
// broken save's diagnostics, external edits and conflicts, read-only headers.

import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPinia, setActivePinia } from 'pinia';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHartModule } from '../../../emulator/hart/hart.ts';
import { buildBootImage } from '../../../emulator/host/boot-image.ts';
import { diskSourceTree } from '../../../emulator/host/userland-build/disk-source-tree.ts';
import { VmHost } from '../../../emulator/host/vm-host.ts';
import { MAX_SOURCE_BYTES, type SourceChange } from '../../../emulator/host/userland-build/source-paths.ts';
import { listUserlandSources, writeUserlandSource } from '../../../emulator/host/worker/userland-files.ts';
import { USERLAND_DIR } from '../../../emulator/toolchain/cc/driver/runtime-library.ts';
import { HostClient, type HostPort } from '../../../renderer/src/host-client/host-client.ts';
import { useReloadLogStore } from '../../../renderer/src/stores/reload-log.ts';
import { useSourcesStore } from '../../../renderer/src/stores/sources.ts';
import type { SourceBackend } from '../../../renderer/src/support/source-backend-type.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const HELLO_ID = 'hello/hello.c';
const HELLO = 'programs/hello/hello.c';

describe('sources store on a real VM host', () => {
  const channel = new MessageChannel();
  const root = makeTempDir('rvos-sources-store-');
  let host: VmHost;
  let client: HostClient;
  let external: (change: SourceChange) => void = () => undefined;

  beforeAll(async () => {
    cpSync(USERLAND_DIR, root, { recursive: true });
    host = new VmHost((message, transfer) => channel.port2.postMessage(message, transfer), {
      loadBootImage: async () => buildBootImage(), loadHartModule, loadSourceTree: async () => diskSourceTree(['hello']),
    });
    channel.port2.on('message', (data: unknown) => host.receive(data));
    client = new HostClient(channel.port1 as unknown as HostPort);
    channel.port1.start();
    setActivePinia(createPinia());
    const backend: SourceBackend = {
      list: async () => listUserlandSources(root),
      write: async (change) => { writeUserlandSource(root, change); },
      onExternalChange: (listener) => { external = listener; return () => undefined; },
    };
    useReloadLogStore().connect(client);
    await useSourcesStore().load(backend, () => client);
  });

  afterAll(() => {
    host.dispose();
    channel.port1.close();
  });

  it('opens the default file in a tab and tracks unsaved edits per tab', () => {
    const sources = useSourcesStore();
    expect(sources.openIds).toEqual(['shell/shell.c']);
    sources.open(HELLO_ID);
    expect(sources.openIds).toEqual(['shell/shell.c', HELLO_ID]);
    const text = sources.fileById(HELLO_ID)!.text;
    sources.edit(HELLO_ID, `${text}// more\n`);
    expect(sources.isDirty(HELLO_ID)).toBe(true);
    sources.edit(HELLO_ID, text);
    expect(sources.isDirty(HELLO_ID)).toBe(false);
    sources.close('shell/shell.c');
    expect(sources.openIds).toEqual([HELLO_ID]);
    expect(sources.selectedId).toBe(HELLO_ID);
  });

  it('saves: writes the file, builds, logs the build and clears the problems', async () => {
    const sources = useSourcesStore();
    const reloadLog = useReloadLogStore();
    const text = sources.fileById(HELLO_ID)!.text.replace('Hello from rvos!', 'Hello from the store!');
    sources.edit(HELLO_ID, text);
    await sources.save(HELLO_ID);
    expect(sources.lastError).toBe('');
    expect(sources.isDirty(HELLO_ID)).toBe(false);
    expect(readFileSync(join(root, HELLO), 'utf8')).toBe(text);
    expect(sources.fileById(HELLO_ID)!.text).toBe(text);
    expect(reloadLog.entries).toHaveLength(1); // the answer and the 'reload' event: logged once
    expect(reloadLog.entries[0]).toMatchObject({ path: HELLO, ok: true, programs: ['hello'] });
    expect(reloadLog.problems).toEqual([]);
  });

  it('a broken save lists its diagnostics as problems at their source positions', async () => {
    const sources = useSourcesStore();
    const reloadLog = useReloadLogStore();
    const broken = sources.fileById(HELLO_ID)!.text.replace('return 0;', 'return 0 oops;');
    sources.edit(HELLO_ID, broken);
    await sources.save(HELLO_ID);
    expect(reloadLog.entries[0]).toMatchObject({ ok: false, errors: 1 });
    const [problem] = reloadLog.problems;
    expect(problem).toMatchObject({ path: HELLO, severity: 'error' });
    expect(broken.split('\n')[problem!.line - 1]).toContain('oops');
  });

  it('takes external edits into clean tabs, and notes a conflict for a dirty one', async () => {
    const sources = useSourcesStore();
    const reloadLog = useReloadLogStore();
    const fixed = readFileSync(join(USERLAND_DIR, HELLO), 'utf8');
    external({ path: HELLO, text: fixed });
    await expect.poll(() => reloadLog.entries[0]?.ok).toBe(true);
    expect(sources.fileById(HELLO_ID)!.text).toBe(fixed);
    expect(reloadLog.problems).toEqual([]);
    sources.edit(HELLO_ID, `${fixed}// mine\n`);
    external({ path: HELLO, text: `${fixed}// theirs\n` });
    expect(sources.conflicts.get(HELLO_ID)).toBe(`${fixed}// theirs\n`);
    expect(sources.drafts.get(HELLO_ID)).toBe(`${fixed}// mine\n`);
    sources.resolveConflict(HELLO_ID, 'theirs');
    expect(sources.isDirty(HELLO_ID)).toBe(false);
    expect(sources.conflicts.size).toBe(0);
  });

  it('does not save read-only headers, and reports refused writes', async () => {
    const sources = useSourcesStore();
    const entries = useReloadLogStore().entries.length;
    sources.open('include/rvos/abi.h');
    sources.edit('include/rvos/abi.h', '/* no */');
    await sources.save('include/rvos/abi.h');
    expect(readFileSync(join(root, 'include/rvos/abi.h'), 'utf8')).toBe(readFileSync(join(USERLAND_DIR, 'include/rvos/abi.h'), 'utf8'));
    expect(useReloadLogStore().entries.length).toBe(entries);
    sources.edit(HELLO_ID, 'x'.repeat(MAX_SOURCE_BYTES + 1));
    await sources.save(HELLO_ID);
    expect(sources.lastError).toMatch(/larger than/);
    expect(sources.isDirty(HELLO_ID)).toBe(true);
    expect(useReloadLogStore().entries.length).toBe(entries);
  });
});
