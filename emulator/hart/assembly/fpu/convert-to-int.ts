// Float-to-integer conversions (fcvt.{w,wu,l,lu}.{s,d}) with the RISC-V
// saturation table: NaN and too-large positives give the maximum, too-large
// negatives the minimum (0 for unsigned); NV on invalid, NX on inexact.
import { FLAG_NV, FLAG_NX, RM_RDN, RM_RMM, RM_RNE, RM_RUP, raise } from './flags';
import { expOf, isInf64, isNaN64, isZero64, sigOf, signOf, widenF32 } from './operand';

let magTooBig = false;
let magInexact = false;

/** Rounds |a| (finite) to an integer per rm; sets magTooBig when it is >= 2^64. */
function roundedMagnitude(a: u64, rm: u32): u64 {
  magTooBig = false;
  magInexact = false;
  if (isZero64(a)) return 0;
  let sig = sigOf(a);
  const exp = expOf(a);
  if (exp >= 0) {
    if (exp > 11) {
      magTooBig = true;
      return 0;
    }
    return sig << <u64>exp;
  }
  let k = -exp;
  if (k > 54) { // |a| < 2^-1: same rounding as any nonzero value below one half
    sig = 1;
    k = 54;
  }
  const kk = <u64>k;
  const int = sig >> kk;
  const rem = sig & ((<u64>1 << kk) - 1);
  const half = <u64>1 << (kk - 1);
  magInexact = rem != 0;
  const sign = signOf(a) != 0;
  let up = false;
  if (rm == RM_RNE) up = rem > half || (rem == half && (int & 1) != 0);
  else if (rm == RM_RMM) up = rem >= half;
  else if (rm == RM_RDN) up = sign && rem != 0;
  else if (rm == RM_RUP) up = !sign && rem != 0;
  return int + u64(up);
}

/**
 * Returns a (double bits) rounded to an integer, as a 64-bit two's complement
 * pattern, saturated to [-maxNegMag, maxPos] (maxNegMag 0 for unsigned).
 */
function toInt(a: u64, rm: u32, maxPos: u64, maxNegMag: u64): u64 {
  if (isNaN64(a)) {
    raise(FLAG_NV);
    return maxPos;
  }
  const negative = signOf(a) != 0;
  let mag: u64 = 0;
  let invalid = isInf64(a);
  if (!invalid) {
    mag = roundedMagnitude(a, rm);
    invalid = magTooBig || mag > (negative ? maxNegMag : maxPos);
  }
  if (invalid) {
    raise(FLAG_NV);
    return negative ? 0 - maxNegMag : maxPos;
  }
  if (magInexact) raise(FLAG_NX);
  return negative ? 0 - mag : mag;
}

/** fcvt.w.d: returns a rounded to i32, saturating (NV), NX when inexact. */
export function f64_to_i32(a: u64, rm: u32): i32 {
  return <i32>toInt(a, rm, 0x7FFFFFFF, 0x80000000);
}

/** fcvt.wu.d: returns a rounded to u32, saturating (NV), NX when inexact. */
export function f64_to_u32(a: u64, rm: u32): u32 {
  return <u32>toInt(a, rm, 0xFFFFFFFF, 0);
}

/** fcvt.l.d: returns a rounded to i64, saturating (NV), NX when inexact. */
export function f64_to_i64(a: u64, rm: u32): i64 {
  return <i64>toInt(a, rm, 0x7FFFFFFFFFFFFFFF, 0x8000000000000000);
}

/** fcvt.lu.d: returns a rounded to u64, saturating (NV), NX when inexact. */
export function f64_to_u64(a: u64, rm: u32): u64 {
  return toInt(a, rm, 0xFFFFFFFFFFFFFFFF, 0);
}

/** fcvt.w.s: returns a rounded to i32, saturating (NV), NX when inexact. */
export function f32_to_i32(a: u32, rm: u32): i32 {
  return f64_to_i32(widenF32(a), rm);
}

/** fcvt.wu.s: returns a rounded to u32, saturating (NV), NX when inexact. */
export function f32_to_u32(a: u32, rm: u32): u32 {
  return f64_to_u32(widenF32(a), rm);
}

/** fcvt.l.s: returns a rounded to i64, saturating (NV), NX when inexact. */
export function f32_to_i64(a: u32, rm: u32): i64 {
  return f64_to_i64(widenF32(a), rm);
}

/** fcvt.lu.s: returns a rounded to u64, saturating (NV), NX when inexact. */
export function f32_to_u64(a: u32, rm: u32): u64 {
  return f64_to_u64(widenF32(a), rm);
}
