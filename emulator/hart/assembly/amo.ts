// The A extension: LR/SC with a one-address reservation and the AMOs (.w/.d;
// aq/rl accepted, a single hart is always ordered). Only RAM is atomic-capable:
// misaligned addresses raise address-misaligned, non-RAM raises access fault.

import { E_IMM, E_RD, E_RS1, E_RS2 } from './decode';
import { ACC_LOAD, ACC_STORE, isRam, storeRam, translate } from './mmu';
import { excCause, raise, ramBase, ramHost, reservation, xget, xset } from './state';

/** Physical address for an atomic access at x[rs1], or -1 after raising. */
function atomicAddr(e: usize, size: i32, isLoad: bool): i64 {
  const va = xget(load<u8>(e, E_RS1));
  if ((va & <i64>(size - 1)) != 0) { raise(isLoad ? 4 : 6, va); return -1; }
  const pa = translate(va, isLoad ? ACC_LOAD : ACC_STORE);
  if (excCause >= 0) return -1;
  if (!isRam(pa)) { raise(isLoad ? 5 : 7, va); return -1; }
  return pa;
}

@inline function readRam(pa: i64, d: bool): i64 {
  const h = ramHost + <usize>(pa - ramBase);
  return d ? load<i64>(h) : <i64>load<i32>(h);
}

/** lr.w / lr.d */
export function execLr(e: usize, d: bool): void {
  const pa = atomicAddr(e, d ? 8 : 4, true);
  if (pa < 0) return;
  reservation = pa;
  xset(load<u8>(e, E_RD), readRam(pa, d));
}

/** sc.w / sc.d: stores and writes 0 when the reservation holds, else writes 1. */
export function execSc(e: usize, d: bool): void {
  const size = d ? 8 : 4;
  const va = xget(load<u8>(e, E_RS1));
  const src = xget(load<u8>(e, E_RS2));
  const pa = atomicAddr(e, size, false);
  if (pa < 0) return;
  const ok = reservation == pa;
  reservation = -1;
  if (ok) storeRam(pa, size, src, va, false);
  xset(load<u8>(e, E_RD), ok ? 0 : 1);
}

/** amoswap/add/xor/and/or/min/max/minu/maxu .w/.d (funct5 in imm). */
export function execAmo(e: usize, d: bool): void {
  const size = d ? 8 : 4;
  const va = xget(load<u8>(e, E_RS1));
  const src = xget(load<u8>(e, E_RS2));
  const pa = atomicAddr(e, size, false);
  if (pa < 0) return;
  const old = readRam(pa, d);
  const v = d ? amo64(load<i32>(e, E_IMM), old, src) : <i64>amo32(load<i32>(e, E_IMM), <i32>old, <i32>src);
  storeRam(pa, size, v, va, false);
  xset(load<u8>(e, E_RD), old);
}

function amo64(f5: i32, a: i64, b: i64): i64 {
  switch (f5) {
    case 1: return b; // amoswap
    case 0: return a + b; // amoadd
    case 4: return a ^ b; // amoxor
    case 12: return a & b; // amoand
    case 8: return a | b; // amoor
    case 16: return a < b ? a : b; // amomin
    case 20: return a > b ? a : b; // amomax
    case 24: return <u64>a < <u64>b ? a : b; // amominu
    default: return <u64>a > <u64>b ? a : b; // amomaxu
  }
}

function amo32(f5: i32, a: i32, b: i32): i32 {
  switch (f5) {
    case 1: return b; // amoswap.w
    case 0: return a + b; // amoadd.w
    case 4: return a ^ b; // amoxor.w
    case 12: return a & b; // amoand.w
    case 8: return a | b; // amoor.w
    case 16: return a < b ? a : b; // amomin.w
    case 20: return a > b ? a : b; // amomax.w
    case 24: return <u32>a < <u32>b ? a : b; // amominu.w
    default: return <u32>a > <u32>b ? a : b; // amomaxu.w
  }
}
