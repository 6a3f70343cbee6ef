// Plans the user image of an rvos program from its ELF bytes, before anything
// is allocated: validates the file (toolchain/elf reader plus the loader checks
// shared with the bare-metal machine), keeps every PT_LOAD segment inside
// [USER_BASE, MMAP_BASE), enforces W^X per page, and lists the pages with
// their PTE permissions and the file bytes to copy. address-space.ts maps it.

import { RvosError } from '../abi/errors.ts';
import { PF_R, PF_W, PF_X } from '../../toolchain/elf/elf-constants.ts';
import { ElfError } from '../../toolchain/elf/elf-error.ts';
import type { ElfProgramHeader } from '../../toolchain/elf/elf-file.ts';
import { checkDisjoint, loadableSegments } from '../../toolchain/elf/elf-load-checks.ts';
import { readElf } from '../../toolchain/elf/elf-reader.ts';
import { fail, ok, type KResult } from '../core/result.ts';
import { MMAP_BASE, PAGE_SIZE, USER_BASE } from './memory-layout.ts';
import { Pte } from './page-table.ts';

/** Consecutive image pages with the same permissions. */
export interface ImageRun {
  readonly start: number;
  readonly pages: number;
  /** PTE bits (R W X; U is added by the mapper). */
  readonly flags: number;
}

/** File bytes [fileOffset, fileOffset+len) go to user address va. */
export interface ImageCopy {
  readonly va: number;
  readonly fileOffset: number;
  readonly len: number;
}

export interface ImagePlan {
  readonly entry: number;
  readonly runs: readonly ImageRun[];
  readonly copies: readonly ImageCopy[];
  readonly bytes: Uint8Array;
}

/**
 * The image plan of `bytes`. BadExecutable for anything malformed or not
 * loadable here (no segments, a segment outside the image area, a page both
 * writable and executable, the entry not in executable memory); NoMemory when
 * the image needs more than `maxPages` pages.
 */
export function planElfImage(bytes: Uint8Array, maxPages: number): KResult<ImagePlan> {
  let segments: ElfProgramHeader[];
  let entry: bigint;
  try {
    const elf = readElf(bytes);
    segments = loadableSegments(elf);
    checkDisjoint(segments.map((p) => ({ start: p.vaddr, size: p.memsz })));
    entry = elf.header.entry;
  } catch (error) {
    if (error instanceof ElfError) return fail(RvosError.BadExecutable);
    throw error;
  }
  if (segments.length === 0 || !segments.every(inImageArea)) return fail(RvosError.BadExecutable);
  if (segments.reduce((n, p) => n + segmentPages(p), 0) > maxPages) return fail(RvosError.NoMemory);
  const pageFlags = new Map<number, number>();
  for (const p of segments) {
    const first = Number(p.vaddr) - (Number(p.vaddr) % PAGE_SIZE);
    for (let i = 0; i < segmentPages(p); i++) {
      const va = first + i * PAGE_SIZE;
      pageFlags.set(va, (pageFlags.get(va) ?? 0) | pteFlags(p.flags));
    }
  }
  const runs = toRuns(pageFlags);
  if (runs.some((r) => (r.flags & Pte.W) !== 0 && (r.flags & Pte.X) !== 0)) return fail(RvosError.BadExecutable);
  const entryVa = Number(entry);
  const entryFlags = entry < BigInt(MMAP_BASE) ? pageFlags.get(entryVa - (entryVa % PAGE_SIZE)) : undefined;
  if (entryFlags === undefined || (entryFlags & Pte.X) === 0) return fail(RvosError.BadExecutable);
  const copies = segments.filter((p) => p.filesz > 0).map((p) => ({ va: Number(p.vaddr), fileOffset: p.offset, len: p.filesz }));
  return ok({ entry: entryVa, runs, copies, bytes });
}

function inImageArea(p: ElfProgramHeader): boolean {
  return p.vaddr >= BigInt(USER_BASE) && p.vaddr + p.memsz <= BigInt(MMAP_BASE);
}

/** Pages a segment touches (its range is already known to lie in the image area). */
function segmentPages(p: ElfProgramHeader): number {
  const start = Number(p.vaddr);
  const end = start + Number(p.memsz);
  return Math.ceil(end / PAGE_SIZE) - Math.floor(start / PAGE_SIZE);
}

/** PTE permissions for ELF segment flags: W implies R (W without R is reserved in Sv39); no flags at all gives R. */
function pteFlags(pf: number): number {
  let flags = 0;
  if ((pf & PF_R) !== 0) flags |= Pte.R;
  if ((pf & PF_W) !== 0) flags |= Pte.R | Pte.W;
  if ((pf & PF_X) !== 0) flags |= Pte.X;
  return flags === 0 ? Pte.R : flags;
}

function toRuns(pageFlags: Map<number, number>): ImageRun[] {
  const runs: { start: number; pages: number; flags: number }[] = [];
  for (const va of [...pageFlags.keys()].sort((a, b) => a - b)) {
    const flags = pageFlags.get(va)!;
    const last = runs[runs.length - 1];
    if (last !== undefined && last.flags === flags && last.start + last.pages * PAGE_SIZE === va) last.pages++;
    else runs.push({ start: va, pages: 1, flags });
  }
  return runs;
}
