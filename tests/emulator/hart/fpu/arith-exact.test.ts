// Bit-exact check of the FPU's add/sub/mul/div/sqrt/fma and format
// conversions in all five rounding modes, results and flags, against the exact
// BigInt reference (exact-reference.ts) on edge and random operands.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  F32, F64, refAdd, refConvert, refDiv, refFma, refMul, refSqrt, type Format,
} from './exact-reference.ts';
import { MODES, loadFpu, type Fpu, type FpuResult } from './fpu-wasm.ts';
import { Rng, expField, operand, specials } from './operand-gen.ts';

let fpu: Fpu;
beforeAll(() => { fpu = loadFpu(); });

const hex = (v: bigint): string => `0x${v.toString(16)}`;
const arg = (f: Format, v: bigint): number | bigint => (f.bits === 32 ? Number(v) : v);

/** Runs `cases` operand tuples in every mode; returns the first few mismatches as readable strings. */
function mismatches(
  name: string, f: Format, cases: bigint[][], ref: (ops: bigint[], rm: number) => FpuResult,
): string[] {
  const bad: string[] = [];
  for (const ops of cases) {
    for (const rm of MODES) {
      const got = fpu.call(name, ...ops.map((v) => arg(f, v)), rm);
      const want = ref(ops, rm);
      if (got.value !== want.value || got.flags !== want.flags) {
        bad.push(`${name}(${ops.map(hex).join(', ')}, rm=${rm}): got ${hex(got.value)} flags ${got.flags}, want ${hex(want.value)} flags ${want.flags}`);
        if (bad.length >= 8) return bad;
      }
    }
  }
  return bad;
}

/** Edge x edge pairs plus `count` random pairs (the second near the first's exponent half the time). */
function pairs(f: Format, seed: number, count: number): bigint[][] {
  const rng = new Rng(seed);
  const edge = specials(f);
  const out: bigint[][] = [];
  for (const a of edge) for (const b of edge) out.push([a, b]);
  for (let i = 0; i < count; i++) {
    const a = operand(f, rng);
    out.push([a, rng.int(2) ? operand(f, rng, expField(f, a)) : operand(f, rng)]);
  }
  return out;
}

for (const f of [F32, F64]) {
  const t = f.bits === 32 ? 'f32' : 'f64';
  describe(`${t} arithmetic vs exact reference, all rounding modes`, () => {
    it('add', () => {
      expect(mismatches(`${t}_add`, f, pairs(f, 1, 3000), ([a, b], rm) => refAdd(a!, b!, f, rm))).toEqual([]);
    });
    it('sub', () => {
      const neg = 1n << BigInt(f.bits - 1);
      expect(mismatches(`${t}_sub`, f, pairs(f, 2, 2000), ([a, b], rm) => refAdd(a!, b! ^ neg, f, rm))).toEqual([]);
    });
    it('mul', () => {
      expect(mismatches(`${t}_mul`, f, pairs(f, 3, 3000), ([a, b], rm) => refMul(a!, b!, f, rm))).toEqual([]);
    });
    it('div', () => {
      expect(mismatches(`${t}_div`, f, pairs(f, 4, 3000), ([a, b], rm) => refDiv(a!, b!, f, rm))).toEqual([]);
    });
    it('sqrt', () => {
      const rng = new Rng(5);
      const cases = [...specials(f), ...Array.from({ length: 3000 }, () => operand(f, rng))].map((a) => [a]);
      // Perfect squares and their neighbours give exact results and near-ties.
      for (let i = 0; i < 300; i++) {
        const root = operand(f, rng) & ((1n << BigInt(f.bits - 1)) - 1n);
        const sq = fpu.call(`${t}_mul`, arg(f, root), arg(f, root), 0).value;
        cases.push([sq], [sq + 1n], [sq - 1n]);
      }
      expect(mismatches(`${t}_sqrt`, f, cases, ([a], rm) => refSqrt(a!, f, rm))).toEqual([]);
    });
    it('fma', () => {
      const rng = new Rng(6);
      const bias = (1 << (f.expBits - 1)) - 1;
      const cases: bigint[][] = [];
      const edge = specials(f);
      for (let i = 0; i < 4000; i++) {
        const a = operand(f, rng), b = operand(f, rng);
        const productField = expField(f, a) + expField(f, b) - bias;
        const c = rng.int(4) === 0 ? rng.pick(edge) : operand(f, rng, productField);
        cases.push([a, b, rng.int(8) === 0 ? c & ~(1n << BigInt(f.bits - 1)) : c]);
      }
      // Exact cancellation: c = -(a*b) rounded, so a*b+c is the rounding error.
      for (let i = 0; i < 500; i++) {
        const a = operand(f, rng), b = operand(f, rng);
        const p = fpu.call(`${t}_mul`, arg(f, a), arg(f, b), rng.int(5)).value;
        cases.push([a, b, p ^ (1n << BigInt(f.bits - 1))]);
      }
      expect(mismatches(`${t}_fma`, f, cases, ([a, b, c], rm) => refFma(a!, b!, c!, f, rm))).toEqual([]);
    });
  });
}

describe('format conversions vs exact reference, all rounding modes', () => {
  it('f64_to_f32 narrows with rounding, overflow and underflow', () => {
    const rng = new Rng(7);
    const cases = specials(F64).map((a) => [a]);
    for (let i = 0; i < 4000; i++) {
      // Exponents spread over and beyond the single range.
      const field = 1023 + rng.int(340) - 170;
      cases.push([rng.int(4) === 0 ? operand(F64, rng) : operand(F64, rng, field)]);
    }
    expect(mismatches('f64_to_f32', F64, cases, ([a], rm) => refConvert(a!, F64, F32, rm))).toEqual([]);
  });
  it('f32_to_f64 widens exactly', () => {
    const rng = new Rng(8);
    const cases = [...specials(F32), ...Array.from({ length: 2000 }, () => operand(F32, rng))];
    const bad = cases.filter((a) => {
      const got = fpu.call('f32_to_f64', Number(a));
      const want = refConvert(a, F32, F64, 0);
      return got.value !== want.value || got.flags !== want.flags;
    });
    expect(bad.map(hex)).toEqual([]);
  });
});
