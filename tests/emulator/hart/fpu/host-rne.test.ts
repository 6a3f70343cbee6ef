// Round-to-nearest-even results of the FPU against the host: JS double
// arithmetic is correctly rounded binary64, and Math.fround of a double
// result is correctly rounded binary32 for + - * / sqrt of binary32 operands.
import { beforeAll, describe, expect, it } from 'vitest';
import { F32, F64, canonicalNaN } from './exact-reference.ts';
import { RNE, loadFpu, type Fpu } from './fpu-wasm.ts';
import { Rng, expField, operand } from './operand-gen.ts';

let fpu: Fpu;
beforeAll(() => { fpu = loadFpu(); });

const buf = new DataView(new ArrayBuffer(8));
const toF64 = (b: bigint): number => { buf.setBigUint64(0, b); return buf.getFloat64(0); };
const fromF64 = (x: number): bigint => { buf.setFloat64(0, x); return buf.getBigUint64(0); };
const toF32 = (b: bigint): number => { buf.setUint32(0, Number(b)); return buf.getFloat32(0); };
const fromF32 = (x: number): bigint => { buf.setFloat32(0, x); return BigInt(buf.getUint32(0)); };

type HostOp = (x: number, y: number) => number;
const ops: Record<string, HostOp> = {
  add: (x, y) => x + y, sub: (x, y) => x - y, mul: (x, y) => x * y, div: (x, y) => x / y,
  sqrt: (x) => Math.sqrt(x),
};

describe('RNE results match the host', () => {
  for (const [name, op] of Object.entries(ops)) {
    it(`f64_${name} (5000 operand pairs)`, () => {
      const rng = new Rng(100 + name.length);
      const bad: string[] = [];
      for (let i = 0; i < 5000; i++) {
        const a = operand(F64, rng);
        const b = operand(F64, rng, rng.int(2) ? expField(F64, a) : undefined);
        const host = op(toF64(a), toF64(b));
        const want = Number.isNaN(host) ? canonicalNaN(F64) : fromF64(host);
        const got = fpu.call(`f64_${name}`, ...(name === 'sqrt' ? [a] : [a, b]), RNE).value;
        if (got !== want && bad.length < 5) bad.push(`${a.toString(16)} ${b.toString(16)}: ${got.toString(16)} != ${want.toString(16)}`);
      }
      expect(bad).toEqual([]);
    });
    it(`f32_${name} (5000 operand pairs)`, () => {
      const rng = new Rng(200 + name.length);
      const bad: string[] = [];
      for (let i = 0; i < 5000; i++) {
        const a = operand(F32, rng);
        const b = operand(F32, rng, rng.int(2) ? expField(F32, a) : undefined);
        const host = Math.fround(op(toF32(a), toF32(b)));
        const want = Number.isNaN(host) ? canonicalNaN(F32) : fromF32(host);
        const args = name === 'sqrt' ? [Number(a)] : [Number(a), Number(b)];
        const got = fpu.call(`f32_${name}`, ...args, RNE).value;
        if (got !== want && bad.length < 5) bad.push(`${a.toString(16)} ${b.toString(16)}: ${got.toString(16)} != ${want.toString(16)}`);
      }
      expect(bad).toEqual([]);
    });
  }
  it('f64_to_f32 and the integer conversions to double match Math.fround / Number', () => {
    const rng = new Rng(300);
    for (let i = 0; i < 3000; i++) {
      const a = operand(F64, rng, 1023 + rng.int(300) - 150);
      const host = Math.fround(toF64(a));
      const want = Number.isNaN(host) ? canonicalNaN(F32) : fromF32(host);
      expect(fpu.call('f64_to_f32', a, RNE).value).toBe(want);
      const v = BigInt.asIntN(64, rng.bits64() >> BigInt(rng.int(64)));
      expect(fpu.call('i64_to_f64', v, RNE).value).toBe(fromF64(Number(v)));
    }
  });
});
