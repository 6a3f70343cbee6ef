// Tests of snapshot files in main with the dialogs faked and the real file
// system: paths come only from the dialogs, sizes are bounded, names sanitised,
// cancel changes nothing; the write command goes through the real IPC guard.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { workbenchIpcCommands } from '../../main/ipc-commands.ts';
import { createIpcDispatcher } from '../../main/ipc-guard.ts';
import {
  MAX_SNAPSHOT_FILE_BYTES, openSnapshotFile, parseSnapshotWrite, writeSnapshotFile, type SnapshotFileDeps,
} from '../../main/snapshot-files.ts';
import { snapshotFileName } from '../../preload/snapshot-file-name.ts';

const dir = mkdtempSync(join(tmpdir(), 'rvos-snapshot-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function deps(openPath: string | undefined, savePath: string | undefined): SnapshotFileDeps & { saveDialog: ReturnType<typeof vi.fn> } {
  const saveDialog = vi.fn(async () => (savePath === undefined ? { canceled: true } : { canceled: false, filePath: savePath }));
  return {
    saveDialog,
    showOpenDialog: async () => (openPath === undefined ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [openPath] }),
    showSaveDialog: saveDialog,
    fileSize: async (path) => (await stat(path)).size,
    readFile: async (path) => new Uint8Array(await readFile(path)),
    writeFile: (path, bytes) => writeFile(path, bytes),
  };
}

describe('snapshot files', () => {
  it('writes the bytes to the path the save dialog chose, suggesting a sanitised name', async () => {
    const target = join(dir, 'chosen.rvsnap');
    const files = deps(undefined, target);
    expect(await writeSnapshotFile(files, { name: '../../etc/passwd', bytes: new Uint8Array([1, 2, 3]) }))
      .toEqual({ canceled: false, name: 'chosen.rvsnap' });
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
    expect(files.saveDialog.mock.calls[0]![0]).toMatchObject({ defaultPath: 'etc-passwd.rvsnap' });
  });

  it('writes nothing when the save dialog is canceled', async () => {
    const files = deps(undefined, undefined);
    const write = vi.spyOn(files, 'writeFile');
    expect(await writeSnapshotFile(files, { name: 'x', bytes: new Uint8Array(1) })).toEqual({ canceled: true });
    expect(write).not.toHaveBeenCalled();
  });

  it('reads the file the open dialog chose, and refuses one that is too large', async () => {
    const source = join(dir, 'in.rvsnap');
    writeFileSync(source, new Uint8Array([9, 8]));
    expect(await openSnapshotFile(deps(source, undefined))).toEqual({ canceled: false, name: 'in.rvsnap', bytes: new Uint8Array([9, 8]) });
    expect(await openSnapshotFile(deps(undefined, undefined))).toEqual({ canceled: true });
    const huge = { ...deps(source, undefined), fileSize: async () => MAX_SNAPSHOT_FILE_BYTES + 1 };
    await expect(openSnapshotFile(huge)).rejects.toThrow(/in\.rvsnap is \d+ bytes; snapshots above/);
  });

  it('sanitises suggested names', () => {
    expect(snapshotFileName('boot 12:30')).toBe('boot 12-30.rvsnap');
    expect(snapshotFileName('a.rvsnap')).toBe('a.rvsnap');
    expect(snapshotFileName('...')).toBe('snapshot.rvsnap');
    expect(snapshotFileName('C:\\Windows\\x')).toBe('C-Windows-x.rvsnap');
  });

  it('accepts only {name, bytes} write payloads', () => {
    expect(parseSnapshotWrite({ name: 'a', bytes: new Uint8Array(1) })).toEqual({ name: 'a', bytes: new Uint8Array(1) });
    for (const bad of [null, 'a', { name: '', bytes: new Uint8Array(1) }, { name: 'a'.repeat(121), bytes: new Uint8Array(1) },
      { name: 'a', bytes: [1] }, { name: 'a', bytes: new ArrayBuffer(1) }, { name: 1, bytes: new Uint8Array(1) }]) {
      expect(parseSnapshotWrite(bad)).toBeUndefined();
    }
  });
});

describe('snapshot commands through the IPC guard', () => {
  const info = { name: 'rvos-workbench', version: '0.1.0', platform: 'linux' };
  const target = join(dir, 'guarded.rvsnap');
  const dispatch = createIpcDispatcher(workbenchIpcCommands({ info, connectVm: () => true, files: deps(undefined, target) }), (url) => url.startsWith('app://workbench/'));
  const fromApp = { senderFrame: { url: 'app://workbench/index.html' } };

  it('accepts a snapshot larger than the default 1 MiB payload bound and writes it', async () => {
    const bytes = new Uint8Array(3 << 20).fill(7);
    expect(await dispatch(fromApp, { command: 'snapshot-write', payload: { name: 'big', bytes } }))
      .toEqual({ ok: true, value: { canceled: false, name: 'guarded.rvsnap' } });
    expect(readFileSync(target).length).toBe(3 << 20);
  });

  it('refuses a foreign sender and a path in the payload', async () => {
    const payload = { name: 'x', bytes: new Uint8Array(1) };
    expect(await dispatch({ senderFrame: { url: 'https://evil.example/' } }, { command: 'snapshot-write', payload }))
      .toEqual({ ok: false, error: 'untrusted sender' });
    expect(await dispatch(fromApp, { command: 'snapshot-open', payload: { path: '/etc/passwd' } }))
      .toEqual({ ok: false, error: 'invalid payload' });
  });
});
