// Integer-to-float conversions (fcvt.{s,d}.{w,wu,l,lu}): exact magnitude,
// then one roundPack (NX when the integer has more bits than the precision).
import { packZero } from './operand';
import { roundPack } from './round-pack';

/** Returns sign * mag rounded to the result format (+0 for mag 0). */
function fromMagnitude(sign: u32, mag: u64, rm: u32, single: bool): u64 {
  if (mag == 0) return packZero(0, single);
  return roundPack(sign, 0, mag, rm, single);
}

/** Returns the magnitude of v as an unsigned number (2^63 for i64.MIN). */
// @ts-ignore: decorator
@inline function magnitude(v: i64): u64 {
  return v < 0 ? 0 - <u64>v : <u64>v;
}

/** fcvt.s.w: returns v rounded to single. */
export function i32_to_f32(v: i32, rm: u32): u32 {
  return <u32>fromMagnitude(u32(v < 0), magnitude(v), rm, true);
}

/** fcvt.s.wu: returns v rounded to single. */
export function u32_to_f32(v: u32, rm: u32): u32 {
  return <u32>fromMagnitude(0, <u64>v, rm, true);
}

/** fcvt.s.l: returns v rounded to single. */
export function i64_to_f32(v: i64, rm: u32): u32 {
  return <u32>fromMagnitude(u32(v < 0), magnitude(v), rm, true);
}

/** fcvt.s.lu: returns v rounded to single. */
export function u64_to_f32(v: u64, rm: u32): u32 {
  return <u32>fromMagnitude(0, v, rm, true);
}

/** fcvt.d.w: returns v as a double (always exact). */
export function i32_to_f64(v: i32, rm: u32): u64 {
  return fromMagnitude(u32(v < 0), magnitude(v), rm, false);
}

/** fcvt.d.wu: returns v as a double (always exact). */
export function u32_to_f64(v: u32, rm: u32): u64 {
  return fromMagnitude(0, <u64>v, rm, false);
}

/** fcvt.d.l: returns v rounded to double. */
export function i64_to_f64(v: i64, rm: u32): u64 {
  return fromMagnitude(u32(v < 0), magnitude(v), rm, false);
}

/** fcvt.d.lu: returns v rounded to double. */
export function u64_to_f64(v: u64, rm: u32): u64 {
  return fromMagnitude(0, v, rm, false);
}
