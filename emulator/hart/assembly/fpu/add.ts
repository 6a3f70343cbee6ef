// Addition and subtraction (fadd/fsub) for both formats: special values,
// exponent alignment with a sticky bit, then one roundPack.
import { RM_RDN, RM_RNE } from './flags';
import {
  F64_SIGN, expOf, invalidResult, isInf64, isNaN64, isZero64, nanResult, packInf, packZero, sigOf,
  signOf, widenF32,
} from './operand';
import { fastAddF32, fastAddF64, fastHit } from './fast-rne';
import { roundPack } from './round-pack';
import { shiftRightJam64 } from './u128';

/** Returns round(a + b) in the result format; a and b are double bit patterns (widened singles). */
export function addCore(a: u64, b: u64, rm: u32, single: bool): u64 {
  if (isNaN64(a) || isNaN64(b)) return nanResult(a, b, single);
  let sA = signOf(a), sB = signOf(b);
  if (isInf64(a)) {
    if (isInf64(b) && sA != sB) return invalidResult(single);
    return packInf(sA, single);
  }
  if (isInf64(b)) return packInf(sB, single);
  if (isZero64(a)) {
    if (isZero64(b)) return packZero(sA == sB ? sA : u32(rm == RM_RDN), single);
    return roundPack(sB, expOf(b), sigOf(b), rm, single);
  }
  if (isZero64(b)) return roundPack(sA, expOf(a), sigOf(a), rm, single);
  // Leading 1 at bit 61: one bit of headroom for the carry, 9 guard bits.
  let eA = expOf(a) - 9, eB = expOf(b) - 9;
  let sigA = sigOf(a) << 9, sigB = sigOf(b) << 9;
  if (eA < eB || (eA == eB && sigA < sigB)) {
    const e = eA; eA = eB; eB = e;
    const s = sigA; sigA = sigB; sigB = s;
    const g = sA; sA = sB; sB = g;
  }
  sigB = shiftRightJam64(sigB, eA - eB);
  if (sA == sB) return roundPack(sA, eA, sigA + sigB, rm, single);
  const diff = sigA - sigB;
  if (diff == 0) return packZero(u32(rm == RM_RDN), single);
  return roundPack(sA, eA, diff, rm, single);
}

/** fadd.s: returns round(a + b). */
export function f32_add(a: u32, b: u32, rm: u32): u32 {
  if (rm == RM_RNE) {
    const r = fastAddF32(a, b);
    if (fastHit) return r;
  }
  return <u32>addCore(widenF32(a), widenF32(b), rm, true);
}

/** fsub.s: returns round(a - b). */
export function f32_sub(a: u32, b: u32, rm: u32): u32 {
  if (rm == RM_RNE) {
    const r = fastAddF32(a, b ^ 0x80000000);
    if (fastHit) return r;
  }
  return <u32>addCore(widenF32(a), widenF32(b) ^ F64_SIGN, rm, true);
}

/** fadd.d: returns round(a + b). */
export function f64_add(a: u64, b: u64, rm: u32): u64 {
  if (rm == RM_RNE) {
    const r = fastAddF64(a, b);
    if (fastHit) return r;
  }
  return addCore(a, b, rm, false);
}

/** fsub.d: returns round(a - b). */
export function f64_sub(a: u64, b: u64, rm: u32): u64 {
  if (rm == RM_RNE) {
    const r = fastAddF64(a, b ^ F64_SIGN);
    if (fastHit) return r;
  }
  return addCore(a, b ^ F64_SIGN, rm, false);
}
