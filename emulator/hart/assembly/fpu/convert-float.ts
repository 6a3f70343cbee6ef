// Conversions between the two floating-point formats: fcvt.d.s (exact
// widening) and fcvt.s.d (narrowing with rounding). NaNs become canonical.
import { FLAG_NV, raise } from './flags';
import {
  F32_QNAN, F64_QNAN, expOf, isInf64, isNaN64, isZero64, nanResult, packInf, packZero, sigOf,
  signOf, widenF32,
} from './operand';
import { roundPack } from './round-pack';

/** fcvt.d.s: returns the double equal to single a (canonical NaN; NV for sNaN). */
export function f32_to_f64(a: u32): u64 {
  if ((a & 0x7FFFFFFF) > 0x7F800000) {
    if ((a & 0x00400000) == 0) raise(FLAG_NV);
    return F64_QNAN;
  }
  return widenF32(a);
}

/** fcvt.s.d: returns double a rounded to single per rm (canonical NaN; NV for sNaN). */
export function f64_to_f32(a: u64, rm: u32): u32 {
  if (isNaN64(a)) {
    nanResult(a, a, true);
    return F32_QNAN;
  }
  if (isInf64(a)) return <u32>packInf(signOf(a), true);
  if (isZero64(a)) return <u32>packZero(signOf(a), true);
  return <u32>roundPack(signOf(a), expOf(a), sigOf(a), rm, true);
}
