// Operand decoding for the FPU cores. Every operation works on double-format
// bit patterns internally: single-precision operands are widened exactly (NaNs
// keep only their signaling/quiet kind), and the result format is chosen at
// rounding time. Also: special-value results (canonical NaN, infinities, zeros).
import { FLAG_NV, raise } from './flags';

export const F64_SIGN: u64 = 0x8000000000000000;
export const F64_QNAN: u64 = 0x7FF8000000000000; // canonical NaN (RISC-V)
export const F32_QNAN: u32 = 0x7FC00000;
const F64_FRAC: u64 = 0x000FFFFFFFFFFFFF;
const F64_HIDDEN: u64 = 0x0010000000000000;
const F64_INF: u64 = 0x7FF0000000000000;
const F64_SNAN_WIDE: u64 = 0x7FF4000000000000; // stands for any f32 sNaN

/** Returns the sign bit (0 or 1) of a double bit pattern. */
// @ts-ignore: decorator
@inline export function signOf(a: u64): u32 {
  return <u32>(a >> 63);
}

/** Returns true for any NaN. */
// @ts-ignore: decorator
@inline export function isNaN64(a: u64): bool {
  return (a & ~F64_SIGN) > F64_INF;
}

/** Returns true for a signaling NaN (quiet bit clear). */
// @ts-ignore: decorator
@inline export function isSNaN64(a: u64): bool {
  return isNaN64(a) && (a & 0x0008000000000000) == 0;
}

/** Returns true for +-infinity. */
// @ts-ignore: decorator
@inline export function isInf64(a: u64): bool {
  return (a & ~F64_SIGN) == F64_INF;
}

/** Returns true for +-0. */
// @ts-ignore: decorator
@inline export function isZero64(a: u64): bool {
  return (a << 1) == 0;
}

/** Significand of a finite nonzero double, normalized so bit 52 is its leading 1. */
export function sigOf(a: u64): u64 {
  const frac = a & F64_FRAC;
  if ((a & F64_INF) != 0) return frac | F64_HIDDEN;
  return frac << (clz<u64>(frac) - 11);
}

/** Exponent matching sigOf: |a| == sigOf(a) * 2^expOf(a) exactly. */
export function expOf(a: u64): i32 {
  const field = <i32>((a >> 52) & 0x7FF);
  if (field != 0) return field - 1075;
  return -1074 - (<i32>clz<u64>(a & F64_FRAC) - 11);
}

/** Widens a single bit pattern to the double with the same value (exact); NaNs keep their kind only. */
export function widenF32(a: u32): u64 {
  if ((a & 0x7FFFFFFF) > 0x7F800000) {
    return (a & 0x00400000) != 0 ? F64_QNAN : F64_SNAN_WIDE;
  }
  return reinterpret<u64>(<f64>reinterpret<f32>(a));
}

/** The canonical NaN of the result format (single results in the low 32 bits). */
// @ts-ignore: decorator
@inline export function defaultNaN(single: bool): u64 {
  return single ? <u64>F32_QNAN : F64_QNAN;
}

/** Infinity of the given sign in the result format. */
export function packInf(sign: u32, single: bool): u64 {
  return single ? (<u64>sign << 31) | 0x7F800000 : (<u64>sign << 63) | F64_INF;
}

/** Zero of the given sign in the result format. */
export function packZero(sign: u32, single: bool): u64 {
  return <u64>sign << (single ? 31 : 63);
}

/** Canonical NaN result of an operation with NaN operand(s) a/b; raises NV if either is signaling. */
export function nanResult(a: u64, b: u64, single: bool): u64 {
  if (isSNaN64(a) || isSNaN64(b)) raise(FLAG_NV);
  return defaultNaN(single);
}

/** Canonical NaN result of an invalid operation (raises NV). */
export function invalidResult(single: bool): u64 {
  raise(FLAG_NV);
  return defaultNaN(single);
}
