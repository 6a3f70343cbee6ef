// Memory access slow paths: the Sv39 page walker (hardware A/D update), TLB
// fills, misaligned accesses (emulated, byte by byte across pages), physical
// RAM / CLINT / host device dispatch, code-page invalidation on stores and the
// HTIF tohost watch. The run loop inlines the TLB-hit fast paths.

import { invalidateBytes, pageHasCode } from './codecache';
import {
  TLBS, TLB_LOG, TLB_LOG_MAX, TLB_SET_BYTES, breakChunk, excCause, liveRetired, mstatus, msip, mtimecmp, mtimeNow, priv,
  raise, ramBase, ramHost, ramSize, satp, stopReason, ticksAdvanced, ipt, tlbLogCount, tlbR, tlbW, tohostAddr,
} from './state';

export const ACC_FETCH: i32 = 0;
export const ACC_LOAD: i32 = 1;
export const ACC_STORE: i32 = 2;

export const CLINT_BASE: i64 = 0x02000000;
export const CLINT_SIZE: i64 = 0x10000;

@external("env", "mmioRead")
declare function mmioRead(dev: i32, offset: i32, size: i32): f64;
@external("env", "mmioWrite")
declare function mmioWrite(dev: i32, offset: i32, size: i32, value: i32): i32;

const MAX_DEVICES: i32 = 32;
const DEV_BASE: usize = memory.data(8 * 32, 16);
const DEV_SIZE: usize = memory.data(8 * 32, 16);
let devCount: i32 = 0;

/** Registers a host device region; returns its id, or -1 when the table is full. */
export function addDevice(base: i64, size: i64): i32 {
  if (devCount == MAX_DEVICES) return -1;
  store<i64>(DEV_BASE + (<usize>devCount << 3), base);
  store<i64>(DEV_SIZE + (<usize>devCount << 3), size);
  return devCount++;
}

/** Access-fault cause for an access kind. */
@inline function accessFault(acc: i32): i32 { return acc == ACC_FETCH ? 1 : acc == ACC_LOAD ? 5 : 7; }
/** Page-fault cause for an access kind. */
@inline function pageFault(acc: i32): i32 { return acc == ACC_FETCH ? 12 : acc == ACC_LOAD ? 13 : 15; }

/** Privilege used for data accesses (MPRV applies MPP in M-mode). */
export function dataPriv(): i32 {
  if (priv == 3 && (mstatus & (1 << 17)) != 0) return <i32>((mstatus >> 11) & 3);
  return priv;
}

/** True when physical `pa` is RAM. */
@inline export function isRam(pa: i64): bool {
  return <u64>(pa - ramBase) < <u64>ramSize;
}

// Walk result detail: true when the last failed walk was an access fault.
let walkAccessFault: bool = false;

/**
 * Sv39 walk for `va`. Returns the physical address, or -1 on a fault
 * (walkAccessFault tells which kind). Updates A/D bits when `update`.
 */
export function walk(va: i64, acc: i32, effPriv: i32, update: bool): i64 {
  walkAccessFault = false;
  if ((va << 25) >> 25 != va) return -1;
  let table = (satp & 0xfffffffffff) << 12;
  for (let level = 2; level >= 0; level--) {
    const pteAddr = table + (((va >> (12 + 9 * level)) & 0x1ff) << 3);
    if (!isRam(pteAddr)) { walkAccessFault = true; return -1; }
    const host = ramHost + <usize>(pteAddr - ramBase);
    let pte = load<i64>(host);
    if ((pte & 1) == 0 || (pte & 6) == 4 || (pte >>> 54) != 0) return -1;
    const ppn = (pte >>> 10) & 0xfffffffffff;
    if ((pte & 0xa) == 0) { // pointer to next level
      table = ppn << 12;
      continue;
    }
    if (!leafAllows(pte, acc, effPriv)) return -1;
    if (level > 0 && (ppn & ((<i64>1 << (9 * level)) - 1)) != 0) return -1; // misaligned superpage
    const want: i64 = acc == ACC_STORE ? 0xc0 : 0x40;
    if (update && (pte & want) != want) store<i64>(host, pte | want); // hardware A/D update
    const shift = 12 + 9 * level;
    const mask = (<i64>1 << shift) - 1;
    return ((ppn << 12) & ~mask) | (va & mask);
  }
  return -1;
}

function leafAllows(pte: i64, acc: i32, effPriv: i32): bool {
  const u = (pte & 0x10) != 0;
  if (effPriv == 0 && !u) return false;
  if (effPriv == 1 && u) {
    if (acc == ACC_FETCH || (mstatus & (1 << 18)) == 0) return false; // SUM
  }
  if (acc == ACC_FETCH) return (pte & 8) != 0;
  if (acc == ACC_LOAD) return (pte & 2) != 0 || ((mstatus & (1 << 19)) != 0 && (pte & 8) != 0);
  return (pte & 4) != 0;
}

