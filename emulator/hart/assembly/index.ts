// WebAssembly exports of the RV64GC hart: memory layout (init), the batched
// run loop with interrupt checks and timer-exact chunking, and host accessors
// for registers, CSRs, devices, virtual time and debugging. emulator/hart/hart.ts
// wraps these behind HartApi; nothing else should call them directly.

import { flushAllTlb, invalidateAllCode, invalidateRange, writeEndMarkers } from './codecache';
import { MISA_VALUE, csrRead, csrWrite } from './csr';
import { runChunk } from './exec';
import { ACC_FETCH, ACC_LOAD, ACC_STORE, addDevice, debugTranslate as walkDebug } from './mmu';
import {
  FREGS, NSLOTS, PMPADDR, REGS, SLOT_STRIDE, bpArmed, breakpoint, dropFetchCache, excCause, fflags, frm,
  hostCause, hostTrapMode, hostTval, inhibitedCycle, inhibitedInstret, ipt, liveRetired, mcause, mcounteren,
  mcountinhibit, mcycleOff, medeleg, menvcfg, mepc, mideleg, mie, minstretOff, mipExt, mipSoft, misa,
  mscratch, msip, mstatus, mtimecmp, mtimeNow, mtval, mtvec, nextSlot, pageSlot, pc, pmpcfg0, pmpcfg2, priv,
  ramBase, ramHost, ramPages, ramSize, reservation, retired, satp, scause, scounteren, senvcfg, sepc,
  slotMem, slotOwner, sscratch, stopReason, stval, stvec, ticksAdvanced, tohostAddr,
} from './state';
import { SNAPSHOT_BUFFER } from './snapshot';
import { pendingInterrupt, privChanged, takeTrap, translationChanged } from './trap';

/** Lays out tables and RAM in linear memory; returns the host address of RAM (0 if memory cannot grow). */
export function init(ramLen: u32, base: i64, instructionsPerTick: i32): usize {
  ramBase = base;
  ramSize = <i64>ramLen;
  ramPages = <i32>(ramLen >> 12);
  ipt = instructionsPerTick > 0 ? <i64>instructionsPerTick : 1;
  let p = (__heap_base + 0xffff) & ~<usize>0xffff;
  pageSlot = p;
  p += (<usize>ramPages * 2 + 0xfff) & ~<usize>0xfff;
  slotOwner = p;
  p += (<usize>(NSLOTS + 1) * 4 + 0xfff) & ~<usize>0xfff;
  slotMem = p;
  p += <usize>NSLOTS * <usize>SLOT_STRIDE;
  ramHost = p;
  const end = <u64>p + <u64>ramLen;
  const have = <u64>memory.size() << 16;
  if (end > have) {
    if (memory.grow(<i32>((end - have + 0xffff) >> 16)) < 0) return 0;
  }
  memory.fill(pageSlot, 0, <usize>ramPages * 2);
  memory.fill(slotOwner, 0xff, <usize>(NSLOTS + 1) * 4);
  writeEndMarkers();
  nextSlot = 1;
  reset(base);
  return ramHost;
}

/** Resets architectural state (RAM kept): pc = resetPc, M-mode, CSRs at reset values. */
export function reset(resetPc: i64): void {
  memory.fill(REGS, 0, 8 * 40);
  memory.fill(FREGS, 0, 8 * 32);
  memory.fill(PMPADDR, 0, 8 * 16);
  pc = resetPc;
  priv = 3;
  mstatus = 0; misa = MISA_VALUE; medeleg = 0; mideleg = 0; mie = 0; mipSoft = 0; mipExt = 0;
  mtvec = 0; stvec = 0; mcounteren = 0; scounteren = 0; mcountinhibit = 0; mscratch = 0; sscratch = 0;
  mepc = 0; sepc = 0; mcause = 0; scause = 0; mtval = 0; stval = 0; satp = 0; fflags = 0; frm = 0;
  menvcfg = 0; senvcfg = 0; pmpcfg0 = 0; pmpcfg2 = 0;
  retired = 0; ticksAdvanced = 0; mtimecmp = -1; msip = 0; minstretOff = 0; mcycleOff = 0;
  inhibitedCycle = 0; inhibitedInstret = 0;
  reservation = -1; excCause = -1; stopReason = -1;
  invalidateAllCode();
  translationChanged();
}

