// AddressSpace: one user process's memory: its Sv39 page table and a region
// table (image, stack, guard, mmap, shm) that owns the frames it maps. Every
// operation validates first and rolls back on NoMemory, so a failure leaves
// the space and the frame counts as they were. Plain data: the kernel tables
// it needs come in as an argument (KernelContext satisfies MmContext).

import { RvosError } from '../abi/errors.ts';
import { Prot } from '../abi/handles.ts';
import type { KernelLimits } from '../core/limits.ts';
import { fail, KernelBug, ok, type KResult } from '../core/result.ts';
import { planElfImage, type ImageRun } from './elf-image.ts';
import { inUserRange, MMAP_BASE, MMAP_END, PAGE_SIZE, pagesFor, STACK_TOP } from './memory-layout.ts';
import { PageTable, Pte, type MmDeps } from './page-table.ts';
import type { PhysicalMemory } from './physical-memory.ts';
import type { ShmTable } from './shm.ts';
import { UserMemory } from './user-memory.ts';

export type RegionKind = 'image' | 'stack' | 'guard' | 'mmap' | 'shm';

export interface Region {
  start: number;
  pages: number;
  kind: RegionKind;
  /** PTE permission bits of its pages (0 for the guard). */
  flags: number;
  /** Frames this region owns, one per page (empty for guard and shm). */
  frames: number[];
  /** The shm region mapped here, or -1. */
  shmId: number;
}

/** What address-space operations need from the kernel. */
export interface MmContext extends MmDeps {
  readonly shm: ShmTable;
  readonly limits: KernelLimits;
}

export class AddressSpace {
  /** Regions sorted by start address, never overlapping. */
  readonly regions: Region[] = [];
  /** The accessor user() returns (created on first use). */
  private userAccess: UserMemory | undefined;

  private constructor(readonly table: PageTable) {}

  /** An empty address space (its root table page); NoMemory when no frame is left. */
  static create(mm: MmDeps): KResult<AddressSpace> {
    const table = PageTable.create(mm);
    return table.ok ? ok(new AddressSpace(table.value)) : table;
  }

  /** Frames this space holds: the frames of its own regions plus its table pages (shm frames are not its own). */
  get framesOwned(): number {
    return this.regions.reduce((n, r) => n + r.frames.length, this.table.tablePages);
  }

  /** Regions counted against limits.mmapRegions (mmap and shm mappings). */
  get mmapRegions(): number {
    return this.regions.filter((r) => r.kind === 'mmap' || r.kind === 'shm').length;
  }

  /** The accessor for this space's user memory (see user-memory.ts). */
  user(mem: PhysicalMemory): UserMemory {
    // The accessor holds no state of its own: one per space serves every syscall.
    if (this.userAccess?.mem !== mem) this.userAccess = new UserMemory(mem, this.table);
    return this.userAccess;
  }

  /**
   * Loads an ELF executable at its linked addresses; returns the entry point.
   * BadExecutable (see planElfImage), NoMemory; on failure nothing is left mapped or allocated.
   */
  loadElf(mm: MmDeps, bytes: Uint8Array): KResult<{ entry: number }> {
    if (this.regions.some((r) => r.kind === 'image')) throw new KernelBug('loadElf called twice on one address space');
    const plan = planElfImage(bytes, mm.frames.freeCount);
    if (!plan.ok) return plan;
    const { runs, copies, entry } = plan.value;
    if (runs.some((r) => this.overlaps(r.start, r.pages))) return fail(RvosError.BadExecutable);
    const regions: Region[] = [];
    for (const run of runs) {
      const region = this.populate(mm, run, 'image');
      if (!region.ok) {
        for (const r of regions) this.discard(mm, r);
        return region;
      }
      regions.push(region.value);
    }
    for (const c of copies) copyIn(mm.mem, regions, c.va, plan.value.bytes.subarray(c.fileOffset, c.fileOffset + c.len));
    for (const r of regions) this.insert(r);
    return ok({ entry });
  }

