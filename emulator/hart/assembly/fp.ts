// F and D extensions: decode/dispatch of loads, stores, OP-FP and the fused
// multiply-add family onto the soft-float FPU (fpu/index.ts). Handles
// NaN-boxing, rounding-mode resolution, fflags accrual, mstatus.FS (Off =>
// illegal, any f-register or fflags write => Dirty). Illegal forms raise cause 2.

import { fpEnabled, fsDirty } from './csr';
import { E_IMM, E_RAW, E_RD, E_RS1, E_RS2, E_RS3 } from './decode';
import * as F from './fpu/index';
import { memLoad, memStore } from './mmu';
import * as O from './ops';
import { FREGS, excCause, fflags, frm, raise, xget, xset } from './state';

const BOX: i64 = <i64>0xffffffff00000000;
const CANON_S: u32 = 0x7fc00000;
const SIGN_S: u32 = 0x80000000;
const SIGN_D: i64 = i64.MIN_VALUE;

@inline function fget(i: u32): i64 { return load<i64>(FREGS + (<usize>i << 3)); }
@inline function fset(i: u32, v: i64): void { store<i64>(FREGS + (<usize>i << 3), v); fsDirty(); }
/** Single-precision operand: an improperly NaN-boxed value reads as the canonical NaN. */
@inline function fgetS(i: u32): u32 {
  const v = fget(i);
  return (v >>> 32) == 0xffffffff ? <u32>v : CANON_S;
}
@inline function fsetS(i: u32, v: u32): void { fset(i, BOX | <i64>v); }
@inline function xsetRaw(rd: u32, v: i64): void { if (rd != 0) xset(rd, v); }

/** Resolves a rounding-mode field (7 = dynamic frm); -1 when invalid. */
function resolveRm(rm: u32): i32 {
  const r = rm == 7 ? <u32>frm : rm;
  return r >= 5 ? -1 : <i32>r;
}

function accrue(): void {
  const f = F.fflagsAccrued;
  if (f != 0) { fflags |= <i32>f; fsDirty(); }
}

@inline function illegal(): void { raise(2, 0); }

/** flw / fld */
export function execFpLoad(e: usize, d: bool): void {
  if (!fpEnabled()) { illegal(); return; }
  const a = xget(load<u8>(e, E_RS1)) + <i64>load<i32>(e, E_IMM);
  const v = memLoad(a, d ? 8 : 4);
  if (excCause >= 0) return;
  fset(load<u8>(e, E_RD), d ? v : BOX | (v & 0xffffffff));
}

/** fsw / fsd (fsw stores the low 32 bits as they are). */
export function execFpStore(e: usize, d: bool): void {
  if (!fpEnabled()) { illegal(); return; }
  const a = xget(load<u8>(e, E_RS1)) + <i64>load<i32>(e, E_IMM);
  memStore(a, d ? 8 : 4, fget(load<u8>(e, E_RS2)));
}

/** fmadd / fmsub / fnmsub / fnmadd .s / .d */
export function execFma(e: usize, op: u8): void {
  if (!fpEnabled()) { illegal(); return; }
  const raw = load<u32>(e, E_RAW);
  const rm = resolveRm((raw >> 12) & 7);
  if (rm < 0) { illegal(); return; }
  const rd = load<u8>(e, E_RD), rs1 = load<u8>(e, E_RS1), rs2 = load<u8>(e, E_RS2), rs3 = load<u8>(e, E_RS3);
  const negProd = op == O.OP_FNMSUB || op == O.OP_FNMADD;
  const negAdd = op == O.OP_FMSUB || op == O.OP_FNMADD;
  F.fflagsAccrued = 0;
  if (load<i32>(e, E_IMM) == 0) {
    const a = fgetS(rs1) ^ (negProd ? SIGN_S : 0);
    const c = fgetS(rs3) ^ (negAdd ? SIGN_S : 0);
    fsetS(rd, F.f32_fma(a, fgetS(rs2), c, <u32>rm));
  } else {
    const a = fget(rs1) ^ (negProd ? SIGN_D : 0);
    const c = fget(rs3) ^ (negAdd ? SIGN_D : 0);
    fset(rd, <i64>F.f64_fma(<u64>a, <u64>fget(rs2), <u64>c, <u32>rm));
  }
  accrue();
}

