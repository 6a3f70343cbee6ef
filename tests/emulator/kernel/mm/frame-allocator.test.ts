// FrameAllocator: capacity, zeroed frames, O(1) reuse, exhaustion, and
// KernelBug on double free or foreign addresses.

import { describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../../../emulator/kernel/mm/memory-layout.ts';
import { FrameAllocator } from '../../../../emulator/kernel/mm/frame-allocator.ts';
import { KernelBug } from '../../../../emulator/kernel/core/result.ts';
import { makeMm, RAM_BASE } from './mm-fixture.ts';

describe('FrameAllocator', () => {
  it('manages the whole frames of RAM above the start address, capped by the limit', async () => {
    const { mem } = await makeMm({ ramKiB: 64 });
    expect(new FrameAllocator(mem, RAM_BASE, 1000).total).toBe(16);
    expect(new FrameAllocator(mem, RAM_BASE + 0x2001, 1000).total).toBe(13); // start rounds up to a page
    expect(new FrameAllocator(mem, RAM_BASE, 5).total).toBe(5);
    expect(new FrameAllocator(mem, RAM_BASE + 0x20000, 5).total).toBe(0);
  });

  it('hands out distinct zeroed frames until none is left, then undefined', async () => {
    const { mem, frames } = await makeMm({ ramKiB: 64, startOffset: 0x8000 });
    mem.write(RAM_BASE + 0x8000, new Uint8Array(PAGE_SIZE).fill(0xaa));
    const got = new Set<number>();
    for (let i = 0; i < 8; i++) {
      const frame = frames.alloc();
      expect(frame).toBeDefined();
      got.add(frame!);
      expect(mem.read(frame!, PAGE_SIZE).every((b) => b === 0)).toBe(true);
    }
    expect(got.size).toBe(8);
    expect(Math.min(...got)).toBe(RAM_BASE + 0x8000);
    expect(frames.alloc()).toBeUndefined();
    expect(frames.freeCount).toBe(0);
    expect(frames.usedCount).toBe(8);
  });

  it('reuses freed frames (zeroed again) and keeps the counts exact', async () => {
    const { mem, frames } = await makeMm({ ramKiB: 64, limit: 4 });
    const a = frames.alloc()!;
    const b = frames.alloc()!;
    mem.writeU64(b, 0x1234n);
    frames.free(b);
    expect(frames.freeCount).toBe(3);
    expect(frames.isAllocated(b)).toBe(false);
    expect(frames.isAllocated(a)).toBe(true);
    expect(frames.alloc()).toBe(b);
    expect(mem.readU64(b)).toBe(0n);
    frames.free(a);
    frames.free(b);
    expect(frames.freeCount).toBe(4);
  });

  it('throws KernelBug on a double free, a misaligned or a foreign frame', async () => {
    const { frames } = await makeMm({ ramKiB: 64, startOffset: 0x4000, limit: 4 });
    const a = frames.alloc()!;
    frames.free(a);
    expect(() => frames.free(a)).toThrow(/freed twice/);
    expect(() => frames.free(a + 8)).toThrow(KernelBug);
    expect(() => frames.free(RAM_BASE)).toThrow(KernelBug); // below the managed range
    expect(() => frames.free(RAM_BASE + 0x4000 + 4 * PAGE_SIZE)).toThrow(KernelBug); // past the cap
    expect(frames.freeCount).toBe(4);
  });
});
