// Reference IEEE 754 binary32/binary64 arithmetic with RISC-V rules (canonical
// NaN results, tininess after rounding, saturating conversions), written from
// the F/D chapters of the unprivileged spec with exact bigint arithmetic.
// gen-fp-ops.ts uses it to compute the expected results and fflags of checks.

export interface Format {
  readonly name: 's' | 'd';
  readonly bits: number;
  readonly precision: number; // significand bits including the hidden one
  readonly expBits: number;
}
export const F32: Format = { name: 's', bits: 32, precision: 24, expBits: 8 };
export const F64: Format = { name: 'd', bits: 64, precision: 53, expBits: 11 };

/** Rounding modes in frm encoding. */
export const RNE = 0, RTZ = 1, RDN = 2, RUP = 3, RMM = 4;
export const NX = 1n, UF = 2n, OF = 4n, DZ = 8n, NV = 16n;

export interface Result {
  readonly bits: bigint;
  readonly flags: bigint;
}

/** A decoded value: NaN, infinity, or finite sign * mant * 2^exp (mant may be 0). */
type Decoded =
  | { kind: 'nan'; signaling: boolean }
  | { kind: 'inf'; neg: boolean }
  | { kind: 'fin'; neg: boolean; mant: bigint; exp: number };

const bias = (f: Format): number => (1 << (f.expBits - 1)) - 1;
const emin = (f: Format): number => 1 - bias(f);
const emax = (f: Format): number => bias(f);
const fracBits = (f: Format): number => f.precision - 1;

/** The canonical quiet NaN of the format. */
export function canonicalNaN(f: Format): bigint {
  return f === F32 ? 0x7fc00000n : 0x7ff8000000000000n;
}
function infBits(f: Format, neg: boolean): bigint {
  const e = (1n << BigInt(f.expBits)) - 1n;
  return (neg ? 1n << BigInt(f.bits - 1) : 0n) | (e << BigInt(fracBits(f)));
}
function maxFiniteBits(f: Format, neg: boolean): bigint {
  return infBits(f, neg) - 1n;
}
function zeroBits(f: Format, neg: boolean): bigint {
  return neg ? 1n << BigInt(f.bits - 1) : 0n;
}

export function decode(f: Format, bits: bigint): Decoded {
  const fb = BigInt(fracBits(f));
  const neg = ((bits >> BigInt(f.bits - 1)) & 1n) === 1n;
  const e = Number((bits >> fb) & ((1n << BigInt(f.expBits)) - 1n));
  const frac = bits & ((1n << fb) - 1n);
  if (e === (1 << f.expBits) - 1) {
    if (frac === 0n) return { kind: 'inf', neg };
    return { kind: 'nan', signaling: ((frac >> (fb - 1n)) & 1n) === 0n };
  }
  if (e === 0) return { kind: 'fin', neg, mant: frac, exp: emin(f) - fracBits(f) };
  return { kind: 'fin', neg, mant: frac | (1n << fb), exp: e - bias(f) - fracBits(f) };
}

function bitLength(v: bigint): number {
  return v === 0n ? 0 : v.toString(2).length;
}

/** Rounds |mant * 2^exp| (+ a sticky tail below it) to an integer count of 2^lsb units. */
function roundAt(mant: bigint, exp: number, sticky: boolean, lsb: number, neg: boolean, rm: number): { q: bigint; inexact: boolean } {
  if (lsb <= exp) return { q: mant << BigInt(exp - lsb), inexact: sticky };
  const shift = BigInt(lsb - exp);
  const q = mant >> shift;
  const rem = mant & ((1n << shift) - 1n);
  const half = 1n << (shift - 1n);
  const inexact = rem !== 0n || sticky;
  let up = false;
  if (rm === RNE) up = rem > half || (rem === half && (sticky || (q & 1n) === 1n));
  else if (rm === RMM) up = rem >= half;
  else if (rm === RDN) up = neg && inexact;
  else if (rm === RUP) up = !neg && inexact;
  return { q: up ? q + 1n : q, inexact };
}

