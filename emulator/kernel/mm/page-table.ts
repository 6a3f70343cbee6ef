// PageTable: one process's Sv39 page table in guest RAM, laid out exactly as
// the hart walks it (emulator/hart/assembly/mmu.ts): three levels of 512
// 8-byte PTEs, 4 KiB leaves only. Table pages come from the frame allocator
// (they count against limits.frames); leaves get A and D set when created.
// Leaf frames belong to the caller (address-space.ts), never to the table.

import { RvosError } from '../abi/errors.ts';
import { fail, KernelBug, ok, type KResult } from '../core/result.ts';
import type { FrameAllocator } from './frame-allocator.ts';
import { PAGE_SIZE, USER_END } from './memory-layout.ts';
import type { PhysicalMemory } from './physical-memory.ts';

/** Sv39 PTE bits. */
export const Pte = { V: 1, R: 2, W: 4, X: 8, U: 16, G: 32, A: 64, D: 128 } as const;
/** The bits a caller may pass to map(). */
const MAP_FLAGS = Pte.R | Pte.W | Pte.X | Pte.U | Pte.G;
const ENTRIES = 512;
/** Lines of the translation cache (a power of two). */
const CACHE_LINES = 16;
const LEVEL_SPAN = [PAGE_SIZE, PAGE_SIZE * ENTRIES, PAGE_SIZE * ENTRIES * ENTRIES] as const;

/** What page-table operations need from the kernel (KernelContext satisfies it). */
export interface MmDeps {
  readonly mem: PhysicalMemory;
  readonly frames: FrameAllocator;
}

/** A leaf mapping: physical page address and PTE flag bits (V R W X U G A D). */
export interface PageMapping {
  readonly pa: number;
  readonly flags: number;
}

export class PageTable {
  /** Table pages held, the root included. */
  tablePages = 1;
  /** Translation cache (direct-mapped by page number): page address (-1 = empty line) and its valid leaf PTE. */
  private readonly cachedPage = new Float64Array(CACHE_LINES).fill(-1);
  private readonly cachedPte = new Float64Array(CACHE_LINES);

  /** satp() with ASID 0, computed once. */
  private readonly satpAsid0: bigint;

  private constructor(readonly root: number) {
    this.satpAsid0 = (8n << 60n) | BigInt(root / PAGE_SIZE);
  }

  /** A new empty table (one root page); NoMemory when no frame is left. */
  static create(mm: MmDeps): KResult<PageTable> {
    const root = mm.frames.alloc();
    return root === undefined ? fail(RvosError.NoMemory) : ok(new PageTable(root));
  }

  /** The satp value selecting this table (Sv39, the given ASID). */
  satp(asid = 0): bigint {
    if (asid === 0) return this.satpAsid0; // every context switch asks
    return (8n << 60n) | (BigInt(asid & 0xffff) << 44n) | BigInt(this.root / PAGE_SIZE);
  }

  /**
   * Maps the page at `va` to the frame at `pa` with `flags` (R W X U G; W needs R).
   * NoMemory when a table page cannot be had (nothing changed then). Mapping an
   * already mapped page or a bad va/pa/flags is a KernelBug (callers validate user input).
   */
  map(mm: MmDeps, va: number, pa: number, flags: number): KResult<void> {
    checkVa(va);
    this.clearCache();
    checkLeaf(mm.mem, pa, flags);
    const { table, level } = this.deepest(mm.mem, va);
    const fresh: number[] = [];
    for (let i = 0; i < level; i++) {
      const frame = mm.frames.alloc();
      if (frame === undefined) {
        for (const f of fresh) mm.frames.free(f);
        return fail(RvosError.NoMemory);
      }
      fresh.push(frame);
    }
    let current = table;
    for (let l = level; l > 0; l--) {
      const next = fresh[level - l]!;
      writePte(mm.mem, slot(current, va, l), (next / PAGE_SIZE) * 1024 + Pte.V);
      current = next;
    }
    this.tablePages += fresh.length;
    const leaf = slot(current, va, 0);
    if ((readPte(mm.mem, leaf) & Pte.V) !== 0) throw new KernelBug(`page 0x${va.toString(16)} mapped twice`);
    writePte(mm.mem, leaf, (pa / PAGE_SIZE) * 1024 + flags + Pte.V + Pte.A + Pte.D);
    return ok(undefined);
  }

