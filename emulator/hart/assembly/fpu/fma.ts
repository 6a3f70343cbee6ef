// Fused multiply-add (fmadd; fmsub/fnmsub/fnmadd by the caller's sign flips):
// exact 128-bit product, addend aligned in 128 bits with a sticky bit, exact
// add or subtract, normalize to 64 bits, then a single roundPack.
import { RM_RDN, RM_RNE } from './flags';
import { fastFmaF32, fastFmaF64, fastHit } from './fast-rne';
import {
  expOf, invalidResult, isInf64, isNaN64, isZero64, nanResult, packInf, packZero, sigOf,
  signOf, widenF32,
} from './operand';
import { roundPack } from './round-pack';
import { add128, hi128, lo128, lt128, mul64To128, shiftRightJam128, sub128 } from './u128';

/** Marks "no special case applies" (never a result: results have canonical NaNs). */
const ORDINARY: u64 = 0xFFFFFFFFFFFFFFFF;

/** Result of fma when an operand is NaN, infinite or a zero product; else ORDINARY. */
function fmaSpecial(a: u64, b: u64, c: u64, rm: u32, single: bool): u64 {
  if (isNaN64(a) || isNaN64(b)) {
    nanResult(c, c, single);
    return nanResult(a, b, single);
  }
  const sP = signOf(a) ^ signOf(b);
  const sC = signOf(c);
  if (isInf64(a) || isInf64(b)) {
    // inf * 0 is invalid even when c is a quiet NaN.
    if (isZero64(a) || isZero64(b)) {
      nanResult(c, c, single);
      return invalidResult(single);
    }
    if (isNaN64(c)) return nanResult(c, c, single);
    if (isInf64(c) && sC != sP) return invalidResult(single);
    return packInf(sP, single);
  }
  if (isNaN64(c)) return nanResult(c, c, single);
  if (isInf64(c)) return packInf(sC, single);
  if (isZero64(a) || isZero64(b)) {
    if (isZero64(c)) return packZero(sP == sC ? sP : u32(rm == RM_RDN), single);
    return roundPack(sC, expOf(c), sigOf(c), rm, single);
  }
  return ORDINARY;
}

/** Returns round(a * b + c) in the result format (one rounding). */
export function fmaCore(a: u64, b: u64, c: u64, rm: u32, single: bool): u64 {
  const special = fmaSpecial(a, b, c, rm, single);
  if (special != ORDINARY) return special;
  const sP = signOf(a) ^ signOf(b);
  const sC = signOf(c);
  // Product in [2^125, 2^127) * 2^expP with 21 low zero bits.
  mul64To128(sigOf(a) << 10, sigOf(b) << 11);
  let pHi = hi128, pLo = lo128;
  let exp = expOf(a) + expOf(b) - 21;
  if (isZero64(c)) return finish(sP, exp, pHi, pLo, rm, single);
  // Addend in [2^125, 2^126) * 2^expC with 73 low zero bits.
  let cHi = sigOf(c) << 9, cLo: u64 = 0;
  const expC = expOf(c) - 73;
  if (exp >= expC) {
    shiftRightJam128(cHi, cLo, exp - expC);
    cHi = hi128; cLo = lo128;
  } else {
    shiftRightJam128(pHi, pLo, expC - exp);
    pHi = hi128; pLo = lo128;
    exp = expC;
  }
  if (sP == sC) {
    add128(pHi, pLo, cHi, cLo);
    return finish(sP, exp, hi128, lo128, rm, single);
  }
  // Only an unshifted or exactly shifted operand can be the larger one.
  if (lt128(pHi, pLo, cHi, cLo)) {
    sub128(cHi, cLo, pHi, pLo);
    return finish(sC, exp, hi128, lo128, rm, single);
  }
  sub128(pHi, pLo, cHi, cLo);
  if ((hi128 | lo128) == 0) return packZero(u32(rm == RM_RDN), single);
  return finish(sP, exp, hi128, lo128, rm, single);
}

/** Rounds the nonzero 128-bit magnitude hi:lo * 2^exp. */
function finish(sign: u32, exp: i32, hi: u64, lo: u64, rm: u32, single: bool): u64 {
  if (hi == 0) return roundPack(sign, exp, lo, rm, single); // exact after cancellation
  const dist = 65 - <i32>clz<u64>(hi); // puts the leading 1 at bit 62
  shiftRightJam128(hi, lo, dist);
  return roundPack(sign, exp + dist, lo128, rm, single);
}

/** fmadd.s: returns round(a * b + c). */
export function f32_fma(a: u32, b: u32, c: u32, rm: u32): u32 {
  if (rm == RM_RNE) {
    const r = fastFmaF32(a, b, c);
    if (fastHit) return r;
  }
  return <u32>fmaCore(widenF32(a), widenF32(b), widenF32(c), rm, true);
}

/** fmadd.d: returns round(a * b + c). */
export function f64_fma(a: u64, b: u64, c: u64, rm: u32): u64 {
  if (rm == RM_RNE) {
    const r = fastFmaF64(a, b, c);
    if (fastHit) return r;
  }
  return fmaCore(a, b, c, rm, false);
}
