// UserMemory: kernel access to user memory through the process page table:
// page-crossing copies, U/R/W checks, checked range arithmetic, no partial writes.

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { USER_END } from '../../../../emulator/kernel/mm/memory-layout.ts';
import { PageTable, Pte } from '../../../../emulator/kernel/mm/page-table.ts';
import { UserMemory } from '../../../../emulator/kernel/mm/user-memory.ts';
import { makeMm } from './mm-fixture.ts';

const BAD = { ok: false, error: RvosError.BadAddress };

async function setup() {
  const mm = await makeMm();
  const r = PageTable.create(mm);
  if (!r.ok) throw new Error('no root');
  const table = r.value;
  const frame = () => mm.frames.alloc()!;
  const rw = [frame(), frame()];
  table.map(mm, 0x1_0000, rw[0]!, Pte.U | Pte.R | Pte.W);
  table.map(mm, 0x1_1000, rw[1]!, Pte.U | Pte.R | Pte.W);
  table.map(mm, 0x1_2000, frame(), Pte.U | Pte.R); // read-only
  table.map(mm, 0x1_3000, frame(), Pte.R | Pte.W); // kernel-only
  table.map(mm, 0x3f_ffff_f000, frame(), Pte.U | Pte.R | Pte.W); // last user page
  return { mm, rw, user: new UserMemory(mm.mem, table) };
}

describe('UserMemory', () => {
  it('reads and writes across a page boundary into the right frames', async () => {
    const { mm, rw, user } = await setup();
    expect(user.write(0x1_0ffe, new Uint8Array([1, 2, 3, 4])).ok).toBe(true);
    expect(mm.mem.readU16(rw[0]! + 0xffe)).toBe(0x0201);
    expect(mm.mem.readU16(rw[1]!)).toBe(0x0403);
    const r = user.read(0x1_0ffd, 6);
    expect(r.ok && [...r.value]).toEqual([0, 1, 2, 3, 4, 0]);
    expect(user.writeU64(0x1_0ffc, 0x0102_0304_0506_0708n).ok).toBe(true);
    expect(user.readU64(0x1_0ffc)).toEqual({ ok: true, value: 0x0102_0304_0506_0708n });
    expect(user.writeU32(0x1_1000, 0xffff_fffe).ok).toBe(true);
    expect(user.readU32(0x1_1000)).toEqual({ ok: true, value: 0xffff_fffe });
    expect(user.writeU64(0x3f_ffff_fff8, -1n).ok).toBe(true);
    expect(user.readU64(0x3f_ffff_fff8)).toEqual({ ok: true, value: 0xffff_ffff_ffff_ffffn });
  });

  it('needs the U bit, R for reads and W for writes', async () => {
    const { user } = await setup();
    expect(user.read(0x1_2000, 4).ok).toBe(true);
    expect(user.write(0x1_2000, new Uint8Array(1))).toEqual(BAD);
    expect(user.read(0x1_3000, 1)).toEqual(BAD);
    expect(user.write(0x1_3000, new Uint8Array(1))).toEqual(BAD);
    expect(user.read(0x1_4000, 1)).toEqual(BAD); // unmapped
    expect(user.readU32(0x1_3ffe)).toEqual(BAD); // straddles into unmapped
  });

  it('writes nothing when any page of the range is not writable', async () => {
    const { mm, rw, user } = await setup();
    expect(user.write(0x1_1ffe, new Uint8Array([9, 9, 9, 9]))).toEqual(BAD); // second half read-only
    expect(mm.mem.readU16(rw[1]! + 0xffe)).toBe(0);
  });

  it('rejects ranges that wrap, leave user space or are malformed', async () => {
    const { user } = await setup();
    expect(user.read(USER_END - 4, 8)).toEqual(BAD);
    expect(user.read(USER_END, 1)).toEqual(BAD);
    expect(user.read(Number.MAX_SAFE_INTEGER, 2)).toEqual(BAD);
    expect(user.read(0x1_0000, Number.MAX_SAFE_INTEGER)).toEqual(BAD);
    expect(user.read(0x1_0000, -1)).toEqual(BAD);
    expect(user.read(0x1_0000, 1.5)).toEqual(BAD);
    expect(user.read(0, 4)).toEqual(BAD); // below USER_BASE
    expect(user.read(0x1_0000, 0)).toEqual({ ok: true, value: new Uint8Array(0) });
  });
});