  /** The leaf mapping of the page holding `va`, or undefined when it is not mapped (no A/D updates). */
  lookup(mem: PhysicalMemory, va: number): PageMapping | undefined {
    const pte = this.leafPte(mem, va);
    return pte === 0 ? undefined : { pa: pteFrame(pte), flags: pte % 1024 };
  }

  /**
   * The valid leaf PTE of the page holding `va` (as a number), or 0 when it is not mapped.
   * Served from a small translation cache that every map, unmap and destroy clears.
   */
  leafPte(mem: PhysicalMemory, va: number): number {
    if (!Number.isSafeInteger(va) || va < 0 || va >= USER_END) return 0;
    const number = Math.floor(va / PAGE_SIZE); // no % on doubles: user addresses exceed 2^31
    const page = number * PAGE_SIZE;
    const line = number & (CACHE_LINES - 1); // page numbers < 2^27 (USER_END = 2^38)
    if (this.cachedPage[line] === page) return this.cachedPte[line]!;
    const { table, level } = this.deepest(mem, va);
    if (level > 0) return 0;
    const pte = readPte(mem, slot(table, va, 0));
    if ((pte & Pte.V) === 0) return 0;
    this.cachedPage[line] = page;
    this.cachedPte[line] = pte;
    return pte;
  }

  /** Forgets every cached translation (called by every change of the table). */
  private clearCache(): void {
    this.cachedPage.fill(-1);
  }

  /** Unmaps the page at `va`; returns the frame that was mapped there, or undefined (see unmapRange). */
  unmap(mm: MmDeps, va: number): number | undefined {
    return this.unmapRange(mm, va, 1)[0];
  }

  /**
   * Unmaps `pages` pages from `va`; returns the frames that were mapped there
   * (the caller frees or keeps them). Table pages left empty are freed; the
   * hart's TLB is flushed.
   */
  unmapRange(mm: MmDeps, va: number, pages: number): number[] {
    checkVa(va);
    this.clearCache();
    const frames: number[] = [];
    const touched = new Set<number>();
    for (let i = 0; i < pages; i++) {
      const page = va + i * PAGE_SIZE;
      const { table, level } = this.deepest(mm.mem, page);
      if (level > 0) continue;
      const leaf = slot(table, page, 0);
      const pte = readPte(mm.mem, leaf);
      if ((pte & Pte.V) === 0) continue;
      writePte(mm.mem, leaf, 0);
      frames.push(pteFrame(pte));
      touched.add(page - (page % LEVEL_SPAN[1]));
    }
    for (const base of touched) this.prune(mm, base);
    mm.mem.flushTlb();
    return frames;
  }

  /** Frees every table page (not the leaf frames: they belong to the caller). The table is unusable afterwards. */
  destroy(mm: MmDeps): void {
    for (const l1 of childTables(mm.mem, this.root)) {
      for (const l0 of childTables(mm.mem, l1)) mm.frames.free(l0);
      mm.frames.free(l1);
    }
    mm.frames.free(this.root);
    this.tablePages = 0;
    this.clearCache();
    mm.mem.flushTlb();
  }

  /** The deepest existing table on the walk to `va` and its level (0 = the leaf table). */
  private deepest(mem: PhysicalMemory, va: number): { table: number; level: number } {
    let table = this.root;
    for (let level = 2; level > 0; level--) {
      const next = childTable(mem, slot(table, va, level));
      if (next === undefined) return { table, level };
      table = next;
    }
    return { table, level: 0 };
  }

