// Division (fdiv) for both formats: an exact 56-bit quotient (native estimate
// corrected with exact integer remainders), remainder as sticky, one roundPack.
import { FLAG_DZ, RM_RNE, raise } from './flags';
import {
  expOf, invalidResult, isInf64, isNaN64, isZero64, nanResult, packInf, packZero, sigOf, signOf,
  widenF32,
} from './operand';
import { fastDivF32, fastDivF64, fastHit } from './fast-rne';
import { roundPack } from './round-pack';
import { hi128, lo128, mul64To128, sub128 } from './u128';

/** Returns round(a / b) in the result format; raises DZ for finite nonzero / 0. */
export function divCore(a: u64, b: u64, rm: u32, single: bool): u64 {
  if (isNaN64(a) || isNaN64(b)) return nanResult(a, b, single);
  const sign = signOf(a) ^ signOf(b);
  if (isInf64(a)) {
    if (isInf64(b)) return invalidResult(single);
    return packInf(sign, single);
  }
  if (isInf64(b)) return packZero(sign, single);
  if (isZero64(b)) {
    if (isZero64(a)) return invalidResult(single);
    raise(FLAG_DZ);
    return packInf(sign, single);
  }
  if (isZero64(a)) return packZero(sign, single);
  let sigA = sigOf(a);
  const sigB = sigOf(b);
  let exp = expOf(a) - expOf(b);
  if (sigA < sigB) {
    sigA <<= 1;
    exp -= 1;
  }
  return roundPack(sign, exp - 55, quotientWithSticky(sigA, sigB), rm, single);
}

/**
 * Returns floor(sigA * 2^55 / sigB) (56 bits, sigA/sigB in [1, 2)) with bit 0
 * set when the remainder is nonzero. The correctly rounded native quotient is
 * within 8 of it; exact 128-bit remainders correct it.
 */
function quotientWithSticky(sigA: u64, sigB: u64): u64 {
  let q = <u64>((<f64>sigA / <f64>sigB) * 36028797018963968.0); // * 2^55
  let r = remainder(sigA, sigB, q);
  const step = r / <i64>sigB;
  q = <u64>(<i64>q + step);
  r -= step * <i64>sigB;
  while (r < 0) {
    q -= 1;
    r += <i64>sigB;
  }
  while (r >= <i64>sigB) {
    q += 1;
    r -= <i64>sigB;
  }
  return q | u64(r != 0);
}

/** Returns sigA * 2^55 - q * sigB for q near the quotient (fits in i64). */
function remainder(sigA: u64, sigB: u64, q: u64): i64 {
  mul64To128(q, sigB);
  sub128(sigA >> 9, sigA << 55, hi128, lo128);
  return <i64>lo128;
}

/** fdiv.s: returns round(a / b). */
export function f32_div(a: u32, b: u32, rm: u32): u32 {
  if (rm == RM_RNE) {
    const r = fastDivF32(a, b);
    if (fastHit) return r;
  }
  return <u32>divCore(widenF32(a), widenF32(b), rm, true);
}

/** fdiv.d: returns round(a / b). */
export function f64_div(a: u64, b: u64, rm: u32): u64 {
  if (rm == RM_RNE) {
    const r = fastDivF64(a, b);
    if (fastHit) return r;
  }
  return divCore(a, b, rm, false);
}