/** Retired instructions until mtime reaches mtimecmp (>= 1), or i32.MAX_VALUE if far away. */
function stepsUntilTimer(): i32 {
  const ticks = mtimecmp - ticksAdvanced;
  if (ticks <= 0 || ticks > i64.MAX_VALUE / ipt) return i32.MAX_VALUE;
  const until = ticks * ipt - retired;
  if (until <= 0) return 1;
  return until > <i64>i32.MAX_VALUE ? i32.MAX_VALUE : <i32>until;
}

/** `retired` when the last run() began (lastRunRetired: a host reads a run's instructions without BigInts). */
let runStartRetired: i64 = 0;

/** Instructions retired by the last run() call (at most its budget, so it fits an i32). */
export function lastRunRetired(): i32 { return <i32>(retired - runStartRetired); }

/** Runs at most `budget` steps; returns the ExitReason (0 budget, 1 host trap, 2 wfi, 3 tohost, 4 breakpoint). */
export function run(budget: i32): i32 {
  runStartRetired = retired;
  stopReason = -1;
  bpArmed = false;
  dropFetchCache();
  let remaining = budget;
  while (remaining > 0) {
    const irq = pendingInterrupt();
    if (irq >= 0) {
      takeTrap(i64.MIN_VALUE | <i64>irq, 0);
      if (stopReason >= 0) break;
    }
    let chunk = remaining;
    if ((mie & 0x80) != 0 && <u64>mtimeNow() < <u64>mtimecmp) {
      const until = stepsUntilTimer();
      if (until < chunk) chunk = until;
    }
    remaining -= runChunk(chunk);
    if (stopReason >= 0) break;
  }
  return stopReason < 0 ? 0 : stopReason;
}

// Register, pc and privilege accessors for the host (x0 reads 0 and ignores writes).
export function getX(i: i32): i64 { return i == 0 ? 0 : load<i64>(REGS + (<usize>(i & 31) << 3)); }
export function setX(i: i32, v: i64): void { if (i != 0) store<i64>(REGS + (<usize>(i & 31) << 3), v); }
export function getF(i: i32): i64 { return load<i64>(FREGS + (<usize>(i & 31) << 3)); }
export function setF(i: i32, v: i64): void { store<i64>(FREGS + (<usize>(i & 31) << 3), v); }
/** Addresses of the x register file (x0..x31, then the write sink) and the f register file (f0..f31), 8 bytes each. */
export function regsPointer(): usize { return REGS; }
export function fregsPointer(): usize { return FREGS; }
export function getPc(): i64 { return pc; }
export function setPc(v: i64): void { pc = v; }
export function getPriv(): i32 { return priv; }
export function setPriv(p: i32): void { priv = p == 2 ? 1 : p & 3; privChanged(); }

/** Host CSR read: no privilege checks; 0 for a CSR that does not exist. */
export function getCsr(addr: i32): i64 {
  const saved = priv;
  priv = 3;
  const v = csrRead(addr & 0xfff);
  priv = saved;
  excCause = -1;
  return v;
}

/** Host CSR write: WARL rules apply, no privilege checks. */
export function setCsr(addr: i32, v: i64): void {
  const saved = priv;
  priv = 3;
  csrWrite(addr & 0xfff, v);
  priv = saved;
  excCause = -1;
  if (addr == 0xb02 && (mcountinhibit & 4) == 0) minstretOff = v - liveRetired();
  if (addr == 0xb00 && (mcountinhibit & 1) == 0) mcycleOff = v - liveRetired();
  if (addr > 3) privChanged(); // fflags / frm / fcsr (a context switch's FP restore) change no translation
}

// Host-trap status, counters, virtual time and host controls (see HartApi for each).
export function trapCause(): i64 { return hostCause; }
export function trapValue(): i64 { return hostTval; }
export function setHostTrapMode(on: i32): void { hostTrapMode = on != 0; }
export function retiredCount(): i64 { return retired; }
export function mtime(): i64 { return mtimeNow(); }
/** mtime as a double (exact below 2^53): the host reads virtual time without a BigInt. */
export function mtimeNumber(): f64 { return <f64>mtimeNow(); }
export function advanceTime(ticks: i64): void { if (ticks > 0) ticksAdvanced += ticks; }
export function nextTimerDeadline(): i64 { return mtimecmp; }
export function setTohost(pa: i64): void { tohostAddr = pa; flushAllTlb(); }

