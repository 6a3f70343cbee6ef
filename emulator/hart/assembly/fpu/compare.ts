// Comparisons (feq quiet; flt/fle signaling) and fmin/fmax (IEEE 754-2019
// minimumNumber/maximumNumber: -0 < +0, a single NaN operand is ignored, two
// NaNs give the canonical NaN, NV for any sNaN). Singles are widened exactly.
import { FLAG_NV, raise } from './flags';
import { F32_QNAN, F64_QNAN, isNaN64, isSNaN64, signOf, widenF32 } from './operand';

/** True when the non-NaN doubles a and b compare equal (+0 == -0). */
// @ts-ignore: decorator
@inline function equalBits(a: u64, b: u64): bool {
  return a == b || ((a | b) << 1) == 0;
}

/** True when non-NaN a < b numerically (-0 is not below +0). */
function lessBits(a: u64, b: u64): bool {
  const sA = signOf(a), sB = signOf(b);
  if (sA != sB) return sA != 0 && ((a | b) << 1) != 0;
  return a != b && ((sA != 0) != (a < b));
}

/** True when non-NaN a is the smaller for fmin (-0 below +0). */
function minFirst(a: u64, b: u64): bool {
  const sA = signOf(a), sB = signOf(b);
  if (sA != sB) return sA != 0;
  return a == b || ((sA != 0) != (a < b));
}

/** feq.d: returns 1 when a == b; NV only for a signaling NaN operand. */
export function f64_eq(a: u64, b: u64): u32 {
  if (isNaN64(a) || isNaN64(b)) {
    if (isSNaN64(a) || isSNaN64(b)) raise(FLAG_NV);
    return 0;
  }
  return u32(equalBits(a, b));
}

/** flt.d: returns 1 when a < b; NV for any NaN operand. */
export function f64_lt(a: u64, b: u64): u32 {
  if (isNaN64(a) || isNaN64(b)) {
    raise(FLAG_NV);
    return 0;
  }
  return u32(lessBits(a, b));
}

/** fle.d: returns 1 when a <= b; NV for any NaN operand. */
export function f64_le(a: u64, b: u64): u32 {
  if (isNaN64(a) || isNaN64(b)) {
    raise(FLAG_NV);
    return 0;
  }
  return u32(equalBits(a, b) || lessBits(a, b));
}

/** 0: neither is NaN; 1: only a is NaN (take b); 2: only b (take a); 3: both. Raises NV for sNaN. */
function nanCase(a: u64, b: u64): i32 {
  if (isSNaN64(a) || isSNaN64(b)) raise(FLAG_NV);
  return i32(isNaN64(a)) | (i32(isNaN64(b)) << 1);
}

/** fmin.d: returns the smaller operand (see file header for NaN rules). */
export function f64_min(a: u64, b: u64): u64 {
  const n = nanCase(a, b);
  if (n != 0) return n == 3 ? F64_QNAN : (n == 1 ? b : a);
  return minFirst(a, b) ? a : b;
}

/** fmax.d: returns the larger operand (see file header for NaN rules). */
export function f64_max(a: u64, b: u64): u64 {
  const n = nanCase(a, b);
  if (n != 0) return n == 3 ? F64_QNAN : (n == 1 ? b : a);
  return minFirst(a, b) ? b : a;
}

/** feq.s: returns 1 when a == b; NV only for a signaling NaN operand. */
export function f32_eq(a: u32, b: u32): u32 {
  return f64_eq(widenF32(a), widenF32(b));
}

/** flt.s: returns 1 when a < b; NV for any NaN operand. */
export function f32_lt(a: u32, b: u32): u32 {
  return f64_lt(widenF32(a), widenF32(b));
}

/** fle.s: returns 1 when a <= b; NV for any NaN operand. */
export function f32_le(a: u32, b: u32): u32 {
  return f64_le(widenF32(a), widenF32(b));
}

/** fmin.s: returns the smaller operand (see file header for NaN rules). */
export function f32_min(a: u32, b: u32): u32 {
  const wa = widenF32(a), wb = widenF32(b);
  const n = nanCase(wa, wb);
  if (n != 0) return n == 3 ? F32_QNAN : (n == 1 ? b : a);
  return minFirst(wa, wb) ? a : b;
}

/** fmax.s: returns the larger operand (see file header for NaN rules). */
export function f32_max(a: u32, b: u32): u32 {
  const wa = widenF32(a), wb = widenF32(b);
  const n = nanCase(wa, wb);
  if (n != 0) return n == 3 ? F32_QNAN : (n == 1 ? b : a);
  return minFirst(wa, wb) ? b : a;
}
