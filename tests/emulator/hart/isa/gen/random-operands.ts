// Deterministic pseudo-random floating-point operands for the generated F/D
// checks: a seeded xorshift64* stream, values biased toward the cases that
// matter (exponents near 0 and near the range limits, short significands that
// give exact results, cancelling fused-multiply-add addends).
import { type Format, fma, RNE } from './fp-reference.js';

const MASK64 = (1n << 64n) - 1n;

/** A seeded xorshift64* generator. */
export class Rng {
  private state: bigint;
  constructor(seed: bigint) {
    this.state = (seed & MASK64) || 1n;
  }
  /** The next 64 random bits. */
  next(): bigint {
    let x = this.state;
    x ^= x >> 12n;
    x ^= (x << 25n) & MASK64;
    x ^= x >> 27n;
    this.state = x;
    return (x * 0x2545f4914f6cdd1dn) & MASK64;
  }
  /** A random integer in [0, n). */
  below(n: number): number {
    return Number(this.next() % BigInt(n));
  }
}

/** A random finite value of format `f`, biased toward interesting exponents and significands. */
export function randomFloat(rng: Rng, f: Format): bigint {
  const fracBits = BigInt(f.precision - 1);
  const maxExp = (1 << f.expBits) - 2; // largest finite biased exponent
  const bias = (1 << (f.expBits - 1)) - 1;
  const pick = rng.below(10);
  let exp: number;
  if (pick < 6) exp = bias - 4 + rng.below(9);
  else if (pick < 8) exp = rng.below(maxExp + 1);
  else if (pick < 9) exp = maxExp - rng.below(3);
  else exp = rng.below(3); // subnormal (0) or the smallest normals
  let frac = rng.next() & ((1n << fracBits) - 1n);
  if (rng.below(2) === 0) frac &= ~((1n << (fracBits - BigInt(rng.below(9)))) - 1n); // short significand
  const sign = BigInt(rng.below(2)) << BigInt(f.bits - 1);
  return sign | (BigInt(exp) << fracBits) | frac;
}

/** `count` random operand tuples of `arity` values. */
export function randomTuples(seed: bigint, f: Format, arity: number, count: number): bigint[][] {
  const rng = new Rng(seed);
  return Array.from({ length: count }, () => Array.from({ length: arity }, () => randomFloat(rng, f)));
}

/** Random fused-multiply-add triples; about a third have c = -(a * b) rounded, so the sum cancels. */
export function randomFmaTriples(seed: bigint, f: Format, count: number): bigint[][] {
  const rng = new Rng(seed);
  const sign = 1n << BigInt(f.bits - 1);
  return Array.from({ length: count }, () => {
    const a = randomFloat(rng, f), b = randomFloat(rng, f);
    const c = rng.below(3) === 0 ? fma(f, a, b, 0n, false, false, RNE).bits ^ sign : randomFloat(rng, f);
    return [a, b, c];
  });
}

/** Random 64-bit integers: small, near powers of two, and full-width. */
export function randomInts(seed: bigint, count: number): bigint[] {
  const rng = new Rng(seed);
  return Array.from({ length: count }, () => {
    const kind = rng.below(3);
    if (kind === 0) return rng.next() & 0xffffn;
    const shift = BigInt(rng.below(64));
    const v = kind === 1 ? (1n << shift) + (rng.next() & 0xffn) - 0x80n : rng.next() >> BigInt(rng.below(64));
    return (rng.below(2) === 0 ? v : -v) & MASK64;
  });
}
