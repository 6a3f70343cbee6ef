// Hand-checked corner cases from the RISC-V F/D chapters: the fcvt saturation
// table, fmin/fmax with signaling NaNs and signed zeros, feq/flt/fle flag
// rules, fclass bits, canonical NaNs, and IEEE special-value arithmetic.
import { beforeAll, describe, expect, it } from 'vitest';
import { DZ, NV, NX, OF, RDN, RMM, RNE, RTZ, RUP, UF, loadFpu, type Fpu } from './fpu-wasm.ts';

let fpu: Fpu;
beforeAll(() => { fpu = loadFpu(); });

const S_QNAN = 0x7fc00000, S_SNAN = 0x7f800001, S_INF = 0x7f800000, S_NINF = 0xff800000;
const S_ONE = 0x3f800000, S_M1 = 0xbf800000, S_ZERO = 0, S_NZERO = 0x80000000;
const D_QNAN = 0x7ff8000000000000n, D_SNAN = 0x7ff0000000000001n, D_INF = 0x7ff0000000000000n;
const D_NINF = 0xfff0000000000000n, D_ONE = 0x3ff0000000000000n, D_NZERO = 0x8000000000000000n;
const D_MAX = 0x7fefffffffffffffn, D_MIN_SUB = 1n;

/** Calls `name` and returns [value, flags] for compact expectations. */
const run = (name: string, ...args: (number | bigint)[]): [bigint, number] => {
  const r = fpu.call(name, ...args);
  return [r.value, r.flags];
};

describe('fcvt saturation table (RISC-V spec, F chapter)', () => {
  it('NaN and +inf give the maximum, -inf the minimum, all with NV', () => {
    expect(run('f32_to_i32', S_QNAN, RTZ)).toEqual([0x7fffffffn, NV]);
    expect(run('f32_to_i32', S_INF, RTZ)).toEqual([0x7fffffffn, NV]);
    expect(run('f32_to_i32', S_NINF, RTZ)).toEqual([0x80000000n, NV]);
    expect(run('f32_to_u32', S_QNAN, RTZ)).toEqual([0xffffffffn, NV]);
    expect(run('f32_to_u32', S_NINF, RTZ)).toEqual([0n, NV]);
    expect(run('f64_to_i64', D_SNAN, RNE)).toEqual([0x7fffffffffffffffn, NV]);
    expect(run('f64_to_i64', D_NINF, RNE)).toEqual([0x8000000000000000n, NV]);
    expect(run('f64_to_u64', D_INF, RNE)).toEqual([0xffffffffffffffffn, NV]);
    expect(run('f64_to_u64', D_NINF, RNE)).toEqual([0n, NV]);
  });
  it('out-of-range finite values saturate with NV and no NX', () => {
    expect(run('f64_to_i32', 0x41e0000000000000n, RNE)).toEqual([0x7fffffffn, NV]); // 2^31
    expect(run('f64_to_i32', 0xc1e0000000000000n, RNE)).toEqual([0x80000000n, 0]); // -2^31 fits
    expect(run('f64_to_i32', 0xc1e0000000100000n, RTZ)).toEqual([0x80000000n, NX]); // -2^31 - 0.5
    expect(run('f64_to_i32', 0xc1e0000000100000n, RDN)).toEqual([0x80000000n, NV]); // rounds to -2^31-1
    expect(run('f64_to_u32', 0x41effffffff00000n, RTZ)).toEqual([0xffffffffn, NX]); // 2^32 - 0.5
    expect(run('f64_to_u32', 0x41effffffff00000n, RNE)).toEqual([0xffffffffn, NV]); // rounds to 2^32
    expect(run('f64_to_u64', D_MAX, RTZ)).toEqual([0xffffffffffffffffn, NV]);
    expect(run('f64_to_i64', 0x43e0000000000000n, RTZ)).toEqual([0x7fffffffffffffffn, NV]); // 2^63
    expect(run('f64_to_i64', 0xc3e0000000000000n, RTZ)).toEqual([0x8000000000000000n, 0]); // -2^63
  });
  it('unsigned: negatives rounding to 0 give 0 with NX only, below -1 give 0 with NV', () => {
    expect(run('f64_to_u32', 0xbfe0000000000000n, RTZ)).toEqual([0n, NX]); // -0.5
    expect(run('f64_to_u32', 0xbfe0000000000000n, RNE)).toEqual([0n, NX]); // -0.5 ties to even 0
    expect(run('f64_to_u32', 0xbfe0000000000000n, RMM)).toEqual([0n, NV]); // -0.5 -> -1
    expect(run('f32_to_u64', S_M1, RTZ)).toEqual([0n, NV]);
    expect(run('f32_to_u64', 0xbf7fffff, RUP)).toEqual([0n, NX]);
    expect(run('f32_to_u32', S_NZERO, RNE)).toEqual([0n, 0]);
  });
  it('rounds per mode with NX (riscv-tests fcvt_w examples)', () => {
    expect(run('f64_to_i32', 0xbff199999999999an, RTZ)).toEqual([0xffffffffn, NX]); // -1.1 -> -1
    expect(run('f64_to_i32', 0x3ff199999999999an, RTZ)).toEqual([1n, NX]); // 1.1 -> 1
    expect(run('f32_to_i32', 0x3fc00000, RNE)).toEqual([2n, NX]); // 1.5 -> 2
    expect(run('f32_to_i32', 0x40200000, RNE)).toEqual([2n, NX]); // 2.5 -> 2
    expect(run('f32_to_i32', 0x40200000, RMM)).toEqual([3n, NX]); // 2.5 -> 3
    expect(run('f32_to_i32', 0xc0200000, RDN)).toEqual([0xfffffffdn, NX]); // -2.5 -> -3
    expect(run('f32_to_i32', 0xc0200000, RUP)).toEqual([0xfffffffen, NX]); // -2.5 -> -2
  });
});

