// The page table's translation cache (PageTable.leafPte, used by UserMemory):
// a page read once and then unmapped (munmap, unmapShm, destroy) or remapped
// must never be reached through a stale cached translation.

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { Prot } from '../../../../emulator/kernel/abi/handles.ts';
import { MMAP_BASE, PAGE_SIZE } from '../../../../emulator/kernel/mm/memory-layout.ts';
import { PageTable, Pte } from '../../../../emulator/kernel/mm/page-table.ts';
import { UserMemory } from '../../../../emulator/kernel/mm/user-memory.ts';
import { makeMm, mmContext, newSpace } from './mm-fixture.ts';

const BAD = { ok: false, error: RvosError.BadAddress };

describe('translation cache', () => {
  it('munmap, then mmap of the same address, reaches the new frame (never the old one)', async () => {
    const mm = mmContext(await makeMm());
    const space = newSpace(mm);
    const va = space.mmap(mm, PAGE_SIZE, Prot.Read | Prot.Write);
    if (!va.ok) throw new Error('mmap failed');
    const user = space.user(mm.mem);
    expect(user.writeU32(va.value + 8, 0xdead_beef).ok).toBe(true);
    expect(user.readU32(va.value + 8)).toEqual({ ok: true, value: 0xdead_beef });
    expect(space.munmap(mm, va.value, PAGE_SIZE).ok).toBe(true);
    expect(user.read(va.value + 8, 4)).toEqual(BAD);
    expect(user.write(va.value, Uint8Array.of(1))).toEqual(BAD);
    expect(space.mmap(mm, PAGE_SIZE, Prot.Read)).toEqual({ ok: true, value: va.value });
    expect(user.readU32(va.value + 8)).toEqual({ ok: true, value: 0 }); // a fresh zeroed frame
    expect(user.write(va.value, Uint8Array.of(1))).toEqual(BAD); // read-only now
  });

  it('unmapShm forgets the mapping', async () => {
    const mm = mmContext(await makeMm());
    const space = newSpace(mm);
    const created = mm.shm.create(mm, PAGE_SIZE);
    if (!created.ok) throw new Error('shm create failed');
    expect(space.mapShm(mm, created.value, true)).toEqual({ ok: true, value: MMAP_BASE });
    expect(space.user(mm.mem).writeU64(MMAP_BASE, 7n).ok).toBe(true);
    expect(space.unmapShm(mm, MMAP_BASE).ok).toBe(true);
    expect(space.user(mm.mem).readU64(MMAP_BASE)).toEqual(BAD);
  });

  it('every table change clears the cache: unmap, then a map with other flags', async () => {
    const mm = await makeMm();
    const created = PageTable.create(mm);
    if (!created.ok) throw new Error('no root');
    const table = created.value;
    const [a, b] = [mm.frames.alloc()!, mm.frames.alloc()!];
    expect(table.map(mm, 0x1_0000, a, Pte.U | Pte.R | Pte.W).ok).toBe(true);
    const user = new UserMemory(mm.mem, table);
    expect(user.writeU32(0x1_0000, 1).ok).toBe(true);
    expect(table.lookup(mm.mem, 0x1_0000)?.pa).toBe(a);
    expect(table.unmap(mm, 0x1_0000)).toBe(a);
    expect(table.lookup(mm.mem, 0x1_0000)).toBeUndefined();
    expect(user.readU32(0x1_0000)).toEqual(BAD);
    expect(table.map(mm, 0x1_0000, b, Pte.U | Pte.R).ok).toBe(true);
    expect(table.lookup(mm.mem, 0x1_0000)?.pa).toBe(b);
    expect(user.writeU32(0x1_0000, 2)).toEqual(BAD);
    expect(mm.mem.readU32(a)).toBe(1);
  });
});
