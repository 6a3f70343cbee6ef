// The guest program build (emulator/host/guest-programs.ts): every program in
// fixtures/userland/programs compiles with our toolchain for rvos (-O0) into an
// RV64 executable linked at 0x10000 with separate RX and RW segments (W^X), and
// a second build comes from the content-hash cache.

import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGuestProgram, guestProgramHash, guestProgramNames } from '../../../emulator/host/guest-programs.ts';
import { defaultCacheDir } from '../../../emulator/toolchain/cc/driver/runtime-library.ts';
import { readElf } from '../../../emulator/toolchain/elf/elf-reader.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const PT_LOAD = 1;
const PF_X = 1;
const PF_W = 2;

describe('guest programs', () => {
  it('has the programs of the rvos user space', () => {
    expect(guestProgramNames()).toEqual(expect.arrayContaining(['bench', 'fs', 'hello', 'ktest', 'shell']));
  });

  it('builds every program for rvos: entry at 0x10000, W^X segments, main and the rvos runtime linked', { timeout: 180_000 }, () => {
    for (const name of guestProgramNames()) {
      const built = buildGuestProgram(name);
      expect(built.path).toBe(`/bin/${name}`);
      const elf = readElf(built.elf);
      expect(elf.header.entry).toBe(0x10000n);
      const loads = elf.programHeaders.filter((s) => s.type === PT_LOAD);
      expect(loads.length).toBeGreaterThanOrEqual(2);
      for (const s of loads) expect((s.flags & PF_X) !== 0 && (s.flags & PF_W) !== 0, `${name}: a W+X segment`).toBe(false);
      const names = new Set(elf.symbols.map((s) => s.name));
      for (const symbol of ['main', '__rvos_start', 'rvos_syscall']) expect(names.has(symbol), `${name}: ${symbol}`).toBe(true);
    }
  });

  it('caches a built program under its content hash', { timeout: 180_000 }, () => {
    const cacheDir = makeTempDir('rvos-guest-');
    // Reuse the runtime library already built in the default cache; only the program is compiled here.
    const runtime = join(defaultCacheDir(undefined), 'runtime');
    if (existsSync(runtime)) cpSync(runtime, join(cacheDir, 'runtime'), { recursive: true });
    const first = buildGuestProgram('hello', { cacheDir });
    expect(first.cached).toBe(false);
    expect(existsSync(join(cacheDir, 'programs', `hello-${guestProgramHash('hello').slice(0, 24)}.elf`))).toBe(true);
    const second = buildGuestProgram('hello', { cacheDir });
    expect(second.cached).toBe(true);
    expect(second.elf).toEqual(first.elf);
  });

  it('keys the cache on the program sources and the optimization level', () => {
    expect(guestProgramHash('hello')).toMatch(/^[0-9a-f]{64}$/);
    expect(guestProgramHash('hello')).not.toBe(guestProgramHash('shell'));
    expect(guestProgramHash('hello', 1)).not.toBe(guestProgramHash('hello', 0));
  });
});
