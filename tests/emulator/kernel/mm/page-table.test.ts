// PageTable: Sv39 tables in guest RAM checked against the hart's own walker
// (debugTranslate), table pages counted against frames, NoMemory without a
// leak, pruning of empty tables on unmap, destroy() returning every table page.

import { describe, expect, it } from 'vitest';
import { Privilege } from '../../../../emulator/hart/hart.ts';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { PAGE_SIZE } from '../../../../emulator/kernel/mm/memory-layout.ts';
import { PageTable, Pte } from '../../../../emulator/kernel/mm/page-table.ts';
import { KernelBug } from '../../../../emulator/kernel/core/result.ts';
import { makeMm, type MmFixture } from './mm-fixture.ts';

function newTable(mm: MmFixture): PageTable {
  const r = PageTable.create(mm);
  if (!r.ok) throw new Error('no root');
  return r.value;
}

const URW = Pte.U | Pte.R | Pte.W;

describe('PageTable', () => {
  it('builds tables the hart walks: translations and permissions match debugTranslate in U-mode', async () => {
    const mm = await makeMm();
    const table = newTable(mm);
    const data = mm.frames.alloc()!;
    const code = mm.frames.alloc()!;
    const kernelOnly = mm.frames.alloc()!;
    expect(table.map(mm, 0x3f_ffff_e000, data, URW).ok).toBe(true);
    expect(table.map(mm, 0x1_0000, code, Pte.U | Pte.R | Pte.X).ok).toBe(true);
    expect(table.map(mm, 0x2_0000, kernelOnly, Pte.R | Pte.W).ok).toBe(true);
    mm.hart.setCsr(0x180, table.satp());
    mm.hart.setPrivilege(Privilege.User);
    mm.hart.flushTlb();
    const tr = (va: number, acc: 'fetch' | 'load' | 'store') => mm.hart.debugTranslate(BigInt(va), acc);
    expect(tr(0x3f_ffff_e123, 'store')).toBe(BigInt(data + 0x123));
    expect(tr(0x3f_ffff_e123, 'fetch')).toBe(-1n);
    expect(tr(0x1_0ffc, 'fetch')).toBe(BigInt(code + 0xffc));
    expect(tr(0x1_0000, 'store')).toBe(-1n);
    expect(tr(0x2_0000, 'load')).toBe(-1n); // no U bit
    expect(tr(0x3_0000, 'load')).toBe(-1n); // unmapped
    expect(table.lookup(mm.mem, 0x3f_ffff_e000)).toEqual({ pa: data, flags: URW | Pte.V | Pte.A | Pte.D });
    expect(table.lookup(mm.mem, 0x3f_ffff_f000)).toBeUndefined();
    expect(table.satp(5) >> 44n).toBe((8n << 16n) | 5n);
  });

  it('counts table pages against the frame allocator and frees them all in destroy()', async () => {
    const mm = await makeMm({ limit: 100 });
    const table = newTable(mm);
    const leaves = [mm.frames.alloc()!, mm.frames.alloc()!, mm.frames.alloc()!];
    expect(table.map(mm, 0x1_0000, leaves[0]!, URW).ok).toBe(true); // + L1 + L0
    expect(table.map(mm, 0x1_1000, leaves[1]!, URW).ok).toBe(true); // same L0
    expect(table.map(mm, 0x20_0000_0000, leaves[2]!, URW).ok).toBe(true); // + L1 + L0
    expect(table.tablePages).toBe(5);
    expect(mm.frames.usedCount).toBe(5 + 3);
    table.destroy(mm);
    expect(mm.frames.usedCount).toBe(3); // leaves belong to the caller
  });

  it('returns NoMemory when a table page cannot be had, leaving frames and the table unchanged', async () => {
    const mm = await makeMm({ limit: 4 });
    const table = newTable(mm);
    const leaf = mm.frames.alloc()!;
    const spare = mm.frames.alloc()!; // one frame left: the map needs two table pages
    const before = mm.frames.freeCount;
    expect(table.map(mm, 0x1_0000, leaf, URW)).toEqual({ ok: false, error: RvosError.NoMemory });
    expect(mm.frames.freeCount).toBe(before);
    expect(table.tablePages).toBe(1);
    expect(table.lookup(mm.mem, 0x1_0000)).toBeUndefined();
    mm.frames.free(spare);
    expect(table.map(mm, 0x1_0000, leaf, URW).ok).toBe(true);
    expect(mm.frames.freeCount).toBe(0);
  });

  it('unmapRange returns the frames, frees tables left empty, and flushes so the hart no longer translates', async () => {
    const mm = await makeMm();
    const table = newTable(mm);
    const a = mm.frames.alloc()!;
    const b = mm.frames.alloc()!;
    table.map(mm, 0x1_0000, a, URW);
    table.map(mm, 0x1_1000, b, URW);
    mm.hart.setCsr(0x180, table.satp());
    mm.hart.setPrivilege(Privilege.User);
    expect(mm.hart.debugTranslate(0x1_1000n, 'load')).toBe(BigInt(b));
    const used = mm.frames.usedCount;
    expect(table.unmapRange(mm, 0x1_1000, 4)).toEqual([b]); // unmapped pages in the range are skipped
    expect(table.tablePages).toBe(3);
    expect(mm.hart.debugTranslate(0x1_1000n, 'load')).toBe(-1n);
    expect(table.unmap(mm, 0x1_0000)).toBe(a);
    expect(table.unmap(mm, 0x1_0000)).toBeUndefined();
    expect(table.tablePages).toBe(1);
    expect(mm.frames.usedCount).toBe(used - 2);
  });

  it('treats a double map and bad arguments as kernel bugs', async () => {
    const mm = await makeMm();
    const table = newTable(mm);
    const f = mm.frames.alloc()!;
    table.map(mm, 0x1_0000, f, URW);
    expect(() => table.map(mm, 0x1_0000, f, URW)).toThrow(/mapped twice/);
    expect(() => table.map(mm, 0x1_0001, f, URW)).toThrow(KernelBug);
    expect(() => table.map(mm, 0x40_0000_0000, f, URW)).toThrow(KernelBug);
    expect(() => table.map(mm, 0x2_0000, f + 8, URW)).toThrow(KernelBug);
    expect(() => table.map(mm, 0x2_0000, f, Pte.U | Pte.W)).toThrow(KernelBug); // W without R is reserved
    expect(() => table.map(mm, 0x2_0000, f, Pte.U)).toThrow(KernelBug);
    expect(table.lookup(mm.mem, PAGE_SIZE * -1)).toBeUndefined();
  });
});
