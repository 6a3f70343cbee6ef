// Tests of the runtime library build (crt0.o + libc.a from fixtures/userland
// with our own compiler): archive contents, the on-disk cache and its key, and
// the cache directory precedence.

import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArchive } from '../../../../../emulator/toolchain/archive/archive-reader.ts';
import { C_COMPILER } from '../../../../../emulator/toolchain/cc/driver/c-compiler.ts';
import { nodeFileSystem } from '../../../../../emulator/toolchain/cc/driver/file-system.ts';
import { defaultCacheDir, REPO_ROOT, runtimeHash, runtimeLibrary, runtimeSources } from '../../../../../emulator/toolchain/cc/driver/runtime-library.ts';
import { readElf } from '../../../../../emulator/toolchain/elf/elf-reader.ts';
import { makeTempDir } from '../../../../support/temp-dir.ts';

describe('runtime library sources and cache key', () => {
  it('lists crt0, every libc source and the bare platform layer', () => {
    const { crt0, members } = runtimeSources('bare');
    expect(crt0).toBe(join(REPO_ROOT, 'fixtures/userland/crt0/crt0.S'));
    const names = members.map((m) => m.slice(m.lastIndexOf('/') + 1));
    expect(names).toContain('printf.c');
    expect(names).toContain('setjmp.S');
    expect(names.at(-1)).toBe('platform-bare.c');
  });

  it('lists the rvos crt0, libc, librvos and the rvos platform layer for --target=rvos', () => {
    const { crt0, members } = runtimeSources('rvos');
    expect(crt0).toBe(join(REPO_ROOT, 'fixtures/userland/platform/rvos/crt0.S'));
    const names = members.map((m) => m.slice(m.lastIndexOf('/') + 1));
    expect(names).toEqual(expect.arrayContaining(['printf.c', 'syscall.c', 'wire.c', 'channel.c']));
    expect(names.at(-1)).toBe('platform-rvos.c');
  });

  it('keys the cache on the target as well as the sources', () => {
    expect(runtimeHash('bare')).toMatch(/^[0-9a-f]{64}$/);
    expect(runtimeHash('bare')).not.toBe(runtimeHash('rvos'));
  });

  it('picks the cache directory: override, $RVOS_CACHE_DIR, $XDG_CACHE_HOME/rvos, node_modules/.cache/rvos', () => {
    expect(defaultCacheDir('/x', { RVOS_CACHE_DIR: '/y' })).toBe('/x');
    expect(defaultCacheDir(undefined, { RVOS_CACHE_DIR: '/y', XDG_CACHE_HOME: '/z' })).toBe('/y');
    expect(defaultCacheDir(undefined, { XDG_CACHE_HOME: '/z' })).toBe('/z/rvos');
    expect(defaultCacheDir(undefined, {})).toBe(join(REPO_ROOT, 'node_modules/.cache/rvos'));
  });
});

describe('runtime library build', () => {
  it('builds crt0.o and libc.a once (pruning older builds), then serves the same bytes from the cache', { timeout: 120_000 }, async () => {
    const compiler = C_COMPILER;
    const cacheDir = makeTempDir('rvos-cc-cache-');
    const ctx = { fs: nodeFileSystem(), includePaths: [], defines: [], undefines: [], target: 'bare' as const, compiler };
    mkdirSync(join(cacheDir, 'runtime', 'bare-0ld'), { recursive: true });
    mkdirSync(join(cacheDir, 'runtime', 'rvos-0ld'), { recursive: true });
    const first = runtimeLibrary(ctx, cacheDir);
    expect(existsSync(join(cacheDir, 'runtime', 'bare-0ld'))).toBe(false); // older builds of the target are pruned
    expect(existsSync(join(cacheDir, 'runtime', 'rvos-0ld'))).toBe(true);
    expect(first.messages).toBe('');
    expect(first.value!.cached).toBe(false);
    expect(first.value!.directory.startsWith(join(cacheDir, 'runtime', 'bare-'))).toBe(true);
    const members = readArchive(first.value!.libc).members.map((m) => m.name);
    expect(members).toEqual(expect.arrayContaining(['printf.o', 'malloc.o', 'setjmp.o', 'platform-bare.o']));
    expect(readElf(first.value!.crt0).symbols.some((s) => s.name === '_start')).toBe(true);
    const second = runtimeLibrary(ctx, cacheDir);
    expect(second.value!.cached).toBe(true);
    expect(new Uint8Array(second.value!.libc)).toEqual(first.value!.libc);
    expect(new Uint8Array(second.value!.crt0)).toEqual(first.value!.crt0);
  });
});