/** Sets or clears an interrupt-pending bit: 9/11 are external lines, 3 is the CLINT msip, 1/5 software bits. */
export function setInterruptPending(bit: i32, level: i32): void {
  const m: i64 = <i64>1 << (bit & 63);
  if (bit == 3) msip = level != 0 ? 1 : 0;
  else if (bit == 9 || bit == 11) mipExt = level != 0 ? mipExt | m : mipExt & ~m;
  else if (bit == 1 || bit == 5) mipSoft = level != 0 ? mipSoft | m : mipSoft & ~m;
}

/** Registers a device region; returns the device id the host's mmio callbacks receive, or -1. */
export function mapDevice(base: i64, size: u32): i32 { return addDevice(base, <i64>size); }

/** Drops decoded instructions for physical [pa, pa+length). */
export function invalidateCode(pa: i64, length: i32): void { invalidateRange(pa - ramBase, <i64>length); }
export function flushTlb(): void { translationChanged(); }

/** Debug translation: access 0 fetch, 1 load, 2 store; physical address or -1. */
export function debugTranslate(va: i64, access: i32): i64 {
  return walkDebug(va, access == 0 ? ACC_FETCH : access == 1 ? ACC_LOAD : ACC_STORE);
}

export function setBreakpoint(addr: i64): void { breakpoint = addr; dropFetchCache(); }
export function ramPointer(): usize { return ramHost; }
/** Host context-switch support: 1 when mstatus.FS is Dirty (f registers or fcsr written since the last fpLoaded). */
export function fpDirty(): i32 {
  return (mstatus & 0x6000) == 0x6000 ? 1 : 0;
}

/** Host context-switch support: the host loaded a task's f registers; sets fcsr (frm, fflags) and mstatus.FS = Clean (FP stays enabled). */
export function fpLoaded(fcsr: i32): void {
  fflags = fcsr & 31;
  frm = (fcsr >> 5) & 7;
  mstatus = (mstatus & ~(<i64>0x6000)) | 0x4000;
}

/**
 * Host copy of `len` RAM bytes from offset `src` to offset `dst` (offsets from the RAM base; the ranges
 * may overlap); drops decoded code of the destination. Returns 0 (nothing done) when a range leaves RAM.
 */
export function ramCopy(dst: u32, src: u32, len: u32): i32 {
  if (<u64>dst + <u64>len > <u64>ramSize || <u64>src + <u64>len > <u64>ramSize) return 0;
  memory.copy(ramHost + <usize>dst, ramHost + <usize>src, <usize>len);
  invalidateRange(<i64>dst, <i64>len);
  return 1;
}

/**
 * Host store at RAM offset `dst` of three little-endian u32 words, then `zeros` zero bytes; drops decoded
 * code there. Returns 0 (nothing done) when the range leaves RAM.
 */
export function ramStoreWords(dst: u32, w0: u32, w1: u32, w2: u32, zeros: u32): i32 {
  const len = <u64>12 + <u64>zeros;
  if (<u64>dst + len > <u64>ramSize) return 0;
  const at = ramHost + <usize>dst;
  store<u32>(at, w0);
  store<u32>(at, w1, 4);
  store<u32>(at, w2, 8);
  memory.fill(at + 12, 0, <usize>zeros);
  invalidateRange(<i64>dst, <i64>len);
  return 1;
}

/** Address of the u16-per-RAM-page table of decoded-cache slots (0 = the page has no decoded code). */
export function pageSlotPointer(): usize { return pageSlot; }
export function ramBytes(): i64 { return ramSize; }

export { saveState, loadState } from './snapshot';
/** Address of the snapshot buffer used by saveState / loadState. */
export function snapshotBuffer(): usize { return SNAPSHOT_BUFFER; }
/** Host write of the CLINT mtimecmp (e.g. a host kernel arming its preemption timer). */
export function setMtimecmp(v: i64): void { mtimecmp = v; }
