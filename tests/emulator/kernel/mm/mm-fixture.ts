// Test fixture for the kernel's memory management: a real hart (small RAM) with
// the kernel's PhysicalMemory and FrameAllocator on top of it; address spaces
// with a ShmTable and kernel limits for the higher-level tests.

import { createHartFromModule, loadHartModule, type Hart } from '../../../../emulator/hart/hart.ts';
import { AddressSpace, type MmContext } from '../../../../emulator/kernel/mm/address-space.ts';
import { ShmTable } from '../../../../emulator/kernel/mm/shm.ts';
import { DEFAULT_LIMITS, type KernelLimits } from '../../../../emulator/kernel/core/limits.ts';
import { FrameAllocator } from '../../../../emulator/kernel/mm/frame-allocator.ts';
import { PhysicalMemory } from '../../../../emulator/kernel/mm/physical-memory.ts';

export const RAM_BASE = 0x8000_0000;

export interface MmFixture {
  hart: Hart;
  mem: PhysicalMemory;
  frames: FrameAllocator;
}

/** A hart with `ramKiB` of RAM, and a frame allocator over RAM from `startOffset` capped at `limit` frames. */
export async function makeMm(options: { ramKiB?: number; startOffset?: number; limit?: number } = {}): Promise<MmFixture> {
  const ramSize = (options.ramKiB ?? 1024) * 1024;
  const hart = createHartFromModule(await loadHartModule(), { ramBase: BigInt(RAM_BASE), ramSize, instructionsPerTick: 10 });
  const mem = new PhysicalMemory(hart);
  const frames = new FrameAllocator(mem, RAM_BASE + (options.startOffset ?? 0), options.limit ?? 1 << 20);
  return { hart, mem, frames };
}

/** The MmContext an address space needs: the fixture plus a ShmTable and kernel limits. */
export function mmContext(mm: MmFixture, overrides: Partial<KernelLimits> = {}): MmFixture & MmContext {
  return { ...mm, shm: new ShmTable(overrides.shmRegions ?? DEFAULT_LIMITS.shmRegions), limits: { ...DEFAULT_LIMITS, ...overrides } };
}

/** A new address space (throws if the root page cannot be had). */
export function newSpace(mm: MmFixture): AddressSpace {
  const r = AddressSpace.create(mm);
  if (!r.ok) throw new Error(`AddressSpace.create failed: ${r.error}`);
  return r.value;
}
