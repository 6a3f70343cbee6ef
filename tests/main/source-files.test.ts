// Electron main's guest source files on real temporary folders: the root is the
// checkout's userland unpackaged, a userData workspace seeded from the bundled
// listing when packaged (user edits kept, the bundle never written), or
// $RVOS_USERLAND_DIR; the source-list and source-write commands through the
// real IPC guard, with traversal, headers and oversized texts refused.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { listUserlandSources } from '../../emulator/host/worker/userland-files.ts';
import { MAX_SOURCE_BYTES } from '../../emulator/host/userland-build/source-paths.ts';
import { USERLAND_DIR } from '../../emulator/toolchain/cc/driver/runtime-library.ts';
import { workbenchIpcCommands } from '../../main/ipc-commands.ts';
import { createIpcDispatcher } from '../../main/ipc-guard.ts';
import { seedWorkspace, sourceFileService, sourceIpcCommands, sourceRoot } from '../../main/source-files.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const HELLO = 'programs/hello/hello.c';

/** A bundled listing (as the renderer build emits rvos/sources.json) in a temporary "app bundle". */
function bundle(): { listing: string; text: string } {
  const dir = makeTempDir('rvos-bundle-');
  const listing = join(dir, 'sources.json');
  writeFileSync(listing, JSON.stringify(listUserlandSources(USERLAND_DIR)));
  return { listing, text: readFileSync(listing, 'utf8') };
}

describe('sourceRoot', () => {
  it('edits the checkout unpackaged and the override when set', () => {
    const options = { packaged: false, checkoutUserland: USERLAND_DIR, bundledListing: '/missing.json', userData: '/nowhere' };
    expect(sourceRoot(options)).toBe(USERLAND_DIR);
    expect(sourceRoot({ ...options, packaged: true, override: '/tmp/copy' })).toBe('/tmp/copy');
  });

  it('seeds a userData workspace from the bundled listing when packaged, keeps user edits and never writes the bundle', () => {
    const userData = makeTempDir('rvos-userdata-');
    const { listing, text } = bundle();
    const options = { packaged: true, checkoutUserland: '/not/used', bundledListing: listing, userData };
    const root = sourceRoot(options);
    expect(root).toBe(join(userData, 'workspace'));
    expect(readFileSync(join(root, HELLO), 'utf8')).toBe(readFileSync(join(USERLAND_DIR, HELLO), 'utf8'));
    expect(existsSync(join(root, 'include/rvos/abi.h'))).toBe(true);
    writeFileSync(join(root, HELLO), '/* mine */\n');
    sourceRoot(options);
    expect(readFileSync(join(root, HELLO), 'utf8')).toBe('/* mine */\n');
    expect(readFileSync(listing, 'utf8')).toBe(text);
    expect(() => sourceRoot({ ...options, bundledListing: join(userData, 'none.json') })).toThrow();
  });

  it('skips listed files whose paths would leave the workspace', () => {
    const workspace = join(makeTempDir('rvos-seed-'), 'workspace');
    seedWorkspace(workspace, { files: [
      { folder: 'x', name: 'evil.c', path: '../evil.c', text: 'x', readOnly: false },
      { folder: 'hello', name: 'hello.c', path: HELLO, text: 'ok', readOnly: false },
    ] });
    expect(existsSync(join(workspace, '../evil.c'))).toBe(false);
    expect(readFileSync(join(workspace, HELLO), 'utf8')).toBe('ok');
  });
});

describe('source IPC commands', () => {
  const root = makeTempDir('rvos-ipc-sources-');
  mkdirSync(join(root, 'programs/hello'), { recursive: true });
  mkdirSync(join(root, 'librvos'));
  mkdirSync(join(root, 'include/rvos'), { recursive: true });
  writeFileSync(join(root, HELLO), 'int main(void) { return 0; }\n');
  writeFileSync(join(root, 'include/rvos/abi.h'), '/* abi */\n');
  const onWritten = vi.fn();
  const dispatch = createIpcDispatcher(sourceIpcCommands(sourceFileService(root, onWritten)), (url) => url.startsWith('app://workbench/'));
  const fromApp = { senderFrame: { url: 'app://workbench/index.html' } };

  it('lists the root and writes an editable file, reporting the write', async () => {
    const listed = await dispatch(fromApp, { command: 'source-list' });
    expect(listed.ok && (listed.value as { files: { path: string }[] }).files.map((f) => f.path)).toEqual([HELLO, 'include/rvos/abi.h']);
    expect(await dispatch(fromApp, { command: 'source-write', payload: { path: HELLO, text: 'int main(void) { return 1; }\n' } })).toEqual({ ok: true, value: null });
    expect(readFileSync(join(root, HELLO), 'utf8')).toBe('int main(void) { return 1; }\n');
    expect(onWritten).toHaveBeenCalledWith({ path: HELLO, text: 'int main(void) { return 1; }\n' });
  });

  it.each([
    [{ path: '../outside.c', text: 'x' }], [{ path: 'programs/../../outside.c', text: 'x' }], [{ path: 'include/rvos/abi.h', text: 'x' }],
    [{ path: HELLO }], [{ path: HELLO, text: 'x'.repeat(MAX_SOURCE_BYTES + 1) }], ['programs/hello/hello.c'], [undefined],
  ])('refuses source-write %#', async (payload) => {
    const reply = await dispatch(fromApp, { command: 'source-write', payload });
    expect(reply.ok).toBe(false);
    expect(readFileSync(join(root, HELLO), 'utf8')).toBe('int main(void) { return 1; }\n');
    expect(readFileSync(join(root, 'include/rvos/abi.h'), 'utf8')).toBe('/* abi */\n');
  });

  it('are in the workbench command table only when main has a source folder', () => {
    const base = { info: { name: 'n', version: 'v', platform: 'p' }, connectVm: () => true, files: {} as never };
    expect(Object.keys(workbenchIpcCommands(base))).not.toContain('source-list');
    expect(Object.keys(workbenchIpcCommands({ ...base, sources: sourceFileService(root, onWritten) }))).toEqual(expect.arrayContaining(['source-list', 'source-write']));
  });

  it('refuses a missing file, a payload on source-list and a foreign sender', async () => {
    expect(await dispatch(fromApp, { command: 'source-write', payload: { path: 'programs/hello/new.c', text: 'x' } })).toEqual({ ok: false, error: 'no such source file: programs/hello/new.c' });
    expect(await dispatch(fromApp, { command: 'source-list', payload: {} })).toEqual({ ok: false, error: 'invalid payload' });
    expect((await dispatch({ senderFrame: { url: 'https://evil.example/' } }, { command: 'source-list' })).ok).toBe(false);
  });
});
