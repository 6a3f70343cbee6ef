// Guest RAM for VM snapshots: only the frames the kernel's frame allocator has
// handed out (page tables, process memory, SHM incl. the display's
// framebuffer), plus any RAM below the allocator's first frame. Free frames are
// not state: the allocator zeroes a frame when it hands it out again.
// Layout (little-endian u32): magic "RAM1", page size, run count, then per run
// of consecutive pages: first page index (from RAM base), page count, bytes.

import type { FrameAllocator } from '../../kernel/mm/frame-allocator.ts';
import { PAGE_SIZE } from '../../machine/memory-map.ts';
import { GraphFormatError } from './graph-bytes.ts';

const MAGIC = 0x314d4152; // "RAM1"
const HEADER = 12;
const RUN_HEADER = 8;

interface Run {
  readonly page: number;
  readonly pages: number;
}

/** The bytes of every allocated frame (and RAM below the allocator) of `ram` (index 0 = RAM base). */
export function captureRam(ram: Uint8Array, ramBase: number, frames: FrameAllocator): Uint8Array {
  const runs = allocatedRuns(ramBase, frames);
  const size = HEADER + runs.reduce((n, r) => n + RUN_HEADER + r.pages * PAGE_SIZE, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, PAGE_SIZE, true);
  view.setUint32(8, runs.length, true);
  let at = HEADER;
  for (const r of runs) {
    view.setUint32(at, r.page, true);
    view.setUint32(at + 4, r.pages, true);
    out.set(ram.subarray(r.page * PAGE_SIZE, (r.page + r.pages) * PAGE_SIZE), at + RUN_HEADER);
    at += RUN_HEADER + r.pages * PAGE_SIZE;
  }
  return out;
}

/** Writes captured pages into `ram` (a fresh, zeroed RAM). Throws GraphFormatError for bytes that are not a RAM capture fitting `ram`. */
export function restoreRam(bytes: Uint8Array, ram: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < HEADER || view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== PAGE_SIZE) {
    throw new GraphFormatError('not a RAM capture');
  }
  const count = view.getUint32(8, true);
  let at = HEADER;
  for (let i = 0; i < count; i++) {
    if (at + RUN_HEADER > bytes.length) throw new GraphFormatError('RAM capture ends early');
    const page = view.getUint32(at, true);
    const length = view.getUint32(at + 4, true) * PAGE_SIZE;
    at += RUN_HEADER;
    if (at + length > bytes.length) throw new GraphFormatError('RAM capture ends early');
    if ((page * PAGE_SIZE) + length > ram.length) throw new GraphFormatError(`RAM capture has pages beyond this machine's ${ram.length} bytes of RAM`);
    ram.set(bytes.subarray(at, at + length), page * PAGE_SIZE);
    at += length;
  }
  if (at !== bytes.length) throw new GraphFormatError(`${bytes.length - at} bytes left after the RAM capture`);
}

/** Pages held in a RAM capture (for summaries). Throws GraphFormatError when it is not one. */
export function capturedPages(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < HEADER || view.getUint32(0, true) !== MAGIC) throw new GraphFormatError('not a RAM capture');
  let pages = 0;
  for (let i = 0, at = HEADER, count = view.getUint32(8, true); i < count; i++) {
    if (at + RUN_HEADER > bytes.length) throw new GraphFormatError('RAM capture ends early');
    const n = view.getUint32(at + 4, true);
    pages += n;
    at += RUN_HEADER + n * PAGE_SIZE;
  }
  return pages;
}

/** Runs of consecutive pages to capture: RAM below the allocator, then allocated frames. */
function allocatedRuns(ramBase: number, frames: FrameAllocator): Run[] {
  const runs: Run[] = [];
  const firstPage = (frames.first - ramBase) / PAGE_SIZE;
  if (firstPage > 0) runs.push({ page: 0, pages: firstPage });
  let start = -1;
  for (let i = 0; i <= frames.total; i++) {
    const used = i < frames.total && frames.isAllocated(frames.first + i * PAGE_SIZE);
    if (used && start < 0) start = i;
    if (!used && start >= 0) {
      runs.push({ page: firstPage + start, pages: i - start });
      start = -1;
    }
  }
  return runs;
}
