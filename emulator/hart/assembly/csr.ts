// Zicsr: CSR reads and writes with the privilege, read-only and counter-enable
// checks, WARL masks and side effects (TLB flushes, interrupt re-check). An
// illegal access raises cause 2; the run loop puts the instruction bits in tval.

import { breakChunk, excCause, fflags, frm, inhibitedCycle, inhibitedInstret, liveRetired, mcause, mcounteren,
  mcountinhibit, mcycleOff, medeleg, menvcfg, mepc, mideleg, mie, minstretOff, mipSoft, misa, mscratch,
  mstatus, mtimeNow, mtval, mtvec, PMPADDR, pmpcfg0, pmpcfg2, priv, raise, satp, scause, scounteren,
  senvcfg, sepc, sscratch, stval, stvec } from './state';
import { mipValue, privChanged, translationChanged } from './trap';

const MSTATUS_WMASK: i64 = 0x2 | 0x8 | 0x20 | 0x80 | 0x100 | 0x1800 | 0x6000 | 0x20000 | 0x40000 |
  0x80000 | 0x100000 | 0x200000 | 0x400000;
const SSTATUS_RMASK: i64 = 0x2 | 0x20 | 0x100 | 0x6000 | 0x40000 | 0x80000 | (<i64>3 << 32) | (<i64>1 << 63);
const SSTATUS_WMASK: i64 = 0x2 | 0x20 | 0x100 | 0x6000 | 0x40000 | 0x80000;
const XL64: i64 = (<i64>2 << 32) | (<i64>2 << 34);
const FS: i64 = 0x6000;
const MEDELEG_MASK: i64 = 0xb3ff;
const MIDELEG_MASK: i64 = 0x222;
const MIE_MASK: i64 = 0xaaa;
const MIP_WMASK: i64 = 0x222;
const PMPADDR_MASK: i64 = (<i64>1 << 54) - 1;

export const MISA_VALUE: i64 = (<i64>2 << 62) | (1 << 0) | (1 << 2) | (1 << 3) | (1 << 5) | (1 << 8) |
  (1 << 12) | (1 << 18) | (1 << 20);

/** mstatus as read: stored bits, fixed UXL/SXL = 64-bit, SD summarizing FS. */
export function mstatusValue(): i64 {
  let v = mstatus | XL64;
  if ((mstatus & FS) == FS) v |= <i64>1 << 63;
  return v;
}

/** Marks the FP state dirty (FS = 3, so SD reads 1). */
@inline export function fsDirty(): void {
  mstatus |= FS;
}

/** True when F/D instructions and FP CSRs are enabled (FS != Off). */
@inline export function fpEnabled(): bool {
  return (mstatus & FS) != 0;
}

/** Current instret/cycle values (both count retired instructions). */
export function instretValue(): i64 {
  return (mcountinhibit & 4) != 0 ? inhibitedInstret : liveRetired() + minstretOff;
}
export function cycleValue(): i64 {
  return (mcountinhibit & 1) != 0 ? inhibitedCycle : liveRetired() + mcycleOff;
}

/** True when the current privilege may use user counter `index` (0 cycle, 1 time, 2 instret...). */
function counterAllowed(index: i32): bool {
  if (priv == 3) return true;
  if (((mcounteren >> index) & 1) == 0) return false;
  return priv == 1 || ((scounteren >> index) & 1) != 0;
}

/** Checks privilege and read-only rules; raises illegal and returns false on violation. */
export function csrAccessAllowed(addr: i32, write: bool): bool {
  if (priv < ((addr >> 8) & 3) || (write && (addr >> 10) == 3)) { raise(2, 0); return false; }
  if (addr == 0x180 && priv == 1 && (mstatus & 0x100000) != 0) { raise(2, 0); return false; } // TVM
  if (addr <= 3 && !fpEnabled()) { raise(2, 0); return false; }
  return true;
}

/** Reads CSR `addr` (checks done); raises illegal for a CSR that does not exist. */
export function csrRead(addr: i32): i64 {
  if (addr >= 0xc00 && addr < 0xc20) {
    if (!counterAllowed(addr & 31)) { raise(2, 0); return 0; }
    if (addr == 0xc00) return cycleValue();
    if (addr == 0xc01) return mtimeNow();
    if (addr == 0xc02) return instretValue();
    return 0;
  }
  if ((addr >= 0xb03 && addr < 0xb20) || (addr >= 0x323 && addr < 0x340)) return 0; // hpm counters/events
  if (addr >= 0x3b0 && addr < 0x3f0) return addr < 0x3c0 ? load<i64>(PMPADDR + (<usize>(addr - 0x3b0) << 3)) : 0;
  if (addr >= 0x3a0 && addr < 0x3b0) {
    if ((addr & 1) != 0) { raise(2, 0); return 0; }
    return addr == 0x3a0 ? pmpcfg0 : addr == 0x3a2 ? pmpcfg2 : 0;
  }
  switch (addr) {
    case 0x001: return <i64>fflags;
    case 0x002: return <i64>frm;
    case 0x003: return <i64>((frm << 5) | fflags);
    case 0x100: return mstatusValue() & SSTATUS_RMASK;
    case 0x104: return mie & mideleg;
    case 0x105: return stvec;
    case 0x106: return scounteren;
    case 0x10a: return senvcfg;
    case 0x140: return sscratch;
    case 0x141: return sepc;
    case 0x142: return scause;
    case 0x143: return stval;
    case 0x144: return mipValue() & mideleg;
    case 0x180: return satp;
    case 0x300: return mstatusValue();
    case 0x301: return misa;
    case 0x302: return medeleg;
    case 0x303: return mideleg;
    case 0x304: return mie;
    case 0x305: return mtvec;
    case 0x306: return mcounteren;
    case 0x30a: return menvcfg;
    case 0x320: return mcountinhibit;
    case 0x340: return mscratch;
    case 0x341: return mepc;
    case 0x342: return mcause;
    case 0x343: return mtval;
    case 0x344: return mipValue();
    case 0x7a0: case 0x7a1: case 0x7a2: case 0x7a3: return 0; // no triggers
    case 0xb00: return cycleValue();
    case 0xb02: return instretValue();
    case 0xf11: case 0xf12: case 0xf13: case 0xf14: case 0xf15: return 0;
    default: raise(2, 0); return 0;
  }
}

