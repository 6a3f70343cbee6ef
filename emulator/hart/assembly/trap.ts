// Trap entry (exceptions and interrupts, with medeleg/mideleg delegation and
// host-trap mode), interrupt selection, mret/sret, and the bookkeeping after a
// privilege or translation change (TLB set pointers, fetch cache).

import { flushAllTlb } from './codecache';
import { tlbSet } from './mmu';
import {
  dropFetchCache, hostCause, hostTrapMode, hostTval, mcause, mepc, mideleg, medeleg, mie, mipExt, mipSoft,
  msip, mstatus, mtimecmp, mtimeNow, mtval, mtvec, pc, priv, reservation, scause, sepc, stopReason,
  stval, stvec, tlbR, tlbW, tlbX,
} from './state';

const SIE: i64 = 1 << 1;
const MIE: i64 = 1 << 3;
const SPIE: i64 = 1 << 5;
const MPIE: i64 = 1 << 7;
const SPP: i64 = 1 << 8;
const MPP: i64 = 3 << 11;
const MPRV: i64 = 1 << 17;

/** Re-selects TLB sets and drops the code page after a privilege / MPRV / MPP change. */
export function privChanged(): void {
  tlbR = tlbSet(0);
  tlbW = tlbSet(1);
  tlbX = tlbSet(2);
  dropFetchCache();
}

/** Flushes all translations (satp, SUM, MXR changes; sfence.vma). */
export function translationChanged(): void {
  flushAllTlb();
  privChanged();
}

/** The effective mip: software bits, external lines, CLINT msip and the timer comparison. */
export function mipValue(): i64 {
  let v = mipSoft | mipExt;
  if (msip != 0) v |= 1 << 3;
  if (<u64>mtimeNow() >= <u64>mtimecmp) v |= 1 << 7;
  return v;
}

/**
 * Enters a trap: `cause` in mcause encoding (bit 63 = interrupt). In host-trap
 * mode a trap from U-mode instead stops run() with ExitReason.HostTrap.
 */
export function takeTrap(cause: i64, tval: i64): void {
  reservation = -1;
  if (hostTrapMode && priv == 0) {
    hostCause = cause;
    hostTval = tval;
    stopReason = 1;
    return;
  }
  const isInt = cause < 0;
  const code = <i32>(cause & 63);
  const deleg = isInt ? mideleg : medeleg;
  if (priv <= 1 && ((deleg >> code) & 1) != 0) {
    scause = cause;
    sepc = pc;
    stval = tval;
    let s = mstatus & ~(SPIE | SIE | SPP);
    if ((mstatus & SIE) != 0) s |= SPIE;
    if (priv == 1) s |= SPP;
    mstatus = s;
    priv = 1;
    pc = (stvec & ~3) + (isInt && (stvec & 3) == 1 ? <i64>(4 * code) : 0);
  } else {
    mcause = cause;
    mepc = pc;
    mtval = tval;
    let s = mstatus & ~(MPIE | MIE | MPP);
    if ((mstatus & MIE) != 0) s |= MPIE;
    s |= <i64>priv << 11;
    mstatus = s;
    priv = 3;
    pc = (mtvec & ~3) + (isInt && (mtvec & 3) == 1 ? <i64>(4 * code) : 0);
  }
  privChanged();
}

const PRIORITY: usize = memory.data<u8>([11, 3, 7, 9, 1, 5]);

function pick(bits: i64): i32 {
  for (let i = 0; i < 6; i++) {
    const b = <i32>load<u8>(PRIORITY + i);
    if (((bits >> b) & 1) != 0) return b;
  }
  return -1;
}

/** Returns the interrupt code to take now (global enables applied), or -1. */
export function pendingInterrupt(): i32 {
  const pend = mipValue() & mie;
  if (pend == 0) return -1;
  const m = pend & ~mideleg;
  if (m != 0 && (priv < 3 || (mstatus & MIE) != 0)) return pick(m);
  const s = pend & mideleg;
  if (s != 0 && (priv < 1 || (priv == 1 && (mstatus & SIE) != 0))) return pick(s);
  return -1;
}

/** mret: returns from M-mode (caller checked privilege). */
export function doMret(): void {
  const mpp = <i32>((mstatus >> 11) & 3);
  let s = mstatus & ~(MIE | MPP);
  if ((mstatus & MPIE) != 0) s |= MIE;
  s |= MPIE;
  if (mpp != 3) s &= ~MPRV;
  mstatus = s;
  priv = mpp;
  pc = mepc;
  privChanged();
}

/** sret: returns from S-mode (caller checked privilege and TSR). */
export function doSret(): void {
  const spp = <i32>((mstatus >> 8) & 1);
  let s = mstatus & ~(SIE | SPP | MPRV);
  if ((mstatus & SPIE) != 0) s |= SIE;
  s |= SPIE;
  mstatus = s;
  priv = spp;
  pc = sepc;
  privChanged();
}
