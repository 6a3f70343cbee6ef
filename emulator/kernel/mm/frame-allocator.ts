// FrameAllocator: hands out 4 KiB physical frames of guest RAM in O(1): a
// stack of freed frames, then frames never handed out (a bump index). Every
// frame comes back zeroed. Capacity = min(limits.frames, whole frames of RAM at
// or above `start`). State is plain data (typed arrays and numbers).

import { injectFault, noFaults, type FaultCountdowns } from '../core/fault-injection.ts';
import { KernelBug } from '../core/result.ts';
import { PAGE_SIZE } from './memory-layout.ts';
import type { PhysicalMemory } from './physical-memory.ts';

export class FrameAllocator {
  /** Physical address of frame 0. */
  readonly first: number;
  /** Frames this allocator manages. */
  readonly total: number;
  /** Frames handed out so far from the never-used tail. */
  private bump = 0;
  /** Freed frame indexes; stackTop entries are valid. */
  private readonly freed: Int32Array;
  private stackTop = 0;
  /** 1 when the frame is allocated (double-free detection). */
  private readonly inUse: Uint8Array;

  /** An allocator over RAM from `start` (rounded up to a page) to the end of `mem`, at most `limit` frames; `faults` makes chosen allocations fail (tests). */
  constructor(private readonly mem: PhysicalMemory, start: number, limit: number, private readonly faults: FaultCountdowns = noFaults()) {
    this.first = Math.ceil(Math.max(start, mem.base) / PAGE_SIZE) * PAGE_SIZE;
    const available = Math.max(0, Math.floor((mem.end - this.first) / PAGE_SIZE));
    this.total = Math.min(limit, available);
    this.freed = new Int32Array(this.total);
    this.inUse = new Uint8Array(this.total);
  }

  /** Frames currently free. */
  get freeCount(): number {
    return this.total - this.bump + this.stackTop;
  }

  /** Frames currently allocated. */
  get usedCount(): number {
    return this.total - this.freeCount;
  }

  /** Allocates one zeroed frame; returns its physical address, or undefined when none is left. */
  alloc(): number | undefined {
    if (this.faults.frame !== 0 && injectFault(this.faults, 'frame')) return undefined;
    let index: number;
    if (this.stackTop > 0) index = this.freed[--this.stackTop]!;
    else if (this.bump < this.total) index = this.bump++;
    else return undefined;
    this.inUse[index] = 1;
    const paddr = this.first + index * PAGE_SIZE;
    this.mem.zero(paddr, PAGE_SIZE);
    return paddr;
  }

  /** Returns a frame. Throws KernelBug for an address that is not an allocated frame of this allocator (double free). */
  free(paddr: number): void {
    const index = this.indexOf(paddr);
    if (index === undefined) throw new KernelBug(`0x${paddr.toString(16)} is not a frame of the frame allocator`);
    if (this.inUse[index] !== 1) throw new KernelBug(`frame 0x${paddr.toString(16)} freed twice`);
    this.inUse[index] = 0;
    this.freed[this.stackTop++] = index;
  }

  /** True when `paddr` is a frame of this allocator that is allocated now. */
  isAllocated(paddr: number): boolean {
    const index = this.indexOf(paddr);
    return index !== undefined && this.inUse[index] === 1;
  }

  /** The frame index of `paddr`, or undefined when it is not the start of one of this allocator's frames. */
  private indexOf(paddr: number): number | undefined {
    const offset = paddr - this.first;
    if (!Number.isSafeInteger(paddr) || offset < 0 || offset % PAGE_SIZE !== 0 || offset / PAGE_SIZE >= this.total) return undefined;
    return offset / PAGE_SIZE;
  }
}
