// Multiplication (fmul) for both formats: the exact 106-bit product of the
// significands (64x64->128), jammed to 64 bits, then one roundPack.
import { RM_RNE } from './flags';
import {
  expOf, invalidResult, isInf64, isNaN64, isZero64, nanResult, packInf, packZero, sigOf, signOf,
  widenF32,
} from './operand';
import { fastMulF32, fastMulF64, fastHit } from './fast-rne';
import { roundPack } from './round-pack';
import { hi128, lo128, mul64To128 } from './u128';

/** Returns round(a * b) in the result format; a and b are double bit patterns. */
export function mulCore(a: u64, b: u64, rm: u32, single: bool): u64 {
  if (isNaN64(a) || isNaN64(b)) return nanResult(a, b, single);
  const sign = signOf(a) ^ signOf(b);
  if (isInf64(a) || isInf64(b)) {
    if (isZero64(a) || isZero64(b)) return invalidResult(single);
    return packInf(sign, single);
  }
  if (isZero64(a) || isZero64(b)) return packZero(sign, single);
  // [2^62, 2^63) * [2^63, 2^64) = [2^125, 2^127): the high word holds 61-62 bits.
  mul64To128(sigOf(a) << 10, sigOf(b) << 11);
  const sig = hi128 | u64(lo128 != 0);
  return roundPack(sign, expOf(a) + expOf(b) - 21 + 64, sig, rm, single);
}

/** fmul.s: returns round(a * b). */
export function f32_mul(a: u32, b: u32, rm: u32): u32 {
  if (rm == RM_RNE) {
    const r = fastMulF32(a, b);
    if (fastHit) return r;
  }
  return <u32>mulCore(widenF32(a), widenF32(b), rm, true);
}

/** fmul.d: returns round(a * b). */
export function f64_mul(a: u64, b: u64, rm: u32): u64 {
  if (rm == RM_RNE) {
    const r = fastMulF64(a, b);
    if (fastHit) return r;
  }
  return mulCore(a, b, rm, false);
}