  /**
   * Maps `pages` zeroed stack pages ending at STACK_TOP, with an unmapped guard
   * page below; returns the initial stack pointer. InvalidArgument for a bad
   * page count or when a stack exists, NoMemory (nothing kept).
   */
  createStack(mm: MmDeps, pages: number): KResult<{ top: number }> {
    const maxPages = (STACK_TOP - MMAP_END) / PAGE_SIZE - 1;
    if (!Number.isSafeInteger(pages) || pages < 1 || pages > maxPages) return fail(RvosError.InvalidArgument);
    const start = STACK_TOP - pages * PAGE_SIZE;
    if (this.overlaps(start - PAGE_SIZE, pages + 1)) return fail(RvosError.InvalidArgument);
    const stack = this.populate(mm, { start, pages, flags: Pte.R | Pte.W }, 'stack');
    if (!stack.ok) return stack;
    this.insert({ start: start - PAGE_SIZE, pages: 1, kind: 'guard', flags: 0, frames: [], shmId: -1 });
    this.insert(stack.value);
    return ok({ top: STACK_TOP });
  }

  /**
   * Maps `len` bytes (rounded up to pages) of zeroed memory with `prot`
   * (Prot.Read | Prot.Write bits; Write implies Read) and returns its address.
   * InvalidArgument, TooManyRegions, NoMemory (no frames or no address range; nothing kept).
   */
  mmap(mm: MmContext, len: number, prot: number): KResult<number> {
    if (!Number.isSafeInteger(len) || len <= 0 || !isProt(prot)) {
      return fail(RvosError.InvalidArgument);
    }
    if (this.mmapRegions >= mm.limits.mmapRegions) return fail(RvosError.TooManyRegions);
    const pages = pagesFor(len);
    if (pages > mm.frames.freeCount) return fail(RvosError.NoMemory);
    const start = this.findFree(pages);
    if (start === undefined) return fail(RvosError.NoMemory);
    const region = this.populate(mm, { start, pages, flags: (prot & Prot.Write) !== 0 ? Pte.R | Pte.W : Pte.R }, 'mmap');
    if (!region.ok) return region;
    this.insert(region.value);
    return ok(start);
  }

  /**
   * Unmaps the whole pages [va, va + len rounded up) lying inside one mmap
   * region (the whole region, its start, its end or a middle part) and frees
   * their frames. InvalidArgument for an unaligned va, a bad length or a range
   * not inside one mmap region; TooManyRegions when splitting would exceed the limit.
   */
  munmap(mm: MmContext, va: number, len: number): KResult<void> {
    if (va % PAGE_SIZE !== 0 || !inUserRange(va, len)) return fail(RvosError.InvalidArgument);
    const pages = pagesFor(len);
    const index = this.regions.findIndex((r) => r.kind === 'mmap' && va >= r.start && va + pages * PAGE_SIZE <= regionEnd(r));
    if (index < 0) return fail(RvosError.InvalidArgument);
    const region = this.regions[index]!;
    const head = (va - region.start) / PAGE_SIZE;
    const tail = region.pages - head - pages;
    if (head > 0 && tail > 0 && this.mmapRegions >= mm.limits.mmapRegions) return fail(RvosError.TooManyRegions);
    const pieces: Region[] = [];
    if (head > 0) pieces.push({ ...region, pages: head, frames: region.frames.slice(0, head) });
    if (tail > 0) pieces.push({ ...region, start: va + pages * PAGE_SIZE, pages: tail, frames: region.frames.slice(head + pages) });
    this.regions.splice(index, 1, ...pieces);
    for (const f of this.table.unmapRange(mm, va, pages)) mm.frames.free(f);
    return ok(undefined);
  }

  /**
   * Maps shared-memory region `shmId` (readable; writable when asked) and
   * returns its address; the mapping holds a reference to the region.
   * TooManyRegions, NoMemory (table pages or address range; nothing kept). KernelBug if the region does not exist.
   */
  mapShm(mm: MmContext, shmId: number, writable: boolean): KResult<number> {
    const shm = mm.shm.get(shmId);
    if (shm === undefined) throw new KernelBug(`mapShm: shm region ${shmId} does not exist`);
    if (this.mmapRegions >= mm.limits.mmapRegions) return fail(RvosError.TooManyRegions);
    const start = this.findFree(shm.pages);
    if (start === undefined) return fail(RvosError.NoMemory);
    const flags = Pte.U | Pte.R | (writable ? Pte.W : 0);
    for (let i = 0; i < shm.pages; i++) {
      const mapped = this.table.map(mm, start + i * PAGE_SIZE, shm.frames[i]!, flags);
      if (!mapped.ok) {
        this.table.unmapRange(mm, start, i);
        return mapped;
      }
    }
    mm.shm.addMapping(shmId);
    this.insert({ start, pages: shm.pages, kind: 'shm', flags: flags & ~Pte.U, frames: [], shmId });
    return ok(start);
  }

