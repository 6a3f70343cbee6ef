// Native fast paths for round-to-nearest-even. The wasm f64/f32 operation is
// correctly rounded (RNE); each function here decides exactly whether it was
// inexact (NX) and gives up (fastHit = false) whenever any other flag or a
// special value could be involved (NaN, infinity, overflow, results at or
// below the smallest normal), leaving those cases to the soft-float cores.
import { FLAG_NX, raise } from './flags';

/** Whether the last fast-path call produced the result (otherwise use the soft path). */
export let fastHit = false;

const F64_INF: u64 = 0x7FF0000000000000;
const F64_MIN_NORMAL: u64 = 0x0010000000000000;
const F32_INF: u32 = 0x7F800000;
const F32_MIN_NORMAL: u32 = 0x00800000;

/** True when min normal < |bits| < inf (so no UF/OF and no special operand). */
// @ts-ignore: decorator
@inline function normalF64(bits: u64): bool {
  const mag = bits & 0x7FFFFFFFFFFFFFFF;
  return mag > F64_MIN_NORMAL && mag < F64_INF;
}

// @ts-ignore: decorator
@inline function normalF32(bits: u32): bool {
  const mag = bits & 0x7FFFFFFF;
  return mag > F32_MIN_NORMAL && mag < F32_INF;
}

/** The significand of a finite double with its trailing zero bits removed. */
function oddPart(bits: u64): u64 {
  const frac = bits & 0x000FFFFFFFFFFFFF;
  const sig = (bits & F64_INF) != 0 ? frac | 0x0010000000000000 : frac;
  return sig >> ctz<u64>(sig);
}

/** Sets fastHit and raises NX when inexact; returns `result`. */
// @ts-ignore: decorator
@inline function hit<T>(result: T, inexact: bool): T {
  fastHit = true;
  if (inexact) raise(FLAG_NX);
  return result;
}

/** Returns the error of the double sum s = x + y (TwoSum; exact without overflow). */
// @ts-ignore: decorator
@inline function sumError(x: f64, y: f64, s: f64): f64 {
  const yy = s - x;
  return (x - (s - yy)) + (y - yy);
}

/** RNE a + b for doubles; inexact detected by TwoSum. */
export function fastAddF64(a: u64, b: u64): u64 {
  fastHit = false;
  const x = reinterpret<f64>(a), y = reinterpret<f64>(b);
  const s = x + y;
  const bits = reinterpret<u64>(s);
  // Exponent fields below 0x7FE: no NaN/inf operand or result, and TwoSum cannot overflow.
  const top: u64 = 0x7FE0000000000000;
  if ((a & F64_INF) >= top || (b & F64_INF) >= top || (bits & F64_INF) >= top) return 0;
  return hit<u64>(bits, sumError(x, y, s) != 0);
}

/** True when a * b (finite, nonzero) needs more than 53 significant bits. */
function productInexact(a: u64, b: u64): bool {
  const oa = oddPart(a), ob = oddPart(b);
  const width = 128 - <i32>clz<u64>(oa) - <i32>clz<u64>(ob);
  return width > 54 || oa * ob >= 0x0020000000000000;
}

/** RNE a * b for doubles; exact iff the product of the odd significands fits 53 bits. */
export function fastMulF64(a: u64, b: u64): u64 {
  fastHit = false;
  const bits = reinterpret<u64>(reinterpret<f64>(a) * reinterpret<f64>(b));
  if (!normalF64(bits)) return 0;
  return hit<u64>(bits, productInexact(a, b));
}

/** RNE a * b + c for doubles, only when a * b is exact: then it is one rounded add (TwoSum for NX). */
export function fastFmaF64(a: u64, b: u64, c: u64): u64 {
  fastHit = false;
  const p = reinterpret<f64>(a) * reinterpret<f64>(b);
  const pBits = reinterpret<u64>(p);
  const top: u64 = 0x7FE0000000000000;
  if (!normalF64(pBits) || (pBits & F64_INF) >= top || (c & F64_INF) >= top) return 0;
  if (productInexact(a, b)) return 0;
  const z = reinterpret<f64>(c);
  const s = p + z;
  const bits = reinterpret<u64>(s);
  if ((bits & F64_INF) >= top) return 0;
  return hit<u64>(bits, sumError(p, z, s) != 0);
}

/** RNE a / b for doubles; exact iff the odd significand of b divides that of a. */
export function fastDivF64(a: u64, b: u64): u64 {
  fastHit = false;
  const bits = reinterpret<u64>(reinterpret<f64>(a) / reinterpret<f64>(b));
  if (!normalF64(bits)) return 0;
  return hit<u64>(bits, oddPart(a) % oddPart(b) != 0);
}

/** RNE sqrt(a) for positive finite doubles; exact iff the root's odd significand squares to a's. */
export function fastSqrtF64(a: u64): u64 {
  fastHit = false;
  if (a == 0 || a >= F64_INF) return 0; // zeros, negatives, inf, NaN
  const bits = reinterpret<u64>(Math.sqrt(reinterpret<f64>(a)));
  const o = oddPart(bits);
  return hit<u64>(bits, clz<u64>(o) < 37 || o * o != oddPart(a));
}

/** RNE a + b for singles: the double sum, when exact, rounds once to single. */
export function fastAddF32(a: u32, b: u32): u32 {
  fastHit = false;
  const x = <f64>reinterpret<f32>(a), y = <f64>reinterpret<f32>(b);
  const s = x + y;
  const r = <f32>s;
  const bits = reinterpret<u32>(r);
  if ((bits & F32_INF) == F32_INF || sumError(x, y, s) != 0) return 0;
  return hit<u32>(bits, <f64>r != s);
}

/** RNE a * b for singles: the double product is exact, then rounds once to single. */
export function fastMulF32(a: u32, b: u32): u32 {
  fastHit = false;
  const p = <f64>reinterpret<f32>(a) * <f64>reinterpret<f32>(b);
  const r = <f32>p;
  const bits = reinterpret<u32>(r);
  if (!normalF32(bits)) return 0;
  return hit<u32>(bits, <f64>r != p);
}

/** RNE a / b for singles: double quotient rounded to single (no double-rounding error); exact iff r * b == a. */
export function fastDivF32(a: u32, b: u32): u32 {
  fastHit = false;
  const x = <f64>reinterpret<f32>(a), y = <f64>reinterpret<f32>(b);
  const r = <f32>(x / y);
  const bits = reinterpret<u32>(r);
  if (!normalF32(bits)) return 0;
  return hit<u32>(bits, <f64>r * y != x);
}

/** RNE sqrt(a) for positive finite singles; exact iff r * r == a (exact in double). */
export function fastSqrtF32(a: u32): u32 {
  fastHit = false;
  if (a == 0 || a >= F32_INF) return 0;
  const x = <f64>reinterpret<f32>(a);
  const r = <f32>Math.sqrt(x);
  return hit<u32>(reinterpret<u32>(r), <f64>r * <f64>r != x);
}

/** RNE a * b + c for singles: exact double product, exact double sum (else give up), one rounding to single. */
export function fastFmaF32(a: u32, b: u32, c: u32): u32 {
  fastHit = false;
  const p = <f64>reinterpret<f32>(a) * <f64>reinterpret<f32>(b);
  const z = <f64>reinterpret<f32>(c);
  const s = p + z;
  const r = <f32>s;
  const bits = reinterpret<u32>(r);
  if (!normalF32(bits) || sumError(p, z, s) != 0) return 0;
  return hit<u32>(bits, <f64>r != s);
}