/** Translates `va` for an access; returns the physical address, or raises and returns -1. */
export function translate(va: i64, acc: i32): i64 {
  const p = acc == ACC_FETCH ? priv : dataPriv();
  if (p == 3 || (satp >>> 60) != 8) return va;
  const pa = walk(va, acc, p, true);
  if (pa == -1) raise(walkAccessFault ? accessFault(acc) : pageFault(acc), va);
  return pa;
}

/** Host debugger translation: physical address or -1; no faults, no A/D updates. */
export function debugTranslate(va: i64, acc: i32): i64 {
  const p = acc == ACC_FETCH ? priv : dataPriv();
  if (p == 3 || (satp >>> 60) != 8) return va;
  return walk(va, acc, p, false);
}

@inline function tlbSetIndex(p: i32): i32 { return p == 3 ? 2 : p; }

/** Inserts a TLB entry of `kind` (0 read, 1 write, 2 fetch) mapping the page of va to RAM host page `host`. */
export function tlbInsert(kind: i32, va: i64, host: usize): void {
  const p = kind == 2 ? priv : dataPriv();
  const set = TLBS + <usize>((kind * 3 + tlbSetIndex(p)) * TLB_SET_BYTES);
  const tag = va & ~0xfff;
  const t = set + ((<usize>(va >> 12) & 255) << 4);
  store<i64>(t, tag);
  store<i64>(t, <i64>(host & ~0xfff) - tag, 8);
  if (tlbLogCount < TLB_LOG_MAX) store<u32>(TLB_LOG + (<usize>tlbLogCount << 2), <u32>t);
  if (tlbLogCount <= TLB_LOG_MAX) tlbLogCount++;
}

/** Returns the TLB set base of `kind` for the current (effective) privilege. */
export function tlbSet(kind: i32): usize {
  const p = kind == 2 ? priv : dataPriv();
  return TLBS + <usize>((kind * 3 + tlbSetIndex(p)) * TLB_SET_BYTES);
}

@inline function sizeMask(size: i32): i64 {
  return size == 8 ? -1 : (<i64>1 << (size * 8)) - 1;
}

/** Reads `size` bytes at RAM host address h, zero-extended. */
@inline function hostRead(h: usize, size: i32): i64 {
  if (size == 1) return <i64>load<u8>(h);
  if (size == 2) return <i64>load<u16>(h);
  if (size == 4) return <i64>load<u32>(h);
  return load<i64>(h);
}

@inline function hostWrite(h: usize, size: i32, v: i64): void {
  if (size == 1) store<u8>(h, <u8>v);
  else if (size == 2) store<u16>(h, <u16>v);
  else if (size == 4) store<u32>(h, <u32>v);
  else store<i64>(h, v);
}

/** Loads `size` bytes at `va` (TLB hit or slow path); zero-extended, 0 after raising. */
export function memLoad(va: i64, size: i32): i64 {
  const t = tlbR + ((<usize>(va >> 12) & 255) << 4);
  if (load<i64>(t) == (va & ~(0xfff ^ <i64>(size - 1)))) return hostRead(<usize>(va + load<i64>(t, 8)), size);
  return loadSlow(va, size);
}

/** Stores `size` bytes at `va` (TLB hit or slow path), or raises. */
export function memStore(va: i64, size: i32, v: i64): void {
  const t = tlbW + ((<usize>(va >> 12) & 255) << 4);
  if (load<i64>(t) == (va & ~(0xfff ^ <i64>(size - 1)))) hostWrite(<usize>(va + load<i64>(t, 8)), size, v);
  else storeSlow(va, size, v);
}

/** Load slow path: returns the zero-extended value, or raises (then returns 0). */
export function loadSlow(va: i64, size: i32): i64 {
  if ((<i32>va & 0xfff) + size > 4096) return loadCrossing(va, size);
  const pa = translate(va, ACC_LOAD);
  if (excCause >= 0) return 0;
  if (isRam(pa)) {
    const h = ramHost + <usize>(pa - ramBase);
    tlbInsert(0, va, h);
    return hostRead(h, size);
  }
  const v = ioRead(pa, size);
  if (excCause >= 0) excTvalFix(va);
  return v;
}

/** I/O faults report the virtual address. */
function excTvalFix(va: i64): void {
  raise(excCause, va);
}

function loadCrossing(va: i64, size: i32): i64 {
  let v: i64 = 0;
  for (let i = 0; i < size; i++) {
    const b = loadSlow(va + i, 1);
    if (excCause >= 0) return 0; // tval: the first address in the faulting page
    v |= b << (i * 8);
  }
  return v;
}

/** Store slow path: stores or raises. */
export function storeSlow(va: i64, size: i32, v: i64): void {
  if ((<i32>va & 0xfff) + size > 4096) { storeCrossing(va, size, v); return; }
  const pa = translate(va, ACC_STORE);
  if (excCause >= 0) return;
  if (isRam(pa)) {
    storeRam(pa, size, v, va, true);
    return;
  }
  ioWrite(pa, size, v);
  if (excCause >= 0) raise(excCause, va);
}