describe('fmin/fmax (IEEE 754-2019 minimumNumber/maximumNumber)', () => {
  it('one NaN operand returns the other; sNaN raises NV', () => {
    expect(run('f32_min', S_SNAN, S_ONE)).toEqual([BigInt(S_ONE), NV]);
    expect(run('f32_max', S_ONE, S_QNAN)).toEqual([BigInt(S_ONE), 0]);
    expect(run('f64_min', D_ONE, D_SNAN)).toEqual([D_ONE, NV]);
    expect(run('f64_max', D_QNAN, D_NINF)).toEqual([D_NINF, 0]);
  });
  it('two NaNs give the canonical NaN', () => {
    expect(run('f32_min', S_SNAN, S_QNAN)).toEqual([0x7fc00000n, NV]);
    expect(run('f32_max', 0xffc00123, 0x7fc00456)).toEqual([0x7fc00000n, 0]);
    expect(run('f64_max', D_QNAN | 5n, D_QNAN)).toEqual([D_QNAN, 0]);
  });
  it('-0 is below +0', () => {
    expect(run('f32_min', S_ZERO, S_NZERO)).toEqual([BigInt(S_NZERO), 0]);
    expect(run('f32_max', S_NZERO, S_ZERO)).toEqual([BigInt(S_ZERO), 0]);
    expect(run('f64_min', 0n, D_NZERO)).toEqual([D_NZERO, 0]);
    expect(run('f64_max', D_NZERO, 0n)).toEqual([0n, 0]);
  });
  it('orders ordinary values', () => {
    expect(run('f32_min', S_M1, S_ONE)).toEqual([BigInt(S_M1), 0]);
    expect(run('f64_max', 0xc000000000000000n, 0xc008000000000000n)).toEqual([0xc000000000000000n, 0]); // -2 > -3
  });
});

describe('comparisons', () => {
  it('feq is quiet: NV only for sNaN', () => {
    expect(run('f32_eq', S_QNAN, S_ONE)).toEqual([0n, 0]);
    expect(run('f32_eq', S_SNAN, S_ONE)).toEqual([0n, NV]);
    expect(run('f64_eq', 0n, D_NZERO)).toEqual([1n, 0]);
    expect(run('f64_eq', D_QNAN, D_QNAN)).toEqual([0n, 0]);
  });
  it('flt/fle are signaling: NV for any NaN', () => {
    expect(run('f32_lt', S_QNAN, S_ONE)).toEqual([0n, NV]);
    expect(run('f64_le', D_ONE, D_QNAN)).toEqual([0n, NV]);
    expect(run('f64_lt', D_NZERO, 0n)).toEqual([0n, 0]);
    expect(run('f64_le', D_NZERO, 0n)).toEqual([1n, 0]);
    expect(run('f32_lt', S_M1, S_ONE)).toEqual([1n, 0]);
    expect(run('f32_lt', 0xc0000000, S_M1)).toEqual([1n, 0]); // -2 < -1
    expect(run('f32_le', S_NINF, S_NINF)).toEqual([1n, 0]);
  });
});

