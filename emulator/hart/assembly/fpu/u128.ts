// 128-bit unsigned helpers for the FPU: 64x64->128 multiply, jamming right
// shifts (shifted-out bits OR into bit 0 as a sticky bit), add/sub/compare.
// Results of the 128-bit functions are left in the globals hi128/lo128.

/** High and low words of the last 128-bit result. */
export let hi128: u64 = 0;
export let lo128: u64 = 0;

/** Sets hi128:lo128 = a * b (full 128-bit product). */
export function mul64To128(a: u64, b: u64): void {
  const a0 = a & 0xFFFFFFFF, a1 = a >> 32;
  const b0 = b & 0xFFFFFFFF, b1 = b >> 32;
  const p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  const mid = (p00 >> 32) + (p01 & 0xFFFFFFFF) + (p10 & 0xFFFFFFFF);
  lo128 = (mid << 32) | (p00 & 0xFFFFFFFF);
  hi128 = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}

/** Returns a >> dist with every shifted-out 1 bit ORed into bit 0 (any dist >= 0). */
export function shiftRightJam64(a: u64, dist: i32): u64 {
  if (dist == 0) return a;
  if (dist >= 64) return u64(a != 0);
  const d = <u64>dist;
  return (a >> d) | u64((a << (64 - d)) != 0);
}

/** Sets hi128:lo128 = (hi:lo) >> dist with sticky jamming (any dist >= 0). */
export function shiftRightJam128(hi: u64, lo: u64, dist: i32): void {
  if (dist == 0) {
    hi128 = hi; lo128 = lo;
  } else if (dist < 64) {
    const d = <u64>dist;
    lo128 = (hi << (64 - d)) | (lo >> d) | u64((lo << (64 - d)) != 0);
    hi128 = hi >> d;
  } else if (dist == 64) {
    lo128 = hi | u64(lo != 0);
    hi128 = 0;
  } else if (dist < 128) {
    const d = <u64>(dist - 64);
    lo128 = (hi >> d) | u64(((hi << (64 - d)) | lo) != 0);
    hi128 = 0;
  } else {
    lo128 = u64((hi | lo) != 0);
    hi128 = 0;
  }
}

/** Sets hi128:lo128 = a + b (mod 2^128). */
export function add128(aHi: u64, aLo: u64, bHi: u64, bLo: u64): void {
  const lo = aLo + bLo;
  hi128 = aHi + bHi + u64(lo < aLo);
  lo128 = lo;
}

/** Sets hi128:lo128 = a - b (mod 2^128). */
export function sub128(aHi: u64, aLo: u64, bHi: u64, bLo: u64): void {
  hi128 = aHi - bHi - u64(aLo < bLo);
  lo128 = aLo - bLo;
}

/** Returns true when a < b as unsigned 128-bit numbers. */
export function lt128(aHi: u64, aLo: u64, bHi: u64, bLo: u64): bool {
  return aHi < bHi || (aHi == bHi && aLo < bLo);
}
