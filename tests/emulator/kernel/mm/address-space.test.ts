// AddressSpace: ELF images, the stack with its guard page, mmap/munmap regions,
// limits, and exhaustion at every point (NoMemory, and the free frame count is
// exactly what it was before: no leak). destroy() returns every frame.

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { Prot } from '../../../../emulator/kernel/abi/handles.ts';
import type { AddressSpace } from '../../../../emulator/kernel/mm/address-space.ts';
import { MMAP_BASE, PAGE_SIZE, STACK_TOP } from '../../../../emulator/kernel/mm/memory-layout.ts';
import { Pte } from '../../../../emulator/kernel/mm/page-table.ts';
import type { KResult } from '../../../../emulator/kernel/core/result.ts';
import { PF_R, PF_W, PF_X } from '../../../../emulator/toolchain/elf/elf-constants.ts';
import { writeElf } from '../../../../emulator/toolchain/elf/elf-writer.ts';
import { makeMm, mmContext, newSpace, type MmFixture } from './mm-fixture.ts';

const NO_MEMORY = { ok: false, error: RvosError.NoMemory };
const INVALID = { ok: false, error: RvosError.InvalidArgument };
const code = Uint8Array.from([0x13, 0, 0, 0, 0x73, 0, 0, 0]);
/** Text page, then data 0x1_2010.. with 3 file bytes and bss to 0x1_4010 (3 pages). */
const program = writeElf({
  entry: 0x1_0004n,
  segments: [
    { vaddr: 0x1_0000n, data: code, flags: PF_R | PF_X },
    { vaddr: 0x1_2010n, data: Uint8Array.of(7, 8, 9), memsz: 0x2000n, flags: PF_R | PF_W },
  ],
});

/**
 * Runs `op` with exactly n free frames for every n from 0 up to the first
 * success, checking each failure is NoMemory and leaves the free count as it was.
 * Returns how many frames the successful run needed.
 */
function exhaustAtEveryPoint<T>(mm: MmFixture, op: (space: AddressSpace) => KResult<T>, setup: (space: AddressSpace) => void = () => {}): number {
  for (let n = 0; ; n++) {
    const space = newSpace(mm);
    setup(space);
    const ballast: number[] = [];
    while (mm.frames.freeCount > n) ballast.push(mm.frames.alloc()!);
    const result = op(space);
    if (result.ok) {
      const used = n - mm.frames.freeCount;
      for (const f of ballast) mm.frames.free(f);
      return used;
    }
    expect(result).toEqual(NO_MEMORY);
    expect(mm.frames.freeCount).toBe(n);
    for (const f of ballast) mm.frames.free(f);
    expect(n).toBeLessThan(100);
  }
}

