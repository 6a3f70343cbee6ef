// A small deterministic PRNG (xoshiro128**, seeded through splitmix32) for the
// differential program generator: the same seed gives the same program on
// every machine and Node version. Hands 32-bit words to program-generator.ts.

/** Mixes a 32-bit value (splitmix32 finaliser); used to seed and to derive seeds. */
export function mix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Returns the seed of program `index` of a run whose base seed is `base` (uint32). */
export function deriveSeed(base: number, index: number): number {
  return mix32((mix32(base) + Math.imul(index, 0x632be5ab)) | 0);
}

export class Prng {
  private readonly s = new Uint32Array(4);

  constructor(seed: number) {
    let x = seed >>> 0;
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) >>> 0;
      this.s[i] = mix32(x);
    }
    if ((this.s[0] | this.s[1] | this.s[2] | this.s[3]) === 0) this.s[0] = 1;
  }

  /** Returns the next uniformly distributed uint32. */
  nextU32(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** Returns an integer in [0, n) for 1 <= n <= 2^32 (tiny modulo bias is fine here). */
  below(n: number): number {
    return Math.floor((this.nextU32() / 4294967296) * n);
  }

  /** Returns an integer in [lo, hi] inclusive. */
  range(lo: number, hi: number): number {
    return lo + this.below(hi - lo + 1);
  }

  /** Returns true with probability p. */
  chance(p: number): boolean {
    return this.nextU32() / 4294967296 < p;
  }

  /** Returns one element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)];
  }

  /** Returns a uniformly random 64-bit pattern. */
  nextU64(): bigint {
    return (BigInt(this.nextU32()) << 32n) | BigInt(this.nextU32());
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
