// Square root (fsqrt) for both formats: an exact 57-bit integer square root
// (native estimate, then exact integer correction), the remainder as the
// sticky bit, then one roundPack.
import { RM_RNE } from './flags';
import {
  expOf, invalidResult, isInf64, isNaN64, isZero64, nanResult, packInf, sigOf, signOf, widenF32,
} from './operand';
import { fastHit, fastSqrtF32, fastSqrtF64 } from './fast-rne';
import { roundPack } from './round-pack';
import { hi128, lo128, mul64To128, sub128 } from './u128';

/**
 * Returns floor(sqrt(sig * 2^60)) for sig in [2^52, 2^54), a 57-bit root, with
 * bit 0 set when the remainder is nonzero (sticky). The correctly rounded
 * native sqrt is within 4 of the root; a Newton step and exact 128-bit
 * remainders make the result exact.
 */
function rootWithSticky(sig: u64): u64 {
  let r = <u64>(Math.sqrt(<f64>sig) * 1073741824.0);
  let d = remainder(sig, r);
  r = <u64>(<i64>r + d / <i64>(r << 1));
  d = remainder(sig, r);
  while (d < 0) {
    r -= 1;
    d += <i64>((r << 1) + 1);
  }
  while (d > <i64>(r << 1)) {
    r += 1;
    d -= <i64>((r << 1) - 1);
  }
  return r | u64(d != 0);
}

/** Returns sig * 2^60 - r^2 for r near the root (the difference fits in i64). */
function remainder(sig: u64, r: u64): i64 {
  mul64To128(r, r);
  sub128(sig >> 4, sig << 60, hi128, lo128);
  return <i64>lo128;
}

/** Returns round(sqrt(a)) in the result format; NV and NaN for a < 0 (not -0). */
export function sqrtCore(a: u64, rm: u32, single: bool): u64 {
  if (isNaN64(a)) return nanResult(a, a, single);
  if (isZero64(a)) return <u64>signOf(a) << (single ? 31 : 63);
  if (signOf(a) != 0) return invalidResult(single);
  if (isInf64(a)) return packInf(0, single);
  let sig = sigOf(a);
  let exp = expOf(a);
  if ((exp & 1) != 0) {
    sig <<= 1;
    exp -= 1;
  }
  return roundPack(0, (exp >> 1) - 30, rootWithSticky(sig), rm, single);
}

/** fsqrt.s: returns round(sqrt(a)). */
export function f32_sqrt(a: u32, rm: u32): u32 {
  if (rm == RM_RNE) {
    const r = fastSqrtF32(a);
    if (fastHit) return r;
  }
  return <u32>sqrtCore(widenF32(a), rm, true);
}

/** fsqrt.d: returns round(sqrt(a)). */
export function f64_sqrt(a: u64, rm: u32): u64 {
  if (rm == RM_RNE) {
    const r = fastSqrtF64(a);
    if (fastHit) return r;
  }
  return sqrtCore(a, rm, false);
}
