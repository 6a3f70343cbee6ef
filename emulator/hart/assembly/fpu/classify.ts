// fclass.s / fclass.d: the 10-bit RISC-V classification mask.
// Bits: 0 -inf, 1 -normal, 2 -subnormal, 3 -0, 4 +0, 5 +subnormal,
// 6 +normal, 7 +inf, 8 signaling NaN, 9 quiet NaN.

/** Returns the class bit for sign/exponent-field/fraction of a format. */
function classBits(sign: bool, expAllOnes: bool, expZero: bool, fracZero: bool, quiet: bool): u32 {
  if (expAllOnes) {
    if (fracZero) return sign ? 1 << 0 : 1 << 7;
    return quiet ? 1 << 9 : 1 << 8;
  }
  if (expZero) {
    if (fracZero) return sign ? 1 << 3 : 1 << 4;
    return sign ? 1 << 2 : 1 << 5;
  }
  return sign ? 1 << 1 : 1 << 6;
}

/** fclass.s: returns the one-hot class mask of single a. */
export function f32_classify(a: u32): u32 {
  const exp = (a >> 23) & 0xFF;
  return classBits((a >> 31) != 0, exp == 0xFF, exp == 0, (a & 0x7FFFFF) == 0, (a & 0x400000) != 0);
}

/** fclass.d: returns the one-hot class mask of double a. */
export function f64_classify(a: u64): u32 {
  const exp = (a >> 52) & 0x7FF;
  const frac = a & 0x000FFFFFFFFFFFFF;
  return classBits((a >> 63) != 0, exp == 0x7FF, exp == 0, frac == 0, (a & 0x0008000000000000) != 0);
}
