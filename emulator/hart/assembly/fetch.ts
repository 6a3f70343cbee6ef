// Instruction fetch slow paths: resolving the code page of pc (fetch TLB or
// page walk, decoded-cache slot, host breakpoint), decoding an entry on first
// use, and instructions that cross a page boundary (decoded into SCRATCH).

import { slotBase, slotFor } from './codecache';
import { expandCompressed } from './compressed';
import { E_OP, decodeInto } from './decode';
import { ACC_FETCH, isRam, tlbInsert, translate } from './mmu';
import * as O from './ops';
import {
  BPBUF, SCRATCH, bpArmed, breakpoint, excCause, fetchBase, fetchBase2, fetchHost, fetchHost2, fetchVPage, fetchVPage2, pc, raise, ramBase, ramHost,
  stopReason, tlbX,
} from './state';

/** Host address of the RAM page holding virtual `va` for fetch, or 0 after raising a fault. */
function fetchHostPage(va: i64): usize {
  const t = tlbX + ((<usize>(va >> 12) & 255) << 4);
  const tag = va & ~0xfff;
  if (load<i64>(t) == tag) return <usize>(tag + load<i64>(t, 8));
  const pa = translate(va, ACC_FETCH);
  if (excCause >= 0) return 0;
  if (!isRam(pa)) { raise(1, va); return 0; }
  const host = ramHost + <usize>((pa - ramBase) & ~0xfff);
  tlbInsert(2, va, host);
  return host;
}

/**
 * Resolves the code page of pc and returns pc's cache entry; 0 when a fault
 * was raised or the host breakpoint stops the run (stopReason set).
 */
export function fetchEntry(): usize {
  if (breakpoint != 0 && pc == breakpoint && bpArmed) { stopReason = 4; return 0; }
  bpArmed = true;
  const host = fetchHostPage(pc);
  if (host == 0) return 0;
  const slot = slotFor(<i32>((host - ramHost) >> 12));
  fetchVPage2 = fetchVPage;
  fetchBase2 = fetchBase;
  fetchHost2 = fetchHost;
  fetchBase = slotBase(slot);
  fetchHost = host;
  const vpage = pc & ~0xfff;
  const e = fetchBase + ((<usize>pc & 0xffe) << 3);
  if (breakpoint == 0 || (breakpoint & ~0xfff) != vpage) { fetchVPage = vpage; return e; }
  // The breakpoint's page: every instruction comes back here (execution runs
  // off the copy into OP_END), so each one is checked against the breakpoint.
  fetchVPage = -2;
  memory.copy(BPBUF, e, 16);
  return BPBUF;
}

/** pc is in the previous code page: swaps it with the current one. */
export function swapFetchPages(): void {
  const v = fetchVPage2, b = fetchBase2, h = fetchHost2;
  fetchVPage2 = fetchVPage;
  fetchBase2 = fetchBase;
  fetchHost2 = fetchHost;
  fetchVPage = v;
  fetchBase = b;
  fetchHost = h;
}

/** Decodes the entry `e` of pc (undecoded or page-crossing); returns the entry to execute, or 0 after a fault. */
export function decodeEntry(e: usize): usize {
  const off = <usize>pc & 0xfff;
  if (load<u8>(e, E_OP) == O.OP_UNDECODED) {
    const lo = <u32>load<u16>(fetchHost + off);
    if ((lo & 3) != 3) {
      decodeInto(e, expandCompressed(lo), lo, 2);
      return e;
    }
    if (off != 0xffe) {
      const inst = load<u32>(fetchHost + off);
      decodeInto(e, inst, inst, 4);
      return e;
    }
    store<u8>(e, O.OP_CROSS, E_OP);
  }
  // A 32-bit instruction whose upper half is on the next page.
  const lo = <u32>load<u16>(fetchHost + off);
  const host2 = fetchHostPage(pc + 2);
  if (host2 == 0) return 0;
  const inst = lo | (<u32>load<u16>(host2) << 16);
  decodeInto(SCRATCH, inst, inst, 4);
  return SCRATCH;
}