/** OP-FP (opcode 0x53): arithmetic, sign injection, min/max, compares, conversions, moves, fclass. */
export function execFp(e: usize): void {
  if (!fpEnabled()) { illegal(); return; }
  const raw = load<u32>(e, E_RAW);
  const fmt = (raw >> 25) & 3;
  if (fmt > 1) { illegal(); return; }
  F.fflagsAccrued = 0;
  const ok = fmt == 0 ? execS(raw) : execD(raw);
  if (!ok) { illegal(); return; }
  accrue();
}

/** Single-precision OP-FP; returns false for an illegal encoding (nothing changed). */
function execS(raw: u32): bool {
  const rd = (raw >> 7) & 31, rs1 = (raw >> 15) & 31, rs2 = (raw >> 20) & 31, f3 = (raw >> 12) & 7;
  const f5 = raw >> 27;
  const rm = resolveRm(f3);
  const urm = <u32>rm;
  switch (f5) {
    case 0x00: case 0x01: case 0x02: case 0x03: { // fadd.s fsub.s fmul.s fdiv.s
      if (rm < 0) return false;
      const a = fgetS(rs1), b = fgetS(rs2);
      fsetS(rd, f5 == 0 ? F.f32_add(a, b, urm) : f5 == 1 ? F.f32_sub(a, b, urm) :
        f5 == 2 ? F.f32_mul(a, b, urm) : F.f32_div(a, b, urm));
      return true;
    }
    case 0x0b: // fsqrt.s
      if (rm < 0 || rs2 != 0) return false;
      fsetS(rd, F.f32_sqrt(fgetS(rs1), urm));
      return true;
    case 0x04: { // fsgnj.s fsgnjn.s fsgnjx.s
      const a = fgetS(rs1), b = fgetS(rs2);
      if (f3 == 0) fsetS(rd, (a & ~SIGN_S) | (b & SIGN_S));
      else if (f3 == 1) fsetS(rd, (a & ~SIGN_S) | (~b & SIGN_S));
      else if (f3 == 2) fsetS(rd, a ^ (b & SIGN_S));
      else return false;
      return true;
    }
    case 0x05: // fmin.s fmax.s
      if (f3 > 1) return false;
      fsetS(rd, f3 == 0 ? F.f32_min(fgetS(rs1), fgetS(rs2)) : F.f32_max(fgetS(rs1), fgetS(rs2)));
      return true;
    case 0x08: // fcvt.s.d
      if (rm < 0 || rs2 != 1) return false;
      fsetS(rd, F.f64_to_f32(<u64>fget(rs1), urm));
      return true;
    case 0x14: { // feq.s flt.s fle.s
      if (f3 > 2) return false;
      const a = fgetS(rs1), b = fgetS(rs2);
      xsetRaw(rd, <i64>(f3 == 2 ? F.f32_eq(a, b) : f3 == 1 ? F.f32_lt(a, b) : F.f32_le(a, b)));
      return true;
    }
    case 0x18: { // fcvt.w.s fcvt.wu.s fcvt.l.s fcvt.lu.s
      if (rm < 0 || rs2 > 3) return false;
      const a = fgetS(rs1);
      let v: i64;
      if (rs2 == 0) v = <i64>F.f32_to_i32(a, urm);
      else if (rs2 == 1) v = <i64><i32>F.f32_to_u32(a, urm);
      else if (rs2 == 2) v = F.f32_to_i64(a, urm);
      else v = <i64>F.f32_to_u64(a, urm);
      xsetRaw(rd, v);
      return true;
    }
    case 0x1a: { // fcvt.s.w fcvt.s.wu fcvt.s.l fcvt.s.lu
      if (rm < 0 || rs2 > 3) return false;
      const x = xget(rs1);
      let v: u32;
      if (rs2 == 0) v = F.i32_to_f32(<i32>x, urm);
      else if (rs2 == 1) v = F.u32_to_f32(<u32>x, urm);
      else if (rs2 == 2) v = F.i64_to_f32(x, urm);
      else v = F.u64_to_f32(<u64>x, urm);
      fsetS(rd, v);
      return true;
    }
    case 0x1c: // fmv.x.w fclass.s
      if (rs2 != 0) return false;
      if (f3 == 0) xsetRaw(rd, <i64><i32>fget(rs1));
      else if (f3 == 1) xsetRaw(rd, <i64>F.f32_classify(fgetS(rs1)));
      else return false;
      return true;
    case 0x1e: // fmv.w.x
      if (rs2 != 0 || f3 != 0) return false;
      fsetS(rd, <u32>xget(rs1));
      return true;
    default:
      return false;
  }
}