describe('fclass', () => {
  it('sets exactly one of the ten bits', () => {
    const single: [number, number][] = [
      [S_NINF, 1 << 0], [S_M1, 1 << 1], [0x807fffff, 1 << 2], [S_NZERO, 1 << 3], [S_ZERO, 1 << 4],
      [0x00000001, 1 << 5], [S_ONE, 1 << 6], [S_INF, 1 << 7], [S_SNAN, 1 << 8], [S_QNAN, 1 << 9],
    ];
    for (const [a, mask] of single) expect(run('f32_classify', a)).toEqual([BigInt(mask), 0]);
    const double: [bigint, number][] = [
      [D_NINF, 1 << 0], [0xbff0000000000000n, 1 << 1], [0x800fffffffffffffn, 1 << 2], [D_NZERO, 1 << 3],
      [0n, 1 << 4], [D_MIN_SUB, 1 << 5], [D_MAX, 1 << 6], [D_INF, 1 << 7], [D_SNAN, 1 << 8], [D_QNAN, 1 << 9],
    ];
    for (const [a, mask] of double) expect(run('f64_classify', a)).toEqual([BigInt(mask), 0]);
  });
});

describe('special values in arithmetic', () => {
  it('NaN results are canonical, NV for sNaN or invalid operations', () => {
    expect(run('f32_add', 0xffc12345, S_ONE, RNE)).toEqual([0x7fc00000n, 0]);
    expect(run('f32_add', S_SNAN, S_ONE, RNE)).toEqual([0x7fc00000n, NV]);
    expect(run('f64_add', D_INF, D_NINF, RNE)).toEqual([D_QNAN, NV]);
    expect(run('f64_mul', D_INF, 0n, RNE)).toEqual([D_QNAN, NV]);
    expect(run('f64_div', 0n, D_NZERO, RNE)).toEqual([D_QNAN, NV]);
    expect(run('f32_sqrt', S_M1, RNE)).toEqual([0x7fc00000n, NV]);
    expect(run('f32_to_f64', S_SNAN)).toEqual([D_QNAN, NV]);
    expect(run('f64_to_f32', 0xfff8000000000123n, RNE)).toEqual([0x7fc00000n, 0]);
  });
  it('fma: inf*0 + qNaN is invalid; inf*x - inf is invalid', () => {
    expect(run('f64_fma', D_INF, 0n, D_QNAN, RNE)).toEqual([D_QNAN, NV]);
    expect(run('f32_fma', S_INF, S_ONE, S_NINF, RNE)).toEqual([0x7fc00000n, NV]);
    expect(run('f32_fma', S_QNAN, S_ONE, S_SNAN, RNE)).toEqual([0x7fc00000n, NV]);
  });
  it('signed zeros, division by zero, sqrt(-0)', () => {
    expect(run('f64_div', D_ONE, D_NZERO, RNE)).toEqual([D_NINF, DZ]);
    expect(run('f32_sqrt', S_NZERO, RNE)).toEqual([BigInt(S_NZERO), 0]);
    expect(run('f64_sub', D_ONE, D_ONE, RNE)).toEqual([0n, 0]);
    expect(run('f64_sub', D_ONE, D_ONE, RDN)).toEqual([D_NZERO, 0]);
    expect(run('f32_add', S_NZERO, S_NZERO, RNE)).toEqual([BigInt(S_NZERO), 0]);
    expect(run('f32_fma', S_ONE, S_NZERO, S_NZERO, RNE)).toEqual([BigInt(S_NZERO), 0]);
    expect(run('f32_fma', S_ONE, S_ZERO, S_NZERO, RNE)).toEqual([0n, 0]);
    expect(run('f32_fma', S_ONE, S_ZERO, S_NZERO, RDN)).toEqual([BigInt(S_NZERO), 0]);
  });
  it('overflow gives inf or the largest finite value by mode', () => {
    expect(run('f64_mul', D_MAX, 0x4000000000000000n, RNE)).toEqual([D_INF, OF | NX]);
    expect(run('f64_mul', D_MAX, 0x4000000000000000n, RTZ)).toEqual([D_MAX, OF | NX]);
    expect(run('f64_mul', D_MAX, 0xc000000000000000n, RUP)).toEqual([D_MAX | D_NZERO, OF | NX]);
    expect(run('f64_mul', D_MAX, 0xc000000000000000n, RDN)).toEqual([D_NINF, OF | NX]);
  });
  it('underflow: tiny and inexact raises UF, tininess after rounding', () => {
    expect(run('f64_mul', D_MIN_SUB, 0x3fe0000000000000n, RNE)).toEqual([0n, UF | NX]); // 2^-1075 ties to 0
    expect(run('f64_mul', D_MIN_SUB, 0x3fe0000000000000n, RUP)).toEqual([1n, UF | NX]);
    expect(run('f64_mul', D_MIN_SUB, 0x4000000000000000n, RNE)).toEqual([2n, 0]); // exact subnormal: no UF
    // (2^-126)(1 - 2^-25) rounds up to 2^-126 at single precision: not tiny after rounding.
    expect(run('f64_to_f32', 0x380fffffefffffffn, RNE)).toEqual([0x00800000n, UF | NX]);
    expect(run('f64_to_f32', 0x380ffffff0000000n, RNE)).toEqual([0x00800000n, NX]);
  });
});
