// The sources listing the browser host serves to the Source view: every guest
// program's .c/.h files, librvos and the read-only include/rvos headers, read
// from the userland root (fixtures/userland or $RVOS_USERLAND_DIR), and the
// shape check the renderer applies to the fetched JSON.

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { guestProgramNames, PROGRAMS_DIR } from '../../../../emulator/host/guest-programs.ts';
import { isSourceListing, sourceFileId } from '../../../../emulator/host/worker/source-listing.ts';
import { sourceListing } from '../../../../emulator/host/worker/sources-plugin.ts';
import { USERLAND_DIR } from '../../../../emulator/toolchain/cc/driver/runtime-library.ts';
import { makeTempDir } from '../../../support/temp-dir.ts';

describe('sourceListing', () => {
  const listing = sourceListing();
  const ids = listing.files.map(sourceFileId);

  it('lists each program folder with its sources as on disk, editable, with paths under fixtures/userland', () => {
    const shell = listing.files.find((f) => sourceFileId(f) === 'shell/shell.c');
    expect(shell?.text).toBe(readFileSync(join(PROGRAMS_DIR, 'shell/shell.c'), 'utf8'));
    expect(shell?.path).toBe('programs/shell/shell.c');
    expect(shell?.readOnly).toBe(false);
    expect(ids).toContain('fs/tree.h');
    expect(new Set(listing.files.map((f) => f.folder))).toEqual(new Set([...guestProgramNames(), 'librvos', 'include/rvos']));
    expect(listing.files.every((f) => /\.[chS]$/.test(f.name) && f.path.endsWith(`/${f.name}`))).toBe(true);
  });

  it('puts librvos (editable, with its assembly) after the programs, then the read-only headers, and survives JSON', () => {
    expect(ids).toContain('librvos/syscall.c');
    expect(ids).toContain('librvos/gfx-words.S');
    expect(listing.files.filter((f) => f.folder === 'librvos').every((f) => !f.readOnly && f.path === `librvos/${f.name}`)).toBe(true);
    const headers = listing.files.filter((f) => f.folder === 'include/rvos');
    expect(headers.map((f) => f.name)).toContain('abi.h');
    expect(headers.every((f) => f.readOnly)).toBe(true);
    expect(ids.at(-1)).toMatch(/^include\/rvos\//);
    expect(isSourceListing(JSON.parse(JSON.stringify(listing)))).toBe(true);
  });
});

describe('sourceListing under $RVOS_USERLAND_DIR', () => {
  afterEach(() => { delete process.env['RVOS_USERLAND_DIR']; });

  it('reads the folder the variable names instead of the checkout', () => {
    const root = makeTempDir('rvos-listing-');
    cpSync(USERLAND_DIR, root, { recursive: true });
    writeFileSync(join(root, 'programs/hello/hello.c'), 'int main(void) { return 7; }\n');
    process.env['RVOS_USERLAND_DIR'] = root;
    expect(sourceListing().files.find((f) => f.path === 'programs/hello/hello.c')?.text).toBe('int main(void) { return 7; }\n');
  });
});

describe('isSourceListing', () => {
  it('rejects values without the listing shape', () => {
    const file = { folder: 'a', name: 'b.c', path: 'programs/a/b.c', text: '', readOnly: false };
    expect(isSourceListing(null)).toBe(false);
    expect(isSourceListing({})).toBe(false);
    expect(isSourceListing({ files: [{ folder: 'a', name: 'b.c' }] })).toBe(false);
    expect(isSourceListing({ files: [{ ...file, text: 1 }] })).toBe(false);
    expect(isSourceListing({ files: [{ ...file, readOnly: 'no' }] })).toBe(false);
    expect(isSourceListing({ files: [{ ...file, path: undefined }] })).toBe(false);
    expect(isSourceListing({ files: [file] })).toBe(true);
    expect(isSourceListing({ files: [] })).toBe(true);
  });
});
