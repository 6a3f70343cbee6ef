// The one rounding step of the FPU (SoftFloat-3 roundPack): takes an exact or
// sticky-jammed significand, rounds it to single or double precision in one of
// the five RISC-V modes, handles subnormals, overflow and tininess after
// rounding, raises NX/UF/OF, and packs the result bits.
import { FLAG_NX, FLAG_OF, FLAG_UF, RM_RDN, RM_RMM, RM_RNE, RM_RUP, raise } from './flags';
import { shiftRightJam64 } from './u128';

/**
 * Returns the bits (single results in the low 32 bits) of sign * sig * 2^exp
 * rounded per rm. sig must be nonzero; if its bit 0 is a sticky bit, it must
 * hold at least precision+2 significant bits (leading 1 at bit >= p+1).
 */
export function roundPack(sign: u32, exp: i32, sig: u64, rm: u32, single: bool): u64 {
  const lz = <i32>clz<u64>(sig);
  if (lz == 0) {
    sig = (sig >> 1) | (sig & 1);
    exp += 1;
  } else {
    sig <<= <u64>(lz - 1);
    exp -= lz - 1;
  }
  // Now the leading 1 is at bit 62; value = sig * 2^exp.
  const p: i32 = single ? 24 : 53;
  const roundBitCount = <u64>(63 - p);
  const mask: u64 = (<u64>1 << roundBitCount) - 1;
  const half: u64 = <u64>1 << (roundBitCount - 1);
  const bias: i32 = single ? 127 : 1023;
  const expTop: i32 = single ? 0xFD : 0x7FD;
  const signBit = <u64>sign << (single ? 31 : 63);
  // SoftFloat convention: biased exponent minus one (the hidden bit adds it back).
  let sfExp = exp + 61 + bias;
  let incr: u64 = 0;
  if (rm == RM_RNE || rm == RM_RMM) incr = half;
  else if (rm == (sign != 0 ? RM_RDN : RM_RUP)) incr = mask;

  if (<u32>sfExp >= <u32>expTop) {
    if (sfExp < 0) {
      const tiny = sfExp < -1 || sig + incr < 0x8000000000000000;
      sig = shiftRightJam64(sig, -sfExp);
      sfExp = 0;
      if (tiny && (sig & mask) != 0) raise(FLAG_UF);
    } else if (sfExp > expTop || sig + incr >= 0x8000000000000000) {
      raise(FLAG_OF | FLAG_NX);
      const inf = signBit | (single ? <u64>0x7F800000 : <u64>0x7FF0000000000000);
      return incr == 0 ? inf - 1 : inf;
    }
  }
  const roundBits = sig & mask;
  let z = (sig + incr) >> roundBitCount;
  if (roundBits != 0) raise(FLAG_NX);
  if (rm == RM_RNE && roundBits == half) z &= ~(<u64>1);
  if (z == 0) sfExp = 0;
  return signBit + (<u64>sfExp << <u64>(p - 1)) + z;
}