/** Writes CSR `addr` (checks done, CSR known to exist) with WARL rules and side effects. */
export function csrWrite(addr: i32, v: i64): void {
  if (addr >= 0x3b0 && addr < 0x3c0) { writePmpAddr(addr - 0x3b0, v); return; }
  if (addr == 0x3a0) { pmpcfg0 = pmpCfgValue(pmpcfg0, v); return; }
  if (addr == 0x3a2) { pmpcfg2 = pmpCfgValue(pmpcfg2, v); return; }
  switch (addr) {
    case 0x001: fflags = <i32>(v & 31); fsDirty(); break;
    case 0x002: frm = <i32>(v & 7); fsDirty(); break;
    case 0x003: fflags = <i32>(v & 31); frm = <i32>((v >> 5) & 7); fsDirty(); break;
    case 0x100: writeMstatus((mstatus & ~SSTATUS_WMASK) | (v & SSTATUS_WMASK)); break;
    case 0x104: mie = (mie & ~mideleg) | (v & mideleg & MIE_MASK); breakChunk = true; break;
    case 0x105: stvec = tvecValue(v); break;
    case 0x106: scounteren = v & 0xffffffff; break;
    case 0x140: sscratch = v; break;
    case 0x141: sepc = v & ~1; break;
    case 0x142: scause = v; break;
    case 0x143: stval = v; break;
    case 0x144: mipSoft = (mipSoft & ~(mideleg & 2)) | (v & mideleg & 2); breakChunk = true; break;
    case 0x180: writeSatp(v); break;
    case 0x300: writeMstatus((mstatus & ~MSTATUS_WMASK) | (v & MSTATUS_WMASK)); break;
    case 0x302: medeleg = v & MEDELEG_MASK; break;
    case 0x303: mideleg = v & MIDELEG_MASK; breakChunk = true; break;
    case 0x304: mie = v & MIE_MASK; breakChunk = true; break;
    case 0x305: mtvec = tvecValue(v); break;
    case 0x306: mcounteren = v & 0xffffffff; break;
    case 0x320: writeCountInhibit(v & 5); break;
    case 0x340: mscratch = v; break;
    case 0x341: mepc = v & ~1; break;
    case 0x342: mcause = v; break;
    case 0x343: mtval = v; break;
    case 0x344: mipSoft = v & MIP_WMASK; breakChunk = true; break;
    case 0xb00: // mcycle: this instruction does not also count
      if ((mcountinhibit & 1) != 0) inhibitedCycle = v; else mcycleOff = v - (liveRetired() + 1);
      break;
    case 0xb02: // minstret
      if ((mcountinhibit & 4) != 0) inhibitedInstret = v; else minstretOff = v - (liveRetired() + 1);
      break;
    default: break; // read-only-zero / WARL-zero CSRs (misa, envcfg, hpm, triggers, pmp 16+)
  }
}

function tvecValue(v: i64): i64 {
  return (v & 3) >= 2 ? v & ~3 : v;
}

function writeMstatus(v: i64): void {
  if (((v >> 11) & 3) == 2) v = (v & ~0x1800) | (mstatus & 0x1800); // MPP=2 is not a mode: keep old
  const old = mstatus;
  mstatus = v;
  if (((old ^ v) & 0xc0000) != 0) translationChanged(); // SUM, MXR
  else if (((old ^ v) & 0x21800) != 0) privChanged(); // MPRV, MPP
  breakChunk = true;
}

function writeSatp(v: i64): void {
  const mode = v >>> 60;
  if (mode != 0 && mode != 8) return;
  satp = v; // MODE, 16-bit ASID, 44-bit PPN
  translationChanged();
}

function writeCountInhibit(v: i64): void {
  const old = mcountinhibit;
  if ((v & 4) != 0 && (old & 4) == 0) inhibitedInstret = instretValue();
  if ((v & 1) != 0 && (old & 1) == 0) inhibitedCycle = cycleValue();
  if ((v & 4) == 0 && (old & 4) != 0) minstretOff = inhibitedInstret - (liveRetired() + 1);
  if ((v & 1) == 0 && (old & 1) != 0) mcycleOff = inhibitedCycle - (liveRetired() + 1);
  mcountinhibit = v;
}

/** pmpcfg: 8 entries of R W X A(2) L; locked entries keep their value; W without R is cleared. */
function pmpCfgValue(old: i64, v: i64): i64 {
  let out: i64 = 0;
  for (let i = 0; i < 8; i++) {
    const o = (old >> (i * 8)) & 0xff;
    let b = (v >> (i * 8)) & 0x9f;
    if ((o & 0x80) != 0) b = o;
    else if ((b & 3) == 2) b &= ~2;
    out |= b << (i * 8);
  }
  return out;
}

function writePmpAddr(index: i32, v: i64): void {
  const cfg = index < 8 ? pmpcfg0 : pmpcfg2;
  if (((cfg >> ((index & 7) * 8)) & 0x80) != 0) return; // locked
  store<i64>(PMPADDR + (<usize>index << 3), v & PMPADDR_MASK);
}

/** True when the last CSR helper raised. */
@inline export function csrFailed(): bool {
  return excCause >= 0;
}