/** Rounds the exact finite non-zero value (-1)^neg * mant * 2^exp (+ sticky) to the format. */
export function roundToFormat(f: Format, neg: boolean, mant: bigint, exp: number, sticky: boolean, rm: number): Result {
  const p = f.precision;
  const top = exp + bitLength(mant) - 1; // exponent of the leading bit
  // tininess after rounding: round to p bits with unbounded exponent range
  const unb = roundAt(mant, exp, sticky, top - (p - 1), neg, rm);
  const unbTop = top - (p - 1) + bitLength(unb.q) - 1;
  const tiny = unbTop < emin(f);
  const lsb = Math.max(top - (p - 1), emin(f) - (p - 1));
  const rounded = roundAt(mant, exp, sticky, lsb, neg, rm);
  const inexact = rounded.inexact;
  let q = rounded.q;
  let lsbExp = lsb;
  if (bitLength(q) > p) {
    q >>= 1n;
    lsbExp += 1;
  }
  let flags = inexact ? NX : 0n;
  if (tiny && inexact) flags |= UF;
  const resultTop = lsbExp + bitLength(q) - 1;
  if (q !== 0n && resultTop > emax(f)) {
    const toInf = rm === RNE || rm === RMM || (rm === RUP && !neg) || (rm === RDN && neg);
    return { bits: toInf ? infBits(f, neg) : maxFiniteBits(f, neg), flags: OF | NX };
  }
  const sign = neg ? 1n << BigInt(f.bits - 1) : 0n;
  if (q === 0n) return { bits: sign, flags };
  const fb = BigInt(fracBits(f));
  if (bitLength(q) < p) return { bits: sign | q, flags }; // subnormal: lsbExp is the minimum
  const be = BigInt(lsbExp + (p - 1) + bias(f));
  return { bits: sign | (be << fb) | (q - (1n << fb)), flags };
}

function nanResult(f: Format, ...inputs: Decoded[]): Result {
  const sig = inputs.some((d) => d.kind === 'nan' && d.signaling);
  return { bits: canonicalNaN(f), flags: sig ? NV : 0n };
}
function invalid(f: Format): Result {
  return { bits: canonicalNaN(f), flags: NV };
}

/** Exact sum of two finite values, rounded; handles the sign of an exact zero. */
function addFinite(f: Format, an: boolean, am: bigint, ae: number, bn: boolean, bm: bigint, be: number, rm: number): Result {
  const e = Math.min(ae, be);
  const a = (an ? -am : am) << BigInt(ae - e);
  const b = (bn ? -bm : bm) << BigInt(be - e);
  const s = a + b;
  if (s === 0n) {
    const neg = am === 0n && bm === 0n && an === bn ? an : rm === RDN;
    return { bits: zeroBits(f, neg), flags: 0n };
  }
  return roundToFormat(f, s < 0n, s < 0n ? -s : s, e, false, rm);
}

export function add(f: Format, x: bigint, y: bigint, rm: number): Result {
  const a = decode(f, x), b = decode(f, y);
  if (a.kind === 'nan' || b.kind === 'nan') return nanResult(f, a, b);
  if (a.kind === 'inf' && b.kind === 'inf') return a.neg === b.neg ? { bits: infBits(f, a.neg), flags: 0n } : invalid(f);
  if (a.kind === 'inf') return { bits: infBits(f, a.neg), flags: 0n };
  if (b.kind === 'inf') return { bits: infBits(f, b.neg), flags: 0n };
  return addFinite(f, a.neg, a.mant, a.exp, b.neg, b.mant, b.exp, rm);
}

export function sub(f: Format, x: bigint, y: bigint, rm: number): Result {
  const d = decode(f, y);
  return d.kind === 'nan' ? add(f, x, y, rm) : add(f, x, y ^ (1n << BigInt(f.bits - 1)), rm);
}

export function mul(f: Format, x: bigint, y: bigint, rm: number): Result {
  const a = decode(f, x), b = decode(f, y);
  if (a.kind === 'nan' || b.kind === 'nan') return nanResult(f, a, b);
  const neg = a.neg !== b.neg;
  const aZero = a.kind === 'fin' && a.mant === 0n, bZero = b.kind === 'fin' && b.mant === 0n;
  if ((a.kind === 'inf' && bZero) || (b.kind === 'inf' && aZero)) return invalid(f);
  if (a.kind === 'inf' || b.kind === 'inf') return { bits: infBits(f, neg), flags: 0n };
  if (a.kind !== 'fin' || b.kind !== 'fin') throw new Error('unreachable');
  if (aZero || bZero) return { bits: zeroBits(f, neg), flags: 0n };
  return roundToFormat(f, neg, a.mant * b.mant, a.exp + b.exp, false, rm);
}

