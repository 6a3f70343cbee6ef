// ShmTable: the kernel's shared-memory regions (at most limits.shmRegions):
// zeroed frames that several address spaces map. A region lives while it has
// references (handles and messages in flight: changed only through
// ipc/object-refs.ts) or mappings (counted by address-space.ts). O(1) slot
// allocation from a free list; the frames are freed when both reach zero.

import { RvosError } from '../abi/errors.ts';
import { fail, KernelBug, ok, type KResult } from '../core/result.ts';
import { pagesFor } from './memory-layout.ts';
import type { MmDeps } from './page-table.ts';

export interface ShmRegion {
  readonly id: number;
  /** Physical frames, one per page, in order. */
  readonly frames: readonly number[];
  readonly pages: number;
  /** References: handles and messages in flight. */
  refs: number;
  /** Address-space mappings. */
  mappings: number;
}

export class ShmTable {
  private readonly slots: (ShmRegion | undefined)[];
  /** Free slot indexes (a stack). */
  private readonly freeSlots: number[];

  constructor(readonly limit: number) {
    this.slots = new Array<ShmRegion | undefined>(limit).fill(undefined);
    this.freeSlots = Array.from({ length: limit }, (_, i) => limit - 1 - i);
  }

  /** Regions in use. */
  get count(): number {
    return this.limit - this.freeSlots.length;
  }

  /**
   * Creates a region of `len` bytes rounded up to pages (zeroed) with one
   * reference, which the caller owns. InvalidArgument for len 0 or not a safe
   * integer, TooManyShm when the table is full, NoMemory (nothing kept) when frames run out.
   */
  create(mm: MmDeps, len: number): KResult<number> {
    if (!Number.isSafeInteger(len) || len <= 0) return fail(RvosError.InvalidArgument);
    const id = this.freeSlots[this.freeSlots.length - 1];
    if (id === undefined) return fail(RvosError.TooManyShm);
    const pages = pagesFor(len);
    if (pages > mm.frames.freeCount) return fail(RvosError.NoMemory);
    const frames: number[] = [];
    for (let i = 0; i < pages; i++) {
      const frame = mm.frames.alloc();
      if (frame === undefined) {
        for (const f of frames) mm.frames.free(f);
        return fail(RvosError.NoMemory);
      }
      frames.push(frame);
    }
    this.freeSlots.pop();
    this.slots[id] = { id, frames, pages, refs: 1, mappings: 0 };
    return ok(id);
  }

  /** The region `id`, or undefined when there is none. */
  get(id: number): ShmRegion | undefined {
    return this.slots[id];
  }

  /** Every live region (for introspection and MemInfo). */
  regions(): ShmRegion[] {
    return this.slots.filter((r): r is ShmRegion => r !== undefined);
  }

  /** Takes one more reference to region `id` (KernelBug when it does not exist). */
  retain(id: number): void {
    this.must(id).refs++;
  }

  /** Drops one reference; frees the frames and the slot when no reference and no mapping is left. KernelBug when `id` does not exist. */
  release(mm: MmDeps, id: number): void {
    const region = this.must(id);
    if (region.refs <= 0) throw new KernelBug(`shm ${id}: reference count underflow`);
    region.refs--;
    this.freeIfUnused(mm, region);
  }

  /** Records a new mapping of region `id` (KernelBug when it does not exist). */
  addMapping(id: number): void {
    this.must(id).mappings++;
  }

  /** Drops a mapping of region `id`; frees it as release() does. */
  removeMapping(mm: MmDeps, id: number): void {
    const region = this.must(id);
    if (region.mappings <= 0) throw new KernelBug(`shm ${id}: mapping count underflow`);
    region.mappings--;
    this.freeIfUnused(mm, region);
  }

  private freeIfUnused(mm: MmDeps, region: ShmRegion): void {
    if (region.refs > 0 || region.mappings > 0) return;
    for (const f of region.frames) mm.frames.free(f);
    this.slots[region.id] = undefined;
    this.freeSlots.push(region.id);
  }

  private must(id: number): ShmRegion {
    const region = this.slots[id];
    if (region === undefined) throw new KernelBug(`shm region ${id} does not exist`);
    return region;
  }
}
