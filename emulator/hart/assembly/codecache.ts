// The per-physical-page decoded-instruction cache: NSLOTS slots of 2048
// entries (one per halfword of a 4 KiB page), assigned round-robin to RAM
// pages that are executed. A store to a page with a slot marks the entries it
// overlaps undecoded; the write TLB never holds such pages, so ordinary stores
// need no check.

import { OP_END } from './ops';
import {
  BPBUF, NSLOTS, SCRATCH, SLOT_BYTES, SLOT_STRIDE, TLBS, TLB_LOG, TLB_LOG_MAX, TLB_SET_BYTES, dropFetchCache, fetchBase, fetchBase2, fetchVPage, fetchVPage2,
  nextSlot, pageSlot, ramPages, tlbLogCount,
  slotMem, slotOwner,
} from './state';

/** Writes the OP_END entries after every slot, SCRATCH and BPBUF (once, after the layout is set). */
export function writeEndMarkers(): void {
  for (let s = 1; s <= NSLOTS; s++) store<u8>(slotBase(s) + <usize>SLOT_BYTES, OP_END);
  store<u8>(SCRATCH + 16, OP_END);
  store<u8>(SCRATCH + 32, OP_END);
  store<u8>(BPBUF + 16, OP_END);
  store<u8>(BPBUF + 32, OP_END);
}

/** Drops every write-TLB entry (all privilege sets). */
export function flushWriteTlb(): void {
  memory.fill(TLBS + <usize>(3 * TLB_SET_BYTES), 0xff, <usize>(3 * TLB_SET_BYTES));
}

/** Drops every TLB entry and the cached code page: only the logged entries while the log holds them all. */
export function flushAllTlb(): void {
  if (tlbLogCount <= TLB_LOG_MAX) {
    for (let i = 0; i < tlbLogCount; i++) {
      const t = <usize>load<u32>(TLB_LOG + (<usize>i << 2));
      store<i64>(t, -1);
      store<i64>(t, -1, 8);
    }
  } else {
    memory.fill(TLBS, 0xff, <usize>(9 * TLB_SET_BYTES));
  }
  tlbLogCount = 0;
  dropFetchCache();
}

@inline export function slotBase(slot: i32): usize {
  return slotMem + <usize>(slot - 1) * <usize>SLOT_STRIDE;
}

/** Drops a cached code page that uses `slot`. */
function forgetSlot(slot: i32): void {
  const base = slotBase(slot);
  if (fetchBase == base) fetchVPage = -1;
  if (fetchBase2 == base) fetchVPage2 = -1;
}

/** Returns the slot number (>= 1) for RAM page `page`, assigning and clearing one if needed. */
export function slotFor(page: i32): i32 {
  let slot = <i32>load<u16>(pageSlot + (<usize>page << 1));
  if (slot != 0) return slot;
  slot = nextSlot;
  nextSlot = slot == NSLOTS ? 1 : slot + 1;
  const owner = load<i32>(slotOwner + (<usize>slot << 2));
  if (owner >= 0) {
    store<u16>(pageSlot + (<usize>owner << 1), 0);
    forgetSlot(slot);
  }
  store<i32>(slotOwner + (<usize>slot << 2), page);
  store<u16>(pageSlot + (<usize>page << 1), <u16>slot);
  memory.fill(slotBase(slot), 0, <usize>SLOT_BYTES);
  flushWriteTlb();
  return slot;
}

/** True when RAM page `page` has decoded instructions. */
@inline export function pageHasCode(page: i32): bool {
  return load<u16>(pageSlot + (<usize>page << 1)) != 0;
}

/** Drops the decoded instructions of RAM page `page` (no-op if it has none). */
export function invalidatePage(page: i32): void {
  const slot = <i32>load<u16>(pageSlot + (<usize>page << 1));
  if (slot == 0) return;
  store<u16>(pageSlot + (<usize>page << 1), 0);
  store<i32>(slotOwner + (<usize>slot << 2), -1);
  forgetSlot(slot);
}

/**
 * A store wrote [offset, offset+size) of RAM page `page`: marks the decoded
 * entries of instructions overlapping those bytes as undecoded (only the op
 * byte is cleared, so an executing entry keeps its length).
 */
export function invalidateBytes(page: i32, offset: i32, size: i32): void {
  const slot = <i32>load<u16>(pageSlot + (<usize>page << 1));
  if (slot == 0) return;
  const base = slotBase(slot);
  let h = (offset - 2) & ~1;
  if (h < 0) h = 0;
  const last = (offset + size - 1) & 0xffe;
  for (; h <= last; h += 2) store<u8>(base + (<usize>h << 3), 0);
}

/** Drops decoded instructions for RAM pages overlapping [offset, offset+length) of RAM. */
export function invalidateRange(offset: i64, length: i64): void {
  if (length <= 0) return;
  let first = offset >> 12;
  let last = (offset + length - 1) >> 12;
  if (first < 0) first = 0;
  if (last >= <i64>ramPages) last = <i64>ramPages - 1;
  for (let p = first; p <= last; p++) invalidatePage(<i32>p);
}

/** Drops all decoded instructions (fence.i). */
export function invalidateAllCode(): void {
  for (let s = 1; s <= NSLOTS; s++) {
    const owner = load<i32>(slotOwner + (<usize>s << 2));
    if (owner >= 0) invalidatePage(owner);
  }
  dropFetchCache();
}