export function div(f: Format, x: bigint, y: bigint, rm: number): Result {
  const a = decode(f, x), b = decode(f, y);
  if (a.kind === 'nan' || b.kind === 'nan') return nanResult(f, a, b);
  const neg = a.neg !== b.neg;
  if (a.kind === 'inf') return b.kind === 'inf' ? invalid(f) : { bits: infBits(f, neg), flags: 0n };
  if (b.kind === 'inf') return { bits: zeroBits(f, neg), flags: 0n };
  if (b.mant === 0n) return a.mant === 0n ? invalid(f) : { bits: infBits(f, neg), flags: DZ };
  if (a.mant === 0n) return { bits: zeroBits(f, neg), flags: 0n };
  const extra = 2 * f.precision + 4;
  const num = a.mant << BigInt(extra);
  const q = num / b.mant;
  const sticky = num % b.mant !== 0n;
  return roundToFormat(f, neg, q, a.exp - b.exp - extra, sticky, rm);
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

export function sqrt(f: Format, x: bigint, rm: number): Result {
  const a = decode(f, x);
  if (a.kind === 'nan') return nanResult(f, a);
  if (a.kind === 'inf') return a.neg ? invalid(f) : { bits: x, flags: 0n };
  if (a.mant === 0n) return { bits: x, flags: 0n };
  if (a.neg) return invalid(f);
  let mant = a.mant, exp = a.exp;
  const extra = 2 * f.precision + 6;
  mant <<= BigInt(extra);
  exp -= extra;
  if (exp % 2 !== 0) {
    mant <<= 1n;
    exp -= 1;
  }
  const r = isqrt(mant);
  return roundToFormat(f, false, r, exp / 2, r * r !== mant, rm);
}

/** (x * y) + z with one rounding; negProduct/negAddend give fmsub, fnmsub, fnmadd. */
export function fma(f: Format, x: bigint, y: bigint, z: bigint, negProduct: boolean, negAddend: boolean, rm: number): Result {
  const a = decode(f, x), b = decode(f, y), c = decode(f, z);
  const aZero = a.kind === 'fin' && a.mant === 0n, bZero = b.kind === 'fin' && b.mant === 0n;
  if ((a.kind === 'inf' && bZero) || (b.kind === 'inf' && aZero)) return invalid(f); // even if c is a quiet NaN
  if (a.kind === 'nan' || b.kind === 'nan' || c.kind === 'nan') return nanResult(f, a, b, c);
  const pneg = (a.neg !== b.neg) !== negProduct;
  const cneg = c.neg !== negAddend;
  const pInf = a.kind === 'inf' || b.kind === 'inf';
  if (pInf && c.kind === 'inf' && pneg !== cneg) return invalid(f);
  if (pInf) return { bits: infBits(f, pneg), flags: 0n };
  if (c.kind === 'inf') return { bits: infBits(f, cneg), flags: 0n };
  if (a.kind !== 'fin' || b.kind !== 'fin') throw new Error('unreachable');
  return addFinite(f, pneg, a.mant * b.mant, a.exp + b.exp, cneg, c.mant, c.exp, rm);
}

/** fcvt between formats (s <-> d). */
export function convertFloat(from: Format, to: Format, x: bigint, rm: number): Result {
  const a = decode(from, x);
  if (a.kind === 'nan') return nanResult(to, a);
  if (a.kind === 'inf') return { bits: infBits(to, a.neg), flags: 0n };
  if (a.mant === 0n) return { bits: zeroBits(to, a.neg), flags: 0n };
  return roundToFormat(to, a.neg, a.mant, a.exp, false, rm);
}

/** fcvt.{w,wu,l,lu}.fmt: integer result as a 64-bit register pattern (W results sign-extended). */
export function toInt(f: Format, x: bigint, bits: 32 | 64, signed: boolean, rm: number): Result {
  const a = decode(f, x);
  const max = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  const min = signed ? -(1n << BigInt(bits - 1)) : 0n;
  const reg = (v: bigint): bigint => BigInt.asUintN(64, BigInt.asIntN(bits, v));
  if (a.kind === 'nan') return { bits: reg(max), flags: NV };
  if (a.kind === 'inf') return { bits: reg(a.neg ? min : max), flags: NV };
  let v: bigint, inexact: boolean;
  if (a.exp >= 0) {
    v = a.mant << BigInt(a.exp);
    inexact = false;
  } else {
    const r = roundAt(a.mant, a.exp, false, 0, a.neg, rm);
    v = r.q;
    inexact = r.inexact;
  }
  if (a.neg) v = -v;
  if (v > max) return { bits: reg(max), flags: NV };
  if (v < min) return { bits: reg(min), flags: NV };
  return { bits: reg(v), flags: inexact ? NX : 0n };
}

/** fcvt.fmt.{w,wu,l,lu}: rs1 is a 64-bit register pattern. */
export function fromInt(f: Format, reg: bigint, bits: 32 | 64, signed: boolean, rm: number): Result {
  let v = bits === 32 ? reg & 0xffffffffn : reg;
  if (signed) v = BigInt.asIntN(bits, v);
  if (v === 0n) return { bits: 0n, flags: 0n };
  return roundToFormat(f, v < 0n, v < 0n ? -v : v, 0, false, rm);
}

function isNaNBits(f: Format, x: bigint): boolean {
  return decode(f, x).kind === 'nan';
}
function isSignaling(f: Format, x: bigint): boolean {
  const d = decode(f, x);
  return d.kind === 'nan' && d.signaling;
}
/** Total order of non-NaN values as numbers (-0 == +0). */
function compareNum(f: Format, x: bigint, y: bigint): number {
  const key = (v: bigint): bigint => {
    const sign = v >> BigInt(f.bits - 1);
    const mag = v & ((1n << BigInt(f.bits - 1)) - 1n);
    return sign === 1n ? -mag : mag;
  };
  const kx = key(x), ky = key(y);
  return kx < ky ? -1 : kx > ky ? 1 : 0;
}

/** feq (quiet: NV only for sNaN), flt/fle (signaling: NV for any NaN). */
export function compare(f: Format, op: 'eq' | 'lt' | 'le', x: bigint, y: bigint): Result {
  if (isNaNBits(f, x) || isNaNBits(f, y)) {
    const nv = op !== 'eq' || isSignaling(f, x) || isSignaling(f, y);
    return { bits: 0n, flags: nv ? NV : 0n };
  }
  const c = compareNum(f, x, y);
  const r = op === 'eq' ? c === 0 : op === 'lt' ? c < 0 : c <= 0;
  return { bits: r ? 1n : 0n, flags: 0n };
}

/** fmin/fmax (IEEE 754-2019 minimumNumber/maximumNumber, -0 < +0). */
export function minMax(f: Format, isMax: boolean, x: bigint, y: bigint): Result {
  const flags = isSignaling(f, x) || isSignaling(f, y) ? NV : 0n;
  const xn = isNaNBits(f, x), yn = isNaNBits(f, y);
  if (xn && yn) return { bits: canonicalNaN(f), flags };
  if (xn) return { bits: y, flags };
  if (yn) return { bits: x, flags };
  const c = compareNum(f, x, y);
  const xNeg = x >> BigInt(f.bits - 1) === 1n;
  // equal numbers differ only as -0/+0: max prefers +0, min prefers -0
  const pickX = c === 0 ? (isMax ? !xNeg : xNeg) : isMax ? c > 0 : c < 0;
  return { bits: pickX ? x : y, flags };
}

/** fclass: the one-hot class mask. */
export function classify(f: Format, x: bigint): bigint {
  const d = decode(f, x);
  if (d.kind === 'nan') return d.signaling ? 1n << 8n : 1n << 9n;
  if (d.kind === 'inf') return d.neg ? 1n << 0n : 1n << 7n;
  const subnormal = d.mant !== 0n && d.mant < 1n << BigInt(fracBits(f));
  if (d.mant === 0n) return d.neg ? 1n << 3n : 1n << 4n;
  if (subnormal) return d.neg ? 1n << 2n : 1n << 5n;
  return d.neg ? 1n << 1n : 1n << 6n;
}
