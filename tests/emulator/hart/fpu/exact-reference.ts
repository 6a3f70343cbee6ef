// Test oracle: an exact IEEE 754 reference for the FPU written with BigInt
// rationals. Operands are decoded to exact (mantissa, exponent) pairs, the
// exact result is formed as a rational, then rounded to the target format in
// each RISC-V rounding mode, deriving NV/DZ/OF/UF/NX (tininess after rounding).
import { DZ, NV, NX, OF, RDN, RMM, RNE, RTZ, RUP, UF, type FpuResult } from './fpu-wasm.ts';

export interface Format {
  readonly bits: 32 | 64;
  readonly p: number; // precision including the hidden bit
  readonly expBits: number;
}
export const F32: Format = { bits: 32, p: 24, expBits: 8 };
export const F64: Format = { bits: 64, p: 53, expBits: 11 };

const bias = (f: Format): number => (1 << (f.expBits - 1)) - 1;
const fracBits = (f: Format): bigint => BigInt(f.p - 1);
const expMax = (f: Format): number => (1 << f.expBits) - 1;
const emin = (f: Format): number => 1 - bias(f);

/** A decoded operand: value = (-1)^sign * mant * 2^exp for 'finite'; mant 0 for zero. */
export type Decoded =
  | { kind: 'qnan' | 'snan'; sign: number }
  | { kind: 'inf'; sign: number }
  | { kind: 'finite'; sign: number; mant: bigint; exp: number };

/** Decodes a bit pattern of format f. */
export function decode(bits: bigint, f: Format): Decoded {
  const fb = fracBits(f);
  const sign = Number(bits >> BigInt(f.bits - 1)) & 1;
  const e = Number((bits >> fb) & BigInt(expMax(f)));
  const frac = bits & ((1n << fb) - 1n);
  if (e === expMax(f)) {
    if (frac === 0n) return { kind: 'inf', sign };
    return { kind: (frac >> (fb - 1n)) === 1n ? 'qnan' : 'snan', sign };
  }
  if (e === 0) return { kind: 'finite', sign, mant: frac, exp: emin(f) - (f.p - 1) };
  return { kind: 'finite', sign, mant: frac | (1n << fb), exp: e - bias(f) - (f.p - 1) };
}

export const canonicalNaN = (f: Format): bigint => (f.bits === 32 ? 0x7fc00000n : 0x7ff8000000000000n);
const signBit = (f: Format, sign: number): bigint => (sign ? 1n << BigInt(f.bits - 1) : 0n);
const infBits = (f: Format, sign: number): bigint => signBit(f, sign) | (BigInt(expMax(f)) << fracBits(f));
export const zeroBits = (f: Format, sign: number): bigint => signBit(f, sign);

const bitLength = (n: bigint): number => n.toString(2).length;

/** floor(log2(n/d)) for n, d > 0. */
function floorLog2(n: bigint, d: bigint): number {
  let e = bitLength(n) - bitLength(d);
  const below = e >= 0 ? n < d << BigInt(e) : n << BigInt(-e) < d;
  if (below) e -= 1;
  return e;
}

/** Rounds the positive integer quotient num/den (with remainder) to an integer per mode. */
function roundQuotient(num: bigint, den: bigint, sign: number, rm: number): { m: bigint; inexact: boolean } {
  const m = num / den;
  const r = num % den;
  let up = false;
  if (rm === RNE) up = 2n * r > den || (2n * r === den && (m & 1n) === 1n);
  else if (rm === RMM) up = 2n * r >= den;
  else if (rm === RDN) up = sign === 1 && r !== 0n;
  else if (rm === RUP) up = sign === 0 && r !== 0n;
  else if (rm !== RTZ) throw new Error(`bad rm ${rm}`);
  return { m: up ? m + 1n : m, inexact: r !== 0n };
}

/** Scales n/d by 2^-q and rounds to an integer. */
function roundAtQuantum(n: bigint, d: bigint, q: number, sign: number, rm: number): { m: bigint; inexact: boolean } {
  return q >= 0 ? roundQuotient(n, d << BigInt(q), sign, rm) : roundQuotient(n << BigInt(-q), d, sign, rm);
}

