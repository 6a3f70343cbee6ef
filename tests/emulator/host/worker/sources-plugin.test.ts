// The sources listing the browser host serves to the Source view: every guest
// program's .c/.h files and librvos, read from fixtures/userland, and the
// shape check the renderer applies to the fetched JSON.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guestProgramNames, PROGRAMS_DIR } from '../../../../emulator/host/guest-programs.ts';
import { isSourceListing, sourceFileId } from '../../../../emulator/host/worker/source-listing.ts';
import { sourceListing } from '../../../../emulator/host/worker/sources-plugin.ts';

describe('sourceListing', () => {
  const listing = sourceListing();
  const ids = listing.files.map(sourceFileId);

  it('lists each program folder with its sources as on disk', () => {
    const shell = listing.files.find((f) => sourceFileId(f) === 'shell/shell.c');
    expect(shell?.text).toBe(readFileSync(join(PROGRAMS_DIR, 'shell/shell.c'), 'utf8'));
    expect(ids).toContain('fs/tree.h');
    expect(new Set(listing.files.map((f) => f.folder))).toEqual(new Set([...guestProgramNames(), 'librvos']));
    expect(listing.files.every((f) => /\.[ch]$/.test(f.name))).toBe(true);
  });

  it('puts librvos after the programs and survives a JSON round trip', () => {
    expect(ids.at(-1)).toMatch(/^librvos\//);
    expect(ids).toContain('librvos/syscall.c');
    expect(isSourceListing(JSON.parse(JSON.stringify(listing)))).toBe(true);
  });
});

describe('isSourceListing', () => {
  it('rejects values without the listing shape', () => {
    expect(isSourceListing(null)).toBe(false);
    expect(isSourceListing({})).toBe(false);
    expect(isSourceListing({ files: [{ folder: 'a', name: 'b.c' }] })).toBe(false);
    expect(isSourceListing({ files: [{ folder: 'a', name: 'b.c', text: 1 }] })).toBe(false);
    expect(isSourceListing({ files: [] })).toBe(true);
  });
});
