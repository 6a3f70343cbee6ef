// PhysicalMemory: typed little-endian access to guest RAM by physical address,
// range checks (KernelBug outside RAM), and code invalidation on writes.

import { describe, expect, it } from 'vitest';
import { KernelBug } from '../../../../emulator/kernel/core/result.ts';
import { PhysicalMemory } from '../../../../emulator/kernel/mm/physical-memory.ts';
import { makeMm, RAM_BASE } from './mm-fixture.ts';

describe('PhysicalMemory', () => {
  it('reads and writes u8..u64 little-endian at physical addresses', async () => {
    const { hart, mem } = await makeMm();
    mem.writeU64(RAM_BASE + 0x100, 0x1122_3344_5566_7788n);
    expect(hart.ram[0x100]).toBe(0x88);
    expect(mem.readU8(RAM_BASE + 0x107)).toBe(0x11);
    expect(mem.readU16(RAM_BASE + 0x100)).toBe(0x7788);
    expect(mem.readU32(RAM_BASE + 0x104)).toBe(0x1122_3344);
    mem.writeU32(RAM_BASE + 0x200, 0xdead_beef);
    mem.writeU16(RAM_BASE + 0x204, 0xcafe);
    mem.writeU8(RAM_BASE + 0x206, 0x7f);
    expect(mem.readU64(RAM_BASE + 0x200)).toBe(0x7f_cafe_dead_beefn);
  });

  it('copies, zeroes and returns copies of byte ranges', async () => {
    const { mem } = await makeMm();
    mem.write(RAM_BASE + 0x1000, new Uint8Array([1, 2, 3, 4, 5]));
    mem.copy(RAM_BASE + 0x2000, RAM_BASE + 0x1000, 5);
    const copy = mem.read(RAM_BASE + 0x2000, 5);
    expect([...copy]).toEqual([1, 2, 3, 4, 5]);
    copy[0] = 99;
    expect(mem.readU8(RAM_BASE + 0x2000)).toBe(1);
    mem.zero(RAM_BASE + 0x2001, 3);
    expect([...mem.read(RAM_BASE + 0x2000, 5)]).toEqual([1, 0, 0, 0, 5]);
  });

  it('throws KernelBug for any access outside RAM', async () => {
    const { mem } = await makeMm({ ramKiB: 64 });
    expect(mem.end).toBe(RAM_BASE + 0x10000);
    expect(() => mem.readU8(RAM_BASE - 1)).toThrow(KernelBug);
    expect(() => mem.readU64(RAM_BASE + 0x10000 - 4)).toThrow(KernelBug);
    expect(() => mem.write(RAM_BASE + 0xffff, new Uint8Array(2))).toThrow(KernelBug);
    expect(() => mem.zero(RAM_BASE, 0x10001)).toThrow(KernelBug);
    expect(mem.contains(RAM_BASE + 0xfff8, 8)).toBe(true);
    expect(mem.contains(RAM_BASE + 0xfff8, 9)).toBe(false);
  });

  it('rejects fractional and non-finite addresses and lengths as outside RAM', async () => {
    const { mem } = await makeMm({ ramKiB: 64 });
    expect(() => mem.readU32(RAM_BASE + 0.5)).toThrow(KernelBug);
    expect(() => mem.readU16(Number.NaN)).toThrow(KernelBug);
    expect(() => mem.read(RAM_BASE, 1.5)).toThrow(KernelBug);
    expect(() => mem.zero(RAM_BASE, -1)).toThrow(KernelBug);
    expect(() => mem.readU8(Number.POSITIVE_INFINITY)).toThrow(KernelBug);
  });

  it('keeps reading correctly when the RAM buffer is replaced (wasm memory grew)', async () => {
    let backing = new ArrayBuffer(0x10000);
    const device = {
      ramBase: BigInt(RAM_BASE),
      get ram() { return new Uint8Array(backing); },
      invalidateCode: () => undefined,
      flushTlb: () => undefined,
    };
    const mem = new PhysicalMemory(device);
    new DataView(backing).setUint32(0x40, 0x1234_5678, true);
    expect(mem.readU32(RAM_BASE + 0x40)).toBe(0x1234_5678);
    const moved = structuredClone(backing, { transfer: [backing] }); // detaches the old buffer, as memory.grow does
    backing = moved;
    expect(mem.readU32(RAM_BASE + 0x40)).toBe(0x1234_5678);
    expect(mem.readU16(RAM_BASE + 0x42)).toBe(0x1234);
    expect(mem.readU8(RAM_BASE + 0x40)).toBe(0x78);
    expect(mem.readU64(RAM_BASE + 0x40)).toBe(0x1234_5678n);
  });
});