/** Stores to RAM at physical pa: drops decoded code of the page, fills the write TLB, watches tohost. */
export function storeRam(pa: i64, size: i32, v: i64, va: i64, fillTlb: bool): void {
  const off = pa - ramBase;
  const page = <i32>(off >> 12);
  const h = ramHost + <usize>off;
  if (pageHasCode(page)) invalidateBytes(page, <i32>(off & 0xfff), size);
  else if (fillTlb && (tohostAddr == 0 || ((pa ^ tohostAddr) & ~0xfff) != 0)) tlbInsert(1, va, h);
  hostWrite(h, size, v);
  if (tohostAddr != 0 && pa < tohostAddr + 8 && pa + size > tohostAddr) {
    if (load<i64>(ramHost + <usize>(tohostAddr - ramBase)) != 0) { stopReason = 3; breakChunk = true; }
  }
}

function storeCrossing(va: i64, size: i32, v: i64): void {
  // Translate both pages first so a fault leaves memory untouched.
  const last = va + size - 1;
  const pa1 = translate(va, ACC_STORE);
  if (excCause >= 0) return;
  const pa2 = translate(last & ~0xfff, ACC_STORE);
  if (excCause >= 0) return; // tval: the first address in the faulting page
  if (!isRam(pa1) || !isRam(pa2)) { raise(7, va); return; }
  for (let i = 0; i < size; i++) {
    const a = va + i;
    const pa = ((a ^ va) & ~0xfff) == 0 ? pa1 + i : pa2 + (a & 0xfff);
    storeRam(pa, 1, v >> (i * 8), a, false);
  }
}

function findDevice(pa: i64): i32 {
  for (let i = 0; i < devCount; i++) {
    if (<u64>(pa - load<i64>(DEV_BASE + (<usize>i << 3))) < <u64>load<i64>(DEV_SIZE + (<usize>i << 3))) return i;
  }
  return -1;
}

/** Reads I/O (CLINT or host device) at physical pa; raises a load access fault if nothing is there. */
export function ioRead(pa: i64, size: i32): i64 {
  if (<u64>(pa - CLINT_BASE) < <u64>CLINT_SIZE) return clintRead(<i32>(pa - CLINT_BASE), size);
  const d = findDevice(pa);
  if (d < 0) { raise(5, pa); return 0; }
  const off = <i32>(pa - load<i64>(DEV_BASE + (<usize>d << 3)));
  if (size == 8) {
    const lo = mmioRead(d, off, 4);
    const hi = mmioRead(d, off + 4, 4);
    if (lo < 0 || hi < 0) { raise(5, pa); return 0; }
    return (<i64><u32>lo) | ((<i64><u32>hi) << 32);
  }
  const r = mmioRead(d, off, size);
  if (r < 0) { raise(5, pa); return 0; }
  return <i64><u32>r & sizeMask(size);
}

/** Writes I/O at physical pa; raises a store access fault if nothing is there. */
export function ioWrite(pa: i64, size: i32, v: i64): void {
  if (<u64>(pa - CLINT_BASE) < <u64>CLINT_SIZE) { clintWrite(<i32>(pa - CLINT_BASE), size, v); return; }
  const d = findDevice(pa);
  if (d < 0) { raise(7, pa); return; }
  const off = <i32>(pa - load<i64>(DEV_BASE + (<usize>d << 3)));
  breakChunk = true; // a device may raise an interrupt line
  if (size == 8) {
    if (mmioWrite(d, off, 4, <i32>v) == 0 || mmioWrite(d, off + 4, 4, <i32>(v >> 32)) == 0) raise(7, pa);
    return;
  }
  if (mmioWrite(d, off, size, <i32>(v & sizeMask(size))) == 0) raise(7, pa);
}

/** Which 8-byte CLINT register holds `off`: returns its offset, or -1. */
function clintReg(off: i32): i32 {
  if (off < 8) return 0;
  if (off >= 0x4000 && off < 0x4008) return 0x4000;
  if (off >= 0xbff8 && off < 0xc000) return 0xbff8;
  return -1;
}

function clintValue(reg: i32): i64 {
  if (reg == 0) return <i64>msip;
  if (reg == 0x4000) return mtimecmp;
  return mtimeNow();
}

function clintRead(off: i32, size: i32): i64 {
  const reg = clintReg(off);
  if (reg < 0) return 0;
  return (clintValue(reg) >>> ((off - reg) * 8)) & sizeMask(size);
}

function clintWrite(off: i32, size: i32, v: i64): void {
  const reg = clintReg(off);
  if (reg < 0) return;
  const shift = (off - reg) * 8;
  const mask = sizeMask(size) << shift;
  const nv = (clintValue(reg) & ~mask) | ((v << shift) & mask);
  if (reg == 0) msip = <i32>(nv & 1);
  else if (reg == 0x4000) mtimecmp = nv;
  else ticksAdvanced = nv - <i64>(<u64>liveRetired() / <u64>ipt);
  breakChunk = true;
}
