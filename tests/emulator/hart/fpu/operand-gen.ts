// Test helper: deterministic operand generators for the FPU tests: special
// values, edge values (subnormals, min/max normal, near overflow/underflow),
// sparse mantissas that make exact results and rounding ties, and random bits.
import { F32, type Format } from './exact-reference.ts';

/** A small deterministic PRNG (xorshift64*), so failures reproduce. */
export class Rng {
  private state: bigint;
  constructor(seed: number) { this.state = BigInt(seed) * 0x9e3779b97f4a7c15n | 1n; }
  /** Returns 64 random bits. */
  bits64(): bigint {
    let x = this.state;
    x ^= x >> 12n; x ^= BigInt.asUintN(64, x << 25n); x ^= x >> 27n;
    this.state = x;
    return BigInt.asUintN(64, x * 0x2545f4914f6cdd1dn);
  }
  /** Returns an integer in [0, n). */
  int(n: number): number { return Number(this.bits64() % BigInt(n)); }
  pick<T>(xs: readonly T[]): T { return xs[this.int(xs.length)]!; }
}

interface Layout { fb: bigint; emax: bigint; width: bigint }
const layout = (f: Format): Layout => ({ fb: BigInt(f.p - 1), emax: BigInt((1 << f.expBits) - 1), width: BigInt(f.bits) });

/** Builds a bit pattern from sign, exponent field and fraction. */
export function pack(f: Format, sign: number, expField: number, frac: bigint): bigint {
  const { fb, width } = layout(f);
  return (BigInt(sign) << (width - 1n)) | (BigInt(expField) << fb) | (frac & ((1n << fb) - 1n));
}

/** Special and edge operands of a format (both signs). */
export function specials(f: Format): bigint[] {
  const { fb, emax } = layout(f);
  const E = Number(emax);
  const all = (1n << fb) - 1n;
  const positive = [
    pack(f, 0, 0, 0n), pack(f, 0, 0, 1n), pack(f, 0, 0, all), pack(f, 0, 0, 1n << (fb - 1n)),
    pack(f, 0, 1, 0n), pack(f, 0, 1, all), pack(f, 0, E - 1, all), pack(f, 0, E - 1, 0n),
    pack(f, 0, E, 0n), pack(f, 0, E, 1n << (fb - 1n)), pack(f, 0, E, 1n), pack(f, 0, E, all),
    pack(f, 0, Number(emax >> 1n), 0n), pack(f, 0, Number(emax >> 1n), 1n), pack(f, 0, Number(emax >> 1n), all),
    pack(f, 0, Number(emax >> 1n) + 1, 1n << (fb - 1n)),
  ];
  return positive.flatMap((x) => [x, x | (1n << (layout(f).width - 1n))]);
}

/** A fraction: random, sparse (few bits, for exact results and ties), all ones or zero. */
function fraction(f: Format, rng: Rng): bigint {
  const { fb } = layout(f);
  const mask = (1n << fb) - 1n;
  switch (rng.int(5)) {
    case 0: return 0n;
    case 1: { // a few set bits near the top and bottom
      let v = 0n;
      for (let i = rng.int(4); i >= 0; i--) v |= 1n << BigInt(rng.int(Number(fb)));
      return v;
    }
    case 2: return mask ^ (1n << BigInt(rng.int(Number(fb)))); // nearly all ones
    default: return rng.bits64() & mask;
  }
}

/** An exponent field: anywhere, near the bottom (subnormal region), near the top, or near `near`. */
function exponent(f: Format, rng: Rng, near: number): number {
  const E = (1 << f.expBits) - 1;
  const spread = f === F32 ? 30 : 60;
  switch (rng.int(6)) {
    case 0: return rng.int(E); // any finite
    case 1: return rng.int(f.p + 4); // subnormal / tiny
    case 2: return E - 1 - rng.int(f.p + 4); // near overflow
    case 3: return (E >> 1) + rng.int(2 * spread) - spread; // around 1.0
    default: return Math.min(E - 1, Math.max(0, near + rng.int(2 * f.p + 6) - f.p - 3));
  }
}

/** Returns the exponent field of a bit pattern. */
export function expField(f: Format, bits: bigint): number {
  const { fb, emax } = layout(f);
  return Number((bits >> fb) & emax);
}

/** A random operand; `nearField` (an exponent field) biases it towards another operand's exponent. */
export function operand(f: Format, rng: Rng, nearField?: number): bigint {
  if (rng.int(16) === 0) return rng.pick(specials(f));
  if (rng.int(16) === 0) return rng.bits64() & ((1n << layout(f).width) - 1n);
  return pack(f, rng.int(2), exponent(f, rng, nearField ?? 1 << (f.expBits - 1)), fraction(f, rng));
}
