// The FPU module exports exactly what the hart core codes against (the FPU
// contract): every operation name, and the fflagsAccrued flag accumulator that
// accrues across calls until the caller clears it.
import { describe, expect, it } from 'vitest';
import { NV, NX, loadFpu } from './fpu-wasm.ts';

const perFormat = [
  'add', 'sub', 'mul', 'div', 'sqrt', 'fma', 'eq', 'lt', 'le', 'min', 'max', 'classify',
  'to_i32', 'to_u32', 'to_i64', 'to_u64',
];
const fromInt = ['i32', 'u32', 'i64', 'u64'];

describe('FPU contract surface', () => {
  it('exports every contract operation for both formats', () => {
    const names = new Set(loadFpu().exportNames);
    const expected = [
      ...['f32', 'f64'].flatMap((t) => perFormat.map((op) => `${t}_${op}`)),
      ...fromInt.flatMap((i) => [`${i}_to_f32`, `${i}_to_f64`]),
      'f32_to_f64', 'f64_to_f32', 'fflagsAccrued',
    ];
    expect(expected.filter((n) => !names.has(n))).toEqual([]);
  });
  it('ORs flags into fflagsAccrued without clearing them', () => {
    const fpu = loadFpu();
    // call() clears before each operation; a second raw call accrues on top.
    const first = fpu.call('f64_div', 0x3ff0000000000000n, 0x4008000000000000n, 0); // 1/3: NX
    expect(first.flags).toBe(NX);
    const both = fpu.callAccrued('f32_lt', 0x7fc00000, 0); // qNaN compare: NV, NX kept
    expect(both).toBe(NV | NX);
  });
});