  /** Unmaps the shm mapping that starts at `va` and drops its reference. InvalidArgument when no shm mapping starts there. */
  unmapShm(mm: MmContext, va: number): KResult<void> {
    const index = this.regions.findIndex((r) => r.kind === 'shm' && r.start === va);
    if (index < 0) return fail(RvosError.InvalidArgument);
    const region = this.regions[index]!;
    this.regions.splice(index, 1);
    this.table.unmapRange(mm, region.start, region.pages);
    mm.shm.removeMapping(mm, region.shmId);
    return ok(undefined);
  }

  /** Frees every frame and table page and drops every shm reference. The space is unusable afterwards. */
  destroy(mm: MmContext): void {
    for (const region of this.regions) {
      for (const f of region.frames) mm.frames.free(f);
      if (region.kind === 'shm') mm.shm.removeMapping(mm, region.shmId);
    }
    this.regions.length = 0;
    this.table.destroy(mm);
  }

  /** Allocates and maps a run of zeroed user pages as a region (not yet inserted); NoMemory rolls back. */
  private populate(mm: MmDeps, run: ImageRun, kind: RegionKind): KResult<Region> {
    const region: Region = { start: run.start, pages: run.pages, kind, flags: run.flags, frames: [], shmId: -1 };
    for (let i = 0; i < run.pages; i++) {
      const frame = mm.frames.alloc();
      const mapped = frame === undefined ? fail(RvosError.NoMemory) : this.table.map(mm, run.start + i * PAGE_SIZE, frame, run.flags | Pte.U);
      if (!mapped.ok) {
        if (frame !== undefined) mm.frames.free(frame);
        this.discard(mm, region);
        return mapped;
      }
      region.frames.push(frame!);
    }
    return ok(region);
  }

  /** Unmaps a region that was populated but not inserted, and frees its frames. */
  private discard(mm: MmDeps, region: Region): void {
    this.table.unmapRange(mm, region.start, region.frames.length);
    for (const f of region.frames) mm.frames.free(f);
  }

  /** First fit: the lowest start in [MMAP_BASE, MMAP_END) of `pages` free pages, or undefined. */
  private findFree(pages: number): number | undefined {
    let candidate = MMAP_BASE;
    for (const r of this.regions) {
      if (regionEnd(r) <= candidate) continue;
      if (r.start >= candidate + pages * PAGE_SIZE) break;
      candidate = regionEnd(r);
    }
    return candidate + pages * PAGE_SIZE <= MMAP_END ? candidate : undefined;
  }

  private overlaps(start: number, pages: number): boolean {
    const end = start + pages * PAGE_SIZE;
    return this.regions.some((r) => r.start < end && start < regionEnd(r));
  }

  private insert(region: Region): void {
    const at = this.regions.findIndex((r) => r.start > region.start);
    this.regions.splice(at < 0 ? this.regions.length : at, 0, region);
  }
}

/** True for a non-empty combination of Prot bits (checked as a range first: bit operations would truncate to 32 bits). */
export function isProt(prot: number): boolean {
  return Number.isInteger(prot) && prot >= 1 && prot <= (Prot.Read | Prot.Write);
}

function regionEnd(r: Region): number {
  return r.start + r.pages * PAGE_SIZE;
}

/** Copies file bytes to user address `va` through the frames of the (not yet inserted) image regions. */
function copyIn(mem: PhysicalMemory, regions: readonly Region[], va: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length;) {
    const at = va + done;
    const region = regions.find((r) => at >= r.start && at < regionEnd(r));
    if (region === undefined) throw new KernelBug(`image copy to unplanned address 0x${at.toString(16)}`);
    const page = Math.floor((at - region.start) / PAGE_SIZE);
    const offset = (at - region.start) % PAGE_SIZE;
    const take = Math.min(PAGE_SIZE - offset, bytes.length - done);
    mem.write(region.frames[page]! + offset, bytes.subarray(done, done + take));
    done += take;
  }
}