describe('AddressSpace', () => {
  it('loads an ELF image: bytes at their addresses, zeroed bss, per-page permissions', async () => {
    const mm = await makeMm();
    const space = newSpace(mm);
    const before = mm.frames.usedCount;
    expect(space.loadElf(mm, program)).toEqual({ ok: true, value: { entry: 0x1_0004 } });
    const user = space.user(mm.mem);
    const text = user.read(0x1_0000, 8);
    expect(text.ok && [...text.value]).toEqual([...code]);
    const data = user.read(0x1_200f, 6);
    expect(data.ok && [...data.value]).toEqual([0, 7, 8, 9, 0, 0]);
    expect(user.write(0x1_0000, Uint8Array.of(1)).ok).toBe(false); // text is read-only
    expect(user.write(0x1_4000, Uint8Array.of(1)).ok).toBe(true); // last bss page
    expect(space.table.lookup(mm.mem, 0x1_0000)!.flags & (Pte.R | Pte.W | Pte.X | Pte.U)).toBe(Pte.R | Pte.X | Pte.U);
    expect(space.regions.map((r) => [r.kind, r.start, r.pages])).toEqual([['image', 0x1_0000, 1], ['image', 0x1_2000, 3]]);
    expect(space.framesOwned).toBe(mm.frames.usedCount - before + 1); // + the root page taken before
  });

  it('loadElf runs out of frames at every possible point without leaking', async () => {
    const mm = await makeMm();
    expect(exhaustAtEveryPoint(mm, (s) => s.loadElf(mm, program))).toBe(4 + 2); // 4 pages + L1 and L0 tables
  });

  it('refuses a bad executable and keeps nothing', async () => {
    const mm = await makeMm();
    const space = newSpace(mm);
    const free = mm.frames.freeCount;
    expect(space.loadElf(mm, program.subarray(0, 200))).toEqual({ ok: false, error: RvosError.BadExecutable });
    expect(mm.frames.freeCount).toBe(free);
    expect(space.regions).toEqual([]);
  });

  it('creates a stack below STACK_TOP with an unmapped guard page under it', async () => {
    const mm = await makeMm();
    const space = newSpace(mm);
    expect(space.createStack(mm, 4)).toEqual({ ok: true, value: { top: STACK_TOP } });
    const user = space.user(mm.mem);
    expect(user.writeU64(STACK_TOP - 8, 1n).ok).toBe(true);
    expect(user.writeU64(STACK_TOP - 4 * PAGE_SIZE, 1n).ok).toBe(true);
    expect(user.writeU64(STACK_TOP - 4 * PAGE_SIZE - 8, 1n).ok).toBe(false); // guard
    expect(user.read(STACK_TOP, 1).ok).toBe(false);
    expect(space.regions.map((r) => [r.kind, r.start, r.pages, r.frames.length])).toEqual([
      ['guard', STACK_TOP - 5 * PAGE_SIZE, 1, 0], ['stack', STACK_TOP - 4 * PAGE_SIZE, 4, 4],
    ]);
    expect(space.createStack(mm, 1)).toEqual(INVALID);
    expect(newSpace(mm).createStack(mm, 0)).toEqual(INVALID);
    expect(newSpace(mm).createStack(mm, 2 ** 40)).toEqual(INVALID);
    expect(exhaustAtEveryPoint(mm, (s) => s.createStack(mm, 3))).toBe(3 + 2);
  });

  it('mmaps zeroed memory from MMAP_BASE, first fit, with Read or Read|Write protection', async () => {
    const mm = mmContext(await makeMm());
    const space = newSpace(mm);
    const a = space.mmap(mm, 1, Prot.Read | Prot.Write);
    const b = space.mmap(mm, PAGE_SIZE + 1, Prot.Read);
    expect(a).toEqual({ ok: true, value: MMAP_BASE });
    expect(b).toEqual({ ok: true, value: MMAP_BASE + PAGE_SIZE });
    const user = space.user(mm.mem);
    expect(user.read(MMAP_BASE + PAGE_SIZE, 2 * PAGE_SIZE).ok).toBe(true);
    expect(user.write(MMAP_BASE + PAGE_SIZE, Uint8Array.of(1)).ok).toBe(false);
    expect(space.mmap(mm, PAGE_SIZE, Prot.Write).ok).toBe(true); // write implies read
    expect(space.munmap(mm, MMAP_BASE, 1).ok).toBe(true);
    expect(space.mmap(mm, PAGE_SIZE, Prot.Read)).toEqual({ ok: true, value: MMAP_BASE }); // the hole is reused
    expect(space.mmap(mm, 2 * PAGE_SIZE, Prot.Read)).toEqual({ ok: true, value: MMAP_BASE + 4 * PAGE_SIZE });
    expect(space.mmapRegions).toBe(4);
  });

  it('rejects bad mmap arguments, TooManyRegions at the limit, NoMemory for sizes beyond the free frames', async () => {
    const mm = mmContext(await makeMm(), { mmapRegions: 3 });
    const space = newSpace(mm);
    for (const [len, prot] of [[0, 1], [-1, 1], [1.5, 1], [Number.MAX_SAFE_INTEGER + 2, 1], [1, 0], [1, 4], [1, 0.5], [1, 2 ** 32 + 1]] as const) {
      expect(space.mmap(mm, len, prot)).toEqual(INVALID);
    }
    expect(space.mmap(mm, Number.MAX_SAFE_INTEGER, Prot.Read)).toEqual(NO_MEMORY);
    for (let i = 0; i < 3; i++) expect(space.mmap(mm, 1, Prot.Read).ok).toBe(true);
    expect(space.mmap(mm, 1, Prot.Read)).toEqual({ ok: false, error: RvosError.TooManyRegions });
  });

  it('mmap runs out of frames at every possible point without leaking', async () => {
    const mm = mmContext(await makeMm());
    expect(exhaustAtEveryPoint(mm, (s) => s.mmap(mm, 5 * PAGE_SIZE, Prot.Read | Prot.Write))).toBe(5 + 2);
  });

  it('munmaps a whole region, its start, its end or its middle, and frees exactly those frames', async () => {
    const mm = mmContext(await makeMm(), { mmapRegions: 2 });
    const space = newSpace(mm);
    space.mmap(mm, 8 * PAGE_SIZE, Prot.Read | Prot.Write);
    const user = space.user(mm.mem);
    const free = mm.frames.freeCount;
    const mapped = (page: number) => user.read(MMAP_BASE + page * PAGE_SIZE, 1).ok;
    expect(space.munmap(mm, MMAP_BASE, PAGE_SIZE).ok).toBe(true); // start
    expect(space.munmap(mm, MMAP_BASE + 7 * PAGE_SIZE, 1).ok).toBe(true); // end
    expect(space.munmap(mm, MMAP_BASE + 3 * PAGE_SIZE, 2 * PAGE_SIZE).ok).toBe(true); // middle: splits
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(mapped)).toEqual([false, true, true, false, false, true, true, false]);
    expect(mm.frames.freeCount).toBe(free + 4);
    expect(space.regions.map((r) => [r.start, r.pages, r.frames.length])).toEqual([[MMAP_BASE + PAGE_SIZE, 2, 2], [MMAP_BASE + 5 * PAGE_SIZE, 2, 2]]);
    expect(space.munmap(mm, MMAP_BASE + 5 * PAGE_SIZE, 2 * PAGE_SIZE).ok).toBe(true);
    space.mmap(mm, 4 * PAGE_SIZE, Prot.Read);
    expect(space.munmap(mm, MMAP_BASE + 4 * PAGE_SIZE, PAGE_SIZE)).toEqual({ ok: false, error: RvosError.TooManyRegions });
  });

  it('refuses munmap of unaligned, unmapped, non-mmap or region-crossing ranges', async () => {
    const mm = mmContext(await makeMm());
    const space = newSpace(mm);
    space.loadElf(mm, program);
    space.mmap(mm, 2 * PAGE_SIZE, Prot.Read);
    space.mmap(mm, 2 * PAGE_SIZE, Prot.Read);
    expect(space.munmap(mm, MMAP_BASE + 1, 1)).toEqual(INVALID);
    expect(space.munmap(mm, MMAP_BASE, 0)).toEqual(INVALID);
    expect(space.munmap(mm, MMAP_BASE, 3 * PAGE_SIZE)).toEqual(INVALID); // crosses into the next region
    expect(space.munmap(mm, 0x1_0000, PAGE_SIZE)).toEqual(INVALID); // image
    expect(space.munmap(mm, MMAP_BASE + 8 * PAGE_SIZE, PAGE_SIZE)).toEqual(INVALID);
    expect(space.munmap(mm, MMAP_BASE, Number.MAX_SAFE_INTEGER)).toEqual(INVALID);
  });

  it('destroy() returns every frame and table page', async () => {
    const mm = mmContext(await makeMm());
    const used = mm.frames.usedCount;
    const space = newSpace(mm);
    space.loadElf(mm, program);
    space.createStack(mm, 4);
    space.mmap(mm, 3 * PAGE_SIZE, Prot.Read);
    expect(space.framesOwned).toBe(mm.frames.usedCount - used);
    space.destroy(mm);
    expect(mm.frames.usedCount).toBe(used);
  });
});