/** Rounds the exact nonzero value (-1)^sign * n/d (n, d > 0) to format f. */
export function roundRational(sign: number, n: bigint, d: bigint, f: Format, rm: number): FpuResult {
  const e = floorLog2(n, d);
  const q = Math.max(e, emin(f)) - (f.p - 1);
  const { m, inexact } = roundAtQuantum(n, d, q, sign, rm);
  let flags = inexact ? NX : 0;
  // Tininess after rounding: round with unbounded exponent range, compare with 2^emin.
  const qu = e - (f.p - 1);
  const unbounded = roundAtQuantum(n, d, qu, sign, rm).m;
  const tiny = e < emin(f) && unbounded < 1n << BigInt(emin(f) - qu); // qu < emin here
  if (tiny && inexact) flags |= UF;
  if (m === 0n) return { value: zeroBits(f, sign), flags };
  let mm = m;
  let qq = q;
  if (mm === 1n << BigInt(f.p)) { mm >>= 1n; qq += 1; }
  const hidden = 1n << fracBits(f);
  if (mm >= hidden) {
    const field = qq + (f.p - 1) + bias(f);
    if (field >= expMax(f)) return overflow(sign, f, rm);
    return { value: signBit(f, sign) | (BigInt(field) << fracBits(f)) | (mm - hidden), flags };
  }
  return { value: signBit(f, sign) | mm, flags };
}

function overflow(sign: number, f: Format, rm: number): FpuResult {
  const toInf = rm === RNE || rm === RMM || (rm === RUP && sign === 0) || (rm === RDN && sign === 1);
  const inf = infBits(f, sign);
  return { value: toInf ? inf : inf - 1n, flags: OF | NX };
}

/** An exact signed dyadic or rational value: (-1)^sign * n / d, n >= 0, d > 0. */
export interface Exact { sign: number; n: bigint; d: bigint }

export function exactOf(x: Decoded & { kind: 'finite' }): Exact {
  return x.exp >= 0
    ? { sign: x.sign, n: x.mant << BigInt(x.exp), d: 1n }
    : { sign: x.sign, n: x.mant, d: 1n << BigInt(-x.exp) };
}

export function addExact(a: Exact, b: Exact): Exact {
  const na = a.n * b.d * (a.sign ? -1n : 1n);
  const nb = b.n * a.d * (b.sign ? -1n : 1n);
  const s = na + nb;
  return { sign: s < 0n ? 1 : 0, n: s < 0n ? -s : s, d: a.d * b.d };
}

export function mulExact(a: Exact, b: Exact): Exact {
  return { sign: a.sign ^ b.sign, n: a.n * b.n, d: a.d * b.d };
}

const nanResult = (f: Format, ...xs: Decoded[]): FpuResult =>
  ({ value: canonicalNaN(f), flags: xs.some((x) => x.kind === 'snan') ? NV : 0 });
const invalid = (f: Format): FpuResult => ({ value: canonicalNaN(f), flags: NV });
const isNaN = (x: Decoded): x is Decoded & { kind: 'qnan' | 'snan' } => x.kind === 'qnan' || x.kind === 'snan';
const isZero = (x: Decoded): boolean => x.kind === 'finite' && x.mant === 0n;

/** Rounds an exact sum; an exact zero gets the IEEE sign (given when both addends are zeros of one sign). */
function roundSum(s: Exact, zeroSign: number | null, f: Format, rm: number): FpuResult {
  if (s.n === 0n) return { value: zeroBits(f, zeroSign ?? (rm === RDN ? 1 : 0)), flags: 0 };
  return roundRational(s.sign, s.n, s.d, f, rm);
}

/** Reference a + b. */
export function refAdd(a: bigint, b: bigint, f: Format, rm: number): FpuResult {
  const x = decode(a, f), y = decode(b, f);
  if (isNaN(x) || isNaN(y)) return nanResult(f, x, y);
  if (x.kind === 'inf' && y.kind === 'inf') return x.sign === y.sign ? { value: infBits(f, x.sign), flags: 0 } : invalid(f);
  if (x.kind === 'inf') return { value: infBits(f, x.sign), flags: 0 };
  if (y.kind === 'inf') return { value: infBits(f, y.sign), flags: 0 };
  const zeroSign = isZero(x) && isZero(y) && x.sign === y.sign ? x.sign : null;
  return roundSum(addExact(exactOf(x), exactOf(y)), zeroSign, f, rm);
}

/** Reference a * b. */
export function refMul(a: bigint, b: bigint, f: Format, rm: number): FpuResult {
  const x = decode(a, f), y = decode(b, f);
  if (isNaN(x) || isNaN(y)) return nanResult(f, x, y);
  const sign = x.sign ^ y.sign;
  if (x.kind === 'inf' || y.kind === 'inf') {
    return isZero(x) || isZero(y) ? invalid(f) : { value: infBits(f, sign), flags: 0 };
  }
  const p = mulExact(exactOf(x), exactOf(y));
  if (p.n === 0n) return { value: zeroBits(f, sign), flags: 0 };
  return roundRational(sign, p.n, p.d, f, rm);
}