/** Double-precision OP-FP; returns false for an illegal encoding (nothing changed). */
function execD(raw: u32): bool {
  const rd = (raw >> 7) & 31, rs1 = (raw >> 15) & 31, rs2 = (raw >> 20) & 31, f3 = (raw >> 12) & 7;
  const f5 = raw >> 27;
  const rm = resolveRm(f3);
  const urm = <u32>rm;
  switch (f5) {
    case 0x00: case 0x01: case 0x02: case 0x03: { // fadd.d fsub.d fmul.d fdiv.d
      if (rm < 0) return false;
      const a = <u64>fget(rs1), b = <u64>fget(rs2);
      fset(rd, <i64>(f5 == 0 ? F.f64_add(a, b, urm) : f5 == 1 ? F.f64_sub(a, b, urm) :
        f5 == 2 ? F.f64_mul(a, b, urm) : F.f64_div(a, b, urm)));
      return true;
    }
    case 0x0b: // fsqrt.d
      if (rm < 0 || rs2 != 0) return false;
      fset(rd, <i64>F.f64_sqrt(<u64>fget(rs1), urm));
      return true;
    case 0x04: { // fsgnj.d fsgnjn.d fsgnjx.d
      const a = fget(rs1), b = fget(rs2);
      if (f3 == 0) fset(rd, (a & ~SIGN_D) | (b & SIGN_D));
      else if (f3 == 1) fset(rd, (a & ~SIGN_D) | (~b & SIGN_D));
      else if (f3 == 2) fset(rd, a ^ (b & SIGN_D));
      else return false;
      return true;
    }
    case 0x05: // fmin.d fmax.d
      if (f3 > 1) return false;
      fset(rd, <i64>(f3 == 0 ? F.f64_min(<u64>fget(rs1), <u64>fget(rs2)) : F.f64_max(<u64>fget(rs1), <u64>fget(rs2))));
      return true;
    case 0x08: // fcvt.d.s
      if (rm < 0 || rs2 != 0) return false;
      fset(rd, <i64>F.f32_to_f64(fgetS(rs1)));
      return true;
    case 0x14: { // feq.d flt.d fle.d
      if (f3 > 2) return false;
      const a = <u64>fget(rs1), b = <u64>fget(rs2);
      xsetRaw(rd, <i64>(f3 == 2 ? F.f64_eq(a, b) : f3 == 1 ? F.f64_lt(a, b) : F.f64_le(a, b)));
      return true;
    }
    case 0x18: { // fcvt.w.d fcvt.wu.d fcvt.l.d fcvt.lu.d
      if (rm < 0 || rs2 > 3) return false;
      const a = <u64>fget(rs1);
      let v: i64;
      if (rs2 == 0) v = <i64>F.f64_to_i32(a, urm);
      else if (rs2 == 1) v = <i64><i32>F.f64_to_u32(a, urm);
      else if (rs2 == 2) v = F.f64_to_i64(a, urm);
      else v = <i64>F.f64_to_u64(a, urm);
      xsetRaw(rd, v);
      return true;
    }
    case 0x1a: { // fcvt.d.w fcvt.d.wu fcvt.d.l fcvt.d.lu
      if (rm < 0 || rs2 > 3) return false;
      const x = xget(rs1);
      let v: u64;
      if (rs2 == 0) v = F.i32_to_f64(<i32>x, urm);
      else if (rs2 == 1) v = F.u32_to_f64(<u32>x, urm);
      else if (rs2 == 2) v = F.i64_to_f64(x, urm);
      else v = F.u64_to_f64(<u64>x, urm);
      fset(rd, <i64>v);
      return true;
    }
    case 0x1c: // fmv.x.d fclass.d
      if (rs2 != 0) return false;
      if (f3 == 0) xsetRaw(rd, fget(rs1));
      else if (f3 == 1) xsetRaw(rd, <i64>F.f64_classify(<u64>fget(rs1)));
      else return false;
      return true;
    case 0x1e: // fmv.d.x
      if (rs2 != 0 || f3 != 0) return false;
      fset(rd, xget(rs1));
      return true;
    default:
      return false;
  }
}