  /** Frees the leaf table covering `base` (and its level-1 parent) when they hold no entry any more. */
  private prune(mm: MmDeps, base: number): void {
    const parents = [slot(this.root, base, 2)];
    const l1 = childTable(mm.mem, parents[0]!);
    if (l1 === undefined) return;
    parents.push(slot(l1, base, 1));
    for (let k = parents.length - 1; k >= 0; k--) {
      const table = childTable(mm.mem, parents[k]!);
      if (table === undefined || !isEmpty(mm.mem, table)) return;
      writePte(mm.mem, parents[k]!, 0);
      mm.frames.free(table);
      this.tablePages--;
    }
  }
}

/** Physical address of the PTE for `va` at `level` in `table`. */
function slot(table: number, va: number, level: number): number {
  return table + (Math.floor(va / LEVEL_SPAN[level as 0 | 1 | 2]) % ENTRIES) * 8;
}

/** The next-level table a pointer PTE at `at` names, or undefined when invalid. Leaves above level 0 are a KernelBug. */
function childTable(mem: PhysicalMemory, at: number): number | undefined {
  const pte = readPte(mem, at);
  if ((pte & Pte.V) === 0) return undefined;
  if ((pte & (Pte.R | Pte.W | Pte.X)) !== 0) throw new KernelBug(`unexpected superpage PTE at 0x${at.toString(16)}`);
  return pteFrame(pte);
}

/** The next-level tables of `table` (one copy of the page instead of 512 checked reads: exit walks whole tables). */
function childTables(mem: PhysicalMemory, table: number): number[] {
  const words = new Uint32Array(mem.read(table, PAGE_SIZE).buffer);
  const tables: number[] = [];
  for (let i = 0; i < ENTRIES; i++) {
    const low = words[2 * i]!;
    if ((low & Pte.V) === 0) continue;
    if ((low & (Pte.R | Pte.W | Pte.X)) !== 0) throw new KernelBug(`unexpected superpage PTE at 0x${(table + i * 8).toString(16)}`);
    tables.push(pteFrame(low + words[2 * i + 1]! * 0x1_0000_0000));
  }
  return tables;
}

function isEmpty(mem: PhysicalMemory, table: number): boolean {
  for (let i = 0; i < ENTRIES; i++) if (readPte(mem, table + i * 8) !== 0) return false;
  return true;
}

/** The physical page address a leaf or pointer PTE (as a number) names. */
export function pteFrame(pte: number): number {
  return Math.floor(pte / 1024) * PAGE_SIZE;
}

/** PTEs the kernel writes stay below 2^53, so a number holds them exactly. */
function readPte(mem: PhysicalMemory, at: number): number {
  return mem.readU32(at) + mem.readU32(at + 4) * 0x1_0000_0000;
}

function writePte(mem: PhysicalMemory, at: number, pte: number): void {
  mem.writeU32(at, pte % 0x1_0000_0000);
  mem.writeU32(at + 4, Math.floor(pte / 0x1_0000_0000));
}

function checkVa(va: number): void {
  if (!Number.isSafeInteger(va) || va < 0 || va >= USER_END || va % PAGE_SIZE !== 0) {
    throw new KernelBug(`bad user page address 0x${va.toString(16)}`);
  }
}

function checkLeaf(mem: PhysicalMemory, pa: number, flags: number): void {
  if (pa % PAGE_SIZE !== 0 || !mem.contains(pa, PAGE_SIZE)) throw new KernelBug(`bad frame 0x${pa.toString(16)}`);
  const bad = (flags & ~MAP_FLAGS) !== 0 || (flags & (Pte.R | Pte.W | Pte.X)) === 0 || (flags & (Pte.R | Pte.W)) === Pte.W;
  if (bad) throw new KernelBug(`bad PTE flags 0x${flags.toString(16)}`);
}