/** Reference a / b. */
export function refDiv(a: bigint, b: bigint, f: Format, rm: number): FpuResult {
  const x = decode(a, f), y = decode(b, f);
  if (isNaN(x) || isNaN(y)) return nanResult(f, x, y);
  const sign = x.sign ^ y.sign;
  if (x.kind === 'inf') return y.kind === 'inf' ? invalid(f) : { value: infBits(f, sign), flags: 0 };
  if (y.kind === 'inf') return { value: zeroBits(f, sign), flags: 0 };
  if (isZero(y)) return isZero(x) ? invalid(f) : { value: infBits(f, sign), flags: DZ };
  if (isZero(x)) return { value: zeroBits(f, sign), flags: 0 };
  const ex = exactOf(x), ey = exactOf(y);
  return roundRational(sign, ex.n * ey.d, ex.d * ey.n, f, rm);
}

/** Integer square root (floor). */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** Reference sqrt(a): exact integer square root of the scaled value, remainder as a half-ulp nudge. */
export function refSqrt(a: bigint, f: Format, rm: number): FpuResult {
  const x = decode(a, f);
  if (isNaN(x)) return nanResult(f, x);
  if (isZero(x)) return { value: a, flags: 0 };
  if (x.sign === 1) return invalid(f);
  if (x.kind === 'inf') return { value: a, flags: 0 };
  // value = mant * 2^exp; scale by an even power so the root has >= p + 8 bits.
  let shift = 2 * (f.p + 8) - bitLength(x.mant) + 2;
  if ((x.exp - shift) % 2 !== 0) shift += 1;
  const scaled = x.mant << BigInt(shift);
  const r = isqrt(scaled);
  const half = (x.exp - shift) / 2; // sqrt(value) = sqrt(scaled) * 2^half
  const exact = r * r === scaled;
  const n = exact ? r : 2n * r + 1n;
  const d0 = exact ? 1n : 2n;
  return half >= 0 ? roundRational(0, n << BigInt(half), d0, f, rm) : roundRational(0, n, d0 << BigInt(-half), f, rm);
}

/** Reference fma: round(a * b + c) once. */
export function refFma(a: bigint, b: bigint, c: bigint, f: Format, rm: number): FpuResult {
  const x = decode(a, f), y = decode(b, f), z = decode(c, f);
  if (isNaN(x) || isNaN(y)) return nanResult(f, x, y, z);
  const ps = x.sign ^ y.sign;
  if (x.kind === 'inf' || y.kind === 'inf') {
    if (isZero(x) || isZero(y)) return invalid(f);
    if (isNaN(z)) return nanResult(f, z);
    if (z.kind === 'inf' && z.sign !== ps) return invalid(f);
    return { value: infBits(f, ps), flags: 0 };
  }
  if (isNaN(z)) return nanResult(f, z);
  if (z.kind === 'inf') return { value: infBits(f, z.sign), flags: 0 };
  const p = mulExact(exactOf(x), exactOf(y));
  const zeroSign = p.n === 0n && isZero(z) && ps === z.sign ? ps : null;
  return roundSum(addExact({ ...p, sign: ps }, exactOf(z)), zeroSign, f, rm);
}

/** Reference conversion of bits (format f) to a 32/64-bit signed/unsigned integer, as an unsigned pattern. */
export function refToInt(a: bigint, f: Format, width: 32 | 64, signed: boolean, rm: number): FpuResult {
  const max = signed ? (1n << BigInt(width - 1)) - 1n : (1n << BigInt(width)) - 1n;
  const min = signed ? -(1n << BigInt(width - 1)) : 0n;
  const pattern = (v: bigint): bigint => BigInt.asUintN(width, v);
  const x = decode(a, f);
  if (isNaN(x)) return { value: pattern(max), flags: NV };
  if (x.kind === 'inf') return { value: pattern(x.sign ? min : max), flags: NV };
  const e = exactOf(x);
  const { m, inexact } = roundQuotient(e.n, e.d, e.sign, rm);
  const v = e.sign ? -m : m;
  if (v > max || v < min) return { value: pattern(v > max ? max : min), flags: NV };
  return { value: pattern(v), flags: inexact ? NX : 0 };
}

/** Reference conversion of an integer value to format f. */
export function refFromInt(v: bigint, f: Format, rm: number): FpuResult {
  if (v === 0n) return { value: 0n, flags: 0 };
  return roundRational(v < 0n ? 1 : 0, v < 0n ? -v : v, 1n, f, rm);
}

/** Reference conversion between formats (from -> to). */
export function refConvert(a: bigint, from: Format, to: Format, rm: number): FpuResult {
  const x = decode(a, from);
  if (isNaN(x)) return nanResult(to, x);
  if (x.kind === 'inf') return { value: infBits(to, x.sign), flags: 0 };
  if (x.mant === 0n) return { value: zeroBits(to, x.sign), flags: 0 };
  const e = exactOf(x);
  return roundRational(e.sign, e.n, e.d, to, rm);
}
