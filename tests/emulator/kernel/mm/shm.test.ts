// ShmTable and shm mappings: zeroed regions shared between address spaces,
// reference counts (handles + mappings) freeing frames at zero, the region
// limit (TooManyShm), NoMemory without a leak, and underflow as a kernel bug.

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { MMAP_BASE, PAGE_SIZE } from '../../../../emulator/kernel/mm/memory-layout.ts';
import { ShmTable } from '../../../../emulator/kernel/mm/shm.ts';
import { KernelBug } from '../../../../emulator/kernel/core/result.ts';
import { makeMm, mmContext, newSpace } from './mm-fixture.ts';

describe('ShmTable', () => {
  it('creates zeroed regions rounded up to pages, and frees them with the last reference', async () => {
    const mm = await makeMm();
    const shm = new ShmTable(4);
    const used = mm.frames.usedCount;
    const r = shm.create(mm, PAGE_SIZE + 1);
    expect(r.ok).toBe(true);
    const id = r.ok ? r.value : -1;
    const region = shm.get(id)!;
    expect([region.pages, region.refs, region.mappings, shm.count]).toEqual([2, 1, 0, 1]);
    expect(mm.frames.usedCount).toBe(used + 2);
    expect(() => shm.removeMapping(mm, id)).toThrow(/mapping count underflow/);
    shm.retain(id);
    shm.release(mm, id);
    expect(mm.frames.usedCount).toBe(used + 2);
    shm.release(mm, id);
    expect(mm.frames.usedCount).toBe(used);
    expect(shm.get(id)).toBeUndefined();
    expect(shm.count).toBe(0);
    expect(() => shm.release(mm, id)).toThrow(KernelBug);
    expect(() => shm.retain(id)).toThrow(KernelBug);
  });

  it('answers TooManyShm at the limit, InvalidArgument for bad lengths, NoMemory without a leak', async () => {
    const mm = await makeMm({ limit: 10 });
    const shm = new ShmTable(2);
    expect(shm.create(mm, 0)).toEqual({ ok: false, error: RvosError.InvalidArgument });
    expect(shm.create(mm, 2 ** 60)).toEqual({ ok: false, error: RvosError.InvalidArgument });
    expect(shm.create(mm, 11 * PAGE_SIZE)).toEqual({ ok: false, error: RvosError.NoMemory });
    expect(mm.frames.freeCount).toBe(10);
    expect(shm.create(mm, 1).ok).toBe(true);
    expect(shm.create(mm, 1).ok).toBe(true);
    expect(shm.create(mm, 1)).toEqual({ ok: false, error: RvosError.TooManyShm });
    shm.release(mm, 0);
    expect(shm.create(mm, 1)).toEqual({ ok: true, value: 0 }); // the slot is reused
  });

  it('maps one region into two address spaces: a write in one is seen in the other', async () => {
    const mm = mmContext(await makeMm());
    const a = newSpace(mm);
    const b = newSpace(mm);
    const created = mm.shm.create(mm, 2 * PAGE_SIZE);
    const id = created.ok ? created.value : -1;
    const va = a.mapShm(mm, id, true);
    const vb = b.mapShm(mm, id, false);
    expect(va).toEqual({ ok: true, value: MMAP_BASE });
    expect(vb).toEqual({ ok: true, value: MMAP_BASE });
    expect(a.user(mm.mem).writeU64(MMAP_BASE + PAGE_SIZE, 0x55n).ok).toBe(true);
    expect(b.user(mm.mem).readU64(MMAP_BASE + PAGE_SIZE)).toEqual({ ok: true, value: 0x55n });
    expect(b.user(mm.mem).writeU64(MMAP_BASE, 1n).ok).toBe(false); // mapped read-only
    expect(mm.shm.get(id)!.refs).toBe(1);
    expect(mm.shm.get(id)!.mappings).toBe(2);
    expect(a.framesOwned).toBe(3); // root + 2 tables: the shm frames are not a's own
    mm.shm.release(mm, id); // the creator's handle goes; the mappings keep the region
    expect(a.unmapShm(mm, MMAP_BASE + 1)).toEqual({ ok: false, error: RvosError.InvalidArgument });
    expect(a.unmapShm(mm, MMAP_BASE).ok).toBe(true);
    expect(a.user(mm.mem).read(MMAP_BASE, 1).ok).toBe(false);
    const used = mm.frames.usedCount;
    b.destroy(mm); // drops the last mapping: region frames and b's 3 table pages go
    expect(mm.shm.get(id)).toBeUndefined();
    expect(mm.frames.usedCount).toBe(used - 2 - 3);
  });

  it('mapShm counts against the region limit and rolls back when a table page cannot be had', async () => {
    const mm = mmContext(await makeMm({ limit: 8 }), { mmapRegions: 1 });
    const space = newSpace(mm);
    const created = mm.shm.create(mm, PAGE_SIZE);
    const id = created.ok ? created.value : -1;
    const ballast: number[] = [];
    while (mm.frames.freeCount > 1) ballast.push(mm.frames.alloc()!);
    expect(space.mapShm(mm, id, true)).toEqual({ ok: false, error: RvosError.NoMemory }); // needs 2 table pages
    expect(mm.frames.freeCount).toBe(1);
    expect(mm.shm.get(id)!.refs).toBe(1);
    for (const f of ballast) mm.frames.free(f);
    expect(space.mapShm(mm, id, true).ok).toBe(true);
    expect(space.mapShm(mm, id, true)).toEqual({ ok: false, error: RvosError.TooManyRegions });
  });
});
