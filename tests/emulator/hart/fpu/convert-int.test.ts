// Float<->integer conversions of the FPU in all rounding modes against the
// exact reference: saturation, NV/NX flags, values near integer boundaries and
// the 2^31 / 2^32 / 2^63 / 2^64 limits; integers to both formats.
import { beforeAll, describe, expect, it } from 'vitest';
import { F32, F64, refFromInt, refToInt, type Format } from './exact-reference.ts';
import { MODES, loadFpu, type Fpu } from './fpu-wasm.ts';
import { Rng, operand, pack, specials } from './operand-gen.ts';

let fpu: Fpu;
beforeAll(() => { fpu = loadFpu(); });

/** Operands around integers, halves and the conversion limits, plus random ones. */
function floatOperands(f: Format, seed: number, count: number): bigint[] {
  const rng = new Rng(seed);
  const bias = (1 << (f.expBits - 1)) - 1;
  const out = specials(f);
  const fb = BigInt(f.p - 1);
  for (const e of [0, 1, 2, 30, 31, 32, 62, 63, 64]) { // 2^e and neighbours
    for (const frac of [0n, 1n, (1n << fb) - 1n, 1n << (fb - 1n)]) {
      out.push(pack(f, 0, bias + e, frac), pack(f, 1, bias + e, frac), pack(f, 0, bias + e - 1, frac), pack(f, 1, bias + e - 1, frac));
    }
  }
  for (let i = 0; i < count; i++) {
    const field = rng.int(3) === 0 ? bias - 3 + rng.int(8) : bias - 2 + rng.int(70); // small values or up to 2^67
    out.push(rng.int(6) === 0 ? operand(f, rng) : operand(f, rng, field));
  }
  return out;
}

const targets = [
  { suffix: 'i32', width: 32, signed: true }, { suffix: 'u32', width: 32, signed: false },
  { suffix: 'i64', width: 64, signed: true }, { suffix: 'u64', width: 64, signed: false },
] as const;

describe('float to integer conversions vs exact reference', () => {
  for (const f of [F32, F64]) {
    const t = f.bits === 32 ? 'f32' : 'f64';
    for (const { suffix, width, signed } of targets) {
      it(`${t}_to_${suffix}`, () => {
        const bad: string[] = [];
        for (const a of floatOperands(f, width + (signed ? 1 : 0) + f.bits, 1200)) {
          for (const rm of MODES) {
            const got = fpu.call(`${t}_to_${suffix}`, f.bits === 32 ? Number(a) : a, rm);
            const want = refToInt(a, f, width, signed, rm);
            // The wasm function returns the low `width` bits.
            got.value = BigInt.asUintN(width, got.value);
            if ((got.value !== want.value || got.flags !== want.flags) && bad.length < 6) {
              bad.push(`${a.toString(16)} rm=${rm}: got ${got.value.toString(16)}/${got.flags} want ${want.value.toString(16)}/${want.flags}`);
            }
          }
        }
        expect(bad).toEqual([]);
      });
    }
  }
});

/** Integers around powers of two and precision limits, plus random ones. */
function intOperands(width: 32 | 64, signed: boolean, seed: number): bigint[] {
  const rng = new Rng(seed);
  const out: bigint[] = [0n, 1n, -1n];
  for (let e = 0; e < width; e++) for (const d of [-3n, -1n, 0n, 1n, 3n]) out.push((1n << BigInt(e)) + d, -(1n << BigInt(e)) + d);
  for (let i = 0; i < 1500; i++) out.push(rng.bits64() >> BigInt(rng.int(64)), -(rng.bits64() >> BigInt(rng.int(64))));
  const lo = signed ? -(1n << BigInt(width - 1)) : 0n;
  const hi = signed ? (1n << BigInt(width - 1)) - 1n : (1n << BigInt(width)) - 1n;
  return [...out.map((v) => BigInt.asUintN(width, v)).map((v) => (signed ? BigInt.asIntN(width, v) : v)), lo, hi]
    .filter((v) => v >= lo && v <= hi);
}

describe('integer to float conversions vs exact reference', () => {
  for (const f of [F32, F64]) {
    const t = f.bits === 32 ? 'f32' : 'f64';
    for (const { suffix, width, signed } of targets) {
      it(`${suffix}_to_${t}`, () => {
        const bad: string[] = [];
        for (const v of intOperands(width, signed, width + f.bits)) {
          for (const rm of MODES) {
            // i32/u32 parameters are wasm i32 (numbers); i64/u64 are BigInts.
            const arg = width === 32 ? Number(BigInt.asIntN(32, v)) : v;
            const got = fpu.call(`${suffix}_to_${t}`, arg, rm);
            const want = refFromInt(v, f, rm);
            if ((got.value !== want.value || got.flags !== want.flags) && bad.length < 6) {
              bad.push(`${v} rm=${rm}: got ${got.value.toString(16)}/${got.flags} want ${want.value.toString(16)}/${want.flags}`);
            }
          }
        }
        expect(bad).toEqual([]);
      });
    }
  }
});
